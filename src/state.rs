//! `AppState`: what every handler shares — the pool and the schema.

use sea_orm::DatabaseConnection;

use crate::{db::StatementCounter, graphql::AppSchema, metrics::Metrics, seo::urls::PublicUrl};

/// Shared, cheap-to-clone handler state. The server keeps no other state, so any number of
/// instances can serve behind a load balancer.
#[derive(Clone)]
pub struct AppState {
    /// The primary database: writes, and reads that must see them.
    pub db: DatabaseConnection,
    /// Where queries read from: the replica when one is configured, else the primary.
    pub read_db: DatabaseConnection,
    /// The GraphQL schema.
    pub schema: AppSchema,
    /// SQL statements issued so far, through both pools.
    pub statements: StatementCounter,
    /// Request metrics, served at `/metrics`.
    pub metrics: Metrics,
    /// The public site's base URL, from which canonical URLs are built.
    pub public_url: PublicUrl,
}

impl AppState {
    /// State over a connected, migrated primary and an optional read replica.
    pub fn new(
        db: DatabaseConnection,
        read_db: Option<DatabaseConnection>,
        statements: StatementCounter,
    ) -> Self {
        let read_db = read_db.unwrap_or_else(|| db.clone());
        let schema = crate::graphql::build_schema();
        Self {
            db,
            read_db,
            schema,
            statements,
            metrics: Metrics::default(),
            public_url: PublicUrl::default(),
        }
    }

    /// The same state with canonical URLs built on `public_url` (in JSON-LD too).
    pub fn with_public_url(mut self, public_url: PublicUrl) -> Self {
        self.schema = crate::graphql::build_schema_for(public_url.clone());
        self.public_url = public_url;
        self
    }
}
