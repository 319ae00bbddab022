//! The GraphQL schema: types, the query root, loaders, error codes and limits.

pub mod batch;
pub mod context;
pub mod documents;
pub mod errors;
pub mod limits;
pub mod loaders;
pub mod mutation;
pub mod nul;
pub mod order;
pub mod query;
pub mod types;

use async_graphql::{EmptySubscription, Request, Response, Schema, Value};
use sea_orm::DatabaseConnection;

use crate::{
    config::LimitArgs,
    domain::viewer::Caller,
    graphql::{
        context::RequestState, mutation::MutationRoot, query::QueryRoot, types::locale::Locale,
    },
    seo::urls::PublicUrl,
};

/// The schema type served.
pub type AppSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

/// Builds the schema with canonical URLs on the default public URL and the default limits.
pub fn build_schema() -> AppSchema {
    build_schema_for(PublicUrl::default(), &LimitArgs::default())
}

/// Builds the schema. Its only data is the public site's base URL (for JSON-LD); each
/// request brings its database and caller. The depth and complexity limits are checked by
/// async-graphql as it validates (see [`limits`] for what is checked before).
pub fn build_schema_for(public_url: PublicUrl, limits: &LimitArgs) -> AppSchema {
    schema_builder()
        .limit_depth(limits.max_depth)
        .limit_complexity(limits.max_complexity)
        .data(public_url)
        .finish()
}

fn schema_builder() -> async_graphql::SchemaBuilder<QueryRoot, MutationRoot, EmptySubscription> {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        EmptySubscription,
    )
}

/// Runs one GraphQL request for `caller` on `db` the way the endpoint does: per-request
/// loaders run beside the execution (see [`batch`]); locale fallbacks are listed in
/// `extensions.localeFallbacks`, warnings about writes in `extensions.warnings`. Returns the
/// response and the SQL statements it issued.
pub async fn execute_one(
    schema: &AppSchema,
    db: &DatabaseConnection,
    caller: Caller,
    locale: Locale,
    mut request: Request,
) -> (Response, u64) {
    // Fields in selection order, so one answer is always the same bytes (see `order`).
    let operation = request.operation_name.clone();
    let plan = request
        .parsed_query()
        .ok()
        .map(|document| order::Plan::of(document, operation.as_deref()));
    let request_state = RequestState::new(db.clone(), caller, locale);
    let fallbacks = request_state.fallbacks.clone();
    let warnings = request_state.warnings.clone();
    let tasks = request_state.tasks.clone();
    let execution = batch::run(schema.execute(request.data(request_state)), tasks);
    let (mut response, statements) = crate::db::count_statements(execution).await;
    errors::classify_all(&mut response);
    if let Some(plan) = plan {
        plan.apply(&mut response.data);
    }
    for (name, collected) in [("localeFallbacks", fallbacks), ("warnings", warnings)] {
        let values = collected.take();
        if !values.is_empty()
            && let Ok(value) = Value::from_json(serde_json::Value::Array(values))
        {
            response.extensions.insert(name.to_string(), value);
        }
    }
    (response, statements)
}

/// The SDL of the schema, as committed in `schema.graphql`.
pub fn sdl() -> String {
    schema_builder().finish().sdl()
}
