//! The one way to create, update and delete a record with an id, a `version` and timestamps
//! (organizations, people, locations, festivals, editions, screenings, agreements): each
//! [`Record`] says how a patch applies to it and what may refer to it; its audited fields
//! come from its table's columns. The writes around that, and their audit entries, are the
//! same for all.

use super::Writer;
use anyhow::anyhow;
use chrono::SecondsFormat;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityName, EntityTrait,
    IdenStatic, IntoActiveModel, Iterable, ModelTrait, PrimaryKeyToColumn, PrimaryKeyTrait, SqlErr,
    Value,
    sea_query::{ValueTuple, sea_value_to_json_value},
};

use crate::{
    domain::viewer::Caller,
    error::{AppError, AppResult},
    store::{
        audit::{Action, Changes},
        edit::{Reference, audited, claim_at, editor, row, settle, unique_fields, unreferenced},
    },
};

/// A record the shared writes handle: a row with an `id`, a `version` and timestamps.
pub trait Record:
    ModelTrait<Entity = Self::Of>
    + Clone
    + Send
    + Sync
    + 'static
    + IntoActiveModel<<Self::Of as EntityTrait>::ActiveModel>
{
    /// Its entity.
    type Of: EntityTrait<Model = Self, ActiveModel: Send, PrimaryKey: PrimaryKeyTrait<ValueType = i32>>
        + Default;
    /// The changes an editor sends.
    type Patch: Send;
    /// The node type name, as audited (`FestivalEdition`); its mutations are
    /// `create<Type>`, `update<Type>`, `delete<Type>`.
    const TYPE: &'static str;
    /// What it is, in words (`festival edition`).
    const WHAT: &'static str;
    /// Unique columns and the input fields they come from.
    const UNIQUE: &'static [(&'static str, &'static str)] = &[("slug", "slug")];
    /// The input field and the kind of row of its one reference that the writes do not check
    /// before writing (a foreign-key violation is then a bad input there).
    const FOREIGN_KEY: Option<(&'static str, &'static str)> = None;
    /// What may refer to it; deleting it is refused while anything does.
    const REFERENCES: &'static [Reference] = &[];

    /// An empty record, created now: what a new one is a patch of.
    fn blank() -> Self;
    /// This record with the validated `patch` applied.
    fn patched(&self, patch: Self::Patch) -> AppResult<Self>;

    /// Records in `changes` the owned lists about to be deleted with row `id`.
    fn deleted_parts(
        db: &DatabaseTransaction,
        id: i32,
        changes: &mut Changes,
    ) -> impl Future<Output = AppResult<()>> + Send {
        let _ = (db, id, changes);
        async { Ok(()) }
    }
}

/// The record's table.
fn table<R: Record>() -> &'static str {
    R::Of::default().table_name()
}

/// A write of a record that has happened inside a transaction but is not yet audited: the
/// row, what was done, and the changes its audit entry records.
#[derive(Debug)]
pub struct Written<R> {
    /// The row id.
    pub id: i32,
    /// The row as written (before deletion, for a deletion).
    pub row: R,
    /// What was done.
    pub action: Action,
    /// The audited changes.
    pub changes: Changes,
}

impl<R: Record> Written<R> {
    /// Records the audit entry, the write's last statement; returns the row.
    pub async fn audit(self, db: &impl ConnectionTrait, actor: &str) -> AppResult<R> {
        audited(db, actor, self.action, R::TYPE, self.id, self.changes).await?;
        Ok(self.row)
    }
}

/// A new record, validated before the transaction opens; or a patch of row `id` from version
/// `expected`, applied once the row is claimed.
#[derive(Debug)]
pub enum Write<R: Record> {
    /// Create this row.
    Create(R),
    /// Patch row `.0` from version `.1`.
    Update(i32, i32, R::Patch),
}

impl<R: Record> Write<R> {
    /// A new record patched from a blank one when `at` is None (validated here); else the
    /// patch of row `id` from version `expected` (`at` = `(id, expected)`).
    pub fn new(at: Option<(i32, i32)>, patch: R::Patch) -> AppResult<Self> {
        Ok(match at {
            None => Write::Create(R::blank().patched(patch)?),
            Some((id, expected)) => Write::Update(id, expected, patch),
        })
    }

    /// Applies the write inside `db`'s transaction: inserts the new row, or claims the row,
    /// patches it and saves it.
    pub async fn apply(self, db: &impl ConnectionTrait) -> AppResult<Written<R>> {
        match self {
            Write::Create(new) => insert(db, new).await,
            Write::Update(id, expected, patch) => {
                let old: R = claimed(db, id, Some(expected)).await?;
                let new = old.patched(patch)?;
                save(db, id, expected, &old, new).await
            }
        }
    }
}

/// The name of the mutation that creates (`at` None) or updates an `R`
/// (`createFestival`, `updateFestival`).
pub fn verb<R: Record>(at: Option<(i32, i32)>) -> String {
    match at {
        None => format!("create{}", R::TYPE),
        Some(_) => format!("update{}", R::TYPE),
    }
}

/// Creates a record (`at` None) or applies `patch` to the record `id` if it is still at
/// version `expected` (`at` = `(id, expected)`), as `create<Type>` / `update<Type>`.
pub async fn write<R: Record>(
    db: &impl Writer,
    caller: &Caller,
    at: Option<(i32, i32)>,
    patch: R::Patch,
) -> AppResult<R> {
    let actor = editor(caller, &verb::<R>(at))?;
    let write = Write::<R>::new(at, patch)?;
    let txn = db.begin().await?;
    let result = async { write.apply(&txn).await?.audit(&txn, &actor).await }.await;
    settle(txn, result).await
}

/// Deletes the record `id` from version `expected` (with `expected` None, whatever its
/// version), as `delete<Type>`; see [`removed`].
pub async fn delete<R: Record>(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
) -> AppResult<()> {
    let actor = editor(caller, &format!("delete{}", R::TYPE))?;
    let txn = db.begin().await?;
    let result = async {
        removed::<R>(&txn, id, expected)
            .await?
            .audit(&txn, &actor)
            .await
    }
    .await;
    settle(txn, result).await.map(drop)
}

/// Inserts `new` as a new row, with the id the database gives it.
pub async fn insert<R: Record>(db: &impl ConnectionTrait, new: R) -> AppResult<Written<R>> {
    let mut active = new.into_active_model().reset_all();
    for key in <R::Of as EntityTrait>::PrimaryKey::iter() {
        active.not_set(key.into_column());
    }
    let created = active.insert(db).await.map_err(write_error::<R>)?;
    let id = match created.get_primary_key_value() {
        ValueTuple::One(Value::Int(Some(id))) => id,
        other => return Err(AppError::internal(anyhow!("a new row's id is {other:?}"))),
    };
    Ok(Written {
        id,
        changes: diff(None, Some(&created)),
        row: created,
        action: Action::Create,
    })
}

/// Claims row `id` for a change from version `expected` (any version when None), then reads
/// it: the first statements of an update or deletion.
pub async fn claimed<R: Record>(
    db: &impl ConnectionTrait,
    id: i32,
    expected: Option<i32>,
) -> AppResult<R> {
    claim_at(db, table::<R>(), R::WHAT, id, expected).await?;
    row::<R::Of>(db, id, R::WHAT).await
}

/// Writes `new` over row `id`, claimed from version `expected` when it was `old`.
pub async fn save<R: Record>(
    db: &impl ConnectionTrait,
    id: i32,
    expected: i32,
    old: &R,
    new: R,
) -> AppResult<Written<R>> {
    let saved = new
        .into_active_model()
        .reset_all()
        .update(db)
        .await
        .map_err(write_error::<R>)?;
    let mut changes = diff(Some(old), Some(&saved));
    changes.field("version", &expected, &(expected + 1));
    Ok(Written {
        id,
        row: saved,
        action: Action::Update,
        changes,
    })
}

/// Deletes row `id`, claimed from version `expected` (any when None): refused (`CONFLICT`)
/// while any of its `REFERENCES` points at it. Its owned rows go with it (foreign keys
/// cascade), recorded in its changes by `deleted_parts`.
pub async fn removed<R: Record>(
    db: &DatabaseTransaction,
    id: i32,
    expected: Option<i32>,
) -> AppResult<Written<R>> {
    let old: R = claimed(db, id, expected).await?;
    unreferenced(db, R::WHAT, id, R::REFERENCES).await?;
    let mut changes = diff(Some(&old), None);
    R::deleted_parts(db, id, &mut changes).await?;
    R::Of::delete_by_id(id).exec(db).await?;
    Ok(Written {
        id,
        row: old,
        action: Action::Delete,
        changes,
    })
}

/// The audited changes between two versions of a record (`None` before it was created or
/// after it was deleted): every column but the id, the timestamps and the version, named as
/// the API names its field (`name_ru` as `nameRu`, `owner_id` as `owner`).
fn diff<R: Record>(old: Option<&R>, new: Option<&R>) -> Changes {
    let mut changes = Changes::default();
    for column in <R::Of as EntityTrait>::Column::iter() {
        let name = column.as_str();
        if matches!(name, "id" | "created_at" | "updated_at" | "version") {
            continue;
        }
        let value =
            |model: Option<&R>| model.map_or(serde_json::Value::Null, |m| json(m.get(column)));
        changes.field(&field_name(name), &value(old), &value(new));
    }
    changes
}

/// A column's value as the audit trail keeps it: dates and times as JSON writes them
/// (`2025-09-01`, `2025-09-01T18:00:00Z`), the rest as sea-orm does.
fn json(value: Value) -> serde_json::Value {
    match value {
        Value::ChronoDate(Some(date)) => date.to_string().into(),
        Value::ChronoDateTimeUtc(Some(at)) => {
            at.to_rfc3339_opts(SecondsFormat::AutoSi, true).into()
        }
        other => sea_value_to_json_value(&other),
    }
}

/// The input field a column is written from: `name_ru` from `nameRu`, `owner_id` from
/// `owner`.
fn field_name(column: &str) -> String {
    let column = column.strip_suffix("_id").unwrap_or(column);
    let mut field = String::with_capacity(column.len());
    for (i, word) in column.split('_').enumerate() {
        let mut chars = word.chars();
        if i > 0
            && let Some(first) = chars.next()
        {
            field.push(first.to_ascii_uppercase());
        }
        field.push_str(chars.as_str());
    }
    field
}

/// A failed insert or update of `R`: a taken unique value or an unknown foreign key is the
/// editor's to fix, anything else is internal.
fn write_error<R: Record>(err: DbErr) -> AppError {
    if let (Some(SqlErr::ForeignKeyConstraintViolation(_)), Some((field, what))) =
        (err.sql_err(), R::FOREIGN_KEY)
    {
        return AppError::bad_input(field, format!("\"{field}\" names no {what}"));
    }
    unique_fields(R::UNIQUE, R::WHAT)(err)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};
    use sea_orm::Value;

    use super::{field_name, json};

    #[test]
    fn columns_are_audited_under_their_input_field_names() {
        assert_eq!(field_name("slug"), "slug");
        assert_eq!(field_name("name_ru"), "nameRu");
        assert_eq!(field_name("time_zone"), "timeZone");
        assert_eq!(field_name("owner_id"), "owner");
    }

    #[test]
    fn dates_and_times_are_audited_as_json_writes_them() {
        let day = NaiveDate::from_ymd_opt(2025, 9, 1);
        let at = Utc.with_ymd_and_hms(2025, 9, 1, 18, 0, 0).single();
        assert_eq!(day.map(|d| json(d.into())), Some("2025-09-01".into()));
        assert_eq!(
            at.map(|t| json(t.into())),
            at.and_then(|t| serde_json::to_value(t).ok())
        );
        assert_eq!(json(Value::Int(None)), serde_json::Value::Null);
    }
}
