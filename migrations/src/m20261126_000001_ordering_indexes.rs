//! Migration `m20261126_000001_ordering_indexes`: indexes that match the list orderings.
//!
//! The film catalogue and the press room order by expressions, not plain columns: a missing
//! year counts as 0, a title falls back to the other language and then the original title,
//! and text compares byte-wise (`COLLATE "C"` on PostgreSQL, SQLite's default). An index
//! serves such an ordering only when it is built on the very same expression, so the
//! expressions here are written exactly as `store::film::sort_keys` and `store::press`
//! write them; `kinograph check-plans` shows when the two drift apart. Every index starts
//! with `status` (public lists read published rows only) and ends with `id`, the tie-breaker,
//! so a page is one index range scan, also deep into the list. The catalogue's default
//! ordering (year descending, then title) has the year descending in its index.

use sea_orm_migration::SchemaManagerConnection;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

/// Creates the ordering indexes and drops the plain-column ones they replace.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000001_ordering_indexes"
    }
}

/// `COALESCE(NULLIF(title_<a>, ''), NULLIF(title_<b>, ''), original_title, '')`.
fn title(first: &str, second: &str) -> String {
    format!(
        "COALESCE(NULLIF(\"title_{first}\", ''), NULLIF(\"title_{second}\", ''), \"original_title\", '')"
    )
}

/// `(name, table, columns)` of every index this migration creates; `{C}` stands for the
/// byte-order collation clause of the engine.
fn indexes() -> Vec<(&'static str, &'static str, String)> {
    let year = "COALESCE(\"year\", 0)";
    let (ru, en) = (title("ru", "en"), title("en", "ru"));
    vec![
        (
            "idx_film_status_year_title_ru",
            "film",
            format!("\"status\", {year} DESC, ({ru}){{C}}, \"id\""),
        ),
        (
            "idx_film_status_year_title_en",
            "film",
            format!("\"status\", {year} DESC, ({en}){{C}}, \"id\""),
        ),
        (
            "idx_film_status_title_ru",
            "film",
            format!("\"status\", ({ru}){{C}}, \"id\""),
        ),
        (
            "idx_film_status_title_en",
            "film",
            format!("\"status\", ({en}){{C}}, \"id\""),
        ),
        (
            "idx_film_status_created_at_id",
            "film",
            "\"status\", \"created_at\", \"id\"".to_string(),
        ),
        (
            "idx_film_status_updated_at_id",
            "film",
            "\"status\", \"updated_at\", \"id\"".to_string(),
        ),
        (
            "idx_film_status_slug_id",
            "film",
            "\"status\", (\"slug\"){C}, \"id\"".to_string(),
        ),
        // Filters and counts the catalogue by production stage from the index alone.
        (
            "idx_film_status_production_status",
            "film",
            "\"status\", \"production_status\"".to_string(),
        ),
        // Counts the press room's visible materials (totalCount) from the index alone.
        (
            "idx_press_material_status_embargo_until_kind",
            "press_material",
            "\"status\", \"embargo_until\", \"kind\"".to_string(),
        ),
        (
            "idx_press_material_status_newest",
            "press_material",
            "\"status\", COALESCE(\"published_at\", \"created_at\"), \"id\"".to_string(),
        ),
    ]
}

/// `(name, table, columns)` of the plain-column indexes the ones above make redundant:
/// dropped by `up`, created again by `down`.
const REPLACED: [(&str, &str, &str); 4] = [
    ("idx_film_status_year", "film", "\"status\", \"year\""),
    (
        "idx_film_production_status",
        "film",
        "\"production_status\"",
    ),
    (
        "idx_film_status_updated_at",
        "film",
        "\"status\", \"updated_at\"",
    ),
    (
        "idx_press_material_status_published_at",
        "press_material",
        "\"status\", \"published_at\"",
    ),
];

async fn create(
    db: &SchemaManagerConnection<'_>,
    name: &str,
    table: &str,
    columns: &str,
) -> Result<(), DbErr> {
    db.execute_unprepared(&format!(
        "CREATE INDEX \"{name}\" ON \"{table}\" ({columns})"
    ))
    .await
    .map(|_| ())
}

async fn drop(db: &SchemaManagerConnection<'_>, name: &str) -> Result<(), DbErr> {
    db.execute_unprepared(&format!("DROP INDEX \"{name}\""))
        .await
        .map(|_| ())
}

// `&SchemaManager` as the trait spells it: `async_trait` rejects `SchemaManager<'_>` here.
#[allow(elided_lifetimes_in_paths)]
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let collate = match manager.get_database_backend() {
            DbBackend::Postgres => " COLLATE \"C\"",
            _ => "",
        };
        let db = manager.get_connection();
        for (name, table, columns) in indexes() {
            create(db, name, table, &columns.replace("{C}", collate)).await?;
        }
        for (name, _, _) in REPLACED {
            drop(db, name).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, _, _) in indexes() {
            drop(db, name).await?;
        }
        for (name, table, columns) in REPLACED {
            create(db, name, table, columns).await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
