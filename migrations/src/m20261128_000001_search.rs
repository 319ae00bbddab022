//! Migration `m20261128_000001_search`: the search index.
//!
//! `search_document` holds one row per searchable record (film, press material,
//! organization, person, festival, festival edition, location, agreement): its kind and id,
//! its title and body text per language, the same text as lexemes (computed by the
//! application), and the number of title lexemes (a tie-breaker of the ranking). The
//! application keeps it in step with every write.
//!
//! - PostgreSQL: a stored generated `tsv` column, the title (weight A) and body (weight B)
//!   analysed with the `russian` configuration for Russian text and `english` for English,
//!   under a GIN index.
//! - SQLite: an FTS5 table `search_fts` over the lexeme columns (external content: it reads
//!   the text from `search_document`), kept in step by triggers.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{integer, pk_auto, text, text_null};
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

/// Creates `search_document` and its full-text index.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261128_000001_search"
    }
}

/// Stored values of `domain::enums::SearchType`.
const KINDS: &[&str] = &[
    "FILM",
    "PRESS_MATERIAL",
    "ORGANIZATION",
    "PERSON",
    "FESTIVAL_EDITION",
    "LOCATION",
    "AGREEMENT",
    "FESTIVAL",
];

const POSTGRES_UP: &[&str] = &[
    "ALTER TABLE \"search_document\" ADD COLUMN \"tsv\" tsvector GENERATED ALWAYS AS (\
       setweight(to_tsvector('russian'::regconfig, COALESCE(\"title_ru\", '')), 'A') || \
       setweight(to_tsvector('english'::regconfig, COALESCE(\"title_en\", '')), 'A') || \
       setweight(to_tsvector('russian'::regconfig, COALESCE(\"body_ru\", '')), 'B') || \
       setweight(to_tsvector('english'::regconfig, COALESCE(\"body_en\", '')), 'B')) STORED",
    "CREATE INDEX \"idx_search_document_tsv\" ON \"search_document\" USING GIN (\"tsv\")",
];

const SQLITE_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE \"search_fts\" USING fts5(\"title_lexemes\", \"body_lexemes\", \
       content='search_document', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER \"search_document_ai\" AFTER INSERT ON \"search_document\" BEGIN \
       INSERT INTO \"search_fts\"(rowid, \"title_lexemes\", \"body_lexemes\") \
       VALUES (new.\"id\", new.\"title_lexemes\", new.\"body_lexemes\"); END",
    "CREATE TRIGGER \"search_document_ad\" AFTER DELETE ON \"search_document\" BEGIN \
       INSERT INTO \"search_fts\"(\"search_fts\", rowid, \"title_lexemes\", \"body_lexemes\") \
       VALUES ('delete', old.\"id\", old.\"title_lexemes\", old.\"body_lexemes\"); END",
    "CREATE TRIGGER \"search_document_au\" AFTER UPDATE ON \"search_document\" BEGIN \
       INSERT INTO \"search_fts\"(\"search_fts\", rowid, \"title_lexemes\", \"body_lexemes\") \
       VALUES ('delete', old.\"id\", old.\"title_lexemes\", old.\"body_lexemes\"); \
       INSERT INTO \"search_fts\"(rowid, \"title_lexemes\", \"body_lexemes\") \
       VALUES (new.\"id\", new.\"title_lexemes\", new.\"body_lexemes\"); END",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS \"search_document_au\"",
    "DROP TRIGGER IF EXISTS \"search_document_ad\"",
    "DROP TRIGGER IF EXISTS \"search_document_ai\"",
    "DROP TABLE IF EXISTS \"search_fts\"",
];

// `&SchemaManager` as the trait spells it: `async_trait` rejects `SchemaManager<'_>` here.
#[allow(elided_lifetimes_in_paths)]
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let kind_check = Check::named(
            "ck_search_document_kind",
            Expr::col("kind").is_in(KINDS.iter().copied()),
        );
        manager
            .create_table(
                Table::create()
                    .table("search_document")
                    .col(pk_auto("id"))
                    .col(text("kind").check(kind_check).take())
                    .col(integer("entity_id"))
                    .col(text_null("title_ru"))
                    .col(text_null("title_en"))
                    .col(text_null("body_ru"))
                    .col(text_null("body_en"))
                    .col(text("title_lexemes"))
                    .col(text("body_lexemes"))
                    .col(integer("title_words"))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_search_document_kind_entity_id")
                    .table("search_document")
                    .col("kind")
                    .col("entity_id")
                    .unique()
                    .take(),
            )
            .await?;
        let statements = match manager.get_database_backend() {
            DbBackend::Postgres => POSTGRES_UP,
            _ => SQLITE_UP,
        };
        let db = manager.get_connection();
        for statement in statements {
            db.execute_unprepared(statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DbBackend::Postgres {
            let db = manager.get_connection();
            for statement in SQLITE_DOWN {
                db.execute_unprepared(statement).await?;
            }
        }
        manager
            .drop_table(Table::drop().table("search_document").take())
            .await?;
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
