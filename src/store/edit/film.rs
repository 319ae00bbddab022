//! Writing films: create, update (a patch from a known version), and the publication status.

use super::Writer;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder,
};

use crate::{
    domain::{
        enums::{ProductionStatus, PublicationStatus},
        rules::{self, BODY_MAX_CHARS, TITLE_MAX_CHARS},
        viewer::Caller,
    },
    entities::{film, film_genre, genre},
    error::{AppError, AppResult},
    store::{
        audit::{self, Action, Changes, Entry},
        edit::{
            Part, Patch, Reference, audited, claim, claim_at, deleted_parts, editor, row, settle,
            unique_fields, unreferenced,
        },
    },
};

/// Changes to a film's editable fields; `None` leaves a field as it is, `Some(None)` clears
/// it. A new film is a patch of an empty one.
#[derive(Debug, Clone, Default)]
pub struct FilmPatch {
    /// URL slug.
    pub slug: Option<String>,
    /// Title in Russian.
    pub title_ru: Patch<String>,
    /// Title in English.
    pub title_en: Patch<String>,
    /// Title in the original language; the Russian (else English) title when never given.
    pub original_title: Option<String>,
    /// ISO 639-1 code.
    pub original_language: Patch<String>,
    /// Production stage.
    pub production_status: Option<ProductionStatus>,
    /// Year of release.
    pub year: Patch<i32>,
    /// Running time.
    pub runtime_minutes: Patch<i32>,
    /// Production countries (ISO 3166-1 alpha-2), replacing the list.
    pub countries: Option<Vec<String>>,
    /// Russian age rating.
    pub age_rating: Patch<String>,
    /// Logline in Russian.
    pub logline_ru: Patch<String>,
    /// Logline in English.
    pub logline_en: Patch<String>,
    /// Synopsis in Russian.
    pub synopsis_ru: Patch<String>,
    /// Synopsis in English.
    pub synopsis_en: Patch<String>,
    /// Genre slugs in display order, replacing the list.
    pub genres: Option<Vec<String>>,
    /// IMDb title id.
    pub imdb_id: Patch<String>,
    /// EIDR content id.
    pub eidr_id: Patch<String>,
    /// National distribution certificate number.
    pub distribution_certificate: Patch<String>,
}

/// Input field names, as the API spells them, of the unique columns.
const UNIQUE: &[(&str, &str)] = &[
    ("slug", "slug"),
    ("imdb_id", "imdbId"),
    ("eidr_id", "eidrId"),
    ("distribution_certificate", "distributionCertificate"),
];

/// Creates a film, as a draft.
pub async fn create(db: &impl Writer, caller: &Caller, patch: FilmPatch) -> AppResult<film::Model> {
    let actor = editor(caller, "createFilm")?;
    let blank = blank();
    if patch.slug.is_none() {
        return Err(AppError::bad_input("slug", "a new film needs a \"slug\""));
    }
    let genres = patch.genres.clone();
    let new = patched(&blank, patch)?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        let mut active = new.clone().into_active_model().reset_all();
        active.id = sea_orm::ActiveValue::NotSet;
        let film = active
            .insert(&txn)
            .await
            .map_err(unique_fields(UNIQUE, "film"))?;
        let mut changes = diff(&blank, &film);
        if let Some(slugs) = genres {
            let new_genres = replace_genres(&txn, film.id, &slugs).await?;
            changes.field("genres", &Vec::<String>::new(), &new_genres);
        }
        audited(&txn, &actor, Action::Create, "Film", film.id, changes).await?;
        Ok(film)
    }
    .await;
    settle(txn, result).await
}

/// An empty draft film, created now: what a new film is a patch of.
fn blank() -> film::Model {
    let now = Utc::now();
    film::Model {
        id: 0,
        slug: String::new(),
        status: PublicationStatus::Draft,
        production_status: ProductionStatus::Announced,
        title_ru: None,
        title_en: None,
        original_title: String::new(),
        original_language: None,
        year: None,
        runtime_minutes: None,
        countries: String::new(),
        age_rating: None,
        logline_ru: None,
        logline_en: None,
        synopsis_ru: None,
        synopsis_en: None,
        imdb_id: None,
        eidr_id: None,
        distribution_certificate: None,
        published_at: None,
        created_at: now,
        updated_at: now,
        version: 1,
    }
}

/// Applies `patch` to the film `id` if it is still at version `expected`.
pub async fn update(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: i32,
    patch: FilmPatch,
) -> AppResult<film::Model> {
    let actor = editor(caller, "updateFilm")?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        claim(&txn, "film", "film", id, expected).await?;
        let current = row::<film::Entity>(&txn, id, "film").await?;
        let genres = patch.genres.clone();
        let new = patched(&current, patch)?;
        let film = new
            .clone()
            .into_active_model()
            .reset_all()
            .update(&txn)
            .await
            .map_err(unique_fields(UNIQUE, "film"))?;
        let mut changes = diff(&current, &film);
        if let Some(slugs) = genres {
            let old = genre_slugs(&txn, id).await?;
            let new = replace_genres(&txn, id, &slugs).await?;
            changes.field("genres", &old, &new);
        }
        changes.field("version", &expected, &film.version);
        audited(&txn, &actor, Action::Update, "Film", id, changes).await?;
        Ok(film)
    }
    .await;
    settle(txn, result).await
}

/// Publishes, unpublishes (back to draft) or archives the film `id`. `published_at`, when
/// given, is recorded as the publication time (an import restores it); otherwise a first
/// publication is stamped now.
pub async fn change_status(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
    status: PublicationStatus,
    published_at: Option<DateTime<Utc>>,
) -> AppResult<film::Model> {
    let what = match status {
        PublicationStatus::Published => "publishFilm",
        PublicationStatus::Draft => "unpublishFilm",
        PublicationStatus::Archived => "archiveFilm",
    };
    let actor = editor(caller, what)?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        claim_at(&txn, "film", "film", id, expected).await?;
        let old = row::<film::Entity>(&txn, id, "film").await?;
        let mut active = old.clone().into_active_model();
        active.status = sea_orm::ActiveValue::Set(status);
        if published_at.is_some() {
            active.published_at = sea_orm::ActiveValue::Set(published_at);
        } else if status == PublicationStatus::Published && old.published_at.is_none() {
            active.published_at = sea_orm::ActiveValue::Set(Some(Utc::now()));
        }
        let film = active.update(&txn).await?;
        let mut changes = Changes::default();
        changes.field("status", &old.status.to_value(), &film.status.to_value());
        changes.field("publishedAt", &old.published_at, &film.published_at);
        audited(&txn, &actor, status_action(status), "Film", id, changes).await?;
        Ok(film)
    }
    .await;
    settle(txn, result).await
}

/// The parts deleted with a film that have global ids of their own.
const PARTS: [Part; 3] = [
    Part {
        entity_type: "CoProduction",
        table: "co_production",
        column: "film_id",
    },
    Part {
        entity_type: "Shoot",
        table: "shoot",
        column: "film_id",
    },
    Part {
        entity_type: "Screening",
        table: "screening",
        column: "film_id",
    },
];

/// Deletes the film `id` with its own parts (genres, co-productions, credits, shoots,
/// screenings, assets); refused while press materials are about it.
pub async fn delete(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
) -> AppResult<()> {
    let actor = editor(caller, "deleteFilm")?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        claim_at(&txn, "film", "film", id, expected).await?;
        unreferenced(&txn, "film", id, &[Reference::press_subjects("FILM")]).await?;
        let old = row::<film::Entity>(&txn, id, "film").await?;
        let mut entries = deleted_parts(&txn, &actor, &PARTS, id).await?;
        film::Entity::delete_by_id(id).exec(&txn).await?;
        entries.insert(
            0,
            Entry {
                actor: &actor,
                action: Action::Delete,
                entity_type: "Film",
                entity_id: id,
                changes: diff(&old, &blank()).as_deleted(),
            },
        );
        audit::record_all(&txn, entries).await?;
        Ok(())
    }
    .await;
    settle(txn, result).await
}

/// The audit action of moving to `status`.
pub fn status_action(status: PublicationStatus) -> Action {
    match status {
        PublicationStatus::Published => Action::Publish,
        PublicationStatus::Draft => Action::Unpublish,
        PublicationStatus::Archived => Action::Archive,
    }
}

/// `current` with the validated `patch` applied.
fn patched(current: &film::Model, patch: FilmPatch) -> AppResult<film::Model> {
    let mut film = current.clone();
    if let Some(slug) = patch.slug {
        film.slug = rules::slug("slug", &slug)?;
    }
    if let Some(title) = patch.title_ru {
        film.title_ru = title;
    }
    if let Some(title) = patch.title_en {
        film.title_en = title;
    }
    let title = rules::localized_text(
        "title",
        film.title_ru.as_deref(),
        film.title_en.as_deref(),
        TITLE_MAX_CHARS,
    )?;
    (film.title_ru, film.title_en) = (title.ru, title.en);
    if let Some(original) = patch.original_title {
        let original = original.trim().to_string();
        rules::text_length("originalTitle", &original, TITLE_MAX_CHARS)?;
        film.original_title = original;
    }
    if film.original_title.is_empty() {
        film.original_title = film
            .title_ru
            .clone()
            .or_else(|| film.title_en.clone())
            .unwrap_or_default();
    }
    if let Some(language) = patch.original_language {
        film.original_language = optional(language, |l| rules::language("originalLanguage", &l))?;
    }
    if let Some(stage) = patch.production_status {
        film.production_status = stage;
    }
    if let Some(year) = patch.year {
        film.year = optional(year, |y| rules::year("year", y))?;
    }
    if let Some(runtime) = patch.runtime_minutes {
        film.runtime_minutes = optional(runtime, |m| rules::runtime_minutes("runtimeMinutes", m))?;
    }
    if let Some(countries) = patch.countries {
        film.countries = rules::countries("countries", &countries)?.join(",");
    }
    if let Some(rating) = patch.age_rating {
        film.age_rating = optional(rating, |r| rules::age_rating("ageRating", &r))?;
    }
    for (field, value, target) in [
        ("logline", patch.logline_ru, &mut film.logline_ru),
        ("logline", patch.logline_en, &mut film.logline_en),
        ("synopsis", patch.synopsis_ru, &mut film.synopsis_ru),
        ("synopsis", patch.synopsis_en, &mut film.synopsis_en),
    ] {
        if let Some(value) = value {
            *target = optional(value, |text| {
                rules::text_length(field, &text, BODY_MAX_CHARS)?;
                Ok(Some(text.trim().to_string()).filter(|t| !t.is_empty()))
            })?
            .flatten();
        }
    }
    if let Some(id) = patch.imdb_id {
        film.imdb_id = optional(id, |v| rules::imdb_id("imdbId", &v))?;
    }
    if let Some(id) = patch.eidr_id {
        film.eidr_id = optional(id, |v| rules::eidr_id("eidrId", &v))?;
    }
    if let Some(number) = patch.distribution_certificate {
        film.distribution_certificate = optional(number, |v| {
            rules::distribution_certificate("distributionCertificate", &v)
        })?;
    }
    Ok(film)
}

/// Validates a value that may be cleared.
fn optional<T, U>(value: Option<T>, check: impl FnOnce(T) -> AppResult<U>) -> AppResult<Option<U>> {
    value.map(check).transpose()
}

/// The audited changes between two versions of a film.
fn diff(old: &film::Model, new: &film::Model) -> Changes {
    let mut changes = Changes::default();
    changes.field("slug", &old.slug, &new.slug);
    changes.field("titleRu", &old.title_ru, &new.title_ru);
    changes.field("titleEn", &old.title_en, &new.title_en);
    changes.field("originalTitle", &old.original_title, &new.original_title);
    changes.field(
        "originalLanguage",
        &old.original_language,
        &new.original_language,
    );
    changes.field("status", &old.status.to_value(), &new.status.to_value());
    changes.field(
        "productionStatus",
        &old.production_status.to_value(),
        &new.production_status.to_value(),
    );
    changes.field("year", &old.year, &new.year);
    changes.field("runtimeMinutes", &old.runtime_minutes, &new.runtime_minutes);
    changes.field("countries", &old.countries, &new.countries);
    changes.field("ageRating", &old.age_rating, &new.age_rating);
    changes.field("loglineRu", &old.logline_ru, &new.logline_ru);
    changes.field("loglineEn", &old.logline_en, &new.logline_en);
    changes.field("synopsisRu", &old.synopsis_ru, &new.synopsis_ru);
    changes.field("synopsisEn", &old.synopsis_en, &new.synopsis_en);
    changes.field("imdbId", &old.imdb_id, &new.imdb_id);
    changes.field("eidrId", &old.eidr_id, &new.eidr_id);
    changes.field(
        "distributionCertificate",
        &old.distribution_certificate,
        &new.distribution_certificate,
    );
    changes
}

/// The film's genre slugs, in display order.
async fn genre_slugs(db: &impl sea_orm::ConnectionTrait, film_id: i32) -> AppResult<Vec<String>> {
    let links = film_genre::Entity::find()
        .filter(film_genre::Column::FilmId.eq(film_id))
        .order_by_asc(film_genre::Column::SortOrder)
        .all(db)
        .await?;
    let genres = genre::Entity::find()
        .filter(genre::Column::Id.is_in(links.iter().map(|l| l.genre_id)))
        .all(db)
        .await?;
    Ok(links
        .iter()
        .filter_map(|link| genres.iter().find(|g| g.id == link.genre_id))
        .map(|g| g.slug.clone())
        .collect())
}

/// Replaces the film's genres with the genres of `slugs`, in that order; returns the slugs.
async fn replace_genres(
    db: &impl sea_orm::ConnectionTrait,
    film_id: i32,
    slugs: &[String],
) -> AppResult<Vec<String>> {
    let wanted: Vec<String> = slugs
        .iter()
        .map(|s| s.trim().to_ascii_lowercase())
        .collect();
    let found = genre::Entity::find()
        .filter(genre::Column::Slug.is_in(wanted.clone()))
        .all(db)
        .await?;
    let mut ids = Vec::with_capacity(wanted.len());
    for (i, slug) in wanted.iter().enumerate() {
        let Some(genre) = found.iter().find(|g| &g.slug == slug) else {
            return Err(AppError::bad_input(
                format!("genres[{i}]"),
                format!("\"genres[{i}]\" names no genre: there is no genre \"{slug}\""),
            ));
        };
        if ids.contains(&genre.id) {
            return Err(AppError::bad_input(
                format!("genres[{i}]"),
                format!("\"genres[{i}]\" repeats the genre \"{slug}\"; list each genre once"),
            ));
        }
        ids.push(genre.id);
    }
    film_genre::Entity::delete_many()
        .filter(film_genre::Column::FilmId.eq(film_id))
        .exec(db)
        .await?;
    if !ids.is_empty() {
        let rows = ids
            .iter()
            .enumerate()
            .map(|(i, genre_id)| film_genre::ActiveModel {
                film_id: sea_orm::ActiveValue::Set(film_id),
                genre_id: sea_orm::ActiveValue::Set(*genre_id),
                sort_order: sea_orm::ActiveValue::Set(i as i32),
            });
        film_genre::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(wanted)
}
