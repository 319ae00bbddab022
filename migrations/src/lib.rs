//! Database migrations of Kinograph: the schema of docs/data-model.md, built with portable
//! sea-query statements so the same migrations run on SQLite and PostgreSQL.

pub use sea_orm_migration::prelude::*;

mod m20250901_000001_create_catalogue;
mod m20261126_000001_ordering_indexes;
mod m20261127_000001_access;
mod m20261128_000001_search;

/// Every migration of the catalogue, in the order they apply.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20250901_000001_create_catalogue::Migration),
            Box::new(m20261126_000001_ordering_indexes::Migration),
            Box::new(m20261127_000001_access::Migration),
            Box::new(m20261128_000001_search::Migration),
        ]
    }
}
