//! `AppState`: what every handler shares — the pool and the schema.

use sea_orm::DatabaseConnection;

use crate::{db::StatementCounter, graphql::AppSchema};

/// Shared, cheap-to-clone handler state. The server keeps no other state, so any number of
/// instances can serve behind a load balancer.
#[derive(Clone)]
pub struct AppState {
    /// The database pool.
    pub db: DatabaseConnection,
    /// The GraphQL schema.
    pub schema: AppSchema,
    /// SQL statements issued through the pool so far.
    pub statements: StatementCounter,
}

impl AppState {
    /// State over a connected, migrated pool.
    pub fn new(db: DatabaseConnection, statements: StatementCounter) -> Self {
        let schema = crate::graphql::build_schema(db.clone());
        Self {
            db,
            schema,
            statements,
        }
    }
}
