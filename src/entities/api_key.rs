//! `api_key`: a named API key with its role; only the key's SHA-256 is stored.

use sea_orm::entity::prelude::*;

use crate::domain::viewer::Role;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "api_key")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Who holds the key; recorded as the actor of every write made with it.
    #[sea_orm(unique)]
    pub name: String,
    pub role: Role,
    /// Lower-case hex SHA-256 of the key.
    #[sea_orm(unique)]
    pub key_hash: String,
    /// The key's first characters, to recognise it by in `keys list`.
    pub key_prefix: String,
    pub created_at: DateTimeUtc,
    /// Set when revoked; a revoked key authenticates no more.
    pub revoked_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
