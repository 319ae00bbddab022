//! People's lives: professions, biographies and the positions they hold.

use super::{Bi, City, FILM, Gender, capitalize};
use crate::seed::synthetic::dice::Dice;

/// A profession: Russian nominative and instrumental, masculine and feminine, and English.
struct Profession {
    ru: [&'static str; 2],
    ru_ins: [&'static str; 2],
    en: &'static str,
}

#[rustfmt::skip]
const PROFESSIONS: [Profession; 8] = [
    Profession { ru: ["режиссер", "режиссер"], ru_ins: ["режиссером", "режиссером"], en: "director" },
    Profession { ru: ["актер", "актриса"], ru_ins: ["актером", "актрисой"], en: "actor" },
    Profession { ru: ["сценарист", "сценаристка"], ru_ins: ["сценаристом", "сценаристкой"], en: "screenwriter" },
    Profession { ru: ["оператор", "оператор"], ru_ins: ["оператором", "оператором"], en: "cinematographer" },
    Profession { ru: ["продюсер", "продюсер"], ru_ins: ["продюсером", "продюсером"], en: "producer" },
    Profession { ru: ["композитор", "композитор"], ru_ins: ["композитором", "композитором"], en: "composer" },
    Profession { ru: ["монтажер", "монтажер"], ru_ins: ["монтажером", "монтажером"], en: "film editor" },
    Profession { ru: ["художник-постановщик", "художница-постановщица"], ru_ins: ["художником-постановщиком", "художницей-постановщицей"], en: "production designer" },
];

/// Schools: Russian in the accusative (after `окончил`), English.
#[rustfmt::skip]
const SCHOOLS: [(&str, &str); 6] = [
    ("ВГИК", "VGIK"),
    ("Высшие курсы сценаристов и режиссеров", "the Higher Courses for Scriptwriters and Film Directors"),
    ("Театральный институт имени Бориса Щукина", "the Boris Shchukin Theatre Institute"),
    ("Школу-студию МХАТ", "the Moscow Art Theatre School"),
    ("Санкт-Петербургский институт кино и телевидения", "the Saint Petersburg Institute of Film and Television"),
    ("Московскую школу кино", "the Moscow Film School"),
];

/// A biography: "Синтетические данные." and a short life.
pub(crate) fn biography(d: &mut Dice, gender: Gender, born: i32, city: &City) -> Bi {
    let female = usize::from(gender == Gender::Fem);
    let job = d.pick(&PROFESSIONS);
    let (school_ru, school_en) = *d.pick(&SCHOOLS);
    let since = born + d.between(20, 30) as i32;
    let films = FILM.count(d.between(1, 60));
    let (born_ru, graduated_ru, his_ru, his_en) = if female == 1 {
        ("Родилась", "Окончила", "ее", "her")
    } else {
        ("Родился", "Окончил", "его", "his")
    };
    Bi::new(
        format!(
            "Синтетические данные. {}. {born_ru} в {born} году {}. {graduated_ru} {school_ru}. С {since} года работает {}; в {his_ru} фильмографии {}.",
            capitalize(job.ru[female]),
            city.in_ru(),
            job.ru_ins[female],
            films.ru
        ),
        format!(
            "Synthetic data. {}. Born in {born} in {}. Graduated from {school_en}. Has worked as {} {} since {since}; {his_en} filmography counts {}.",
            capitalize(job.en),
            city.en,
            super::indefinite(job.en),
            job.en,
            films.en
        ),
    )
}

/// Positions at organizations: (Russian, English).
#[rustfmt::skip]
pub(crate) const POSITIONS: [(&str, &str); 8] = [
    ("генеральный директор", "chief executive officer"),
    ("продюсер", "producer"),
    ("исполнительный продюсер", "executive producer"),
    ("директор по маркетингу", "marketing director"),
    ("руководитель пресс-службы", "head of press"),
    ("председатель правления", "chair of the board"),
    ("художественный руководитель", "artistic director"),
    ("директор по развитию", "development director"),
];

/// A position.
pub(crate) fn position(d: &mut Dice) -> Bi {
    let (ru, en) = *d.pick(&POSITIONS);
    Bi::new(ru, en)
}
