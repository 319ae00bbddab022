//! Names and descriptions of organizations, festivals and locations: a "brand" (adjective and
//! noun, `«Северный ветер»` / `Northern Wind`) under a head that declines with it.

use super::adjectives::{Adj, Class};
use super::{
    Article, Bi, Case, City, FESTIVAL, FILM, FILM_FESTIVAL, Gender, HALL, HECTARE, Number, PLACE,
    Phrase, SEAT, STAGE, THING, THINGS, capitalize, ordinal, phrase, roman, title_case,
};
use crate::domain::enums::{LocationKind, OrganizationKind};
use crate::seed::synthetic::dice::Dice;

/// A brand: `Северный ветер` / `Northern Wind` (no quotes).
pub(crate) fn brand(d: &mut Dice) -> Bi {
    let p: Phrase = phrase(d, THINGS, THING | PLACE, 0.75, 0.1);
    Bi::new(
        capitalize(&p.ru(Case::Nom)),
        title_case(&p.en(Article::None)),
    )
}

/// Organization kinds: Russian head (its gender agrees `основан/основана`), English name
/// pattern, English description.
#[rustfmt::skip]
fn head(kind: OrganizationKind) -> (&'static str, Gender, &'static str, &'static str) {
    use OrganizationKind as K;
    match kind {
        K::MediaHolding => ("Медиахолдинг", Gender::Masc, "{} Media Group", "A media group"),
        K::Studio => ("Киностудия", Gender::Fem, "{} Film Studio", "A film studio"),
        K::FilmCommission => ("Кинокомиссия", Gender::Fem, "{} Film Commission", "A film commission"),
        K::Distributor => ("Кинокомпания", Gender::Fem, "{} Distribution", "A film distributor"),
        K::FestivalOrganizer => ("Фестивальная дирекция", Gender::Fem, "{} Festival Directorate", "A festival directorate"),
        K::Broadcaster => ("Телеканал", Gender::Masc, "{} TV", "A broadcaster"),
        K::Other => ("Фонд", Gender::Masc, "{} Foundation", "A foundation"),
    }
}

/// An organization's name and description.
pub(crate) fn organization(
    d: &mut Dice,
    kind: OrganizationKind,
    city: &City,
    founded: i32,
) -> (Bi, Bi) {
    let (head_ru, gender, head_en, what_en) = head(kind);
    let name = if kind == OrganizationKind::FilmCommission {
        Bi::new(
            format!("{head_ru} {}", city.ru[1]),
            head_en.replace("{}", city.en),
        )
    } else {
        let brand = brand(d);
        Bi::new(
            format!("{head_ru} «{}»", brand.ru),
            head_en.replace("{}", &brand.en),
        )
    };
    let founded_ru = match gender {
        Gender::Masc => "основан",
        Gender::Fem => "основана",
        Gender::Neut => "основано",
    };
    let films = FILM.count(d.between(3, 240));
    let description = Bi::new(
        format!(
            "Синтетические данные. {head_ru} {}, {founded_ru} в {founded} году. В портфеле — {}.",
            city.out_of_ru(),
            films.ru
        ),
        format!(
            "Synthetic data. {} from {}, founded in {founded}. Its portfolio counts {}.",
            what_en, city.en, films.en
        ),
    );
    (name, description)
}

/// Festival name: optional adjective, head noun, tail (genre and brand).
pub(crate) struct FestivalName {
    adj: Option<&'static Adj>,
    head: &'static super::Noun,
    tail_ru: String,
    en: String,
}

const INTERNATIONAL: Adj = Adj {
    stem: "международн",
    class: Class::Hard,
    en: "International",
    suits: 0,
};
const OPEN: Adj = Adj {
    stem: "открыт",
    class: Class::Hard,
    en: "Open",
    suits: 0,
};

/// Genres of festivals, in the genitive with `кино`: (adjective, English).
#[rustfmt::skip]
const CINEMA: [(Adj, &str); 5] = [
    (Adj { stem: "документальн", class: Class::Hard, en: "", suits: 0 }, "Documentary"),
    (Adj { stem: "короткометражн", class: Class::Hard, en: "", suits: 0 }, "Short"),
    (Adj { stem: "детск", class: Class::Velar, en: "", suits: 0 }, "Children's"),
    (Adj { stem: "авторск", class: Class::Velar, en: "", suits: 0 }, "Auteur"),
    (Adj { stem: "анимационн", class: Class::Hard, en: "", suits: 0 }, "Animation"),
];

/// What a festival programmes: (adjective, English).
#[rustfmt::skip]
const PROGRAMMES: [(Adj, &str); 5] = [
    (Adj { stem: "нов", class: Class::Hard, en: "", suits: 0 }, "new"),
    (Adj { stem: "дебютн", class: Class::Hard, en: "", suits: 0 }, "debut"),
    (Adj { stem: "документальн", class: Class::Hard, en: "", suits: 0 }, "documentary"),
    (Adj { stem: "европейск", class: Class::Velar, en: "", suits: 0 }, "European"),
    (Adj { stem: "российск", class: Class::Velar, en: "", suits: 0 }, "Russian"),
];

impl FestivalName {
    pub(crate) fn new(d: &mut Dice) -> Self {
        let brand = brand(d);
        match d.below(3) {
            0 => Self {
                adj: Some(&INTERNATIONAL),
                head: &FILM_FESTIVAL,
                tail_ru: format!("«{}»", brand.ru),
                en: format!("{} International Film Festival", brand.en),
            },
            1 => Self {
                adj: Some(&OPEN),
                head: &FILM_FESTIVAL,
                tail_ru: format!("«{}»", brand.ru),
                en: format!("{} Open Film Festival", brand.en),
            },
            _ => {
                let (genre, genre_en) = d.pick(&CINEMA);
                let genre_ru = genre.form(Case::Gen, Gender::Neut, Number::Sg, false);
                Self {
                    adj: None,
                    head: &FESTIVAL,
                    tail_ru: format!("{genre_ru} кино «{}»", brand.ru),
                    en: format!("{} {genre_en} Film Festival", brand.en),
                }
            }
        }
    }

    /// The name in a case: `Международного кинофестиваля «Северный ветер»`.
    pub(crate) fn ru(&self, case: Case) -> String {
        let head = self.head.form(case, Number::Sg);
        match self.adj {
            Some(adj) => format!(
                "{} {head} {}",
                capitalize(&adj.form(case, Gender::Masc, Number::Sg, false)),
                self.tail_ru
            ),
            None => format!("{} {}", capitalize(head), self.tail_ru),
        }
    }

    pub(crate) fn en(&self) -> &str {
        &self.en
    }

    /// An edition's name in the nominative and the Russian prepositional:
    /// `XIV Международный кинофестиваль «…»`, `XIV Международном кинофестивале «…»`.
    pub(crate) fn edition(&self, number: u32) -> (Bi, Bi) {
        let en = format!("{} {}", ordinal(number), self.en);
        (
            Bi::new(
                format!("{} {}", roman(number), self.ru(Case::Nom)),
                en.clone(),
            ),
            Bi::new(format!("{} {}", roman(number), self.ru(Case::Prep)), en),
        )
    }

    /// The festival's description.
    pub(crate) fn description(&self, d: &mut Dice, city: &City, since: i32) -> Bi {
        let (kind, kind_en) = d.pick(&PROGRAMMES);
        let films_ru = kind.form(Case::Nom, Gender::Masc, Number::Pl, false);
        Bi::new(
            format!(
                "Синтетические данные. Ежегодный фестиваль {}, проводится с {since} года. В программе — {films_ru} фильмы, ретроспективы и встречи со зрителями.",
                city.in_ru()
            ),
            format!(
                "Synthetic data. An annual festival in {}, held since {since}. Its programme features {kind_en} films, retrospectives and meetings with audiences.",
                city.en
            ),
        )
    }
}

/// A location's name and description.
pub(crate) fn location(d: &mut Dice, kind: LocationKind, city: &City) -> (Bi, Bi) {
    let brand = brand(d);
    let at = Bi::new(city.in_ru(), format!("in {}", city.en));
    let (name, about) = match kind {
        LocationKind::Studio => {
            let stages = STAGE.count(d.between(2, 14));
            let area = HECTARE.count(d.between(1, 40));
            (
                Bi::new(
                    format!("Киностудия «{}»", brand.ru),
                    format!("{} Film Studio", brand.en),
                ),
                Bi::new(
                    format!(
                        "Киностудия {}: {}, натурная площадка — {}.",
                        at.ru, stages.ru, area.ru
                    ),
                    format!(
                        "A film studio {}: {}, a backlot of {}.",
                        at.en, stages.en, area.en
                    ),
                ),
            )
        }
        LocationKind::SoundStage => {
            let size = d.between(5, 40) * 100;
            (
                Bi::new(
                    format!("Павильон «{}»", brand.ru),
                    format!("{} Sound Stage", brand.en),
                ),
                Bi::new(
                    format!(
                        "Съемочный павильон {} площадью {size} квадратных метров.",
                        at.ru
                    ),
                    format!("A sound stage {} of {size} square metres.", at.en),
                ),
            )
        }
        LocationKind::Backlot => {
            let area = HECTARE.count(d.between(1, 60));
            (
                Bi::new(
                    format!("Натурная площадка «{}»", brand.ru),
                    format!("{} Backlot", brand.en),
                ),
                Bi::new(
                    format!(
                        "Натурная площадка {}: {} с улицами и домами разных эпох.",
                        at.ru, area.ru
                    ),
                    format!(
                        "A backlot {}: {} of streets and houses of different eras.",
                        at.en, area.en
                    ),
                ),
            )
        }
        LocationKind::Cinema => {
            let halls = HALL.count(d.between(1, 12));
            let seats = SEAT.count(d.between(120, 2400));
            (
                Bi::new(
                    format!("Кинотеатр «{}»", brand.ru),
                    format!("{} Cinema", brand.en),
                ),
                Bi::new(
                    format!("Кинотеатр {}: {}, {}.", at.ru, halls.ru, seats.ru),
                    format!("A cinema {}: {}, {}.", at.en, halls.en, seats.en),
                ),
            )
        }
        LocationKind::FestivalVenue => {
            let seats = SEAT.count(d.between(300, 3000));
            (
                Bi::new(
                    format!("Концертный зал «{}»", brand.ru),
                    format!("{} Concert Hall", brand.en),
                ),
                Bi::new(
                    format!("Фестивальная площадка {} на {}.", at.ru, seats.ru),
                    format!("A festival venue {} with {}.", at.en, seats.en),
                ),
            )
        }
        LocationKind::Other => (
            Bi::new(
                format!("Усадьба «{}»", brand.ru),
                format!("{} Estate", brand.en),
            ),
            Bi::new(
                format!(
                    "Старинная усадьба в окрестностях {}, открытая для съемок.",
                    city.ru[1]
                ),
                format!("An old estate near {}, open to film shoots.", city.en),
            ),
        ),
    };
    let description = Bi::new(
        format!("Синтетические данные. {}", about.ru),
        format!("Synthetic data. {}", about.en),
    );
    (name, description)
}
