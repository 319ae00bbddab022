//! Demo data: the facts of the press release of 2025-08-26 plus clearly labelled sample records.
//!
//! `load_demo` fills an empty database in one transaction (its search index included) and
//! leaves a database that already has organizations alone. The press release's facts (its
//! organizations, people, agreement, film week and studio sites) are real. Every sample
//! record has a slug starting with `sample-` and says it is sample data in its description,
//! biography, synopsis or lead ("Демонстрационные данные." / "Sample data."); genres and
//! section slugs are plain vocabulary.

mod catalogue;
mod crew;
mod festival;
mod films;
mod image;
mod newsroom;
mod partnership;
mod press;
mod record;
mod screening;
pub mod synthetic;

pub use catalogue::vocabulary;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::{DatabaseConnection, DbErr, EntityTrait, TransactionTrait};

use crate::entities::organization;

/// The IANA time zone of every demo place.
const MOSCOW_TZ: &str = "Europe/Moscow";

/// Inserts the demo data when the database has no organizations yet.
///
/// Returns `true` when it inserted the data (all of it, in one transaction) and `false`,
/// inserting nothing, when the `organization` table already has rows.
pub async fn load_demo(db: &DatabaseConnection) -> Result<bool, DbErr> {
    if organization::Entity::find().one(db).await?.is_some() {
        return Ok(false);
    }
    let txn = db.begin().await?;
    let mut ids = Ids::default();
    partnership::insert(&txn, &mut ids).await?;
    catalogue::insert(&txn, &mut ids).await?;
    crew::insert(&txn, &mut ids).await?;
    festival::insert(&txn, &mut ids).await?;
    screening::insert(&txn, &ids).await?;
    press::insert(&txn, &ids).await?;
    crate::store::search::index::rebuild(&txn).await?;
    txn.commit().await?; // any `?` above rolls back when `txn` drops
    Ok(true)
}

/// Database ids of the rows inserted so far, by slug, so that relations never hard-code ids.
#[derive(Debug, Default)]
struct Ids {
    organization: HashMap<&'static str, i32>,
    person: HashMap<&'static str, i32>,
    genre: HashMap<&'static str, i32>,
    film: HashMap<&'static str, i32>,
    location: HashMap<&'static str, i32>,
    festival: HashMap<&'static str, i32>,
    edition: HashMap<&'static str, i32>,
    agreement: HashMap<&'static str, i32>,
    /// Sections by (edition slug, section slug): a section slug is unique within its edition.
    section: HashMap<(&'static str, &'static str), i32>,
}

impl Ids {
    fn organization(&self, slug: &str) -> Result<i32, DbErr> {
        lookup(&self.organization, "organization", slug)
    }
    fn person(&self, slug: &str) -> Result<i32, DbErr> {
        lookup(&self.person, "person", slug)
    }
    fn genre(&self, slug: &str) -> Result<i32, DbErr> {
        lookup(&self.genre, "genre", slug)
    }
    fn film(&self, slug: &str) -> Result<i32, DbErr> {
        lookup(&self.film, "film", slug)
    }
    fn location(&self, slug: &str) -> Result<i32, DbErr> {
        lookup(&self.location, "location", slug)
    }
    fn festival(&self, slug: &str) -> Result<i32, DbErr> {
        lookup(&self.festival, "festival", slug)
    }
    fn edition(&self, slug: &str) -> Result<i32, DbErr> {
        lookup(&self.edition, "festival edition", slug)
    }
    fn agreement(&self, slug: &str) -> Result<i32, DbErr> {
        lookup(&self.agreement, "agreement", slug)
    }
    fn section(&self, edition: &'static str, slug: &'static str) -> Result<i32, DbErr> {
        self.section
            .get(&(edition, slug))
            .copied()
            .ok_or_else(|| missing("section", slug))
    }
}

fn lookup(map: &HashMap<&'static str, i32>, table: &str, slug: &str) -> Result<i32, DbErr> {
    map.get(slug).copied().ok_or_else(|| missing(table, slug))
}

fn missing(table: &str, slug: &str) -> DbErr {
    DbErr::Custom(format!("demo data refers to an unknown {table} \"{slug}\""))
}

/// A calendar date; the demo data only uses valid constant dates.
fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, DbErr> {
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| DbErr::Custom(format!("demo data has an invalid date {y}-{m}-{d}")))
}

/// An instant given in UTC.
fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> Result<DateTime<Utc>, DbErr> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .ok_or_else(|| {
            DbErr::Custom(format!(
                "demo data has an invalid time {y}-{m}-{d} {h}:{min}"
            ))
        })
}

/// When the sample records were entered (rows about the seed's facts use the press release's
/// publication time instead).
fn sample_at() -> Result<DateTime<Utc>, DbErr> {
    utc(2025, 9, 1, 8, 0)
}

/// An instant given as Moscow wall-clock time, converted to UTC.
fn moscow(day: NaiveDate, h: u32, min: u32) -> Result<DateTime<Utc>, DbErr> {
    day.and_hms_opt(h, min, 0)
        .and_then(|local| {
            chrono_tz::Europe::Moscow
                .from_local_datetime(&local)
                .single()
        })
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            DbErr::Custom(format!(
                "demo data has an invalid Moscow time {day} {h}:{min}"
            ))
        })
}

/// An optional constant text as an owned column value.
fn text(value: Option<&str>) -> Option<String> {
    value.map(str::to_owned)
}
