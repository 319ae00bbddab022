//! Helpers of the editing tests: the rows of some tables as text (equal before and after
//! means nothing changed), global ids by slug, the audit trail, and refusal checks.

use kinograph::{entities::audit_entry, graphql::types::id::NodeType};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, JsonValue, QueryFilter, QueryOrder,
    Statement,
};
use serde_json::Value;

use super::{Answer, TestApp};

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

/// The global id of the row of `table` with this slug.
pub async fn id_of(app: &TestApp, node_type: NodeType, table: &str, slug: &str) -> String {
    let backend = app.db.get_database_backend();
    let sql = format!("SELECT id FROM {table} WHERE slug = '{slug}'");
    let row = app
        .db
        .query_one_raw(Statement::from_string(backend, sql))
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no {table} {slug}"));
    node_type
        .id(row.try_get::<i32>("", "id").unwrap())
        .to_string()
}

/// How many rows of `table` have `column` = `id`.
pub async fn rows_of(app: &TestApp, table: &str, column: &str, id: i32) -> i64 {
    let backend = app.db.get_database_backend();
    let sql = format!("SELECT COUNT(*) AS n FROM {table} WHERE {column} = {id}");
    let row = app
        .db
        .query_one_raw(Statement::from_string(backend, sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

/// The row id inside a global id.
pub fn row_id(id: &Value) -> i32 {
    kinograph::graphql::types::id::decode(id.as_str().unwrap())
        .unwrap()
        .1
}

/// The audit entries of entities of `types`, oldest first: (actor, action, type, row id),
/// and the changes of each.
pub async fn trail(app: &TestApp, types: &[&str]) -> Vec<((String, String, String, i32), Value)> {
    audit_entry::Entity::find()
        .filter(audit_entry::Column::EntityType.is_in(types.iter().copied()))
        .order_by_asc(audit_entry::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| {
            let changes = serde_json::from_str(&e.changes).unwrap();
            ((e.actor, e.action, e.entity_type, e.entity_id), changes)
        })
        .collect()
}

/// Runs each case `(mutation, input, about)` as the holder of `key` (selecting
/// `selection(mutation)`) and checks that it is refused with `code`, with null data: for
/// `BAD_USER_INPUT` on the field `about`, otherwise with `about` in the message; and that
/// the rows of `tables` and the audit trail did not change.
pub async fn assert_refusals(
    app: &TestApp,
    key: Option<&str>,
    code: &str,
    tables: &[&str],
    selection: fn(&str) -> &'static str,
    cases: &[(&str, Value, &str)],
) {
    let before = state(app, tables).await;
    for (name, input, about) in cases {
        let answer = mutate(app, key, name, selection(name), input.clone()).await;
        assert_eq!(answer.code(), Some(code), "{name}: {}", answer.body);
        let error = &answer.body["errors"][0];
        let message = error["message"].as_str().unwrap();
        if code == "BAD_USER_INPUT" {
            assert_eq!(
                error["extensions"]["field"], *about,
                "{name}: {}",
                answer.body
            );
            assert!(!message.to_lowercase().contains("sql"), "{message}");
        } else {
            assert!(message.contains(about), "{name}: {message}");
        }
        let data = answer.data();
        assert!(
            data.is_null()
                || data
                    .as_object()
                    .is_some_and(|d| d.values().all(Value::is_null)),
            "{name}: {}",
            answer.body
        );
    }
    assert_eq!(state(app, tables).await, before);
}

/// `base` with the fields of `change` replaced.
pub fn with(mut base: Value, change: Value) -> Value {
    for (name, value) in change.as_object().unwrap() {
        base[name] = value.clone();
    }
    base
}

/// Runs the mutation `name` with `input` as the holder of `key`, selecting `selection` from
/// its payload. Deletions and removals take a `DeleteInput`; the rest `<Name>Input`.
pub async fn mutate(
    app: &TestApp,
    key: Option<&str>,
    name: &str,
    selection: &str,
    input: Value,
) -> Answer {
    let input_type = if name.starts_with("delete") || name.starts_with("remove") {
        "DeleteInput".to_string()
    } else {
        let mut chars = name.chars();
        let first = chars.next().unwrap().to_ascii_uppercase();
        format!("{first}{}Input", chars.as_str())
    };
    let query =
        format!("mutation($input: {input_type}!) {{ {name}(input: $input) {{ {selection} }} }}");
    app.query_as(key, &query, serde_json::json!({ "input": input }))
        .await
}
