//! The shared writer of a root row (festival, edition, screening, agreement): created or
//! updated whole from a patched copy of itself, or deleted while nothing refers to it, each
//! with its audit entry.

use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, DbErr, EntityTrait, IntoActiveModel, QueryFilter, SqlErr,
    TransactionTrait,
    sea_query::{Alias, Expr, ExprTrait, Query},
};

use crate::{
    domain::viewer::Caller,
    error::{AppError, AppResult},
    store::{
        audit::{self, Action, Changes, Entry},
        edit::{Reference, claim_at, editor, unique_fields, unreferenced},
    },
};

/// A root row written whole from a patched copy of itself: what the shared writers need to
/// know of its entity.
pub trait Root: Clone + Send + Sync + IntoActiveModel<Self::Active> + 'static {
    /// Its entity.
    type Entity: EntityTrait<Model = Self>;
    /// Its active model.
    type Active: ActiveModelTrait<Entity = Self::Entity> + ActiveModelBehavior + Send;
    /// Its table.
    const TABLE: &'static str;
    /// What it is, in words (`festival edition`).
    const WHAT: &'static str;
    /// Its node type name, as audited (`FestivalEdition`).
    const TYPE: &'static str;
    /// Its id column.
    const ID: <Self::Entity as EntityTrait>::Column;
    /// Its unique columns and their input fields.
    const UNIQUE: &'static [(&'static str, &'static str)];
    /// The input field and the kind of row of its one reference that the writers do not
    /// check before writing (a foreign-key violation is then a bad input there).
    const REFERENCE: Option<(&'static str, &'static str)> = None;
    /// The rows that keep it from being deleted while they point at it.
    const REFERENCES: &'static [Reference] = &[];

    /// Its row id.
    fn id(&self) -> i32;
    /// Its version.
    fn version(&self) -> i32;
    /// An empty row, created now: what a new row is a patch of.
    fn blank() -> Self;
    /// The audited changes between two versions of the row.
    fn diff(old: &Self, new: &Self) -> Changes;

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

/// Inserts `new` as a new row, with the id the database gives it.
pub async fn insert<R: Root>(db: &impl ConnectionTrait, new: R) -> AppResult<R> {
    let mut active = new.into_active_model().reset_all();
    active.not_set(R::ID);
    active.insert(db).await.map_err(write_error::<R>)
}

/// Writes `new` over its row.
pub async fn save<R: Root>(db: &impl ConnectionTrait, new: R) -> AppResult<R> {
    new.into_active_model()
        .reset_all()
        .update(db)
        .await
        .map_err(write_error::<R>)
}

/// A failed write of a row of `R`: unique and foreign-key violations are bad input on their
/// fields.
fn write_error<R: Root>(err: DbErr) -> AppError {
    match (err.sql_err(), R::REFERENCE) {
        (Some(SqlErr::ForeignKeyConstraintViolation(_)), Some((field, what))) => {
            AppError::bad_input(field, format!("\"{field}\" names no {what}"))
        }
        _ => unique_fields(R::UNIQUE, R::WHAT)(err),
    }
}

/// Claims row `id` for a change from version `expected` (any version when None), then reads
/// it: the first statements of an update or deletion.
pub async fn claimed<R: Root>(
    db: &impl ConnectionTrait,
    id: i32,
    expected: Option<i32>,
) -> AppResult<R> {
    claim_at(db, R::TABLE, R::WHAT, id, expected).await?;
    R::Entity::find()
        .filter(R::ID.eq(id))
        .one(db)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("there is no {} with this id", R::WHAT)))
}

/// A new row patched from a blank one when `at` is None (validated before the transaction
/// opens); else row `id` patched from version `expected`, claimed first. Returns the open
/// transaction, the row written, its audited changes and the action.
pub async fn write<R: Root>(
    db: &DatabaseConnection,
    at: Option<(i32, i32)>,
    patch: impl FnOnce(R) -> AppResult<R>,
) -> AppResult<(DatabaseTransaction, R, Changes, Action)> {
    match at {
        None => {
            let blank = R::blank();
            let new = patch(blank.clone())?;
            let txn = db.begin().await?;
            let new = insert(&txn, new).await?;
            let changes = R::diff(&blank, &new);
            Ok((txn, new, changes, Action::Create))
        }
        Some((id, expected)) => {
            let txn = db.begin().await?;
            let old: R = claimed(&txn, id, Some(expected)).await?;
            let new = save(&txn, patch(old.clone())?).await?;
            let changes = changed(&old, &new);
            Ok((txn, new, changes, Action::Update))
        }
    }
}

/// The audited changes of an update from `old` to `new`, with the version it moved from
/// (claiming bumped it by one).
pub fn changed<R: Root>(old: &R, new: &R) -> Changes {
    let mut changes = R::diff(old, new);
    changes.field("version", &(new.version() - 1), &new.version());
    changes
}

/// The name of the mutation that creates (`at` None) or updates an `R`
/// (`createFestival`, `updateFestival`).
pub fn verb<R: Root>(at: Option<(i32, i32)>) -> String {
    match at {
        None => format!("create{}", R::TYPE),
        Some(_) => format!("update{}", R::TYPE),
    }
}

/// Deletes row `id` of `R` from version `expected` (with `expected` None, whatever its
/// version), as the mutation `delete<Type>`: refused (`CONFLICT`) while any of its
/// `REFERENCES` points at it. Its owned rows go with it (foreign keys cascade), recorded in
/// its audit entry by `deleted_parts`.
pub async fn delete<R: Root>(
    db: &DatabaseConnection,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
) -> AppResult<()> {
    let actor = editor(caller, &format!("delete{}", R::TYPE))?;
    let txn = db.begin().await?;
    let old: R = claimed(&txn, id, expected).await?;
    unreferenced(&txn, R::WHAT, id, R::REFERENCES).await?;
    let mut changes = deleted(&old);
    R::deleted_parts(&txn, id, &mut changes).await?;
    delete_row(&txn, &old).await?;
    finish(txn, vec![entry(&actor, Action::Delete, &old, changes)]).await
}

/// Deletes `row`; its owned rows go with it (foreign keys cascade).
pub async fn delete_row<R: Root>(db: &impl ConnectionTrait, row: &R) -> AppResult<()> {
    R::Entity::delete_many()
        .filter(R::ID.eq(row.id()))
        .exec(db)
        .await?;
    Ok(())
}

/// The changes of deleting `row`: each field that held something, with null as new value.
pub fn deleted<R: Root>(row: &R) -> Changes {
    R::diff(row, &R::blank()).as_deleted()
}

/// The audit entry of `action` on `row`.
pub fn entry<'a, R: Root>(actor: &'a str, action: Action, row: &R, changes: Changes) -> Entry<'a> {
    Entry {
        actor,
        action,
        entity_type: R::TYPE,
        entity_id: row.id(),
        changes,
    }
}

/// Records the write's audit entries, as its last statement, and commits it.
pub async fn finish(txn: DatabaseTransaction, entries: Vec<Entry<'_>>) -> AppResult<()> {
    audit::record_all(&txn, entries).await?;
    txn.commit().await?;
    Ok(())
}

/// Marks the `what` that owns part `part_id` of `part_table` (through its `column`) as
/// changed, before the part is edited: the first statement of a part's update or removal.
/// `NOT_FOUND` when there is no such part.
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
        .value(Alias::new("updated_at"), chrono::Utc::now())
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
