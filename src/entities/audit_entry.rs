//! `audit_entry`: one write to the catalogue — who, when, what, and the changed values.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_entry")]
pub struct Model {
    /// Increases with every entry: the order of the trail.
    #[sea_orm(primary_key)]
    pub id: i32,
    pub at: DateTimeUtc,
    /// The name of the API key that wrote, or the command (`import`).
    pub actor: String,
    /// `CREATE`, `UPDATE`, `DELETE`, `PUBLISH`, `UNPUBLISH`, `ARCHIVE`.
    pub action: String,
    /// The node type of the entity (`Film`, `PressMaterial`, `CoProduction`, ...).
    pub entity_type: String,
    pub entity_id: i32,
    /// JSON object: field name → `{"old": …, "new": …}`.
    pub changes: String,
}

impl ActiveModelBehavior for ActiveModel {}
