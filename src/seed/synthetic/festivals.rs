//! Festivals, their organizers, ten editions each and the editions' sections.

use chrono::{Datelike, Days, NaiveDate};
use chrono_tz::Tz;
use sea_orm::DbErr;

use super::people::city;
use super::plan::Stamps;
use super::words::{CITIES, FestivalName};
use super::world::{Edition, Stream, World};
use super::writer::Writer;
use crate::domain::enums::OrganizationKind;
use crate::entities::{festival, festival_edition, festival_organizer, section};

/// Sections an edition may have: (slug, Russian, English); the competition always comes first.
#[rustfmt::skip]
const SECTIONS: [(&str, &str, &str); 7] = [
    ("competition", "Основной конкурс", "Main Competition"),
    ("panorama", "Панорама", "Panorama"),
    ("documentary", "Документальное кино", "Documentaries"),
    ("shorts", "Короткий метр", "Short Films"),
    ("family", "Семейная программа", "Family Programme"),
    ("retrospective", "Ретроспектива", "Retrospective"),
    ("debut", "Конкурс дебютов", "Debut Competition"),
];

/// A festival as its editions need it.
struct Spec {
    slug: String,
    name: FestivalName,
    city: usize,
    first_year: i32,
    month: u32,
    day: u32,
    days: u32,
}

/// Writes festivals, organizers, editions and sections; remembers the editions.
pub(crate) async fn write(w: &mut World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Festival);
    let count = w.plan.festivals;
    let mut specs = Vec::with_capacity(count);
    let mut rows = Vec::with_capacity(count);
    for i in 0..count {
        let name = FestivalName::new(&mut d);
        let spec = Spec {
            slug: format!("syn-festival-{:06}", i + 1),
            city: city(&mut d),
            first_year: d.between(2008, 2016) as i32,
            month: d.between(1, 12) as u32,
            day: d.between(1, 20) as u32,
            days: d.between(4, 10) as u32,
            name,
        };
        let description = spec
            .name
            .description(&mut d, &CITIES[spec.city], spec.first_year);
        let stamps = Stamps::draw(&mut d);
        rows.push(festival::Model {
            id: w.bases.festival + i as i32,
            slug: spec.slug.clone(),
            name_ru: Some(spec.name.ru(super::words::Case::Nom)),
            name_en: Some(spec.name.en().to_owned()),
            description_ru: Some(description.ru),
            description_en: Some(description.en),
            website: d
                .chance(0.7)
                .then(|| format!("https://example.org/kinograph/synthetic/{}", spec.slug)),
            created_at: stamps.created_at,
            updated_at: stamps.updated_at,
            version: 1,
        });
        specs.push(spec);
    }
    out.write_indexed::<festival::Entity, _>("festival", count, rows)
        .await?;

    let mut d = w.dice(Stream::Organizer);
    let mut organizers = Vec::new();
    for i in 0..count {
        let first = w.organization_of(&mut d, &[OrganizationKind::FestivalOrganizer]);
        let mut orgs = vec![first];
        if d.chance(0.5) {
            let second = w.organization_of(
                &mut d,
                &[
                    OrganizationKind::FilmCommission,
                    OrganizationKind::MediaHolding,
                ],
            );
            if second != first {
                orgs.push(second);
            }
        }
        for (order, org) in (0..).zip(orgs) {
            organizers.push(festival_organizer::Model {
                festival_id: w.bases.festival + i as i32,
                organization_id: w.organization_id(org),
                sort_order: order,
            });
        }
    }
    let n = organizers.len();
    out.write::<festival_organizer::Entity, _>("festival_organizer", n, organizers)
        .await?;
    editions(w, out, &specs).await
}

async fn editions(w: &mut World, out: &mut Writer<'_>, specs: &[Spec]) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Edition);
    let per = w.plan.editions_per_festival;
    let (edition_base, section_base) = (w.bases.edition, w.bases.section);
    let mut rows = Vec::with_capacity(specs.len() * per);
    let mut sections = Vec::new();
    for (f, spec) in specs.iter().enumerate() {
        let city = &CITIES[spec.city];
        let time_zone: Tz = city.time_zone.parse().unwrap_or(chrono_tz::Europe::Moscow);
        for k in 0..per {
            let id = edition_base + (f * per + k) as i32;
            let number = k as u32 + 1;
            let year = spec.first_year + k as i32;
            let shift = d.between(0, 6);
            let starts_on = NaiveDate::from_ymd_opt(year, spec.month, spec.day)
                .and_then(|day| day.checked_add_days(Days::new(shift as u64)))
                .unwrap_or_default();
            let days = spec.days;
            let ends_on = starts_on + Days::new(u64::from(days) - 1);
            let (name, name_at) = spec.name.edition(number);
            let stamps = Stamps::draw(&mut d);
            let count = d.between(3, 5) as usize;
            let mut picked = vec![0];
            picked.extend(
                d.distinct(SECTIONS.len() - 1, count - 1, false)
                    .into_iter()
                    .map(|i| i + 1),
            );
            let mut ids = Vec::with_capacity(picked.len());
            for (order, s) in (0..).zip(picked) {
                let (slug, ru, en) = SECTIONS[s];
                let section_id = section_base + sections.len() as i32;
                ids.push(section_id);
                sections.push(section::Model {
                    id: section_id,
                    edition_id: id,
                    slug: slug.to_owned(),
                    name_ru: Some(ru.to_owned()),
                    name_en: Some(en.to_owned()),
                    sort_order: order,
                    created_at: stamps.created_at,
                    updated_at: stamps.updated_at,
                    version: 1,
                });
            }
            rows.push(festival_edition::Model {
                id,
                slug: format!("{}-{year}", spec.slug),
                festival_id: w.bases.festival + f as i32,
                number: number as i32,
                year: starts_on.year(),
                name_ru: Some(name.ru),
                name_en: Some(name.en),
                starts_on,
                ends_on,
                city_ru: Some(city.ru[0].to_owned()),
                city_en: Some(city.en.to_owned()),
                time_zone: city.time_zone.to_owned(),
                created_at: stamps.created_at,
                updated_at: stamps.updated_at,
                version: 1,
            });
            w.editions.push(Edition {
                id,
                year,
                starts_on,
                days,
                city: spec.city,
                time_zone,
                sections: ids,
                name_at,
            });
        }
    }
    let n = rows.len();
    out.write_indexed::<festival_edition::Entity, _>("festival_edition", n, rows)
        .await?;
    let n = sections.len();
    out.write::<section::Entity, _>("section", n, sections)
        .await?;
    Ok(())
}
