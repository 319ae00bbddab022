//! Helpers of the editing tests: the rows of some tables as text (equal before and after
//! means a refused write changed nothing), refusal checks, mutations by name, global ids by
//! slug and the audit trail.

use kinograph::{domain::viewer::Role, entities::audit_entry, graphql::types::id::NodeType};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, JsonValue, QueryFilter, QueryOrder,
    Statement,
};
use serde_json::{Value, json};

use super::{Answer, TestApp};

/// The tables a write of organizations, people, locations, films, credits, shoots or
/// co-productions could touch.
pub const CATALOGUE: &[&str] = &[
    "organization",
    "person",
    "affiliation",
    "location",
    "film",
    "credit",
    "shoot",
    "screening",
    "co_production",
    "press_material",
];

/// Every row of `tables` and the audit trail, as text.
pub async fn state(app: &TestApp, tables: &[&str]) -> String {
    let backend = app.db.get_database_backend();
    let mut text = String::new();
    for table in tables.iter().chain(&["audit_entry"]) {
        let sql = format!("SELECT * FROM {table} ORDER BY 1, 2");
        let rows = JsonValue::find_by_statement(Statement::from_string(backend, sql))
            .all(&app.db)
            .await
            .unwrap();
        text.push_str(&format!("{table}: {rows:?}\n"));
    }
    text
}

/// Asserts that `answer` has no data: null, or null in every field.
pub fn assert_no_data(answer: &Answer, what: &str) {
    let data = answer.data();
    assert!(
        data.is_null()
            || data
                .as_object()
                .is_some_and(|d| d.values().all(Value::is_null)),
        "{what}: {}",
        answer.body
    );
}

/// Asserts that `answer` is an error with `code`, no data, and a message that shows no SQL.
/// For BAD_USER_INPUT, `about` is the field it names (in `extensions.field` and, quoted, in
/// the message); for other codes, words of the message.
pub fn assert_refused(answer: &Answer, code: &str, about: &str) {
    assert_eq!(answer.code(), Some(code), "{about}: {}", answer.body);
    let error = &answer.body["errors"][0];
    let message = error["message"].as_str().unwrap();
    assert!(!message.to_lowercase().contains("sql"), "{message}");
    if code == "BAD_USER_INPUT" {
        assert_eq!(error["extensions"]["field"], about, "{}", answer.body);
        assert!(message.contains(&format!("\"{about}\"")), "{message}");
    } else {
        assert!(message.contains(about), "{about}: {message}");
    }
    assert_no_data(answer, about);
}

/// Runs each `(document, variables, about)` as the holder of `key` (anonymously without
/// one): each is refused with `code` (see [`assert_refused`]), and the rows of `tables` and
/// the audit trail do not change.
pub async fn refusals<D: AsRef<str>>(
    app: &TestApp,
    key: Option<&str>,
    code: &str,
    tables: &[&str],
    cases: impl IntoIterator<Item = (D, Value, &str)>,
) {
    let before = state(app, tables).await;
    for (document, variables, about) in cases {
        let answer = app.query_as(key, document.as_ref(), variables).await;
        assert_refused(&answer, code, about);
    }
    assert_eq!(state(app, tables).await, before);
}

/// Runs each `(document, variables, about)` with the editor's `key`: each is refused with
/// `code`, and nothing in the [`CATALOGUE`] changes.
pub async fn all_refused(app: &TestApp, key: &str, code: &str, cases: Vec<(&str, Value, &str)>) {
    refusals(app, Some(key), code, CATALOGUE, cases).await;
}

/// Runs each `(document, variables)` anonymously and with a partner's key: UNAUTHENTICATED
/// and FORBIDDEN, with no data, and nothing in the [`CATALOGUE`] changes.
pub async fn refused_to_all_but_editors(app: &TestApp, runs: &[(&str, Value)]) {
    let partner = app.key("distributor", Role::Partner).await;
    for (key, code) in [
        (None, "UNAUTHENTICATED"),
        (Some(partner.as_str()), "FORBIDDEN"),
    ] {
        let cases = runs
            .iter()
            .map(|(document, variables)| (*document, variables.clone(), ""));
        refusals(app, key, code, CATALOGUE, cases).await;
    }
}

/// Runs each case `(mutation, input, about)` as the holder of `key` (selecting
/// `selection(mutation)`): each is refused with `code` (see [`assert_refused`]), and the
/// rows of `tables` and the audit trail do not change.
pub async fn assert_refusals(
    app: &TestApp,
    key: Option<&str>,
    code: &str,
    tables: &[&str],
    selection: fn(&str) -> &'static str,
    cases: &[(&str, Value, &str)],
) {
    let cases = cases.iter().map(|(name, input, about)| {
        let document = document(name, selection(name));
        (document, json!({ "input": input }), *about)
    });
    refusals(app, key, code, tables, cases).await;
}

/// `base` with the fields of `change` replaced.
pub fn with(mut base: Value, change: Value) -> Value {
    for (name, value) in change.as_object().unwrap() {
        base[name] = value.clone();
    }
    base
}

/// Runs the mutation `name` with `input` as the holder of `key`, selecting `selection` from
/// its payload.
pub async fn mutate(
    app: &TestApp,
    key: Option<&str>,
    name: &str,
    selection: &str,
    input: Value,
) -> Answer {
    let query = document(name, selection);
    app.query_as(key, &query, json!({ "input": input })).await
}

/// The document of the mutation `name` of an `$input`, selecting `selection` from its
/// payload. Deletions and removals take a `DeleteInput`; the rest `<Name>Input`.
fn document(name: &str, selection: &str) -> String {
    let input_type = if name.starts_with("delete") || name.starts_with("remove") {
        "DeleteInput".to_string()
    } else {
        let mut chars = name.chars();
        let first = chars.next().unwrap().to_ascii_uppercase();
        format!("{first}{}Input", chars.as_str())
    };
    format!("mutation($input: {input_type}!) {{ {name}(input: $input) {{ {selection} }} }}")
}

/// The global id of the row of `table` with this slug.
pub async fn id_of(app: &TestApp, node_type: NodeType, table: &str, slug: &str) -> String {
    let sql = format!("SELECT id FROM {table} WHERE slug = '{slug}'");
    let id: i32 = single(app, sql, "id").await;
    node_type.id(id).to_string()
}

/// How many rows of `table` have `column` = `id`.
pub async fn rows_of(app: &TestApp, table: &str, column: &str, id: i32) -> i64 {
    let sql = format!("SELECT COUNT(*) AS n FROM {table} WHERE {column} = {id}");
    single(app, sql, "n").await
}

/// The `column` of the one row `sql` selects.
async fn single<T: sea_orm::TryGetable>(app: &TestApp, sql: String, column: &str) -> T {
    let backend = app.db.get_database_backend();
    let row = app
        .db
        .query_one_raw(Statement::from_string(backend, sql.clone()))
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no row: {sql}"));
    row.try_get("", column).unwrap()
}

/// The row id inside a global id.
pub fn row_id(id: &Value) -> i32 {
    kinograph::graphql::types::id::decode(id.as_str().unwrap())
        .unwrap()
        .1
}

/// One entry of the audit trail.
#[derive(Debug)]
pub struct Logged {
    /// The key name of the writer.
    pub actor: String,
    /// `CREATE`, `UPDATE`, …
    pub action: String,
    /// The node type name.
    pub entity_type: String,
    /// The row id.
    pub entity_id: i32,
    /// The changed fields.
    pub changes: Value,
}

/// The audit entries, oldest first: of entities of `types`, or all when `types` is empty.
pub async fn trail(app: &TestApp, types: &[&str]) -> Vec<Logged> {
    let mut find = audit_entry::Entity::find();
    if !types.is_empty() {
        find = find.filter(audit_entry::Column::EntityType.is_in(types.iter().copied()));
    }
    find.order_by_asc(audit_entry::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| Logged {
            changes: serde_json::from_str(&e.changes).unwrap(),
            actor: e.actor,
            action: e.action,
            entity_type: e.entity_type,
            entity_id: e.entity_id,
        })
        .collect()
}

/// The entries of a trail as `"ACTION Type"`.
pub fn actions(trail: &[Logged]) -> Vec<String> {
    trail
        .iter()
        .map(|e| format!("{} {}", e.action, e.entity_type))
        .collect()
}
