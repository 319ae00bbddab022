//! Press texts: titles by kind of material, leads, bodies and quotes, around a film's title.

use chrono::{Datelike, NaiveDate};

use super::clauses::{hero, object, predicate, subject, verb};
use super::{
    Article, Bi, Case, DAY, Gender, Number, THING, THINGS, YEAR, phrase, with_preposition,
};
use crate::domain::enums::PressMaterialKind;
use crate::seed::synthetic::dice::Dice;

#[rustfmt::skip]
const MONTHS: [(&str, &str); 12] = [
    ("января", "January"), ("февраля", "February"), ("марта", "March"), ("апреля", "April"),
    ("мая", "May"), ("июня", "June"), ("июля", "July"), ("августа", "August"),
    ("сентября", "September"), ("октября", "October"), ("ноября", "November"),
    ("декабря", "December"),
];

/// `12 марта 2026 года` / `12 March 2026`.
pub(crate) fn date(day: NaiveDate) -> Bi {
    let (ru, en) = MONTHS[day.month0() as usize];
    Bi::new(
        format!("{} {ru} {} года", day.day(), day.year()),
        format!("{} {en} {}", day.day(), day.year()),
    )
}

/// What a press material is about, as its texts name it.
pub(crate) struct Topic<'a> {
    /// The film's title.
    pub film: &'a Bi,
    /// An organization's name (nominative).
    pub organization: &'a Bi,
    /// A festival edition, Russian in the prepositional (`XIV Международном кинофестивале…`).
    pub event: &'a Bi,
    /// Release or premiere date.
    pub release: Bi,
    /// City of the shoot, Russian with its preposition (`в Казани`).
    pub city: &'a Bi,
}

/// A title for a press material of a kind.
pub(crate) fn press_title(d: &mut Dice, kind: PressMaterialKind, t: &Topic<'_>) -> Bi {
    use PressMaterialKind as K;
    let (f, o, e) = (t.film, t.organization, t.event);
    let (ru, en) = match (kind, d.below(3)) {
        (K::PressRelease, 0) => (
            format!("{} начинает съемки фильма «{}»", o.ru, f.ru),
            format!("{} starts shooting “{}”", o.en, f.en),
        ),
        (K::PressRelease, 1) => (
            format!("Фильм «{}» представят на {}", f.ru, e.ru),
            format!("“{}” to premiere at the {}", f.en, e.en),
        ),
        (K::PressRelease, _) => (
            format!("Фильм «{}» выйдет в прокат {}", f.ru, t.release.ru),
            format!("“{}” opens in cinemas on {}", f.en, t.release.en),
        ),
        (K::News, 0) => (
            format!("Завершились съемки фильма «{}»", f.ru),
            format!("Shooting of “{}” wraps", f.en),
        ),
        (K::News, 1) => (
            format!("Фильм «{}» покажут на {}", f.ru, e.ru),
            format!("“{}” to screen at the {}", f.en, e.en),
        ),
        (K::News, _) => (
            format!("Стали известны подробности фильма «{}»", f.ru),
            format!("New details of “{}” revealed", f.en),
        ),
        (K::Statement, _) => (
            format!("{}: заявление о фильме «{}»", o.ru, f.ru),
            format!("{}: statement on “{}”", o.en, f.en),
        ),
        (K::Photo, _) => (
            format!("Новые кадры из фильма «{}»", f.ru),
            format!("New stills from “{}”", f.en),
        ),
        (K::Poster, _) => (
            format!("Представлен постер фильма «{}»", f.ru),
            format!("Poster for “{}” unveiled", f.en),
        ),
        (K::Trailer, _) => (
            format!("Вышел трейлер фильма «{}»", f.ru),
            format!("Trailer for “{}” released", f.en),
        ),
        (K::PressKit, _) => (
            format!("Пресс-кит фильма «{}»", f.ru),
            format!("Press kit: “{}”", f.en),
        ),
        (K::FactSheet, _) => (
            format!("Фильм «{}» в цифрах", f.ru),
            format!("“{}” in numbers", f.en),
        ),
    };
    Bi::new(ru, en)
}

/// The relative pronoun `который` agreeing with a phrase.
fn which(gender: Gender, number: Number) -> &'static str {
    match (number, gender) {
        (Number::Pl, _) => "которые",
        (_, Gender::Masc) => "который",
        (_, Gender::Fem) => "которая",
        (_, Gender::Neut) => "которое",
    }
}

/// A lead: "Синтетические данные." and what the film is about.
pub(crate) fn press_lead(d: &mut Dice, t: &Topic<'_>) -> Bi {
    let mut out = Bi::new("Синтетические данные.", "Synthetic data.");
    let hero = hero(d);
    let does = predicate(d, hero.plural());
    out.sentence(
        &format!(
            "в центре сюжета фильма «{}» — {}, {} {}.",
            t.film.ru,
            hero.ru(Case::Nom),
            which(hero.noun.gender, hero.number),
            does.ru
        ),
        &format!(
            "“{}” centres on {}, who {}.",
            t.film.en,
            hero.en(Article::A),
            does.en
        ),
    );
    out
}

/// A body of two to four paragraphs.
pub(crate) fn press_body(d: &mut Dice, t: &Topic<'_>) -> Bi {
    let mut paragraphs: Vec<Bi> = Vec::new();
    let days = DAY.count(d.between(12, 90));
    let mut first = Bi::default();
    first.sentence(
        &format!(
            "съемки фильма «{}» проходили {} и продлились {}.",
            t.film.ru, t.city.ru, days.ru
        ),
        &format!("“{}” was shot {} over {}.", t.film.en, t.city.en, days.en),
    );
    let f = t.film;
    let (ru, en) = match d.below(4) {
        0 => (
            format!("над фильмом «{}» работала большая съемочная группа.", f.ru),
            format!("a large crew worked on “{}”.", f.en),
        ),
        1 => (
            format!("в фильме «{}» звучит оригинальная музыка.", f.ru),
            format!("“{}” features an original score.", f.en),
        ),
        2 => (
            format!("фильму «{}» уже присвоено прокатное удостоверение.", f.ru),
            format!(
                "“{}” has already received its distribution certificate.",
                f.en
            ),
        ),
        _ => (
            format!("«{}» — один из самых ожидаемых фильмов года.", f.ru),
            format!(
                "“{}” is one of the most anticipated films of the year.",
                f.en
            ),
        ),
    };
    first.sentence(&ru, &en);
    first.sentence(
        &format!("партнер проекта — {}.", t.organization.ru),
        &format!("the project's partner is {}.", t.organization.en),
    );
    paragraphs.push(first);
    let mut story = Bi::default();
    let hero = hero(d);
    let (he_ru, he_en) = subject(&hero);
    let does = predicate(d, hero.plural());
    story.sentence(
        &format!("{} {}.", hero.ru(Case::Nom), does.ru),
        &format!("{} {}.", hero.en(Article::A), does.en),
    );
    for _ in 0..d.between(1, 2) {
        let did = verb(d, |v| v.object != super::verbs::Object::Place);
        let what = object(d, did);
        story.sentence(
            &format!(
                "{he_ru} {} {}.",
                did.past(hero.noun.gender, hero.plural()),
                what.ru
            ),
            &format!("{he_en} {} {}.", did.en_past(), what.en),
        );
    }
    paragraphs.push(story);
    if d.chance(0.7) {
        let mut premiere = Bi::default();
        premiere.sentence(
            &format!(
                "премьера состоится на {}, а в прокат фильм выйдет {}.",
                t.event.ru, t.release.ru
            ),
            &format!(
                "the premiere will take place at the {}, and the film opens in cinemas on {}.",
                t.event.en, t.release.en
            ),
        );
        paragraphs.push(premiere);
    }
    if d.chance(0.5) {
        paragraphs.push(quote(d, t.film));
    }
    let ru = paragraphs
        .iter()
        .map(|p| p.ru.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let en = paragraphs
        .iter()
        .map(|p| p.en.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    Bi::new(ru, en)
}

/// What someone says about a film: two sentences.
pub(crate) fn quote(d: &mut Dice, film: &Bi) -> Bi {
    let (a, b) = (
        phrase(d, THINGS, THING, 0.7, 0.3),
        phrase(d, THINGS, THING, 0.5, 0.3),
    );
    let mut out = Bi::default();
    out.sentence(
        &format!(
            "для нас «{}» — это история {} и {}.",
            film.ru,
            with_preposition("о", &a.ru(Case::Prep)),
            b.ru(Case::Prep)
        ),
        &format!(
            "for us, “{}” is a story about {} and {}.",
            film.en,
            a.en(Article::A),
            b.en(Article::A)
        ),
    );
    match d.below(3) {
        0 => out.sentence(
            "мы благодарны всей съемочной группе.",
            "we are grateful to the whole crew.",
        ),
        1 => out.sentence(
            "надеемся, что фильм найдет своего зрителя.",
            "we hope the film finds its audience.",
        ),
        _ => {
            let years = YEAR.count(d.between(1, 6));
            out.sentence(
                &format!("работа над картиной заняла {}.", years.ru),
                &format!("work on the film took {}.", years.en),
            );
        }
    }
    out
}
