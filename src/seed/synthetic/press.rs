//! Press materials about films, with their subjects, quotes and attachments; mostly published,
//! a few drafts, archived ones and embargoes.

use chrono::{Duration, NaiveDate};
use sea_orm::DbErr;

use super::dice::Dice;
use super::plan::{Stamps, at};
use super::words::{self, Bi, CITIES, Topic};
use super::world::{Press, Stream, World};
use super::writer::Writer;
use crate::domain::enums::{
    AssetPurpose, MediaKind, PressMaterialKind as Kind, PublicationStatus, SubjectType,
};
use crate::entities::{media_asset, press_material, press_subject, quote};

const KINDS: [(Kind, u32); 8] = [
    (Kind::PressRelease, 20),
    (Kind::News, 35),
    (Kind::Statement, 5),
    (Kind::Photo, 10),
    (Kind::Poster, 8),
    (Kind::Trailer, 10),
    (Kind::PressKit, 6),
    (Kind::FactSheet, 6),
];

/// 2027-01-15T09:00:00Z: embargoes still running.
const FUTURE_EMBARGO: i64 = 1_800_003_600;

/// What a material's texts mention.
fn topic<'a>(w: &'a World, p: &Press, city: &'a Bi, release: NaiveDate) -> Topic<'a> {
    Topic {
        film: &w.films[p.film].title,
        organization: &w.organizations[p.organization].1,
        event: &w.editions[p.edition].name_at,
        release: words::date(release),
        city,
    }
}

/// Writes the press materials and remembers what each is about.
pub(crate) async fn materials(w: &mut World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Press);
    let weights: Vec<u32> = KINDS.iter().map(|k| k.1).collect();
    let count = w.plan.press;
    let mut known = Vec::with_capacity(count);
    let world: &World = w;
    let rows = (0..count).map(|i| {
        let slug = format!("syn-press-{:06}", i + 1);
        let p = Press {
            id: world.bases.press + i as i32,
            slug: slug.clone(),
            film: d.below(world.films.len()),
            organization: world.organization_of(&mut d, &[]),
            edition: d.below(world.editions.len()),
        };
        let kind = KINDS[d.weighted(&weights)].0;
        let status = match d.weighted(&[92, 6, 2]) {
            0 => PublicationStatus::Published,
            1 => PublicationStatus::Draft,
            _ => PublicationStatus::Archived,
        };
        let film = &world.films[p.film];
        let city = &CITIES[film.city];
        let city = Bi::new(city.in_ru(), format!("in {}", city.en));
        let release =
            NaiveDate::from_ymd_opt(film.year, d.between(1, 12) as u32, d.between(1, 28) as u32)
                .unwrap_or_default();
        let t = topic(world, &p, &city, release);
        let title = words::press_title(&mut d, kind, &t);
        let lead = words::press_lead(&mut d, &t);
        let body = words::press_body(&mut d, &t);
        let stamps = Stamps::draw(&mut d);
        let published_at = (status != PublicationStatus::Draft).then(|| stamps.between(&mut d));
        let embargo_until = match (published_at, d.weighted(&[94, 4, 2])) {
            (Some(published), 1) => Some(published + Duration::days(d.between(1, 30))),
            (Some(_), 2) => Some(at(FUTURE_EMBARGO)),
            _ => None,
        };
        known.push(p);
        press_material::Model {
            id: world.bases.press + i as i32,
            slug,
            kind,
            status,
            title_ru: Some(title.ru),
            title_en: Some(title.en),
            lead_ru: Some(lead.ru),
            lead_en: Some(lead.en),
            body_ru: Some(body.ru),
            body_en: Some(body.en),
            published_at,
            embargo_until,
            created_at: stamps.created_at,
            updated_at: stamps.updated_at,
            version: 1,
        }
    });
    out.write_indexed::<press_material::Entity, _>("press_material", count, rows)
        .await?;
    w.press = known;
    Ok(())
}

/// Writes what each material is about: its film first, then maybe an organization, an
/// edition, a person, a location, an agreement.
pub(crate) async fn subjects(w: &World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Subject);
    let rows = w.press.iter().flat_map(|p| {
        let mut subjects = vec![(SubjectType::Film, w.films[p.film].id)];
        if d.chance(0.6) {
            subjects.push((SubjectType::Organization, w.organization_id(p.organization)));
        }
        if d.chance(0.3) {
            subjects.push((SubjectType::FestivalEdition, w.editions[p.edition].id));
        }
        if d.chance(0.3) {
            subjects.push((SubjectType::Person, w.person_id(&mut d)));
        }
        if d.chance(0.2) {
            subjects.push((SubjectType::Location, w.places[d.below(w.places.len())].id));
        }
        if d.chance(0.05) {
            subjects.push((
                SubjectType::Agreement,
                w.bases.agreement + d.below(w.plan.agreements) as i32,
            ));
        }
        (0..)
            .zip(subjects)
            .map(|(order, (subject_type, subject_id))| press_subject::Model {
                press_material_id: p.id,
                subject_type,
                subject_id,
                sort_order: order,
            })
            .collect::<Vec<_>>()
    });
    out.write::<press_subject::Entity, _>("press_subject", w.press.len() * 245 / 100, rows)
        .await?;
    Ok(())
}

/// Writes none to three quotes per material.
pub(crate) async fn quotes(w: &World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Quote);
    let rows = w.press.iter().flat_map(|p| {
        let k = d.weighted(&[20, 30, 30, 20]);
        let stamps = Stamps::draw(&mut d);
        (0..k as i32)
            .map(|order| {
                let person = d.chance(0.9);
                let person_id = person.then(|| w.person_id(&mut d));
                let organization_id = (!person || d.chance(0.7))
                    .then(|| w.organization_id(w.organization_of(&mut d, &[])));
                let position = person.then(|| words::position(&mut d));
                let text = words::quote(&mut d, &w.films[p.film].title);
                quote::Model {
                    id: 0,
                    press_material_id: p.id,
                    person_id,
                    organization_id,
                    position_ru: position.as_ref().map(|b| b.ru.clone()),
                    position_en: position.map(|b| b.en),
                    text_ru: Some(text.ru),
                    text_en: Some(text.en),
                    sort_order: order,
                    created_at: stamps.created_at,
                    updated_at: stamps.updated_at,
                    version: 1,
                }
            })
            .collect::<Vec<_>>()
    });
    let base = w.bases.quote;
    let rows = rows.zip(base..).map(|(row, id)| quote::Model { id, ..row });
    out.write::<quote::Entity, _>("quote", w.press.len() * 3 / 2, rows)
        .await?;
    Ok(())
}

/// A material's attachments (none to three), ids to be assigned by the caller.
pub(crate) fn assets<'a>(
    w: &'a World,
    d: &'a mut Dice,
) -> impl Iterator<Item = media_asset::Model> + 'a {
    w.press.iter().flat_map(move |p| {
        let k = d.weighted(&[20, 30, 30, 20]);
        let stamps = Stamps::draw(d);
        let title = &w.films[p.film].title;
        (0..k as i32)
            .map(|order| {
                let (kind, file, mime, size) = match d.weighted(&[60, 25, 15]) {
                    0 => (
                        MediaKind::Image,
                        format!("photo-{}.jpg", order + 1),
                        "image/jpeg",
                        Some((1920, 1280)),
                    ),
                    1 => (
                        MediaKind::Document,
                        format!("document-{}.pdf", order + 1),
                        "application/pdf",
                        None,
                    ),
                    _ => (
                        MediaKind::Video,
                        format!("video-{}.mp4", order + 1),
                        "video/mp4",
                        Some((1920, 1080)),
                    ),
                };
                media_asset::Model {
                    id: 0,
                    film_id: None,
                    press_material_id: Some(p.id),
                    purpose: AssetPurpose::Attachment,
                    kind,
                    url: format!(
                        "https://example.org/kinograph/synthetic/press/{}/{file}",
                        p.slug
                    ),
                    mime_type: mime.to_owned(),
                    width: size.map(|s| s.0),
                    height: size.map(|s| s.1),
                    alt_ru: Some(format!(
                        "Материалы к фильму «{}». Синтетический файл.",
                        title.ru
                    )),
                    alt_en: Some(format!("Material for “{}”. Synthetic file.", title.en)),
                    credit: Some("Kinograph synthetic data".to_owned()),
                    license: Some("CC0-1.0".to_owned()),
                    sort_order: order,
                    created_at: stamps.created_at,
                    updated_at: stamps.updated_at,
                    version: 1,
                }
            })
            .collect::<Vec<_>>()
    })
}
