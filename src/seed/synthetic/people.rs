//! Organizations, people and their affiliations.

use sea_orm::DbErr;

use super::plan::Stamps;
use super::words::{self, CITIES, RUSSIAN_CITIES};
use super::world::{Stream, World};
use super::writer::Writer;
use crate::domain::enums::OrganizationKind;
use crate::entities::{affiliation, organization, person};

/// Organization kinds and their weights.
const KINDS: [(OrganizationKind, u32); 7] = [
    (OrganizationKind::Studio, 50),
    (OrganizationKind::Distributor, 15),
    (OrganizationKind::Broadcaster, 10),
    (OrganizationKind::Other, 10),
    (OrganizationKind::FestivalOrganizer, 6),
    (OrganizationKind::FilmCommission, 5),
    (OrganizationKind::MediaHolding, 4),
];

/// A city index: Russian four times in five.
pub(crate) fn city(d: &mut super::dice::Dice) -> usize {
    if d.chance(0.8) {
        d.below(RUSSIAN_CITIES)
    } else {
        RUSSIAN_CITIES + d.below(CITIES.len() - RUSSIAN_CITIES)
    }
}

/// Writes the organizations and remembers their kinds and names.
pub(crate) async fn organizations(w: &mut World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Organization);
    let weights: Vec<u32> = KINDS.iter().map(|(_, w)| *w).collect();
    let base = w.bases.organization;
    let count = w.plan.organizations;
    let known = &mut w.organizations;
    let rows = (0..count).map(|i| {
        let kind = KINDS[d.weighted(&weights)].0;
        let city = &CITIES[city(&mut d)];
        let founded = d.between(1925, 2022) as i32;
        let (name, description) = words::organization_text(&mut d, kind, city, founded);
        let stamps = Stamps::draw(&mut d);
        let slug = format!("syn-org-{:06}", i + 1);
        let website = d
            .chance(0.6)
            .then(|| format!("https://example.org/kinograph/synthetic/{slug}"));
        known.push((kind, name.clone()));
        organization::Model {
            id: base + i as i32,
            slug,
            kind,
            name_ru: Some(name.ru),
            name_en: Some(name.en),
            description_ru: Some(description.ru),
            description_en: Some(description.en),
            country: Some(city.country.to_owned()),
            website,
            created_at: stamps.created_at,
            updated_at: stamps.updated_at,
            version: 1,
        }
    });
    out.write_indexed::<organization::Entity, _>("organization", count, rows)
        .await?;
    Ok(())
}

/// Writes the people.
pub(crate) async fn people(w: &mut World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Person);
    let base = w.bases.person;
    let count = w.plan.people;
    let rows = (0..count).map(|i| {
        let (name, gender) = words::person_name(&mut d);
        let born = d.between(1940, 2002) as i32;
        let home = &CITIES[city(&mut d)];
        let biography = words::biography(&mut d, gender, born, home);
        let stamps = Stamps::draw(&mut d);
        person::Model {
            id: base + i as i32,
            slug: format!("syn-person-{:06}", i + 1),
            name_ru: Some(name.ru),
            name_en: Some(name.en),
            biography_ru: Some(biography.ru),
            biography_en: Some(biography.en),
            created_at: stamps.created_at,
            updated_at: stamps.updated_at,
            version: 1,
        }
    });
    out.write_indexed::<person::Entity, _>("person", count, rows)
        .await?;
    Ok(())
}

/// Writes people's positions at organizations.
pub(crate) async fn affiliations(w: &World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Affiliation);
    let base = w.bases.affiliation;
    let count = w.plan.affiliations;
    let rows = (0..count).map(|i| {
        let person_id = w.person_id(&mut d);
        let organization_id = w.organization_id(d.below(w.organizations.len()));
        let position = words::position(&mut d);
        let from = d.between(1995, 2024) as i32;
        let starts_on = chrono::NaiveDate::from_ymd_opt(from, d.between(1, 12) as u32, 1);
        let ends_on = if d.chance(0.3) {
            chrono::NaiveDate::from_ymd_opt(
                from + d.between(1, 8) as i32,
                d.between(1, 12) as u32,
                1,
            )
        } else {
            None
        };
        let stamps = Stamps::draw(&mut d);
        affiliation::Model {
            id: base + i as i32,
            person_id,
            organization_id,
            position_ru: Some(position.ru),
            position_en: Some(position.en),
            starts_on,
            ends_on,
            sort_order: 0,
            created_at: stamps.created_at,
            updated_at: stamps.updated_at,
            version: 1,
        }
    });
    out.write::<affiliation::Entity, _>("affiliation", count, rows)
        .await?;
    Ok(())
}
