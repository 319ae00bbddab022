//! One way to create, update and delete the catalogue's plain records (organizations,
//! people, locations): each [`Record`] says how a patch applies to it and what may refer
//! to it; the writes around that, and their audit entries, are the same for all.

use anyhow::anyhow;
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, DbErr, EntityName, EntityTrait, IdenStatic,
    IntoActiveModel, Iterable, ModelTrait, PrimaryKeyToColumn, PrimaryKeyTrait, SqlErr,
    TransactionTrait, Value,
    sea_query::{ValueTuple, sea_value_to_json_value},
};

use crate::{
    domain::{
        rules::{self, TITLE_MAX_CHARS},
        viewer::Caller,
    },
    error::{AppError, AppResult},
    store::{
        audit::{Action, Changes},
        edit::{
            Patch, Reference, audited, claim, claim_at, editor, row, settle, unique_fields,
            unreferenced,
        },
    },
};

/// A record the generic writes handle: a row with an `id`, a `version` and timestamps, whose
/// table is named as the record is in messages.
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
    /// The node type name (`Organization`); mutations are `create<Type>`, `update<Type>`,
    /// `delete<Type>`.
    const TYPE: &'static str;
    /// Unique columns and the input fields they come from.
    const UNIQUE: &'static [(&'static str, &'static str)] = &[("slug", "slug")];
    /// The input field and the kind of record of its one foreign key, if it has one.
    const FOREIGN_KEY: Option<(&'static str, &'static str)> = None;
    /// What may refer to it; deleting it is refused while anything does.
    const REFERENCES: &'static [Reference];

    /// An empty record, created now: what a new one is a patch of.
    fn blank() -> Self;
    /// This record with the validated `patch` applied.
    fn patched(&self, patch: Self::Patch) -> AppResult<Self>;
}

/// The record's table, which is also what messages call it.
fn table<R: Record>() -> &'static str {
    R::Of::default().table_name()
}

/// Creates a record from a patch of a blank one.
pub async fn create<R: Record>(
    db: &DatabaseConnection,
    caller: &Caller,
    patch: R::Patch,
) -> AppResult<R> {
    let actor = editor(caller, &format!("create{}", R::TYPE))?;
    let new = R::blank().patched(patch)?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        let mut active = new.into_active_model().reset_all();
        for key in <R::Of as EntityTrait>::PrimaryKey::iter() {
            active.not_set(key.into_column());
        }
        let created = active.insert(&txn).await.map_err(write_error::<R>)?;
        let id = match created.get_primary_key_value() {
            ValueTuple::One(Value::Int(Some(id))) => id,
            other => return Err(AppError::internal(anyhow!("a new row's id is {other:?}"))),
        };
        let changes = diff(None, Some(&created));
        audited(&txn, &actor, Action::Create, R::TYPE, id, changes).await?;
        Ok(created)
    }
    .await;
    settle(txn, result).await
}

/// Applies `patch` to the record `id` if it is still at version `expected`.
pub async fn update<R: Record>(
    db: &DatabaseConnection,
    caller: &Caller,
    id: i32,
    expected: i32,
    patch: R::Patch,
) -> AppResult<R> {
    let actor = editor(caller, &format!("update{}", R::TYPE))?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        claim(&txn, table::<R>(), table::<R>(), id, expected).await?;
        let current = row::<R::Of>(&txn, id, table::<R>()).await?;
        let updated = current
            .patched(patch)?
            .into_active_model()
            .reset_all()
            .update(&txn)
            .await
            .map_err(write_error::<R>)?;
        let mut changes = diff(Some(&current), Some(&updated));
        changes.field("version", &expected, &(expected + 1));
        audited(&txn, &actor, Action::Update, R::TYPE, id, changes).await?;
        Ok(updated)
    }
    .await;
    settle(txn, result).await
}

/// Deletes the record `id`; refused while anything refers to it.
pub async fn delete<R: Record>(
    db: &DatabaseConnection,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
) -> AppResult<()> {
    let actor = editor(caller, &format!("delete{}", R::TYPE))?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        claim_at(&txn, table::<R>(), table::<R>(), id, expected).await?;
        unreferenced(&txn, table::<R>(), id, R::REFERENCES).await?;
        let old = row::<R::Of>(&txn, id, table::<R>()).await?;
        R::Of::delete_by_id(id).exec(&txn).await?;
        let changes = diff(Some(&old), None);
        audited(&txn, &actor, Action::Delete, R::TYPE, id, changes).await?;
        Ok(())
    }
    .await;
    settle(txn, result).await
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
        let field = field_name(name);
        let json = |model: Option<&R>| {
            model.map_or(serde_json::Value::Null, |m| {
                sea_value_to_json_value(&m.get(column))
            })
        };
        changes.field(&field, &json(old), &json(new));
    }
    changes
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
    unique_fields(R::UNIQUE, table::<R>())(err)
}

/// Changes to what every record has: a slug and a name.
#[derive(Debug, Clone, Default)]
pub struct Naming {
    /// URL slug.
    pub slug: Option<String>,
    /// Name in Russian and English.
    pub name: (Patch<String>, Patch<String>),
}

impl Naming {
    /// Applies the changes to a record's `slug` and `name`, which must remain in one language.
    pub fn apply(
        self,
        slug: &mut String,
        name: (&mut Option<String>, &mut Option<String>),
    ) -> AppResult<()> {
        if let Some(new) = self.slug {
            *slug = rules::slug("slug", &new)?;
        }
        localized("name", name, self.name, TITLE_MAX_CHARS, true)
    }
}

/// Applies a patch of a text in both languages to `(ru, en)` and validates the result: each
/// language trimmed, blank as none, at most `max_chars`; when `required`, one must remain.
pub fn localized(
    field: &str,
    text: (&mut Option<String>, &mut Option<String>),
    patch: (Patch<String>, Patch<String>),
    max_chars: usize,
    required: bool,
) -> AppResult<()> {
    let (ru, en) = text;
    if let Some(value) = patch.0 {
        *ru = value;
    }
    if let Some(value) = patch.1 {
        *en = value;
    }
    let blank = |t: &Option<String>| t.as_deref().is_none_or(|t| t.trim().is_empty());
    if !required && blank(ru) && blank(en) {
        (*ru, *en) = (None, None);
        return Ok(());
    }
    let checked = rules::localized_text(field, ru.as_deref(), en.as_deref(), max_chars)?;
    (*ru, *en) = (checked.ru, checked.en);
    Ok(())
}

/// Applies a patch of an optional value, validating a new one.
pub fn optional<T, U>(
    target: &mut Option<U>,
    patch: Patch<T>,
    check: impl FnOnce(T) -> AppResult<U>,
) -> AppResult<()> {
    if let Some(value) = patch {
        *target = value.map(check).transpose()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::field_name;

    #[test]
    fn columns_are_audited_under_their_input_field_names() {
        assert_eq!(field_name("slug"), "slug");
        assert_eq!(field_name("name_ru"), "nameRu");
        assert_eq!(field_name("time_zone"), "timeZone");
        assert_eq!(field_name("owner_id"), "owner");
    }
}
