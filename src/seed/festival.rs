//! The sample festival: its organizers, its 2026 edition with three sections, and the
//! sample venues its screenings (and some of the film week's) are held at.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseTransaction, DbErr, EntityTrait};

use super::catalogue::FESTIVAL_ORGANIZER;
use super::partnership::MOSKINO;
use super::record::Location;
use super::{Ids, MOSCOW_TZ, date, sample_at};
use crate::domain::enums::LocationKind;
use crate::entities::{festival, festival_edition, festival_organizer, section};

pub(super) const FESTIVAL_2026: &str = "sample-film-festival-2026";
pub(super) const PREMIERE_HALL: &str = "sample-cinema-premiere-hall";
pub(super) const RIVERSIDE: &str = "sample-cinema-riverside";
pub(super) const TENT: &str = "sample-festival-tent";

/// The sections of the 2026 edition: (slug, name ru, name en).
pub(super) const SECTIONS: [(&str, &str, &str); 3] = [
    ("competition", "Основной конкурс", "Main Competition"),
    ("panorama", "Панорама", "Panorama"),
    ("family", "Семейная программа", "Family Programme"),
];

const VENUES: [Location; 3] = [
    Location {
        slug: PREMIERE_HALL,
        kind: LocationKind::Cinema,
        name_ru: "Кинотеатр «Премьер-зал»",
        name_en: "Premiere Hall Cinema",
        description_ru: "Демонстрационные данные. Вымышленный кинотеатр, главная площадка образцового кинофестиваля.",
        description_en: "Sample data. An invented cinema, the main venue of the sample film festival.",
        address_ru: "Москва, Демонстрационная улица, 1 (вымышленный адрес)",
        address_en: Some("1 Demonstratsionnaya Street, Moscow (invented address)"),
        latitude: 55.7601,
        longitude: 37.6186,
        owner: None,
    },
    Location {
        slug: RIVERSIDE,
        kind: LocationKind::Cinema,
        name_ru: "Кинотеатр «Набережный»",
        name_en: "Riverside Cinema",
        description_ru: "Демонстрационные данные. Вымышленный кинотеатр на набережной.",
        description_en: "Sample data. An invented riverside cinema.",
        address_ru: "Москва, Образцовая набережная, 7 (вымышленный адрес)",
        address_en: Some("7 Obraztsovaya Embankment, Moscow (invented address)"),
        latitude: 55.7445,
        longitude: 37.605,
        owner: None,
    },
    Location {
        slug: TENT,
        kind: LocationKind::FestivalVenue,
        name_ru: "Фестивальный шатер в парке",
        name_en: "Festival Tent in the Park",
        description_ru: "Демонстрационные данные. Вымышленная летняя площадка под открытым небом; английского адреса нет, чтобы было видно возврат к русскому.",
        description_en: "Sample data. An invented open-air summer venue; it has no English address, so the Russian one shows as a fallback.",
        address_ru: "Москва, Демонстрационный парк (вымышленный адрес)",
        address_en: None,
        latitude: 55.729,
        longitude: 37.601,
        owner: Some(FESTIVAL_ORGANIZER),
    },
];

/// Inserts the sample venues, the sample festival, its organizers, edition and sections.
pub(super) async fn insert(txn: &DatabaseTransaction, ids: &mut Ids) -> Result<(), DbErr> {
    let at = sample_at()?;
    for venue in &VENUES {
        venue.insert(txn, ids, at).await?;
    }
    let row = festival::ActiveModel {
        slug: Set("sample-film-festival".to_owned()),
        name_ru: Set(Some("Демонстрационный кинофестиваль".to_owned())),
        name_en: Set(Some("Sample Film Festival".to_owned())),
        description_ru: Set(Some("Демонстрационные данные. Вымышленный кинофестиваль, который «Демо Фестивали» проводят вместе с АНО «Москино».".to_owned())),
        description_en: Set(Some("Sample data. An invented film festival held by Demo Festivals together with Moskino.".to_owned())),
        website: Set(Some("https://example.org/kinograph/sample-film-festival".to_owned())),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    ids.festival.insert("sample-film-festival", row.id);

    let mut organizers = Vec::new();
    for (order, org) in (0..).zip([FESTIVAL_ORGANIZER, MOSKINO]) {
        organizers.push(festival_organizer::ActiveModel {
            festival_id: Set(ids.festival("sample-film-festival")?),
            organization_id: Set(ids.organization(org)?),
            sort_order: Set(order),
        });
    }
    festival_organizer::Entity::insert_many(organizers)
        .exec_without_returning(txn)
        .await?;

    let edition = festival_edition::ActiveModel {
        slug: Set(FESTIVAL_2026.to_owned()),
        festival_id: Set(row.id),
        number: Set(1),
        year: Set(2026),
        name_ru: Set(Some("I Демонстрационный кинофестиваль".to_owned())),
        name_en: Set(Some("1st Sample Film Festival".to_owned())),
        starts_on: Set(date(2026, 6, 4)?),
        ends_on: Set(date(2026, 6, 10)?),
        city_ru: Set(Some("Москва".to_owned())),
        city_en: Set(Some("Moscow".to_owned())),
        time_zone: Set(MOSCOW_TZ.to_owned()),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    ids.edition.insert(FESTIVAL_2026, edition.id);

    for (order, (slug, name_ru, name_en)) in (0..).zip(SECTIONS) {
        let row = section::ActiveModel {
            edition_id: Set(edition.id),
            slug: Set(slug.to_owned()),
            name_ru: Set(Some(name_ru.to_owned())),
            name_en: Set(Some(name_en.to_owned())),
            sort_order: Set(order),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        ids.section.insert((FESTIVAL_2026, slug), row.id);
    }
    Ok(())
}
