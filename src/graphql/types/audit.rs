//! The audit trail and the change feed, as served: entries with their entity and changes.

use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use crate::{
    entities::audit_entry,
    graphql::types::{
        id::NodeType,
        node::{self, Node},
    },
    store::audit::Action,
};

/// What a write did.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ChangeAction {
    /// Created the entity.
    #[graphql(name = "CREATE")]
    Create,
    /// Changed its fields.
    #[graphql(name = "UPDATE")]
    Update,
    /// Deleted it.
    #[graphql(name = "DELETE")]
    Delete,
    /// Published it (possibly under an embargo).
    #[graphql(name = "PUBLISH")]
    Publish,
    /// Took it back to draft.
    #[graphql(name = "UNPUBLISH")]
    Unpublish,
    /// Archived it.
    #[graphql(name = "ARCHIVE")]
    Archive,
}

impl ChangeAction {
    /// The action of a stored entry (entries are only ever written with [`Action::name`]).
    fn of(entry: &audit_entry::Model) -> Self {
        match Action::parse(&entry.action) {
            Some(Action::Create) => ChangeAction::Create,
            Some(Action::Delete) => ChangeAction::Delete,
            Some(Action::Publish) => ChangeAction::Publish,
            Some(Action::Unpublish) => ChangeAction::Unpublish,
            Some(Action::Archive) => ChangeAction::Archive,
            Some(Action::Update) | None => ChangeAction::Update,
        }
    }
}

/// The global id of an entry's entity.
fn entity_id(entry: &audit_entry::Model) -> ID {
    match NodeType::from_name(&entry.entity_type) {
        Some(node_type) => node_type.id(entry.entity_id),
        None => ID(format!("{}:{}", entry.entity_type, entry.entity_id)),
    }
}

/// One field changed by a write, with its values as JSON text.
#[derive(SimpleObject, Clone, Debug)]
pub struct FieldChange {
    /// The field, as the API spells it in inputs (`titleEn`, `year`, `genres`).
    pub field: String,
    /// The value before, as JSON (`null` for a created entity).
    pub old_value: String,
    /// The value after, as JSON (`null` for a deleted entity or a cleared field).
    pub new_value: String,
}

/// One write to the catalogue, as the audit trail records it (editors only).
#[derive(Clone)]
pub struct AuditEntry(pub audit_entry::Model);

/// One write to the catalogue, as the audit trail records it.
#[Object(cache_control(private, no_cache))]
impl AuditEntry {
    /// Position in the trail: later writes have higher numbers.
    async fn sequence(&self) -> i32 {
        self.0.id
    }
    /// When the write was made.
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
    /// The name of the API key that made it.
    async fn actor(&self) -> &str {
        &self.0.actor
    }
    /// What it did.
    async fn action(&self) -> ChangeAction {
        ChangeAction::of(&self.0)
    }
    /// The type of the entity written (`Film`, `PressMaterial`, `CoProduction`, ...).
    async fn entity_type(&self) -> &str {
        &self.0.entity_type
    }
    /// The global id of the entity written.
    async fn entity_id(&self) -> ID {
        entity_id(&self.0)
    }
    /// The entity as it is now; null when it has been deleted.
    async fn entity(&self, ctx: &Context<'_>) -> Result<Option<Node>> {
        Ok(node::resolve(ctx, &entity_id(&self.0)).await?)
    }
    /// The fields it changed, with old and new values.
    async fn changes(&self) -> Vec<FieldChange> {
        let Ok(serde_json::Value::Object(fields)) =
            serde_json::from_str::<serde_json::Value>(&self.0.changes)
        else {
            return Vec::new();
        };
        fields
            .into_iter()
            .map(|(field, change)| FieldChange {
                field,
                old_value: change["old"].to_string(),
                new_value: change["new"].to_string(),
            })
            .collect()
    }
}

/// One change in the feed a partner mirrors the catalogue from. Refetch `node` for the
/// entity's current state; when it is null (deleted, or no longer visible to the caller),
/// remove the entity from the mirror.
#[derive(Clone)]
pub struct Change(pub audit_entry::Model);

/// One change in the feed a partner mirrors the catalogue from.
#[Object(cache_control(private, no_cache))]
impl Change {
    /// Position in the feed: later changes have higher numbers.
    async fn sequence(&self) -> i32 {
        self.0.id
    }
    /// When the change was committed.
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
    /// What the change did.
    async fn action(&self) -> ChangeAction {
        ChangeAction::of(&self.0)
    }
    /// The type of the entity changed (`Film`, `PressMaterial`, `CoProduction`, ...).
    async fn entity_type(&self) -> &str {
        &self.0.entity_type
    }
    /// The global id of the entity changed.
    async fn entity_id(&self) -> ID {
        entity_id(&self.0)
    }
    /// The entity as it is now; null when it was deleted or the caller may no longer see it.
    async fn node(&self, ctx: &Context<'_>) -> Result<Option<Node>> {
        Ok(node::resolve(ctx, &entity_id(&self.0)).await?)
    }
}
