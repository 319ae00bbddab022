//! Writing screenings, parts of a festival edition with ids of their own: add, update and
//! remove, each touching the edition first. A screening starts within the edition's days.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveEnum, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, TransactionTrait,
};

use crate::{
    domain::{enums::PremiereStatus, rules, viewer::Caller},
    entities::{festival_edition, screening, section},
    error::{AppError, AppResult},
    store::{
        audit::{Action, Changes},
        edit::{
            Patch, edition, editor,
            rows::{self, Root, finish, touch_owner},
            touch,
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

impl Root for screening::Model {
    type Entity = screening::Entity;
    type Active = screening::ActiveModel;
    const TABLE: &'static str = "screening";
    const WHAT: &'static str = "screening";
    const TYPE: &'static str = "Screening";
    const ID: screening::Column = screening::Column::Id;
    const UNIQUE: &'static [(&'static str, &'static str)] = &[];

    fn id(&self) -> i32 {
        self.id
    }

    fn version(&self) -> i32 {
        self.version
    }

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

    fn diff(old: &Self, new: &Self) -> Changes {
        let mut changes = Changes::default();
        changes.field("edition", &old.edition_id, &new.edition_id);
        changes.field("section", &old.section_id, &new.section_id);
        changes.field("film", &old.film_id, &new.film_id);
        changes.field("venue", &old.venue_id, &new.venue_id);
        changes.field("startsAt", &old.starts_at, &new.starts_at);
        changes.field(
            "premiereStatus",
            &old.premiere_status.to_value(),
            &new.premiere_status.to_value(),
        );
        changes.field("language", &old.language, &new.language);
        changes.field(
            "subtitleLanguages",
            &old.subtitle_languages,
            &new.subtitle_languages,
        );
        changes.field("ticketUrl", &old.ticket_url, &new.ticket_url);
        changes
    }
}

/// Adds a screening to the edition `edition_id`.
pub async fn add(
    db: &DatabaseConnection,
    caller: &Caller,
    edition_id: i32,
    patch: ScreeningPatch,
) -> AppResult<ScreeningRow> {
    let actor = editor(caller, "addScreening")?;
    let patch = checked(patch)?;
    let txn = db.begin().await?;
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
        ..Root::blank()
    };
    let new = rows::insert(&txn, placed(&txn, blank.clone(), patch).await?).await?;
    let changes = Root::diff(&blank, &new);
    written(
        txn,
        caller,
        rows::entry(&actor, Action::Create, &new, changes),
    )
    .await
}

/// Applies `patch` to the screening `id` if it is still at version `expected`.
pub async fn update(
    db: &DatabaseConnection,
    caller: &Caller,
    id: i32,
    expected: i32,
    patch: ScreeningPatch,
) -> AppResult<ScreeningRow> {
    let actor = editor(caller, "updateScreening")?;
    let patch = checked(patch)?;
    let txn = db.begin().await?;
    let old = edition_claimed(&txn, id, Some(expected)).await?;
    let new = rows::save(&txn, placed(&txn, old.clone(), patch).await?).await?;
    let changes = rows::changed(&old, &new);
    written(
        txn,
        caller,
        rows::entry(&actor, Action::Update, &new, changes),
    )
    .await
}

/// Removes the screening `id` from its edition.
pub async fn remove(
    db: &DatabaseConnection,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
) -> AppResult<()> {
    let actor = editor(caller, "removeScreening")?;
    let txn = db.begin().await?;
    let old = edition_claimed(&txn, id, expected).await?;
    rows::delete_row(&txn, &old).await?;
    let changes = rows::deleted(&old);
    finish(
        txn,
        vec![rows::entry(&actor, Action::Delete, &old, changes)],
    )
    .await
}

/// Touches the edition of the screening `id`, then claims and reads the screening.
async fn edition_claimed(
    txn: &DatabaseTransaction,
    id: i32,
    expected: Option<i32>,
) -> AppResult<screening::Model> {
    touch_owner(
        txn,
        "festival_edition",
        "screening",
        "edition_id",
        "screening",
        id,
    )
    .await?;
    rows::claimed(txn, id, expected).await
}

/// The screening written, read back with its venue, section and edition; then the audit
/// entry and the commit.
async fn written(
    txn: DatabaseTransaction,
    caller: &Caller,
    entry: crate::store::audit::Entry<'_>,
) -> AppResult<ScreeningRow> {
    let id = entry.entity_id;
    let row = by_ids(&txn, caller.viewer, [id]).await?.remove(&id);
    finish(txn, vec![entry]).await?;
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
    mut row: screening::Model,
    patch: ScreeningPatch,
) -> AppResult<screening::Model> {
    let mut references = Vec::new();
    if let Some(film_id) = patch.film_id {
        row.film_id = film_id;
        references.push(("film", "film", film_id));
    }
    if let Some(venue_id) = patch.venue_id {
        row.venue_id = venue_id;
        references.push(("location", "venue", venue_id));
    }
    for (table, field, id) in references {
        existing(db, table, table, &[(field.to_string(), id)]).await?;
    }
    if let Some(slug) = patch.section {
        row.section_id = match slug {
            Some(slug) => Some(section_id(db, row.edition_id, &slug).await?),
            None => None,
        };
    }
    let edition =
        super::row::<festival_edition::Entity>(db, row.edition_id, "festival edition").await?;
    let days = (edition.starts_on, edition.ends_on);
    let starts_at = patch.starts_at.unwrap_or(row.starts_at);
    row.starts_at = rules::within_days("startsAt", starts_at, days, edition::zone(&edition)?)?;
    row.premiere_status = patch.premiere_status.unwrap_or(row.premiere_status);
    row.language = patch.language.unwrap_or(row.language);
    if let Some(languages) = patch.subtitle_languages {
        row.subtitle_languages = languages.join(",");
    }
    row.ticket_url = patch.ticket_url.unwrap_or(row.ticket_url);
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
