//! Film stories: titles, loglines and synopses; each Russian sentence and its English
//! translation are built from the same choices of words.

use super::clauses::{hero, location, object, place, predicate, pronoun, subject, verb};
use super::verbs::{Gov, Object};
use super::{
    Article, Bi, Case, PEOPLE, PERSON, PLACE, PLACES, THING, THINGS, capitalize, phrase,
    title_case, with_preposition,
};
use crate::seed::synthetic::dice::Dice;

/// A logline: one sentence about a hero.
pub(crate) fn logline(d: &mut Dice) -> Bi {
    let hero = hero(d);
    let (who_ru, who_en) = (hero.ru(Case::Nom), hero.en(Article::A));
    let mut out = Bi::default();
    match d.below(3) {
        0 => {
            let does = predicate(d, hero.plural());
            out.sentence(
                &format!("{who_ru} {}.", does.ru),
                &format!("{who_en} {}.", does.en),
            );
        }
        1 => {
            let at = location(d);
            let does = predicate(d, hero.plural());
            out.sentence(
                &format!("{} {who_ru} {}.", at.ru, does.ru),
                &format!("{}, {who_en} {}.", at.en, does.en),
            );
        }
        _ => {
            let go = verb(d, |v| v.gov == Gov::To);
            let to = object(d, go);
            let aim = verb(d, |v| v.perfective && v.object != Object::Place);
            let what = object(d, aim);
            out.sentence(
                &format!(
                    "{who_ru} {} {}, чтобы {} {}.",
                    go.third(hero.plural()),
                    to.ru,
                    aim.infinitive(),
                    what.ru
                ),
                &format!(
                    "{who_en} {} {} to {} {}.",
                    go.en_present(hero.plural()),
                    to.en,
                    aim.en_base(),
                    what.en
                ),
            );
        }
    }
    out
}

const SEASONS: [(&str, &str); 4] = [
    ("зимой", "winter"),
    ("весной", "spring"),
    ("летом", "summer"),
    ("осенью", "autumn"),
];

/// A synopsis of four to six sentences, set in a year, starting "Синтетические данные." /
/// "Synthetic data.".
pub(crate) fn synopsis(d: &mut Dice, year: i32) -> Bi {
    let mut out = Bi::new("Синтетические данные.", "Synthetic data.");
    let hero = hero(d);
    let plural = hero.plural();
    let (he_ru, he_en) = subject(&hero);
    let (season_ru, season_en) = *d.pick(&SEASONS);
    let go = verb(d, |v| matches!(v.gov, Gov::To | Gov::In));
    let to = object(d, go);
    out.sentence(
        &format!(
            "{season_ru} {year} года {} {} {}.",
            hero.ru(Case::Nom),
            go.third(plural),
            to.ru
        ),
        &format!(
            "in the {season_en} of {year}, {} {} {}.",
            hero.en(Article::A),
            go.en_present(plural),
            to.en
        ),
    );
    let does = predicate(d, plural);
    out.sentence(
        &format!("там {he_ru} {}.", does.ru),
        &format!("there {he_en} {}.", does.en),
    );
    let other = super::phrase(d, PEOPLE, PERSON, 0.7, 0.0);
    let meets = verb(d, |v| {
        !v.perfective
            && matches!(v.object, Object::Person | Object::Any)
            && matches!(v.gov, Gov::Acc | Gov::Dat | Gov::With | Gov::About)
    });
    let them = pronoun(meets.gov, hero.noun.gender, plural);
    out.sentence(
        &format!(
            "{} {} {}.",
            other.ru(Case::Nom),
            meets.third(false),
            them.ru
        ),
        &format!(
            "{} {} {}.",
            other.en(Article::A),
            meets.en_present(false),
            them.en
        ),
    );
    if d.chance(0.6) {
        let did = verb(d, |_| true);
        let what = object(d, did);
        out.sentence(
            &format!(
                "когда-то {he_ru} {} {}.",
                did.past(hero.noun.gender, plural),
                what.ru
            ),
            &format!("once {he_en} {} {}.", did.en_past(), what.en),
        );
    }
    if d.chance(0.7) {
        let together = predicate(d, true);
        out.sentence(
            &format!("вместе они {}.", together.ru),
            &format!("together they {}.", together.en),
        );
    }
    let a = phrase(d, THINGS, THING, 0.7, 0.3);
    let b = if d.chance(0.4) {
        phrase(d, PLACES, PLACE, 0.5, 0.3)
    } else {
        phrase(d, THINGS, THING, 0.5, 0.3)
    };
    out.sentence(
        &format!(
            "фильм рассказывает {} и {}.",
            with_preposition("о", &a.ru(Case::Prep)),
            b.ru(Case::Prep)
        ),
        &format!(
            "the film is about {} and {}.",
            a.en(Article::A),
            b.en(Article::A)
        ),
    );
    out
}

/// A film title.
pub(crate) fn title(d: &mut Dice) -> Bi {
    let (ru, en) = match d.below(6) {
        0 => {
            let p = phrase(d, THINGS, THING, 1.0, 0.25);
            (
                p.ru(Case::Nom),
                p.en(if p.plural() {
                    Article::None
                } else {
                    Article::The
                }),
            )
        }
        1 => {
            let head = phrase(d, THINGS, THING, 0.0, 0.1);
            let of = if d.chance(0.5) {
                phrase(d, PEOPLE, PERSON, 0.8, 0.2)
            } else {
                place(d)
            };
            let head_en = head.en(if head.plural() {
                Article::None
            } else {
                Article::The
            });
            (
                format!("{} {}", head.ru(Case::Nom), of.ru(Case::Gen)),
                format!("{head_en} of {}", of.en(Article::The)),
            )
        }
        2 => {
            let (a, b) = (
                phrase(d, PEOPLE, PERSON, 0.0, 0.0),
                phrase(d, PEOPLE, PERSON, 0.0, 0.0),
            );
            (
                format!("{} и {}", a.ru(Case::Nom), b.ru(Case::Nom)),
                format!("{} and {}", a.en(Article::The), b.en(Article::The)),
            )
        }
        3 => {
            let at = location(d);
            (at.ru, at.en)
        }
        4 => {
            let what = phrase(d, THINGS, THING, 0.0, 1.0);
            let from = place(d);
            let ru_from = if from.noun.at == "на" { "с" } else { "из" };
            (
                format!(
                    "{} {}",
                    what.ru(Case::Nom),
                    with_preposition(ru_from, &from.ru(Case::Gen))
                ),
                format!("{} from {}", what.en(Article::None), from.en(Article::The)),
            )
        }
        _ => {
            let p = phrase(d, PEOPLE, PERSON, 0.5, 0.5);
            (
                p.ru(Case::Nom),
                p.en(if p.plural() {
                    Article::None
                } else {
                    Article::The
                }),
            )
        }
    };
    Bi::new(capitalize(&ru), title_case(&en))
}
