//! Genres (the demo's, reused when present), films, their genres, posters and stills.

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::dice::Dice;
use super::plan::{EPOCH, Stamps, at};
use super::words;
use super::world::{Film, Stream, World};
use super::writer::Writer;
use crate::domain::enums::{AssetPurpose, MediaKind, ProductionStatus, PublicationStatus};
use crate::entities::{film, film_genre, genre, media_asset};
use crate::seed::{catalogue::GENRES, image::FilmImage};

/// Finds the genres by slug and creates the missing ones.
pub(crate) async fn genres(
    db: &DatabaseConnection,
    w: &mut World,
    out: &mut Writer<'_>,
) -> Result<(), DbErr> {
    let slugs: Vec<&str> = GENRES.iter().map(|g| g.0).collect();
    let existing = genre::Entity::find()
        .filter(genre::Column::Slug.is_in(slugs))
        .all(db)
        .await?;
    let created = at(EPOCH);
    let mut missing = Vec::new();
    for (slug, ru, en) in GENRES {
        let id = match existing.iter().find(|g| g.slug == slug) {
            Some(g) => g.id,
            None => {
                let id = w.bases.genre + missing.len() as i32;
                missing.push(genre::Model {
                    id,
                    slug: slug.to_owned(),
                    name_ru: Some(ru.to_owned()),
                    name_en: Some(en.to_owned()),
                    created_at: created,
                    updated_at: created,
                    version: 1,
                });
                id
            }
        };
        w.genres.push(id);
    }
    let n = missing.len();
    out.write::<genre::Entity, _>("genre", n, missing).await?;
    Ok(())
}

const FOREIGN: [&str; 10] = ["FR", "DE", "IT", "RS", "KZ", "AM", "TR", "CN", "GB", "US"];
const RATINGS: [&str; 5] = ["0+", "6+", "12+", "16+", "18+"];

/// Production stage by year: future films are not released yet.
fn stage(d: &mut Dice, year: i32) -> ProductionStatus {
    use ProductionStatus as P;
    match year {
        2026.. => *d.pick(&[
            P::Announced,
            P::Development,
            P::Production,
            P::PostProduction,
        ]),
        2025 if d.chance(0.3) => P::PostProduction,
        _ => P::Released,
    }
}

/// Writes the films and remembers their ids, years, titles and languages.
pub(crate) async fn films(w: &mut World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Film);
    let (base, count) = (w.bases.film, w.plan.films);
    let known = &mut w.films;
    let rows = (0..count).map(|i| {
        let n = i + 1;
        let slug = format!("syn-film-{n:06}");
        let status = match d.weighted(&[90, 6, 4]) {
            0 => PublicationStatus::Published,
            1 => PublicationStatus::Draft,
            _ => PublicationStatus::Archived,
        };
        let year = 2027 - d.skewed(33) as i32;
        let stage = stage(&mut d, year);
        let released = stage == ProductionStatus::Released;
        let title = words::title(&mut d);
        let russian = d.chance(0.8);
        let language = if russian { "ru" } else { "en" };
        let mut countries = if russian {
            "RU".to_owned()
        } else {
            (*d.pick(&FOREIGN)).to_owned()
        };
        if d.chance(0.25) {
            let other = if russian { *d.pick(&FOREIGN) } else { "RU" };
            countries = format!("{countries},{other}");
        }
        let runtime = (released || stage == ProductionStatus::PostProduction)
            .then(|| d.between(75, 180) as i32);
        let age_rating = d.chance(0.9).then(|| (*d.pick(&RATINGS)).to_owned());
        let logline = words::logline(&mut d);
        let set_in = year - 1 - d.between(0, 40) as i32;
        let synopsis = words::synopsis(&mut d, set_in);
        let imdb_id = (released && d.chance(0.6)).then(|| format!("tt8{n:07}"));
        let eidr_id = (released && d.chance(0.3)).then(|| eidr(n));
        let certificate = (released && russian && d.chance(0.5)).then(|| format!("9{n:08}"));
        let stamps = Stamps::draw(&mut d);
        let published_at = (status != PublicationStatus::Draft).then(|| stamps.between(&mut d));
        let original_title = if russian {
            title.ru.clone()
        } else {
            title.en.clone()
        };
        let city = super::people::city(&mut d);
        known.push(Film {
            id: base + i as i32,
            slug: slug.clone(),
            year,
            title: title.clone(),
            language,
            city,
        });
        film::Model {
            id: base + i as i32,
            slug,
            status,
            production_status: stage,
            title_ru: Some(title.ru),
            title_en: Some(title.en),
            original_title,
            original_language: Some(language.to_owned()),
            year: Some(year),
            runtime_minutes: runtime,
            countries,
            age_rating,
            logline_ru: Some(logline.ru),
            logline_en: Some(logline.en),
            synopsis_ru: Some(synopsis.ru),
            synopsis_en: Some(synopsis.en),
            imdb_id,
            eidr_id,
            distribution_certificate: certificate,
            published_at,
            created_at: stamps.created_at,
            updated_at: stamps.updated_at,
            version: 1,
        }
    });
    out.write_indexed::<film::Entity, _>("film", count, rows)
        .await?;
    Ok(())
}

/// A unique, valid EIDR id per film number (digits starting `5E`, unlike the demo's `5AF1`).
fn eidr(n: usize) -> String {
    let digits = format!("5E{:018X}", n);
    crate::domain::rules::eidr_from_digits(&digits).unwrap_or_default()
}

/// Writes one to three genres per film.
pub(crate) async fn film_genres(w: &World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::FilmGenre);
    let genres = &w.genres;
    let rows = w.films.iter().flat_map(|film| {
        let k = 1 + d.weighted(&[45, 40, 15]);
        let picked = d.distinct(genres.len(), k, true);
        (0..)
            .zip(picked)
            .map(move |(order, g)| film_genre::Model {
                film_id: film.id,
                genre_id: genres[g],
                sort_order: order,
            })
            .collect::<Vec<_>>()
    });
    out.write::<film_genre::Entity, _>("film_genre", w.films.len() * 17 / 10, rows)
        .await?;
    Ok(())
}

/// Posters (four films in five) and stills (two in five), ids to be assigned by the caller.
pub(crate) fn assets<'a>(
    w: &'a World,
    d: &'a mut Dice,
) -> impl Iterator<Item = media_asset::Model> + 'a {
    w.films.iter().flat_map(move |film| {
        let mut rows = Vec::new();
        let stamps = Stamps::draw(d);
        if d.chance(0.8) {
            rows.push(image(film, AssetPurpose::Poster, stamps));
        }
        if d.chance(0.4) {
            rows.push(image(film, AssetPurpose::Still, stamps));
        }
        rows
    })
}

fn image(film: &Film, purpose: AssetPurpose, stamps: Stamps) -> media_asset::Model {
    let FilmImage {
        file,
        width,
        height,
        sort_order: order,
        what_ru,
        what_en,
    } = FilmImage::of(purpose);
    media_asset::Model {
        id: 0,
        film_id: Some(film.id),
        press_material_id: None,
        purpose,
        kind: MediaKind::Image,
        url: format!(
            "https://example.org/kinograph/synthetic/films/{}/{file}",
            film.slug
        ),
        mime_type: "image/jpeg".to_owned(),
        width: Some(width),
        height: Some(height),
        alt_ru: Some(format!(
            "{what_ru} «{}». Синтетическое изображение.",
            film.title.ru
        )),
        alt_en: Some(format!("{what_en} “{}”. Synthetic image.", film.title.en)),
        credit: Some("Kinograph synthetic data".to_owned()),
        license: Some("CC0-1.0".to_owned()),
        sort_order: order,
        created_at: stamps.created_at,
        updated_at: stamps.updated_at,
        version: 1,
    }
}
