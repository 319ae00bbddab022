//! The GraphQL schema: types, the query root, loaders, error codes and limits.

pub mod batch;
pub mod context;
pub mod errors;
pub mod loaders;
pub mod query;
pub mod types;

use async_graphql::{EmptyMutation, EmptySubscription, Schema};
use sea_orm::DatabaseConnection;

use crate::graphql::{errors::ErrorCodes, query::QueryRoot};

/// The schema type served.
pub type AppSchema = Schema<QueryRoot, EmptyMutation, EmptySubscription>;

/// Deepest selection nesting accepted.
pub const MAX_DEPTH: usize = 16;
/// Largest query complexity accepted (one per selected field).
pub const MAX_COMPLEXITY: usize = 2_000;

/// Builds the schema over a database pool.
pub fn build_schema(db: DatabaseConnection) -> AppSchema {
    schema_builder().data(db).finish()
}

fn schema_builder() -> async_graphql::SchemaBuilder<QueryRoot, EmptyMutation, EmptySubscription> {
    Schema::build(QueryRoot::default(), EmptyMutation, EmptySubscription)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .extension(ErrorCodes)
}

/// The SDL of the schema, as committed in `schema.graphql`.
pub fn sdl() -> String {
    schema_builder().finish().sdl()
}
