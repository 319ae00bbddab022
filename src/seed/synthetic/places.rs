//! Locations: studios, sound stages, backlots, cinemas, festival venues and other places, in
//! the catalogue's cities, some owned by organizations.

use sea_orm::DbErr;

use super::plan::Stamps;
use super::words::{self, CITIES, STREETS};
use super::world::{Place, Stream, World};
use super::writer::Writer;
use crate::domain::enums::LocationKind;
use crate::entities::location;

const KINDS: [(LocationKind, u32); 6] = [
    (LocationKind::Cinema, 35),
    (LocationKind::FestivalVenue, 10),
    (LocationKind::Studio, 15),
    (LocationKind::SoundStage, 20),
    (LocationKind::Backlot, 10),
    (LocationKind::Other, 10),
];

/// Writes the locations and indexes them by use and city.
pub(crate) async fn write(w: &mut World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Location);
    let weights: Vec<u32> = KINDS.iter().map(|k| k.1).collect();
    let count = w.plan.locations;
    let mut rows = Vec::with_capacity(count);
    for i in 0..count {
        let kind = KINDS[d.weighted(&weights)].0;
        // Cities take turns first, so that every festival city has venues.
        let city_index = if i < CITIES.len() * 2 {
            i % CITIES.len()
        } else {
            super::people::city(&mut d)
        };
        let city = &CITIES[city_index];
        let kind = if i < CITIES.len() {
            LocationKind::Cinema
        } else {
            kind
        };
        let (name, description) = words::location_text(&mut d, kind, city);
        let (street_ru, street_en) = *d.pick(STREETS);
        let number = d.between(1, 120);
        let owner_id = (kind != LocationKind::Cinema || d.chance(0.3))
            .then(|| w.organization_id(d.below(w.organizations.len())));
        let stamps = Stamps::draw(&mut d);
        let jitter = |d: &mut super::dice::Dice| (d.between(-500, 500) as f64) / 10_000.0;
        let latitude = round4(city.latitude + jitter(&mut d));
        let longitude = round4(city.longitude + jitter(&mut d));
        let id = w.bases.location + i as i32;
        w.places.push(Place {
            id,
            kind,
            city: city_index,
        });
        rows.push(location::Model {
            id,
            slug: format!("syn-location-{:06}", i + 1),
            kind,
            name_ru: Some(name.ru),
            name_en: Some(name.en),
            description_ru: Some(description.ru),
            description_en: Some(description.en),
            address_ru: Some(format!("{}, {street_ru}, {number}", city.ru[0])),
            address_en: Some(format!("{number} {street_en}, {}", city.en)),
            city_ru: Some(city.ru[0].to_owned()),
            city_en: Some(city.en.to_owned()),
            time_zone: city.time_zone.to_owned(),
            latitude: Some(latitude),
            longitude: Some(longitude),
            owner_id,
            created_at: stamps.created_at,
            updated_at: stamps.updated_at,
            version: 1,
        });
    }
    w.index_places();
    out.write_indexed::<location::Entity, _>("location", count, rows)
        .await?;
    Ok(())
}

/// Rounded to four decimals (about 10 m), the same on every engine.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
