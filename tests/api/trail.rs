//! The audit log (editors) and the change feed (partners): who may read them, what they
//! hold, and that a partner resuming from a cursor gets exactly the changes since.

use kinograph::domain::viewer::Role;
use serde_json::{Value, json};

use crate::common::TestApp;

const EDITOR_FLOW: &str = include_str!("../operations/EditorFlow.graphql");

const AUDIT_LOG: &str = r#"query($entity: ID, $after: String) {
  auditLog(entity: $entity, first: 2, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { sequence actor action entityType entityId entity { id } changes { field oldValue newValue } }
  }
}"#;

const CHANGES: &str = r#"query($since: String) {
  changes(since: $since, first: 100) {
    pageInfo { endCursor }
    nodes { sequence action entityType entityId node { id ... on Film { slug } } }
  }
}"#;

async fn create_film(app: &TestApp, key: &str, slug: &str) -> String {
    let answer = app
        .operation_as(
            Some(key),
            EDITOR_FLOW,
            "CreateFilm",
            json!({ "input": { "slug": slug, "title": { "en": slug } } }),
        )
        .await
        .ok();
    answer.data()["createFilm"]["film"]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn publish_film(app: &TestApp, key: &str, id: &str) {
    app.query_as(
        Some(key),
        "mutation($id: ID!) { publishFilm(input: { id: $id }) { film { status } } }",
        json!({ "id": id }),
    )
    .await
    .ok();
}

#[tokio::test]
async fn editors_read_the_audit_log_newest_first_and_others_are_refused() {
    let app = TestApp::spawn().await;
    let editor = app.key("newsroom", Role::Editor).await;
    let partner = app.key("distributor", Role::Partner).await;
    let first = create_film(&app, &editor, "first-film").await;
    let second = create_film(&app, &editor, "second-film").await;
    publish_film(&app, &editor, &first).await;

    let page = app.query_as(Some(&editor), AUDIT_LOG, json!({})).await.ok();
    let log = &page.data()["auditLog"];
    assert_eq!(log["totalCount"], 3);
    let nodes = log["nodes"].as_array().unwrap();
    let actions: Vec<(&str, &str)> = nodes
        .iter()
        .map(|n| {
            (
                n["action"].as_str().unwrap(),
                n["entityId"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        [("PUBLISH", first.as_str()), ("CREATE", second.as_str())]
    );
    assert_eq!(nodes[0]["actor"], "newsroom");
    assert_eq!(nodes[0]["entity"]["id"], first.as_str());
    let status: Vec<&Value> = nodes[0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["field"] == "status")
        .collect();
    assert_eq!(status[0]["oldValue"], "\"DRAFT\"");
    assert_eq!(status[0]["newValue"], "\"PUBLISHED\"");
    let rest = app
        .query_as(
            Some(&editor),
            AUDIT_LOG,
            json!({ "after": log["pageInfo"]["endCursor"] }),
        )
        .await
        .ok();
    let rest = &rest.data()["auditLog"];
    assert_eq!(rest["nodes"][0]["entityId"], first.as_str());
    assert_eq!(rest["nodes"][0]["action"], "CREATE");
    assert_eq!(rest["pageInfo"]["hasNextPage"], false);

    let of_second = app
        .query_as(Some(&editor), AUDIT_LOG, json!({ "entity": second }))
        .await
        .ok();
    assert_eq!(of_second.data()["auditLog"]["totalCount"], 1);

    for (key, code) in [
        (None, "UNAUTHENTICATED"),
        (Some(partner.as_str()), "FORBIDDEN"),
    ] {
        let refused = app.query_as(key, AUDIT_LOG, json!({})).await;
        assert_eq!(refused.code(), Some(code), "{}", refused.body);
    }
}

#[tokio::test]
async fn a_partner_mirrors_the_catalogue_from_the_change_feed_and_never_sees_drafts() {
    let app = TestApp::spawn().await;
    let editor = app.key("newsroom", Role::Editor).await;
    let partner = app.key("distributor", Role::Partner).await;
    let refused = app.query_as(None, CHANGES, json!({})).await;
    assert_eq!(refused.code(), Some("UNAUTHENTICATED"));

    let draft = create_film(&app, &editor, "secret-project").await;
    let first = app.query_as(Some(&partner), CHANGES, json!({})).await.ok();
    assert_eq!(
        first.data()["changes"]["nodes"],
        json!([]),
        "a draft's creation is not the partner's business"
    );
    assert_eq!(
        first.data()["changes"]["pageInfo"]["endCursor"],
        Value::Null
    );

    publish_film(&app, &editor, &draft).await;
    let shown = create_film(&app, &editor, "another-draft").await;
    let feed = app.query_as(Some(&partner), CHANGES, json!({})).await.ok();
    let nodes = feed.data()["changes"]["nodes"].as_array().unwrap();
    let seen: Vec<(&str, &str)> = nodes
        .iter()
        .map(|n| {
            (
                n["action"].as_str().unwrap(),
                n["entityId"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [("CREATE", draft.as_str()), ("PUBLISH", draft.as_str())]
    );
    assert_eq!(nodes[1]["node"]["slug"], "secret-project");
    assert!(!feed.body.to_string().contains(&shown));

    // Resume: only what happened after the cursor.
    let cursor = feed.data()["changes"]["pageInfo"]["endCursor"].clone();
    publish_film(&app, &editor, &shown).await;
    let resumed = app
        .query_as(Some(&partner), CHANGES, json!({ "since": cursor }))
        .await
        .ok();
    let nodes = resumed.data()["changes"]["nodes"].as_array().unwrap();
    let seen: Vec<(&str, &str)> = nodes
        .iter()
        .map(|n| {
            (
                n["action"].as_str().unwrap(),
                n["entityId"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [("CREATE", shown.as_str()), ("PUBLISH", shown.as_str())],
        "the create of a film published since is listed from the resumed cursor on"
    );

    let forged = app
        .query_as(
            Some(&partner),
            CHANGES,
            json!({ "since": "bm90LWEtY3Vyc29y" }),
        )
        .await;
    assert_eq!(forged.code(), Some("BAD_USER_INPUT"));
    assert_eq!(forged.body["errors"][0]["extensions"]["field"], "since");
}
