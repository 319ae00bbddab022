//! Writes to the catalogue, one file per aggregate. Every write is one store function that
//! checks the caller, validates its input, then runs in one transaction that also records
//! the audit entry: it applies whole or not at all. Records with an id and a version share
//! one writer ([`record`]).
//!
//! Every write's transaction ends in [`settle`]: committed on success, rolled back at once on
//! failure (the work runs in an `async` block whose result `settle` takes, so no `?` leaves
//! the transaction to be dropped).
//!
//! The first statement of every write transaction is a write to the aggregate's root row
//! ([`claim`], [`touch`]). That takes the row lock on PostgreSQL, so concurrent writes to one
//! film run one after the other and checks over its rows (shares totalling at most 100 %)
//! hold; and it takes SQLite's write lock at once, so a transaction never reads first and
//! then fails to upgrade to writing.

pub mod agreement;
pub mod agreement_part;
pub mod co_production;
pub mod credit;
pub mod edition;
pub mod festival;
pub mod film;
pub mod location;
pub mod media;
pub mod organization;
mod parts;
pub mod person;
pub mod press;
pub mod press_parts;
pub mod record;
pub mod screening;
pub mod section;
pub mod shoot;
pub mod values;

use chrono::Utc;
use sea_orm::{
    ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, SqlErr, TransactionTrait,
    sea_query::{Alias, Asterisk, Expr, ExprTrait, Query, SimpleExpr},
};

use crate::{
    domain::viewer::{Caller, Role},
    error::{AppError, AppResult},
    store::audit,
};

/// What a write runs on: the pool, or an open transaction (an import's), in which the
/// write's own `begin()` is a savepoint, so a refused write undoes only itself.
pub trait Writer: TransactionTrait<Transaction = DatabaseTransaction> {}

impl<T: TransactionTrait<Transaction = DatabaseTransaction>> Writer for T {}

/// Ends a write's transaction: commits when `result` is a success, and otherwise rolls back
/// at once. (A transaction that is merely dropped only queues its ROLLBACK until its pooled
/// connection is next used, and keeps its row locks until then.)
pub async fn settle<T>(txn: DatabaseTransaction, result: AppResult<T>) -> AppResult<T> {
    match result {
        Ok(value) => {
            txn.commit().await?;
            Ok(value)
        }
        Err(err) => {
            if let Err(rollback) = txn.rollback().await {
                tracing::warn!(error = %rollback, "rollback after a refused write failed");
            }
            Err(err)
        }
    }
}

/// The key name an editor's write is recorded under; the caller must be an editor.
pub fn editor(caller: &Caller, what: &str) -> AppResult<String> {
    caller.viewer.require(Role::Editor, what)?;
    Ok(caller
        .key_name
        .clone()
        .unwrap_or_else(|| "unnamed key".to_string()))
}

/// Records the audit entry of one write to one entity; see [`audit::record`].
pub async fn audited(
    db: &impl ConnectionTrait,
    actor: &str,
    action: audit::Action,
    entity_type: &str,
    entity_id: i32,
    changes: audit::Changes,
) -> AppResult<()> {
    audit::record(
        db,
        audit::Entry {
            actor,
            action,
            entity_type,
            entity_id,
            changes,
        },
    )
    .await
}

/// A change to an optional field: `None` leaves it, `Some(None)` clears it.
pub type Patch<T> = Option<Option<T>>;

/// Claims row `id` of `table` for an update made from version `expected`: bumps `version`
/// and `updated_at` when the row is still at `expected`. `NOT_FOUND` when there is no such
/// row, `CONFLICT` when it has moved on (someone else changed it since it was read).
pub async fn claim(
    db: &impl ConnectionTrait,
    table: &'static str,
    what: &str,
    id: i32,
    expected: i32,
) -> AppResult<()> {
    claim_at(db, table, what, id, Some(expected)).await
}

/// Like [`claim`]; without `expected`, the change applies to whatever version is current.
pub async fn claim_at(
    db: &impl ConnectionTrait,
    table: &'static str,
    what: &str,
    id: i32,
    expected: Option<i32>,
) -> AppResult<()> {
    let mut update = Query::update()
        .table(Alias::new(table))
        .value(
            Alias::new("version"),
            Expr::col(Alias::new("version")).add(1),
        )
        .value(Alias::new("updated_at"), Utc::now())
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .to_owned();
    if let Some(expected) = expected {
        update.and_where(Expr::col(Alias::new("version")).eq(expected));
    }
    let result = db.execute(&update).await?;
    if result.rows_affected() == 1 {
        return Ok(());
    }
    match (current_version(db, table, id).await?, expected) {
        (None, _) | (Some(_), None) => Err(AppError::NotFound(format!(
            "there is no {what} with this id"
        ))),
        (Some(current), Some(expected)) => Err(AppError::Conflict(format!(
            "the {what} was changed by someone else: it is at version {current}, not {expected}; \
             read it again and reapply your change"
        ))),
    }
}

/// Marks row `id` of `table` as changed (its `updated_at`), without a version check: for
/// edits of the rows hanging off it. `NOT_FOUND` when there is no such row.
pub async fn touch(
    db: &impl ConnectionTrait,
    table: &'static str,
    what: &str,
    field: &str,
    id: i32,
) -> AppResult<()> {
    let update = Query::update()
        .table(Alias::new(table))
        .value(Alias::new("updated_at"), Utc::now())
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .to_owned();
    let result = db.execute(&update).await?;
    if result.rows_affected() == 1 {
        Ok(())
    } else {
        Err(AppError::bad_input(
            field,
            format!("\"{field}\" names no {what}"),
        ))
    }
}

/// Marks the row of `table` that owns part `part_id` of `part_table` (through its `column`)
/// as changed, before the part is edited: the first statement of a part's update or
/// removal. `NOT_FOUND` when there is no such part (`part_what`).
pub async fn touch_owner(
    db: &impl ConnectionTrait,
    table: &'static str,
    part_table: &'static str,
    column: &'static str,
    part_what: &str,
    part_id: i32,
) -> AppResult<()> {
    let owner = Query::select()
        .column(Alias::new(column))
        .from(Alias::new(part_table))
        .and_where(Expr::col(Alias::new("id")).eq(part_id))
        .to_owned();
    let update = Query::update()
        .table(Alias::new(table))
        .value(Alias::new("updated_at"), Utc::now())
        .and_where(Expr::col(Alias::new("id")).in_subquery(owner))
        .to_owned();
    if db.execute(&update).await?.rows_affected() == 1 {
        Ok(())
    } else {
        Err(AppError::NotFound(format!(
            "there is no {part_what} with this id"
        )))
    }
}

async fn current_version(
    db: &impl ConnectionTrait,
    table: &'static str,
    id: i32,
) -> AppResult<Option<i32>> {
    let select = Query::select()
        .column(Alias::new("version"))
        .from(Alias::new(table))
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .to_owned();
    let row = db.query_one(&select).await?;
    Ok(match row {
        Some(row) => Some(row.try_get::<i32>("", "version")?),
        None => None,
    })
}

/// Turns a unique-constraint violation into `BAD_USER_INPUT` on the input field of the
/// column it names (`columns`: column → input field); any other database error stays
/// internal. Both engines name the column in the message (`film.slug`, `film_slug_key`).
pub fn unique_fields(
    columns: &'static [(&'static str, &'static str)],
    what: &'static str,
) -> impl FnOnce(DbErr) -> AppError {
    move |err| {
        if !is_unique_violation(&err) {
            return err.into();
        }
        let message = err.to_string();
        let field = columns
            .iter()
            .filter(|(column, _)| message.contains(column))
            .max_by_key(|(column, _)| column.len())
            .map(|(_, field)| *field);
        match field {
            Some(field) => AppError::bad_input(
                field,
                format!("another {what} has this \"{field}\" already; it must be unique"),
            ),
            None => AppError::Conflict(format!("this {what} duplicates one that exists")),
        }
    }
}

/// Rows of another table that point at the row being deleted: `table.column = id`, named for
/// people (`"co-productions"`), optionally narrowed by `extra` (`subject_type = 'FILM'`).
#[derive(Debug, Clone, Copy)]
pub struct Reference {
    /// The referencing table.
    pub table: &'static str,
    /// Its column holding the id.
    pub column: &'static str,
    /// An extra equality, `(column, value)`.
    pub extra: Option<(&'static str, &'static str)>,
    /// What the rows are, in the plural.
    pub what: &'static str,
}

impl Reference {
    /// Rows of `table` whose `column` holds the id.
    pub const fn new(table: &'static str, column: &'static str, what: &'static str) -> Self {
        Self {
            table,
            column,
            extra: None,
            what,
        }
    }

    /// Press materials about the entity (`press_subject` rows of `subject_type`).
    pub const fn press_subjects(subject_type: &'static str) -> Self {
        Self {
            table: "press_subject",
            column: "subject_id",
            extra: Some(("subject_type", subject_type)),
            what: "press materials about it",
        }
    }
}

/// Refuses to delete the `what` with id `id` while any of `references` points at it:
/// `CONFLICT`, naming each kind of reference and how many there are, so the editor removes
/// them first (nothing is ever removed by surprise). One statement.
pub async fn unreferenced(
    db: &impl ConnectionTrait,
    what: &str,
    id: i32,
    references: &[Reference],
) -> AppResult<()> {
    if references.is_empty() {
        return Ok(());
    }
    let mut select = Query::select();
    for (i, reference) in references.iter().enumerate() {
        let mut count = Query::select()
            .expr(Expr::col(Asterisk).count())
            .from(Alias::new(reference.table))
            .and_where(Expr::col(Alias::new(reference.column)).eq(id))
            .to_owned();
        if let Some((column, value)) = reference.extra {
            count.and_where(Expr::col(Alias::new(column)).eq(value));
        }
        let count = SimpleExpr::SubQuery(None, Box::new(count.into()));
        select.expr_as(count, Alias::new(format!("n{i}")));
    }
    let Some(row) = db.query_one(&select).await? else {
        return Ok(());
    };
    let mut found = Vec::new();
    for (i, reference) in references.iter().enumerate() {
        let n: i64 = row.try_get("", &format!("n{i}"))?;
        if n > 0 {
            found.push(format!("{n} {}", reference.what));
        }
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(AppError::Conflict(format!(
            "the {what} is still referenced ({}); remove those first",
            found.join(", ")
        )))
    }
}

/// A kind of part deleted with its owner that has a global id of its own: its entity type
/// and the table and column that tie it to the owner.
#[derive(Debug, Clone, Copy)]
pub struct Part {
    /// Node type name (`CoProduction`).
    pub entity_type: &'static str,
    /// Its table.
    pub table: &'static str,
    /// The column holding the owner's id.
    pub column: &'static str,
}

/// The audit entries for the parts of owner `id` about to be deleted with it (one DELETE
/// each, so a change feed mirror removes them too). One statement per kind of part.
pub async fn deleted_parts<'a>(
    db: &impl ConnectionTrait,
    actor: &'a str,
    parts: &[Part],
    id: i32,
) -> AppResult<Vec<audit::Entry<'a>>> {
    let mut entries = Vec::new();
    for part in parts {
        let select = Query::select()
            .column(Alias::new("id"))
            .from(Alias::new(part.table))
            .and_where(Expr::col(Alias::new(part.column)).eq(id))
            .order_by(Alias::new("id"), sea_orm::sea_query::Order::Asc)
            .to_owned();
        for row in db.query_all(&select).await? {
            entries.push(audit::Entry {
                actor,
                action: audit::Action::Delete,
                entity_type: part.entity_type,
                entity_id: row.try_get::<i32>("", "id")?,
                changes: audit::Changes::default(),
            });
        }
    }
    Ok(entries)
}

/// True when `err` is a unique-constraint violation.
pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// The one row of `E` with this id, read inside a write (no visibility: editors see all).
pub async fn row<E: EntityTrait>(
    db: &impl ConnectionTrait,
    id: i32,
    what: &str,
) -> AppResult<E::Model>
where
    E::PrimaryKey: sea_orm::PrimaryKeyTrait<ValueType = i32>,
{
    E::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("there is no {what} with this id")))
}
