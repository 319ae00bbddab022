//! Writing screenings, parts of a festival edition with ids of their own: add, update and
//! remove, each touching the edition first. A screening starts within the edition's days.

use super::Writer;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter};

use crate::{
    domain::{enums::PremiereStatus, rules, viewer::Caller},
    entities::{festival_edition, screening, section},
    error::{AppError, AppResult},
    store::{
        edit::{
            self, Patch, edition, editor,
            record::{self, Record, Written, claimed},
            settle, touch, touch_owner,
            values::existing,
        },
        screening::{ScreeningRow, by_ids},
    },
};

/// Changes to a screening; `None` leaves a field as it is, `Some(None)` clears it. A new
/// screening is a patch of an empty one.
#[derive(Debug, Clone, Default)]
pub struct ScreeningPatch {
    /// The film screened.
    pub film_id: Option<i32>,
    /// The location it is held at.
    pub venue_id: Option<i32>,
    /// The slug of its section in the edition.
    pub section: Patch<String>,
    /// Start time.
    pub starts_at: Option<DateTime<Utc>>,
    /// Premiere status.
    pub premiere_status: Option<PremiereStatus>,
    /// Spoken language (ISO 639-1).
    pub language: Patch<String>,
    /// Subtitle languages (ISO 639-1), replacing the list.
    pub subtitle_languages: Option<Vec<String>>,
    /// Where to buy tickets.
    pub ticket_url: Patch<String>,
}

impl Record for screening::Model {
    type Of = screening::Entity;
    type Patch = ScreeningPatch;
    const TYPE: &'static str = "Screening";
    const WHAT: &'static str = "screening";
    const UNIQUE: &'static [(&'static str, &'static str)] = &[];

    fn blank() -> Self {
        let now = Utc::now();
        screening::Model {
            id: 0,
            edition_id: 0,
            section_id: None,
            film_id: 0,
            venue_id: 0,
            starts_at: now,
            premiere_status: PremiereStatus::None,
            language: None,
            subtitle_languages: String::new(),
            ticket_url: None,
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }

    /// The screening with the `checked` patch applied, but for its section, which `placed`
    /// finds by slug.
    fn patched(&self, patch: ScreeningPatch) -> AppResult<Self> {
        let mut row = self.clone();
        row.film_id = patch.film_id.unwrap_or(row.film_id);
        row.venue_id = patch.venue_id.unwrap_or(row.venue_id);
        row.starts_at = patch.starts_at.unwrap_or(row.starts_at);
        row.premiere_status = patch.premiere_status.unwrap_or(row.premiere_status);
        row.language = patch.language.unwrap_or(row.language);
        if let Some(languages) = patch.subtitle_languages {
            row.subtitle_languages = languages.join(",");
        }
        row.ticket_url = patch.ticket_url.unwrap_or(row.ticket_url);
        Ok(row)
    }
}

/// Adds a screening to the edition `edition_id`.
pub async fn add(
    db: &impl Writer,
    caller: &Caller,
    edition_id: i32,
    patch: ScreeningPatch,
) -> AppResult<ScreeningRow> {
    let actor = editor(caller, "addScreening")?;
    let patch = checked(patch)?;
    let txn = db.begin().await?;
    let result = async {
        touch(
            &txn,
            "festival_edition",
            "festival edition",
            "edition",
            edition_id,
        )
        .await?;
        let blank = screening::Model {
            edition_id,
            ..Record::blank()
        };
        let new = placed(&txn, &blank, patch).await?;
        let written = record::insert(&txn, new).await?;
        read_back(&txn, caller, &actor, written).await
    }
    .await;
    settle(txn, result).await
}

/// Applies `patch` to the screening `id` if it is still at version `expected`.
pub async fn update(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: i32,
    patch: ScreeningPatch,
) -> AppResult<ScreeningRow> {
    let actor = editor(caller, "updateScreening")?;
    let patch = checked(patch)?;
    let txn = db.begin().await?;
    let result = async {
        touch_edition(&txn, id).await?;
        let old: screening::Model = claimed(&txn, id, Some(expected)).await?;
        let new = placed(&txn, &old, patch).await?;
        let written = record::save(&txn, id, expected, &old, new).await?;
        read_back(&txn, caller, &actor, written).await
    }
    .await;
    settle(txn, result).await
}

/// Removes the screening `id` from its edition.
pub async fn remove(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
) -> AppResult<()> {
    let actor = editor(caller, "removeScreening")?;
    let txn = db.begin().await?;
    let result = async {
        touch_edition(&txn, id).await?;
        let written = record::removed::<screening::Model>(&txn, id, expected).await?;
        written.audit(&txn, &actor).await
    }
    .await;
    settle(txn, result).await.map(drop)
}

/// Marks the edition of the screening `id` changed: the first statement of its update or
/// removal.
async fn touch_edition(db: &impl ConnectionTrait, id: i32) -> AppResult<()> {
    touch_owner(
        db,
        "festival_edition",
        "screening",
        "edition_id",
        "screening",
        id,
    )
    .await
}

/// The screening written, read back with its venue, section and edition; then its audit
/// entry.
async fn read_back(
    txn: &DatabaseTransaction,
    caller: &Caller,
    actor: &str,
    written: Written<screening::Model>,
) -> AppResult<ScreeningRow> {
    let id = written.id;
    let row = by_ids(txn, caller.viewer, [id]).await?.remove(&id);
    written.audit(txn, actor).await?;
    row.ok_or_else(|| AppError::internal(anyhow::anyhow!("screening {id} not read back")))
}

/// `patch` with its values checked and normalized (before any database work).
fn checked(mut patch: ScreeningPatch) -> AppResult<ScreeningPatch> {
    if let Some(Some(slug)) = &patch.section {
        patch.section = Some(Some(rules::slug("section", slug)?));
    }
    if let Some(Some(language)) = &patch.language {
        patch.language = Some(Some(rules::language("language", language)?));
    }
    if let Some(languages) = &patch.subtitle_languages {
        patch.subtitle_languages = Some(rules::languages("subtitleLanguages", languages)?);
    }
    if let Some(Some(url)) = &patch.ticket_url {
        patch.ticket_url = Some(Some(rules::url("ticketUrl", url)?));
    }
    Ok(patch)
}

/// `row` with the checked `patch` applied, its film, venue and section found, and its start
/// within the edition's days.
async fn placed(
    db: &impl ConnectionTrait,
    row: &screening::Model,
    mut patch: ScreeningPatch,
) -> AppResult<screening::Model> {
    let mut references = Vec::new();
    if let Some(film_id) = patch.film_id {
        references.push(("film", "film", film_id));
    }
    if let Some(venue_id) = patch.venue_id {
        references.push(("location", "venue", venue_id));
    }
    for (table, field, id) in references {
        existing(db, table, table, &[(field.to_string(), id)]).await?;
    }
    let section = patch.section.take();
    let mut row = row.patched(patch)?;
    if let Some(slug) = section {
        row.section_id = match slug {
            Some(slug) => Some(section_id(db, row.edition_id, &slug).await?),
            None => None,
        };
    }
    let edition =
        edit::row::<festival_edition::Entity>(db, row.edition_id, "festival edition").await?;
    let days = (edition.starts_on, edition.ends_on);
    row.starts_at = rules::within_days("startsAt", row.starts_at, days, edition::zone(&edition)?)?;
    Ok(row)
}

/// The id of the section `slug` of the edition `edition_id`.
async fn section_id(db: &impl ConnectionTrait, edition_id: i32, slug: &str) -> AppResult<i32> {
    section::Entity::find()
        .filter(section::Column::EditionId.eq(edition_id))
        .filter(section::Column::Slug.eq(slug))
        .one(db)
        .await?
        .map(|s| s.id)
        .ok_or_else(|| {
            AppError::bad_input(
                "section",
                format!(
                    "\"section\" names no section of the edition: there is no section \"{slug}\"; \
                     add it with setEditionSections first"
                ),
            )
        })
}
