//! The audit trail: every write records who, when, what entity, and the changed fields' old
//! and new values, in the write's own transaction (no write without its entry, no entry
//! without its write).

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryTrait,
    sea_query::{Condition, Query, SelectStatement},
};
use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::{
    db::is_postgres,
    domain::viewer::Viewer,
    entities::{audit_entry, film, press_material},
    error::{AppError, AppResult},
    store::{
        page::{Page, PageQuery, SortKey, SortKind, fetch_page},
        search,
        sql::{col, count},
        visibility,
    },
};

/// What a write did to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Created it.
    Create,
    /// Changed some of its fields.
    Update,
    /// Deleted it.
    Delete,
    /// Published it (possibly under an embargo).
    Publish,
    /// Took it back to draft.
    Unpublish,
    /// Archived it.
    Archive,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 6] = [
        Action::Create,
        Action::Update,
        Action::Delete,
        Action::Publish,
        Action::Unpublish,
        Action::Archive,
    ];

    /// The action of a stored name.
    pub fn parse(stored: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|action| action.name() == stored)
    }

    /// The stored name.
    pub fn name(self) -> &'static str {
        match self {
            Action::Create => "CREATE",
            Action::Update => "UPDATE",
            Action::Delete => "DELETE",
            Action::Publish => "PUBLISH",
            Action::Unpublish => "UNPUBLISH",
            Action::Archive => "ARCHIVE",
        }
    }
}

/// The changed fields of one write: field name (as the API spells it) → old and new value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes(Map<String, Value>);

impl Changes {
    /// Records `field` when `old` and `new` differ.
    pub fn field<T: Serialize + PartialEq>(&mut self, field: &str, old: &T, new: &T) {
        if old != new {
            self.0.insert(
                field.to_string(),
                json!({ "old": to_json(old), "new": to_json(new) }),
            );
        }
    }

    /// Records `field` of a created entity (old is null), unless it is null.
    pub fn created<T: Serialize>(&mut self, field: &str, new: &T) {
        let new = to_json(new);
        if !new.is_null() {
            self.0
                .insert(field.to_string(), json!({ "old": null, "new": new }));
        }
    }

    /// Records `field` of a deleted entity (new is null), unless it was null.
    pub fn deleted<T: Serialize>(&mut self, field: &str, old: &T) {
        let old = to_json(old);
        if !old.is_null() {
            self.0
                .insert(field.to_string(), json!({ "old": old, "new": null }));
        }
    }

    /// The changes of deleting the entity these changes lead away from (its fields compared
    /// with a blank one): each field that held something, with null as the new value.
    pub fn as_deleted(self) -> Self {
        Changes(
            self.0
                .into_iter()
                .filter(|(_, change)| !change["old"].is_null())
                .map(|(field, change)| (field, json!({ "old": change["old"], "new": null })))
                .collect(),
        )
    }

    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The changes as a JSON object.
    pub fn into_json(self) -> Value {
        Value::Object(self.0)
    }
}

fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The advisory lock key that orders audit entries by commit (`"kinograf"` in ASCII).
const COMMIT_ORDER_LOCK: i64 = 0x6b69_6e6f_6772_6166;

/// One write to record.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The key name of the writer.
    pub actor: &'a str,
    /// What was done.
    pub action: Action,
    /// The node type name of the entity (`Film`, `CoProduction`, ...).
    pub entity_type: &'a str,
    /// The entity's row id.
    pub entity_id: i32,
    /// The changed fields.
    pub changes: Changes,
}

/// Records a write; call it inside the write's transaction, as its last statement.
///
/// On PostgreSQL the entry is written under a transaction-scoped advisory lock, held until
/// commit, so entries get their ids in commit order: a change feed reader that has seen
/// entry N never later finds a new entry below N. (SQLite runs one writer at a time.)
pub async fn record(db: &impl ConnectionTrait, entry: Entry<'_>) -> AppResult<()> {
    record_all(db, vec![entry]).await
}

/// Records several entries of one write (a deletion and the parts deleted with it), in
/// order, in one statement; see [`record`]. The search index follows the write first: the
/// documents of the searchable entities written are rebuilt ([`search::index::follow`]).
pub async fn record_all(db: &impl ConnectionTrait, entries: Vec<Entry<'_>>) -> AppResult<()> {
    if entries.is_empty() {
        return Ok(());
    }
    search::index::follow(db, entries.iter().map(|e| (e.entity_type, e.entity_id))).await?;
    // The response cache drops what these writes could change once the request ends.
    crate::cache::topics::wrote(entries.iter().map(|entry| entry.entity_type));
    if is_postgres(db) {
        db.execute_unprepared(&format!(
            "SELECT pg_advisory_xact_lock({COMMIT_ORDER_LOCK})"
        ))
        .await?;
    }
    let at = Utc::now();
    let mut rows = Vec::with_capacity(entries.len());
    for entry in entries {
        let changes =
            serde_json::to_string(&entry.changes.into_json()).map_err(AppError::internal)?;
        rows.push(audit_entry::ActiveModel {
            at: Set(at),
            actor: Set(entry.actor.to_string()),
            action: Set(entry.action.name().to_string()),
            entity_type: Set(entry.entity_type.to_string()),
            entity_id: Set(entry.entity_id),
            changes: Set(changes),
            ..Default::default()
        });
    }
    audit_entry::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// The list tag of audit log cursors (newest first).
pub const LOG: &str = "auditLog";
/// The list tag of change feed cursors (oldest first).
pub const FEED: &str = "changes";

/// Which entries to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct AuditFilter<'a> {
    /// Only the entries of this entity (node type name, row id).
    pub entity: Option<(&'a str, i32)>,
}

/// The audit log, newest first: for editors, every entry.
pub async fn log(
    db: &impl ConnectionTrait,
    filter: AuditFilter<'_>,
    page: &PageQuery,
    with_total: bool,
) -> AppResult<Page<audit_entry::Model>> {
    let mut cond = Condition::all();
    if let Some((entity_type, entity_id)) = filter.entity {
        cond = cond
            .add(audit_entry::Column::EntityType.eq(entity_type))
            .add(audit_entry::Column::EntityId.eq(entity_id));
    }
    listed(db, cond, page, with_total, true).await
}

/// The change feed, oldest first: every write in commit order, except writes to films and
/// press materials `viewer` may not see now (deletions are always listed, so that a mirror
/// removes what it holds).
pub async fn feed(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    page: &PageQuery,
    with_total: bool,
) -> AppResult<Page<audit_entry::Model>> {
    let visible = |entity_type: &str, ids: SelectStatement| {
        Condition::all()
            .add(audit_entry::Column::EntityType.eq(entity_type))
            .add(audit_entry::Column::EntityId.in_subquery(ids))
    };
    let films = Query::select()
        .column(film::Column::Id)
        .from(film::Entity)
        .cond_where(visibility::film(viewer))
        .to_owned();
    let press = Query::select()
        .column(press_material::Column::Id)
        .from(press_material::Entity)
        .cond_where(visibility::press_material(viewer))
        .to_owned();
    let cond = Condition::any()
        .add(audit_entry::Column::EntityType.is_not_in(["Film", "PressMaterial"]))
        .add(audit_entry::Column::Action.eq(Action::Delete.name()))
        .add(visible("Film", films))
        .add(visible("PressMaterial", press));
    listed(db, cond, page, with_total, false).await
}

async fn listed(
    db: &impl ConnectionTrait,
    cond: Condition,
    page: &PageQuery,
    with_total: bool,
    newest_first: bool,
) -> AppResult<Page<audit_entry::Model>> {
    let keys = [SortKey::new(
        col(audit_entry::Entity, audit_entry::Column::Id),
        SortKind::Int,
        newest_first,
    )];
    let query = audit_entry::Entity::find()
        .filter(cond.clone())
        .into_query();
    let mut result = fetch_page(db, query, &keys, page).await?;
    if with_total {
        let counted = Query::select()
            .column(audit_entry::Column::Id)
            .from(audit_entry::Entity)
            .cond_where(cond)
            .to_owned();
        result.total = Some(count(db, counted).await?);
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_fields_that_changed_are_recorded() {
        let mut changes = Changes::default();
        changes.field("year", &Some(2024), &Some(2025));
        changes.field("slug", &"same", &"same");
        changes.created("titleRu", &Some("Фильм"));
        changes.created("titleEn", &None::<String>);
        assert_eq!(
            changes.into_json(),
            json!({
                "year": { "old": 2024, "new": 2025 },
                "titleRu": { "old": null, "new": "Фильм" },
            })
        );
    }
}
