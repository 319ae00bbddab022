//! The GraphQL schema: types, the query root, loaders, error codes and limits.

pub mod batch;
pub mod context;
pub mod documents;
pub mod errors;
pub mod loaders;
pub mod query;
pub mod types;

use async_graphql::{EmptyMutation, EmptySubscription, Request, Response, Schema, Value};
use sea_orm::DatabaseConnection;

use crate::{
    domain::viewer::Viewer,
    graphql::{context::RequestState, query::QueryRoot, types::locale::Locale},
};

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
}

/// Runs one GraphQL request for `viewer` the way the endpoint does: per-request loaders run
/// beside the execution (see [`batch`]), locale fallbacks are listed in
/// `extensions.localeFallbacks`. Returns the response and the SQL statements it issued.
pub async fn execute_one(
    schema: &AppSchema,
    db: &DatabaseConnection,
    viewer: Viewer,
    locale: Locale,
    request: Request,
) -> (Response, u64) {
    let request_state = RequestState::new(db.clone(), viewer, locale);
    let fallbacks = request_state.fallbacks.clone();
    let tasks = request_state.tasks.clone();
    let execution = batch::run(schema.execute(request.data(request_state)), tasks);
    let (mut response, statements) = crate::db::count_statements(execution).await;
    errors::classify_all(&mut response);
    let paths = fallbacks.take();
    if !paths.is_empty()
        && let Ok(value) = Value::from_json(serde_json::Value::Array(paths))
    {
        response
            .extensions
            .insert("localeFallbacks".to_string(), value);
    }
    (response, statements)
}

/// The SDL of the schema, as committed in `schema.graphql`.
pub fn sdl() -> String {
    schema_builder().finish().sdl()
}
