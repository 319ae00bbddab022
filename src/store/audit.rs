//! The audit trail: every write records who, when, what entity, and the changed fields' old
//! and new values, in the write's own transaction (no write without its entry, no entry
//! without its write).

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::{
    entities::audit_entry,
    error::{AppError, AppResult},
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

/// Records a write; call it inside the write's transaction.
pub async fn record(db: &impl ConnectionTrait, entry: Entry<'_>) -> AppResult<()> {
    let changes = serde_json::to_string(&entry.changes.into_json()).map_err(AppError::internal)?;
    audit_entry::ActiveModel {
        at: Set(Utc::now()),
        actor: Set(entry.actor.to_string()),
        action: Set(entry.action.name().to_string()),
        entity_type: Set(entry.entity_type.to_string()),
        entity_id: Set(entry.entity_id),
        changes: Set(changes),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Entries newest first, of one entity when `entity` is given, starting below `before_id`,
/// at most `limit`.
pub async fn list(
    db: &impl ConnectionTrait,
    entity: Option<(&str, i32)>,
    before_id: Option<i32>,
    limit: u64,
) -> AppResult<Vec<audit_entry::Model>> {
    let mut query = audit_entry::Entity::find();
    if let Some((entity_type, entity_id)) = entity {
        query = query
            .filter(audit_entry::Column::EntityType.eq(entity_type))
            .filter(audit_entry::Column::EntityId.eq(entity_id));
    }
    if let Some(before) = before_id {
        query = query.filter(audit_entry::Column::Id.lt(before));
    }
    Ok(query
        .order_by_desc(audit_entry::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
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
