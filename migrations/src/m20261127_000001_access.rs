//! Migration `m20261127_000001_access`: API keys and the audit trail of writes.
//!
//! - `api_key`: a named key with a role; only the SHA-256 of the key is stored (keys are 256
//!   random bits, so a fast hash is enough), with its first characters to recognise it by.
//!   Revoking keeps the row (`revoked_at`), so a name is never reused for another key.
//! - `audit_entry`: one row per write: who (the key's name), when, what entity, the action and
//!   the changed fields' old and new values (JSON text). Its `id` orders the entries.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    integer, pk_auto, text, text_uniq, timestamp_with_time_zone, timestamp_with_time_zone_null,
};

/// Creates `api_key` and `audit_entry`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261127_000001_access"
    }
}

/// Stored values of `domain::viewer::Role` for keys.
const KEY_ROLES: &[&str] = &["PARTNER", "EDITOR"];

// `&SchemaManager` as the trait spells it: `async_trait` rejects `SchemaManager<'_>` here.
#[allow(elided_lifetimes_in_paths)]
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let role_check = Check::named(
            "ck_api_key_role",
            Expr::col("role").is_in(KEY_ROLES.iter().copied()),
        );
        manager
            .create_table(
                Table::create()
                    .table("api_key")
                    .col(pk_auto("id"))
                    .col(text_uniq("name"))
                    .col(text("role").check(role_check).take())
                    .col(text_uniq("key_hash"))
                    .col(text("key_prefix"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("audit_entry")
                    .col(pk_auto("id"))
                    .col(timestamp_with_time_zone("at"))
                    .col(text("actor"))
                    .col(text("action"))
                    .col(text("entity_type"))
                    .col(integer("entity_id"))
                    .col(text("changes"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_entry_entity_type_entity_id_id")
                    .table("audit_entry")
                    .col("entity_type")
                    .col("entity_id")
                    .col("id")
                    .take(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["audit_entry", "api_key"] {
            manager
                .drop_table(Table::drop().table(table).take())
                .await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
