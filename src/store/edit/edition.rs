//! Writing festival editions: create (under a festival), update (a patch from a known
//! version), and delete while nothing refers to the edition.

use super::Writer;
use chrono::{NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
};

use crate::{
    domain::{
        rules::{self, TITLE_MAX_CHARS},
        viewer::Caller,
    },
    entities::{festival_edition, screening},
    error::{AppError, AppResult},
    store::{
        audit::Changes,
        edit::{
            Reference, editor,
            record::{self, Record, Write},
            section, settle, touch,
            values::{TextPatch, text},
        },
    },
};

/// Changes to a festival edition; `None` leaves a field as it is, `Some(None)` clears it.
/// A new edition is a patch of an empty one.
#[derive(Debug, Clone, Default)]
pub struct EditionPatch {
    /// URL slug.
    pub slug: Option<String>,
    /// Ordinal number, unique within the festival.
    pub number: Option<i32>,
    /// Year it is held.
    pub year: Option<i32>,
    /// Name in Russian and English.
    pub name: TextPatch,
    /// First day.
    pub starts_on: Option<NaiveDate>,
    /// Last day.
    pub ends_on: Option<NaiveDate>,
    /// City in Russian and English.
    pub city: TextPatch,
    /// IANA time zone name.
    pub time_zone: Option<String>,
}

impl Record for festival_edition::Model {
    type Of = festival_edition::Entity;
    type Patch = EditionPatch;
    const TYPE: &'static str = "FestivalEdition";
    const WHAT: &'static str = "festival edition";
    const UNIQUE: &'static [(&'static str, &'static str)] =
        &[("slug", "slug"), ("number", "number")];
    /// Deleted only when it has no screenings, no agreement was signed at it and no press
    /// materials are about it; its sections go with it.
    const REFERENCES: &'static [Reference] = &[
        Reference::new("screening", "edition_id", "screenings"),
        Reference::new("agreement", "signing_event_id", "agreements signed at it"),
        Reference::press_subjects("FESTIVAL_EDITION"),
    ];

    fn blank() -> Self {
        let now = Utc::now();
        festival_edition::Model {
            id: 0,
            slug: String::new(),
            festival_id: 0,
            number: 0,
            year: 0,
            name_ru: None,
            name_en: None,
            starts_on: NaiveDate::MIN,
            ends_on: NaiveDate::MIN,
            city_ru: None,
            city_en: None,
            time_zone: String::new(),
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }

    /// The edition with the validated `patch` applied.
    fn patched(&self, patch: EditionPatch) -> AppResult<Self> {
        let mut row = self.clone();
        row.slug = rules::slug("slug", patch.slug.as_deref().unwrap_or(&row.slug))?;
        row.number = rules::edition_number("number", patch.number.unwrap_or(row.number))?;
        row.year = rules::year("year", patch.year.unwrap_or(row.year))?;
        (row.name_ru, row.name_en) = text(
            "name",
            (row.name_ru, row.name_en),
            patch.name,
            TITLE_MAX_CHARS,
            false,
        )?;
        row.starts_on = patch.starts_on.unwrap_or(row.starts_on);
        row.ends_on = patch.ends_on.unwrap_or(row.ends_on);
        rules::date_order("endsOn", row.starts_on, row.ends_on)?;
        (row.city_ru, row.city_en) = text(
            "city",
            (row.city_ru, row.city_en),
            patch.city,
            TITLE_MAX_CHARS,
            false,
        )?;
        let time_zone = patch.time_zone.unwrap_or(row.time_zone);
        row.time_zone = rules::time_zone("timeZone", &time_zone)?;
        Ok(row)
    }

    async fn deleted_parts(
        db: &DatabaseTransaction,
        id: i32,
        changes: &mut Changes,
    ) -> AppResult<()> {
        changes.deleted("sections", &section::listed(db, id).await?);
        Ok(())
    }
}

/// Creates an edition of the festival `festival_id`.
pub async fn create(
    db: &impl Writer,
    caller: &Caller,
    festival_id: i32,
    patch: EditionPatch,
) -> AppResult<festival_edition::Model> {
    let actor = editor(caller, "createFestivalEdition")?;
    let blank = festival_edition::Model {
        festival_id,
        ..Record::blank()
    };
    let new = blank.patched(patch)?;
    let txn = db.begin().await?;
    let result = async {
        touch(&txn, "festival", "festival", "festival", festival_id).await?;
        record::insert(&txn, new).await?.audit(&txn, &actor).await
    }
    .await;
    settle(txn, result).await
}

/// Applies `patch` to the edition `id` if it is still at version `expected`. Its screenings
/// must stay within its days.
pub async fn update(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: i32,
    patch: EditionPatch,
) -> AppResult<festival_edition::Model> {
    let actor = editor(caller, "updateFestivalEdition")?;
    let txn = db.begin().await?;
    let result = async {
        let written = Write::Update(id, expected, patch).apply(&txn).await?;
        screenings_within(&txn, &written.row).await?;
        written.audit(&txn, &actor).await
    }
    .await;
    settle(txn, result).await
}

/// The edition's time zone.
pub fn zone(edition: &festival_edition::Model) -> AppResult<Tz> {
    edition.time_zone.parse().map_err(|_| {
        AppError::internal(anyhow::anyhow!(
            "edition {} has the bad time zone {:?}",
            edition.id,
            edition.time_zone
        ))
    })
}

/// Refuses new days or a new time zone of `edition` that would leave any of its screenings
/// outside its days.
async fn screenings_within(
    db: &impl ConnectionTrait,
    edition: &festival_edition::Model,
) -> AppResult<()> {
    let tz = zone(edition)?;
    let days = (edition.starts_on, edition.ends_on);
    for (field, descending) in [("startsOn", false), ("endsOn", true)] {
        let query = screening::Entity::find()
            .filter(screening::Column::EditionId.eq(edition.id))
            .order_by(
                screening::Column::StartsAt,
                if descending {
                    sea_orm::Order::Desc
                } else {
                    sea_orm::Order::Asc
                },
            );
        if let Some(screening) = query.one(db).await?
            && rules::within_days(field, screening.starts_at, days, tz).is_err()
        {
            return Err(AppError::bad_input(
                field,
                format!(
                    "\"{field}\" would leave the screening at {} outside the edition's days; \
                     move or remove its screenings first",
                    screening.starts_at.to_rfc3339()
                ),
            ));
        }
    }
    Ok(())
}
