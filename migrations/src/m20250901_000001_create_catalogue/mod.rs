//! Migration `m20250901_000001_create_catalogue`: every table of docs/data-model.md.
//!
//! The tables are declared by area in the submodules; `catalogue()` lists them in creation
//! order (every table after the tables it references), and `down` drops them in reverse.

mod agreements;
mod festivals;
mod films;
mod people;
mod press;
mod values;

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{integer, pk_auto, text, text_null, timestamp_with_time_zone};

/// Creates the whole catalogue schema.
pub struct Migration;

impl MigrationName for Migration {
    // Not `DeriveMigrationName`: that takes the file stem, which is `mod` here.
    fn name(&self) -> &str {
        "m20250901_000001_create_catalogue"
    }
}

// `&SchemaManager` as the trait spells it: `async_trait` rejects `SchemaManager<'_>` here.
#[allow(elided_lifetimes_in_paths)]
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in catalogue() {
            manager.create_table(table.create).await?;
            for index in table.indexes {
                manager.create_index(index).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in catalogue().into_iter().rev() {
            manager
                .drop_table(Table::drop().table(table.name).take())
                .await?;
        }
        Ok(())
    }

    /// All or nothing on both engines (SQLite has transactional DDL too).
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

/// Every table, each after the tables its foreign keys point to.
fn catalogue() -> Vec<TableDef> {
    vec![
        people::organization(),
        people::person(),
        people::affiliation(),
        festivals::festival(),
        festivals::festival_organizer(),
        festivals::festival_edition(),
        festivals::section(),
        agreements::agreement(),
        agreements::agreement_party(),
        agreements::agreement_signatory(),
        agreements::agreement_scope(),
        films::genre(),
        films::film(),
        films::film_genre(),
        films::co_production(),
        films::credit(),
        films::location(),
        films::shoot(),
        festivals::screening(),
        press::press_material(),
        press::press_subject(),
        press::quote(),
        press::media_asset(),
    ]
}

/// One table: its `CREATE TABLE` (columns, primary key, checks, foreign keys) and the
/// secondary indexes created right after it. Built with chained calls, read top to bottom
/// like the table spec.
struct TableDef {
    name: &'static str,
    create: TableCreateStatement,
    indexes: Vec<IndexCreateStatement>,
}

impl TableDef {
    /// A table without a surrogate key (a link table); call [`Self::primary_key`].
    fn new(name: &'static str) -> Self {
        Self {
            name,
            create: Table::create().table(name).take(),
            indexes: Vec::new(),
        }
    }

    /// A top-level table, starting with `id`: auto-increment integer primary key.
    fn with_id(name: &'static str) -> Self {
        Self::new(name).col(pk_auto("id"))
    }

    /// Adds a column.
    fn col(mut self, column: ColumnDef) -> Self {
        self.create.col(column);
        self
    }

    /// Adds the localized pair `<field>_ru`, `<field>_en`: nullable text each.
    fn localized(self, field: &str) -> Self {
        self.col(text_null(format!("{field}_ru")))
            .col(text_null(format!("{field}_en")))
    }

    /// Adds a non-null text column holding an enumeration, with a CHECK constraint
    /// `ck_<table>_<column>` listing the allowed values.
    fn enumeration(self, column: &'static str, allowed: &[&'static str]) -> Self {
        let check = Check::named(
            format!("ck_{}_{column}", self.name),
            Expr::col(column).is_in(allowed.iter().copied()),
        );
        self.col(text(column).check(check).take())
    }

    /// Adds an integer column referencing `target.id`, as foreign key `fk_<table>_<column>`.
    fn foreign_key(
        mut self,
        column: ColumnDef,
        target: &'static str,
        on_delete: ForeignKeyAction,
    ) -> Self {
        let name = column.get_column_name();
        self.create.foreign_key(
            ForeignKey::create()
                .name(format!("fk_{}_{name}", self.name))
                .from_tbl(self.name)
                .from_col(name)
                .to(target, "id")
                .on_delete(on_delete),
        );
        self.col(column)
    }

    /// Adds `sort_order`, the display order among siblings.
    fn sort_order(self) -> Self {
        self.col(integer("sort_order"))
    }

    /// Adds the columns of every editable row: `created_at`, `updated_at`, `version`
    /// (starting at 1).
    fn common(self) -> Self {
        self.col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version").default(1).take())
    }

    /// Sets a composite primary key.
    fn primary_key(mut self, columns: &[&'static str]) -> Self {
        let mut key = Index::create();
        for column in columns {
            key.col(*column);
        }
        self.create.primary_key(&mut key);
        self
    }

    /// Adds an index `idx_<table>_<columns>`.
    fn index(self, columns: &[&'static str]) -> Self {
        self.add_index("idx", columns, false)
    }

    /// Adds a unique index `uq_<table>_<columns>`.
    fn unique(self, columns: &[&'static str]) -> Self {
        self.add_index("uq", columns, true)
    }

    fn add_index(mut self, prefix: &str, columns: &[&'static str], unique: bool) -> Self {
        let mut index = Index::create();
        index
            .name(format!("{prefix}_{}_{}", self.name, columns.join("_")))
            .table(self.name);
        for column in columns {
            index.col(*column);
        }
        if unique {
            index.unique();
        }
        self.indexes.push(index.take());
        self
    }
}
