//! Search: Russian and English morphology, ranking, highlights, `types` and paging
//! (`finding`); visibility by role, the index following writes, loads and migrations, and
//! statement counts (`index`). Orders are asserted exactly: both engines rank alike.

mod finding;
mod index;

use serde_json::{Value, json};

use crate::common::TestApp;

pub const SEARCH: &str = include_str!("../../operations/Search.graphql");

/// `search` with everything a test looks at.
pub const FULL: &str = r#"query($query: String!, $first: Int, $after: String, $last: Int, $before: String, $types: [SearchType!], $locale: Locale) {
  search(query: $query, first: $first, after: $after, last: $last, before: $before, types: $types) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor score highlight(locale: $locale) node { __typename ... on Film { slug } ... on PressMaterial { slug } ... on Organization { slug } ... on Person { slug } ... on FestivalEdition { slug } ... on Location { slug } ... on Agreement { slug } ... on Festival { slug } } }
  }
}"#;

/// The found slugs, in order, of the Search operation run as `key` with `variables`.
pub async fn found_as(app: &TestApp, key: Option<&str>, variables: Value) -> Vec<String> {
    let answer = app.query_as(key, SEARCH, variables).await.ok();
    let search = &answer.data()["search"];
    let slugs = slugs(&search["edges"]);
    assert!(slugs.len() as i64 <= search["totalCount"].as_i64().unwrap());
    slugs
}

/// The slugs the Search operation finds anonymously for `query`, all of them.
pub async fn found(app: &TestApp, query: &str) -> Vec<String> {
    found_as(app, None, json!({ "query": query, "first": 100 })).await
}

/// Runs the film status mutation `name` (`publishFilm`, `archiveFilm`) on the film `id`.
pub async fn status(app: &TestApp, key: Option<&str>, name: &str, id: &Value) {
    let document =
        format!("mutation($id: ID!) {{ {name}(input: {{ id: $id }}) {{ film {{ status }} }} }}");
    app.query_as(key, &document, json!({ "id": id })).await.ok();
}

pub fn slugs(edges: &Value) -> Vec<String> {
    edges
        .as_array()
        .unwrap_or_else(|| panic!("no edges: {edges}"))
        .iter()
        .map(|e| e["node"]["slug"].as_str().unwrap().to_string())
        .collect()
}
