//! `kinograph import`: the counterpart of the export. Each line is upserted by slug through
//! the same store writes as the mutations (so the same rules, audit entries and change feed),
//! as the editor `import`, all inside one outer transaction; each line runs in a savepoint of
//! its own, so a rejected line undoes only itself. A dry run rolls the whole back.

mod film;
mod press;
mod records;

use std::{collections::BTreeMap, str::FromStr};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveEnum, ConnectionTrait, DatabaseConnection, DatabaseTransaction, TransactionTrait,
    sea_query::{Alias, Expr, ExprTrait, Query},
};

use crate::{
    domain::viewer::{Caller, Viewer},
    error::{AppError, AppResult},
    store::edit::{Patch, values::TextPatch},
    transfer::format::{Line, Text},
};

/// Lines rejected, and what became of the others, per type.
#[derive(Debug, Default)]
pub struct Report {
    /// Each rejected line: its number (from 1), the field at fault and why.
    pub rejected: Vec<Rejection>,
    /// Per line type (by name): created, updated, rejected.
    pub counts: BTreeMap<&'static str, Counts>,
}

/// A line that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Line number, from 1.
    pub line: usize,
    /// The field at fault (`coProductions[1].organization`); empty when the line is unreadable.
    pub field: String,
    /// Why.
    pub message: String,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            write!(f, "line {}: {}: {}", self.line, self.field, self.message)
        }
    }
}

/// Records of one type.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// New records.
    pub created: usize,
    /// Records whose slug existed.
    pub updated: usize,
    /// Lines refused.
    pub rejected: usize,
}

/// Whether a line made a new record or updated one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A new record.
    Created,
    /// The record with its slug, updated.
    Updated,
}

/// The caller imports write as: an editor named `import`.
pub fn caller() -> Caller {
    Caller {
        viewer: Viewer::Editor,
        key_name: Some("import".into()),
    }
}

/// Imports the JSON lines of `input`; with `dry_run`, everything runs and is reported, then
/// rolled back. `progress` is told after each line. Fails only when the database does.
pub async fn import(
    db: &DatabaseConnection,
    input: &str,
    dry_run: bool,
    mut progress: impl FnMut(usize),
) -> anyhow::Result<Report> {
    let caller = caller();
    let mut report = Report::default();
    let txn = db.begin().await?;
    crate::seed::vocabulary(&txn).await?;
    for (i, text) in input.lines().enumerate() {
        progress(i + 1);
        if text.trim().is_empty() {
            continue;
        }
        let line: Line = match serde_json::from_str(text) {
            Ok(line) => line,
            Err(err) => {
                report.rejected.push(Rejection {
                    line: i + 1,
                    field: String::new(),
                    message: format!("not a record of the transfer format: {err}"),
                });
                report.counts.entry("unreadable").or_default().rejected += 1;
                continue;
            }
        };
        let kind = kind(&line);
        let savepoint = txn.begin().await?;
        let result = apply(&savepoint, &caller, line).await;
        let counts = report.counts.entry(kind).or_default();
        match result {
            Ok(outcome) => {
                savepoint.commit().await?;
                match outcome {
                    Outcome::Created => counts.created += 1,
                    Outcome::Updated => counts.updated += 1,
                }
            }
            Err(err) => {
                savepoint.rollback().await?;
                if let AppError::Internal(cause) = &err {
                    tracing::error!(line = i + 1, error = %cause, "import of a line failed");
                }
                counts.rejected += 1;
                let (field, message) = match err {
                    AppError::BadUserInput { field, message } => {
                        (field.unwrap_or_default(), message)
                    }
                    other => (String::new(), other.to_string()),
                };
                report.rejected.push(Rejection {
                    line: i + 1,
                    field,
                    message,
                });
            }
        }
    }
    if dry_run {
        txn.rollback().await?;
    } else {
        txn.commit().await?;
    }
    Ok(report)
}

fn kind(line: &Line) -> &'static str {
    match line {
        Line::Organization(_) => "organization",
        Line::Person(_) => "person",
        Line::Festival(_) => "festival",
        Line::FestivalEdition(_) => "festivalEdition",
        Line::Agreement(_) => "agreement",
        Line::Location(_) => "location",
        Line::Film(_) => "film",
        Line::PressMaterial(_) => "pressMaterial",
    }
}

async fn apply(db: &DatabaseTransaction, caller: &Caller, line: Line) -> AppResult<Outcome> {
    match line {
        Line::Organization(o) => records::organization(db, caller, o).await,
        Line::Person(p) => records::person(db, caller, p).await,
        Line::Festival(f) => records::festival(db, caller, f).await,
        Line::FestivalEdition(e) => records::edition(db, caller, e).await,
        Line::Agreement(a) => records::agreement(db, caller, a).await,
        Line::Location(l) => records::location(db, caller, l).await,
        Line::Film(f) => film::film(db, caller, f).await,
        Line::PressMaterial(p) => press::press(db, caller, p).await,
    }
}

/// The id and version of the row of `table` with this slug.
pub(crate) async fn existing(
    db: &impl ConnectionTrait,
    table: &'static str,
    slug: &str,
) -> AppResult<Option<(i32, i32)>> {
    let select = Query::select()
        .columns([Alias::new("id"), Alias::new("version")])
        .from(Alias::new(table))
        .and_where(Expr::col(Alias::new("slug")).eq(slug))
        .to_owned();
    Ok(match db.query_one(&select).await? {
        Some(row) => Some((row.try_get("", "id")?, row.try_get("", "version")?)),
        None => None,
    })
}

/// The id of the `what` of `table` named by `slug` in `field`; BAD_USER_INPUT when none.
pub(crate) async fn resolve(
    db: &impl ConnectionTrait,
    table: &'static str,
    what: &str,
    field: &str,
    slug: &str,
) -> AppResult<i32> {
    match existing(db, table, slug).await? {
        Some((id, _)) => Ok(id),
        None => Err(AppError::bad_input(field, format!("no {what} \"{slug}\""))),
    }
}

/// The id named by an optional slug.
pub(crate) async fn resolve_opt(
    db: &impl ConnectionTrait,
    table: &'static str,
    what: &str,
    field: &str,
    slug: Option<&str>,
) -> AppResult<Option<i32>> {
    match slug {
        Some(slug) => resolve(db, table, what, field, slug).await.map(Some),
        None => Ok(None),
    }
}

/// An enum value as written by the export.
pub(crate) fn value<E: ActiveEnum<Value = String>>(field: &str, text: &str) -> AppResult<E> {
    E::try_from_value(&text.to_string())
        .map_err(|_| AppError::bad_input(field, format!("\"{text}\" is not a known value")))
}

/// A date, `YYYY-MM-DD`.
pub(crate) fn date(field: &str, text: &str) -> AppResult<NaiveDate> {
    NaiveDate::from_str(text)
        .map_err(|_| AppError::bad_input(field, format!("\"{text}\" is not a date (YYYY-MM-DD)")))
}

/// A time, RFC 3339.
pub(crate) fn time(field: &str, text: &str) -> AppResult<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| AppError::bad_input(field, format!("\"{text}\" is not an RFC 3339 time")))
}

/// A text replaced whole by the file's.
pub(crate) fn text(text: Option<Text>) -> TextPatch {
    let text = text.unwrap_or_default();
    (Some(text.ru), Some(text.en))
}

/// A field set to the file's value (cleared when absent).
pub(crate) fn set<T>(value: Option<T>) -> Patch<T> {
    Some(value)
}

/// `(ru, en)` of a text.
pub(crate) fn pair(text: Option<Text>) -> (Option<String>, Option<String>) {
    let text = text.unwrap_or_default();
    (text.ru, text.en)
}
