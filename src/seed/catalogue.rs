//! Genres, sample organizations and sample films with their genres, posters and stills.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait,
};

use super::films::{FILMS, Film};
use super::image::FilmImage;
use super::partnership::recorded_at;
use super::record::Organization;
use super::{Ids, sample_at, text, utc};
use crate::domain::enums::{AssetPurpose, MediaKind, OrganizationKind, PublicationStatus};
use crate::entities::{film, film_genre, genre, media_asset};

pub(super) const DISTRIBUTOR: &str = "sample-distributor";
pub(super) const FOREIGN_STUDIO: &str = "sample-foreign-studio";
pub(super) const FESTIVAL_ORGANIZER: &str = "sample-festival-organizer";

/// The genres: (slug, Russian name, English name); the synthetic catalogue reuses them.
#[rustfmt::skip]
pub(super) const GENRES: [(&str, &str, &str); 8] = [
    ("drama", "Драма", "Drama"),
    ("comedy", "Комедия", "Comedy"),
    ("thriller", "Триллер", "Thriller"),
    ("documentary", "Документальный", "Documentary"),
    ("family", "Семейный", "Family"),
    ("history", "Исторический", "History"),
    ("animation", "Анимация", "Animation"),
    ("adventure", "Приключения", "Adventure"),
];

const ORGANIZATIONS: [Organization; 3] = [
    Organization {
        slug: DISTRIBUTOR,
        kind: OrganizationKind::Distributor,
        name_ru: "«Демо Дистрибьюшн»",
        name_en: Some("Demo Distribution"),
        description_ru: "Демонстрационные данные. Вымышленный кинодистрибьютор, выпускающий в прокат образцовые фильмы каталога.",
        description_en: Some(
            "Sample data. An invented film distributor releasing the catalogue's sample films.",
        ),
        country: "RU",
        website: Some("https://example.org/kinograph/demo-distribution"),
    },
    Organization {
        slug: FOREIGN_STUDIO,
        kind: OrganizationKind::Studio,
        name_ru: "Студия «Экзампль»",
        name_en: Some("Studio Exemple"),
        description_ru: "Демонстрационные данные. Вымышленная французская киностудия, партнер по копродукции образцовых фильмов.",
        description_en: Some(
            "Sample data. An invented French studio co-producing some of the sample films.",
        ),
        country: "FR",
        website: None,
    },
    Organization {
        slug: FESTIVAL_ORGANIZER,
        kind: OrganizationKind::FestivalOrganizer,
        name_ru: "«Демо Фестивали»",
        name_en: None,
        description_ru: "Демонстрационные данные. Вымышленный организатор образцового кинофестиваля; английского названия нет, чтобы было видно возврат к русскому.",
        description_en: Some(
            "Sample data. An invented organizer of the sample film festival; it has no English name, so the Russian one shows as a fallback.",
        ),
        country: "RU",
        website: Some("https://example.org/kinograph/demo-festivals"),
    },
];

/// Inserts the genres of the vocabulary that `db` lacks (an import into an empty database
/// needs them: the transfer file names genres by slug and carries no genre lines); returns
/// how many were added.
pub async fn vocabulary(db: &impl ConnectionTrait) -> Result<usize, DbErr> {
    let at = recorded_at()?;
    let have: Vec<String> = genre::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.slug)
        .collect();
    let mut added = 0;
    for (slug, name_ru, name_en) in GENRES {
        if have.iter().any(|h| h == slug) {
            continue;
        }
        genre::ActiveModel {
            slug: Set(slug.to_owned()),
            name_ru: Set(Some(name_ru.to_owned())),
            name_en: Set(Some(name_en.to_owned())),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(db)
        .await?;
        added += 1;
    }
    Ok(added)
}

/// Inserts the genres, the sample organizations and the sample films.
pub(super) async fn insert(txn: &DatabaseTransaction, ids: &mut Ids) -> Result<(), DbErr> {
    let at = recorded_at()?;
    for (slug, name_ru, name_en) in GENRES {
        let row = genre::ActiveModel {
            slug: Set(slug.to_owned()),
            name_ru: Set(Some(name_ru.to_owned())),
            name_en: Set(Some(name_en.to_owned())),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        ids.genre.insert(slug, row.id);
    }
    let entered = sample_at()?;
    for org in &ORGANIZATIONS {
        org.insert(txn, ids, entered).await?;
    }

    let mut genres = Vec::new();
    let mut assets = Vec::new();
    for spec in &FILMS {
        let film_id = insert_film(txn, ids, spec).await?;
        for (order, slug) in (0..).zip(spec.genres) {
            genres.push(film_genre::ActiveModel {
                film_id: Set(film_id),
                genre_id: Set(ids.genre(slug)?),
                sort_order: Set(order),
            });
        }
        if spec.poster {
            assets.push(image(film_id, spec, AssetPurpose::Poster, entered));
        }
        if spec.imdb.is_some() && spec.eidr.is_some() {
            assets.push(image(film_id, spec, AssetPurpose::Still, entered));
        }
    }
    film_genre::Entity::insert_many(genres)
        .exec_without_returning(txn)
        .await?;
    media_asset::Entity::insert_many(assets)
        .exec_without_returning(txn)
        .await?;
    Ok(())
}

async fn insert_film(txn: &DatabaseTransaction, ids: &mut Ids, spec: &Film) -> Result<i32, DbErr> {
    let published_at = match spec.published_on {
        Some((y, m, d)) => Some(utc(y, m, d, 7, 0)?),
        None => None,
    };
    // A draft was last edited on a fixed day; a published film was last changed when published.
    let at = match published_at {
        Some(at) => at,
        None => utc(2026, 3, 2, 10, 30)?,
    };
    let row = film::ActiveModel {
        slug: Set(spec.slug.to_owned()),
        status: Set(if published_at.is_some() {
            PublicationStatus::Published
        } else {
            PublicationStatus::Draft
        }),
        production_status: Set(spec.stage),
        title_ru: Set(Some(spec.title_ru.to_owned())),
        title_en: Set(text(spec.title_en)),
        original_title: Set(spec.original_title.unwrap_or(spec.title_ru).to_owned()),
        original_language: Set(Some(spec.original_language.to_owned())),
        year: Set(Some(spec.year)),
        runtime_minutes: Set(spec.runtime_minutes),
        countries: Set(spec.countries.to_owned()),
        age_rating: Set(text(spec.age_rating)),
        logline_ru: Set(Some(spec.logline_ru.to_owned())),
        logline_en: Set(text(spec.logline_en)),
        synopsis_ru: Set(Some(spec.synopsis_ru.to_owned())),
        synopsis_en: Set(text(spec.synopsis_en)),
        imdb_id: Set(text(spec.imdb)),
        eidr_id: Set(text(spec.eidr)),
        distribution_certificate: Set(text(spec.certificate)),
        published_at: Set(published_at),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    ids.film.insert(spec.slug, row.id);
    Ok(row.id)
}

/// A film's poster (portrait) or first still (landscape), hosted under example.org.
fn image(
    film_id: i32,
    spec: &Film,
    purpose: AssetPurpose,
    at: DateTime<Utc>,
) -> media_asset::ActiveModel {
    let FilmImage {
        file,
        width,
        height,
        sort_order: order,
        what_ru,
        what_en,
    } = FilmImage::of(purpose);
    media_asset::ActiveModel {
        film_id: Set(Some(film_id)),
        press_material_id: Set(None),
        purpose: Set(purpose),
        kind: Set(MediaKind::Image),
        url: Set(format!(
            "https://example.org/kinograph/films/{}/{file}",
            spec.slug
        )),
        mime_type: Set("image/jpeg".to_owned()),
        width: Set(Some(width)),
        height: Set(Some(height)),
        alt_ru: Set(Some(format!(
            "{what_ru} «{}». Демонстрационное изображение.",
            spec.title_ru
        ))),
        alt_en: Set(spec
            .title_en
            .map(|title| format!("{what_en} “{title}”. Sample image."))),
        credit: Set(Some("Kinograph sample data".to_owned())),
        license: Set(Some("CC0-1.0".to_owned())),
        sort_order: Set(order),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
        ..Default::default()
    }
}
