//! Who made the sample films and where: sample people and their credits, the films'
//! co-productions (some under the seed's agreement) and their shoots at Moskino's sites.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseTransaction, DbErr, EntityTrait};

use super::catalogue::{DISTRIBUTOR, FESTIVAL_ORGANIZER, FOREIGN_STUDIO};
use super::films::DRAFT_FILM;
use super::partnership::{AGREEMENT, GAZPROM_MEDIA, KINOPARK, KINOZAVOD, MOSKINO};
use super::record::Person;
use super::{Ids, date, sample_at, text};
use crate::domain::enums::CoProductionRole::{
    self, CoProducer, Distributor, LeadProducer, MajorityCoProducer, MinorityCoProducer,
    SupportedBy,
};
use crate::domain::enums::CreditRole::{self, Actor, Director};
use crate::entities::{affiliation, co_production, credit, shoot};

const VOLKOVA: &str = "sample-anna-volkova";
const SOKOLOV: &str = "sample-igor-sokolov";
const LAURENT: &str = "sample-marie-laurent";
const ORLOV: &str = "sample-pavel-orlov";
const BELOVA: &str = "sample-elena-belova";
const KRYLOV: &str = "sample-dmitry-krylov";
const MOROZOVA: &str = "sample-sofia-morozova";
const BERNARD: &str = "sample-lucas-bernard";

const DIRECTOR_RU: &str = "Демонстрационные данные. Вымышленный режиссер.";
const DIRECTOR_EN: Option<&str> = Some("Sample data. An invented director.");
const ACTOR_RU: &str = "Демонстрационные данные. Вымышленный актер.";
const ACTOR_EN: Option<&str> = Some("Sample data. An invented actor.");

const fn person(
    slug: &'static str,
    name_ru: &'static str,
    name_en: Option<&'static str>,
    director: bool,
) -> Person {
    let (biography_ru, biography_en) = if director {
        (DIRECTOR_RU, DIRECTOR_EN)
    } else {
        (ACTOR_RU, ACTOR_EN)
    };
    Person {
        slug,
        name_ru,
        name_en,
        biography_ru,
        biography_en,
    }
}

#[rustfmt::skip]
const PEOPLE: [Person; 8] = [
    person(VOLKOVA, "Анна Волкова", Some("Anna Volkova"), true),
    person(SOKOLOV, "Игорь Соколов", Some("Igor Sokolov"), true),
    person(LAURENT, "Мари Лоран", Some("Marie Laurent"), true),
    person(ORLOV, "Павел Орлов", Some("Pavel Orlov"), false),
    person(BELOVA, "Елена Белова", Some("Elena Belova"), false),
    person(KRYLOV, "Дмитрий Крылов", Some("Dmitry Krylov"), false),
    // No English name: the Russian one shows as a fallback.
    person(MOROZOVA, "София Морозова", None, false),
    person(BERNARD, "Люка Бернар", Some("Lucas Bernard"), false),
];

/// (person, organization, position ru, position en, from, until)
type Affiliation = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    (i32, u32, u32),
    Option<(i32, u32, u32)>,
);

#[rustfmt::skip]
const AFFILIATIONS: [Affiliation; 2] = [
    (VOLKOVA, FESTIVAL_ORGANIZER, "художественный руководитель", "Artistic Director", (2024, 1, 15), None),
    (LAURENT, FOREIGN_STUDIO, "руководитель отдела разработки", "Head of Development", (2019, 9, 1), Some((2024, 12, 31))),
];

/// (film, person, role, character ru, character en)
type Credit = (
    &'static str,
    &'static str,
    CreditRole,
    Option<&'static str>,
    Option<&'static str>,
);

#[rustfmt::skip]
const CREDITS: [Credit; 28] = [
    ("sample-white-nights", VOLKOVA, Director, None, None),
    ("sample-white-nights", BELOVA, Actor, Some("Вера"), Some("Vera")),
    ("sample-white-nights", ORLOV, Actor, Some("Андрей"), Some("Andrei")),
    ("sample-lighthouse", SOKOLOV, Director, None, None),
    ("sample-lighthouse", KRYLOV, Actor, Some("смотритель Егор"), Some("Yegor, the keeper")),
    ("sample-lighthouse", MOROZOVA, Actor, Some("Даша"), Some("Dasha")),
    ("sample-lighthouse-documentary", SOKOLOV, Director, None, None),
    ("sample-last-tram", SOKOLOV, Director, None, None),
    ("sample-last-tram", ORLOV, Actor, Some("жених"), Some("The groom")),
    ("sample-last-tram", BELOVA, Actor, Some("кондуктор"), Some("The conductor")),
    ("sample-paris-moscow-express", LAURENT, Director, None, None),
    ("sample-paris-moscow-express", BELOVA, Actor, Some("Ирина, переводчица"), Some("Irina, the interpreter")),
    ("sample-paris-moscow-express", BERNARD, Actor, Some("Франсуа"), Some("François")),
    ("sample-snow-fox", VOLKOVA, Director, None, None),
    ("sample-snow-fox", MOROZOVA, Actor, Some("Лисенок (голос)"), Some("Fox cub (voice)")),
    ("sample-kinopark-stories", VOLKOVA, Director, None, None),
    // No English character name: the Russian one shows as a fallback.
    ("sample-kinopark-stories", KRYLOV, Actor, Some("режиссер массовки"), None),
    ("sample-architect", SOKOLOV, Director, None, None),
    ("sample-architect", ORLOV, Actor, Some("архитектор Николай Лебедев"), Some("Nikolai Lebedev, the architect")),
    ("sample-architect", MOROZOVA, Actor, Some("Ольга"), Some("Olga")),
    ("sample-city-of-light", VOLKOVA, Director, None, None),
    ("sample-winter-garden", VOLKOVA, Director, None, None),
    ("sample-winter-garden", BELOVA, Actor, Some("бабушка Нина"), None),
    ("sample-signal", LAURENT, Director, None, None),
    ("sample-signal", KRYLOV, Actor, Some("радиолюбитель"), Some("The radio amateur")),
    ("sample-northern-route", LAURENT, Director, None, None),
    (DRAFT_FILM, VOLKOVA, Director, None, None),
    (DRAFT_FILM, ORLOV, Actor, Some("главный герой"), Some("The lead")),
];

/// (film, organization, role, share percent, under the seed's agreement)
type CoProduction = (
    &'static str,
    &'static str,
    CoProductionRole,
    Option<f64>,
    bool,
);

#[rustfmt::skip]
const CO_PRODUCTIONS: [CoProduction; 27] = [
    ("sample-white-nights", GAZPROM_MEDIA, LeadProducer, Some(60.0), false),
    ("sample-white-nights", MOSKINO, CoProducer, Some(40.0), false),
    ("sample-white-nights", DISTRIBUTOR, Distributor, None, false),
    ("sample-lighthouse", DISTRIBUTOR, Distributor, None, false),
    ("sample-lighthouse-documentary", MOSKINO, SupportedBy, None, false),
    ("sample-last-tram", DISTRIBUTOR, Distributor, None, false),
    ("sample-paris-moscow-express", GAZPROM_MEDIA, MajorityCoProducer, Some(70.0), false),
    ("sample-paris-moscow-express", FOREIGN_STUDIO, MinorityCoProducer, Some(30.0), false),
    ("sample-paris-moscow-express", DISTRIBUTOR, Distributor, None, false),
    ("sample-snow-fox", GAZPROM_MEDIA, LeadProducer, Some(100.0), false),
    ("sample-kinopark-stories", MOSKINO, LeadProducer, Some(70.0), false),
    ("sample-kinopark-stories", DISTRIBUTOR, CoProducer, Some(30.0), false),
    ("sample-architect", GAZPROM_MEDIA, LeadProducer, Some(55.0), true),
    ("sample-architect", MOSKINO, CoProducer, Some(45.0), true),
    ("sample-city-of-light", MOSKINO, LeadProducer, Some(60.0), true),
    ("sample-city-of-light", GAZPROM_MEDIA, CoProducer, Some(40.0), true),
    ("sample-winter-garden", GAZPROM_MEDIA, LeadProducer, Some(80.0), true),
    ("sample-winter-garden", MOSKINO, SupportedBy, None, true),
    ("sample-signal", GAZPROM_MEDIA, MajorityCoProducer, Some(65.0), false),
    ("sample-signal", FOREIGN_STUDIO, MinorityCoProducer, Some(35.0), false),
    ("sample-signal", MOSKINO, SupportedBy, None, true),
    ("sample-tverskaya-17", GAZPROM_MEDIA, LeadProducer, Some(100.0), true),
    ("sample-northern-route", GAZPROM_MEDIA, LeadProducer, Some(50.0), true),
    ("sample-northern-route", MOSKINO, CoProducer, Some(30.0), true),
    ("sample-northern-route", FOREIGN_STUDIO, MinorityCoProducer, Some(20.0), false),
    (DRAFT_FILM, GAZPROM_MEDIA, LeadProducer, Some(50.0), true),
    (DRAFT_FILM, MOSKINO, CoProducer, Some(50.0), true),
];

/// (film, location, first day, last day)
type Shoot = (&'static str, &'static str, (i32, u32, u32), (i32, u32, u32));

#[rustfmt::skip]
const SHOOTS: [Shoot; 7] = [
    ("sample-kinopark-stories", KINOPARK, (2024, 9, 16), (2024, 10, 25)),
    ("sample-architect", KINOPARK, (2025, 9, 15), (2025, 11, 28)),
    ("sample-architect", KINOZAVOD, (2025, 12, 1), (2026, 1, 30)),
    ("sample-winter-garden", KINOPARK, (2026, 1, 12), (2026, 2, 20)),
    ("sample-city-of-light", KINOZAVOD, (2026, 2, 2), (2026, 3, 13)),
    // A one-day shoot: starts_on == ends_on.
    ("sample-signal", KINOPARK, (2026, 7, 1), (2026, 7, 1)),
    (DRAFT_FILM, KINOZAVOD, (2026, 4, 6), (2026, 5, 15)),
];

/// Inserts the sample people, affiliations, credits, co-productions and shoots.
pub(super) async fn insert(txn: &DatabaseTransaction, ids: &mut Ids) -> Result<(), DbErr> {
    let at = sample_at()?;
    for person in &PEOPLE {
        person.insert(txn, ids, at).await?;
    }
    for (person, org, position_ru, position_en, (y, m, d), until) in AFFILIATIONS {
        affiliation::ActiveModel {
            person_id: Set(ids.person(person)?),
            organization_id: Set(ids.organization(org)?),
            position_ru: Set(Some(position_ru.to_owned())),
            position_en: Set(Some(position_en.to_owned())),
            starts_on: Set(Some(date(y, m, d)?)),
            ends_on: Set(match until {
                Some((y, m, d)) => Some(date(y, m, d)?),
                None => None,
            }),
            sort_order: Set(0),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }

    let mut order = Counter::default();
    for (film, person, role, character_ru, character_en) in CREDITS {
        credit::ActiveModel {
            film_id: Set(ids.film(film)?),
            person_id: Set(ids.person(person)?),
            role: Set(role),
            character_ru: Set(text(character_ru)),
            character_en: Set(text(character_en)),
            sort_order: Set(order.next(film)),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }

    let agreement = ids.agreement(AGREEMENT)?;
    let mut order = Counter::default();
    for (film, org, role, share, under_agreement) in CO_PRODUCTIONS {
        co_production::ActiveModel {
            film_id: Set(ids.film(film)?),
            organization_id: Set(ids.organization(org)?),
            role: Set(role),
            share_percent: Set(share),
            agreement_id: Set(under_agreement.then_some(agreement)),
            sort_order: Set(order.next(film)),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }

    let mut shoots = Vec::new();
    for (film, location, (y1, m1, d1), (y2, m2, d2)) in SHOOTS {
        shoots.push(shoot::ActiveModel {
            film_id: Set(ids.film(film)?),
            location_id: Set(ids.location(location)?),
            starts_on: Set(date(y1, m1, d1)?),
            ends_on: Set(date(y2, m2, d2)?),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        });
    }
    shoot::Entity::insert_many(shoots)
        .exec_without_returning(txn)
        .await?;
    Ok(())
}

/// Display order of child rows within their parent: 0, 1, 2… per parent slug.
#[derive(Default)]
struct Counter(std::collections::HashMap<&'static str, i32>);

impl Counter {
    fn next(&mut self, parent: &'static str) -> i32 {
        let slot = self.0.entry(parent).or_insert(0);
        *slot += 1;
        *slot - 1
    }
}
