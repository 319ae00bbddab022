//! Unit tests of the word lists and the text generators.

use super::adjectives::ADJECTIVES;
use super::names::{feminine, translit};
use super::verbs::VERBS;
use super::*;

#[test]
fn every_noun_has_twelve_forms_and_every_verb_seven() {
    let specials = [
        &FILM,
        &FILM_FESTIVAL,
        &FESTIVAL,
        &STAGE,
        &HALL,
        &SEAT,
        &DAY,
        &HECTARE,
        &YEAR,
    ];
    for noun in PEOPLE.iter().chain(THINGS).chain(PLACES).chain(specials) {
        assert_eq!(
            noun.form_count(),
            12,
            "{}",
            noun.form(Case::Nom, Number::Sg)
        );
        assert!(
            noun.forms
                .chars()
                .all(|c| c == ' ' || ('а'..='я').contains(&c) || c == 'ё'),
            "{}",
            noun.forms
        );
    }
    for place in PLACES {
        assert!(place.at == "в" || place.at == "на");
    }
    for verb in VERBS {
        assert_eq!(verb.counts(), (7, 3), "{}", verb.infinitive());
    }
}

#[test]
fn adjectives_agree_in_gender_case_number_and_animacy() {
    let find = |stem: &str| ADJECTIVES.iter().find(|a| a.stem == stem).expect("listed");
    let (new, last, quiet, good, big, young) = (
        find("нов"),
        find("последн"),
        find("тих"),
        find("хорош"),
        find("больш"),
        find("молод"),
    );
    use Case::*;
    use Gender::*;
    use Number::*;
    assert_eq!(new.form(Acc, Fem, Sg, false), "новую");
    assert_eq!(new.form(Gen, Masc, Pl, false), "новых");
    assert_eq!(new.form(Acc, Masc, Sg, false), "новый");
    assert_eq!(new.form(Acc, Masc, Sg, true), "нового");
    assert_eq!(last.form(Acc, Fem, Sg, false), "последнюю");
    assert_eq!(last.form(Nom, Neut, Sg, false), "последнее");
    assert_eq!(quiet.form(Ins, Masc, Sg, false), "тихим");
    assert_eq!(quiet.form(Nom, Masc, Pl, false), "тихие");
    assert_eq!(good.form(Gen, Fem, Sg, false), "хорошей");
    assert_eq!(good.form(Prep, Neut, Sg, false), "хорошем");
    assert_eq!(big.form(Nom, Masc, Sg, false), "большой");
    assert_eq!(big.form(Ins, Masc, Pl, false), "большими");
    assert_eq!(young.form(Nom, Masc, Sg, false), "молодой");
    assert_eq!(young.form(Acc, Masc, Pl, true), "молодых");
}

#[test]
fn phrases_decline_and_translate() {
    let town = &PLACES[0];
    let old = ADJECTIVES
        .iter()
        .find(|a| a.stem == "стар")
        .expect("listed");
    let p = Phrase {
        adj: Some(old),
        noun: town,
        number: Number::Sg,
    };
    assert_eq!(p.ru(Case::Prep), "старом городе");
    assert_eq!(p.en(Article::A), "an old town");
    assert_eq!(with_preposition("в", &p.ru(Case::Prep)), "в старом городе");
    assert_eq!(with_preposition("в", "Владивостоке"), "во Владивостоке");
    assert_eq!(
        with_preposition("в", "вечернем поезде"),
        "в вечернем поезде"
    );
    assert_eq!(with_preposition("с", "старым другом"), "со старым другом");
    assert_eq!(with_preposition("с", "сестрой"), "с сестрой");
    assert_eq!(with_preposition("о", "острове"), "об острове");
    assert_eq!(with_preposition("о", "ящике"), "о ящике");
}

#[test]
fn numerals_take_the_right_forms() {
    let forms: Vec<String> = [1, 2, 5, 11, 12, 21, 22, 25, 101, 111]
        .iter()
        .map(|n| HALL.count(*n).ru)
        .collect();
    assert_eq!(
        forms,
        [
            "1 зал",
            "2 зала",
            "5 залов",
            "11 залов",
            "12 залов",
            "21 зал",
            "22 зала",
            "25 залов",
            "101 зал",
            "111 залов"
        ]
    );
    assert_eq!(YEAR.count(5).ru, "5 лет");
    assert_eq!(HALL.count(1).en, "1 screen");
    assert_eq!(HALL.count(3).en, "3 screens");
}

#[test]
fn names_numbers_and_titles() {
    assert_eq!(translit("Юрий Щербаков"), "Yuriy Shcherbakov");
    assert_eq!(translit("Наталья Соловьева"), "Natalya Soloveva");
    assert_eq!(feminine("Иванов"), "Иванова");
    assert_eq!(feminine("Островский"), "Островская");
    assert_eq!(feminine("Черных"), "Черных");
    assert_eq!(roman(14), "XIV");
    assert_eq!(roman(9), "IX");
    assert_eq!(
        (ordinal(1), ordinal(2), ordinal(3), ordinal(11), ordinal(22)),
        (
            "1st".into(),
            "2nd".into(),
            "3rd".into(),
            "11th".into(),
            "22nd".into()
        )
    );
    assert_eq!(
        title_case("the secret of the old lighthouse"),
        "The Secret of the Old Lighthouse"
    );
    assert_eq!(capitalize("тайна"), "Тайна");
}

#[test]
fn texts_are_deterministic_bilingual_and_labelled() {
    let generate = || {
        let mut d = Dice::new(42, 7);
        (0..50)
            .map(|_| (title(&mut d), logline(&mut d), synopsis(&mut d, 1987)))
            .collect::<Vec<_>>()
    };
    let (a, b) = (generate(), generate());
    assert_eq!(a, b);
    for (title, logline, synopsis) in &a {
        for text in [&title.ru, &logline.ru, &synopsis.ru] {
            assert!(text.chars().any(|c| ('а'..='я').contains(&c)), "{text}");
            assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
        }
        for text in [&title.en, &logline.en, &synopsis.en] {
            assert!(
                !text
                    .chars()
                    .any(|c| ('а'..='я').contains(&c) || ('А'..='Я').contains(&c)),
                "{text}"
            );
        }
        assert!(synopsis.ru.starts_with("Синтетические данные. "));
        assert!(synopsis.en.starts_with("Synthetic data. "));
        assert!(logline.ru.ends_with('.') && logline.en.ends_with('.'));
    }
}

#[test]
fn stories_use_several_forms_of_the_same_noun() {
    let mut d = Dice::new(1, 1);
    let mut text = String::new();
    for _ in 0..300 {
        text.push_str(&synopsis(&mut d, 2001).ru);
        text.push(' ');
    }
    let words: std::collections::HashSet<&str> = text
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .collect();
    let town = &PLACES[0];
    let cases = [
        Case::Nom,
        Case::Gen,
        Case::Dat,
        Case::Acc,
        Case::Ins,
        Case::Prep,
    ];
    let forms: std::collections::HashSet<&str> = cases
        .iter()
        .flat_map(|c| [town.form(*c, Number::Sg), town.form(*c, Number::Pl)])
        .filter(|f| words.contains(f))
        .collect();
    assert!(forms.len() >= 3, "forms of «город» found: {forms:?}");
}
