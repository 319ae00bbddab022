//! Helpers for tests of editor mutations: the catalogue as text (equal before and after
//! means a refused write changed nothing), refusals by role, refusal checks, global ids by
//! slug and the audit trail.

use std::fmt::Debug;

use kinograph::{
    domain::viewer::Role,
    entities::{
        affiliation, audit_entry, co_production, credit, film, location, organization, person,
        screening, shoot,
    },
    graphql::types::id::NodeType,
};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, EntityTrait, QueryOrder,
    sea_query::{Alias, Expr, ExprTrait, Query},
};
use serde_json::Value;

use super::{Answer, TestApp};

/// Every row a write of organizations, people, locations, credits or shoots could touch.
pub async fn state(db: &DatabaseConnection) -> String {
    [
        rows::<organization::Entity>(db).await,
        rows::<person::Entity>(db).await,
        rows::<affiliation::Entity>(db).await,
        rows::<location::Entity>(db).await,
        rows::<film::Entity>(db).await,
        rows::<credit::Entity>(db).await,
        rows::<shoot::Entity>(db).await,
        rows::<screening::Entity>(db).await,
        rows::<co_production::Entity>(db).await,
        rows::<audit_entry::Entity>(db).await,
    ]
    .join("\n")
}

/// The rows of `E`, one a line, sorted (the order a table scan gives may change).
async fn rows<E: EntityTrait>(db: &DatabaseConnection) -> String
where
    E::Model: Debug,
{
    let mut rows: Vec<String> = E::find()
        .all(db)
        .await
        .unwrap()
        .iter()
        .map(|row| format!("{row:?}"))
        .collect();
    rows.sort();
    rows.join("\n")
}

/// Runs each `(document, variables)` anonymously and with a partner's key: UNAUTHENTICATED
/// and FORBIDDEN, with no data, and nothing changes.
pub async fn refused_to_all_but_editors(app: &TestApp, runs: &[(&str, Value)]) {
    let partner = app.key("distributor", Role::Partner).await;
    let before = state(&app.db).await;
    for (key, code) in [
        (None, "UNAUTHENTICATED"),
        (Some(partner.as_str()), "FORBIDDEN"),
    ] {
        for (document, variables) in runs {
            let answer = app.query_as(key, document, variables.clone()).await;
            assert_eq!(answer.code(), Some(code), "{document}: {}", answer.body);
            let data = answer.data();
            assert!(
                data.is_null()
                    || data
                        .as_object()
                        .is_some_and(|d| d.values().all(Value::is_null)),
                "{document}: {}",
                answer.body
            );
        }
    }
    assert_eq!(state(&app.db).await, before);
}

/// Asserts that `answer` is an error with `code` and a message that shows no SQL. For
/// BAD_USER_INPUT, `about` is the field it names (in `extensions.field` and, quoted, in the
/// message); for other codes, words of the message.
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
}

/// Runs each `(document, variables, about)` with the editor's `key`: each is refused with
/// `code` (see [`assert_refused`]), and nothing changes.
pub async fn all_refused(app: &TestApp, key: &str, code: &str, cases: Vec<(&str, Value, &str)>) {
    let before = state(&app.db).await;
    for (document, variables, about) in cases {
        let answer = app.query_as(Some(key), document, variables).await;
        assert_refused(&answer, code, about);
    }
    assert_eq!(state(&app.db).await, before);
}

/// `base` (variables with an `input`) with the fields of `change` set in its input.
pub fn with(base: &Value, change: Value) -> Value {
    let mut variables = base.clone();
    for (name, value) in change.as_object().unwrap() {
        variables["input"][name] = value.clone();
    }
    variables
}

/// The global id of the row of `table` with `slug`.
pub async fn id_by_slug(app: &TestApp, node_type: NodeType, table: &str, slug: &str) -> String {
    let select = Query::select()
        .column(Alias::new("id"))
        .from(Alias::new(table))
        .and_where(Expr::col(Alias::new("slug")).eq(slug))
        .to_owned();
    let row = app.db.query_one(&select).await.unwrap().unwrap();
    node_type
        .id(row.try_get::<i32>("", "id").unwrap())
        .to_string()
}

/// The audit trail after entry `after`, as `(action, entity type, changes)`.
pub async fn trail(app: &TestApp, after: usize) -> Vec<(String, String, Value)> {
    audit_entry::Entity::find()
        .order_by_asc(audit_entry::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .skip(after)
        .map(|e| {
            let changes = serde_json::from_str(&e.changes).unwrap();
            (e.action, e.entity_type, changes)
        })
        .collect()
}

/// The entries of a trail as `"ACTION Type"`.
pub fn actions(trail: &[(String, String, Value)]) -> Vec<String> {
    trail
        .iter()
        .map(|(action, entity, _)| format!("{action} {entity}"))
        .collect()
}
