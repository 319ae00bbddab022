//! Bad input is answered with a GraphQL error, a stable `extensions.code` and a message a
//! person understands; never a 500.

use axum::{body::Body, http::Request};
use serde_json::json;

use crate::common::TestApp;

#[tokio::test]
async fn unknown_slugs_give_null_not_errors() {
    let app = TestApp::spawn().await;
    let answer = app
        .query(r#"{ film(slug: "nope") { slug } agreement(slug: "nope") { slug } festivalEdition(slug: "nope") { slug } }"#, json!({}))
        .await
        .ok();
    assert_eq!(
        answer.data(),
        &json!({ "film": null, "agreement": null, "festivalEdition": null })
    );
}

#[tokio::test]
async fn look_ups_need_exactly_one_of_slug_or_id() {
    let app = TestApp::spawn().await;
    let answer = app.query("{ film { slug } }", json!({})).await;
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"));
}

#[tokio::test]
async fn malformed_json_is_a_graphql_error() {
    let app = TestApp::spawn().await;
    let request = Request::post("/graphql")
        .header("content-type", "application/json")
        .body(Body::from("{\"query\": "));
    let answer = app.send(request.unwrap()).await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"));
    assert!(
        answer.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("JSON")
    );
}

#[tokio::test]
async fn posts_that_are_not_json_are_refused_before_they_run() {
    let app = TestApp::spawn().await;
    let body = r#"{"query":"mutation { deleteFilm(input: { id: \"x\" }) { deletedId } }"}"#;
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        None,
    ] {
        let mut request = Request::post("/graphql");
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let answer = app.send(request.body(Body::from(body)).unwrap()).await;
        assert_eq!(answer.status, 415, "{content_type:?}");
        assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{content_type:?}");
        assert!(
            answer.body["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("application/json")
        );
    }
    let request = Request::post("/graphql")
        .header("content-type", "application/json; charset=utf-8")
        .body(Body::from(
            r#"{"query":"{ films(first: 1) { totalCount } }"}"#,
        ));
    let answer = app.send(request.unwrap()).await.ok();
    assert!(answer.data()["films"]["totalCount"].as_i64().unwrap() > 0);
}

#[tokio::test]
async fn invalid_graphql_and_wrong_variable_types_are_bad_user_input() {
    let app = TestApp::spawn().await;
    let syntax = app
        .query("{ films(first: ) { totalCount }", json!({}))
        .await;
    assert_eq!(syntax.code(), Some("BAD_USER_INPUT"));
    let unknown_field = app.query("{ films { secret } }", json!({})).await;
    assert_eq!(unknown_field.code(), Some("BAD_USER_INPUT"));
    let wrong_type = app
        .query(
            "query($n: Int) { films(first: $n) { totalCount } }",
            json!({ "n": "ten" }),
        )
        .await;
    assert_eq!(wrong_type.code(), Some("BAD_USER_INPUT"));
    let bad_date = app
        .query(
            "query($d: Date) { festivalEdition(slug: \"sample-film-festival-2026\") { screenings(filter: { day: $d }) { totalCount } } }",
            json!({ "d": "31.12.2026" }),
        )
        .await;
    assert_eq!(bad_date.code(), Some("BAD_USER_INPUT"));
    let bad_country = app
        .query(
            "{ films(filter: { countries: [\"Russia\"] }) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(bad_country.code(), Some("BAD_USER_INPUT"));
    assert_eq!(
        bad_country.body["errors"][0]["extensions"]["field"],
        "filter.countries"
    );
}

#[tokio::test]
async fn malformed_ids_in_nodes_give_null_in_their_place() {
    let app = TestApp::spawn().await;
    let id = app
        .query(r#"{ organization(slug: "moskino") { id } }"#, json!({}))
        .await
        .ok()
        .data()["organization"]["id"]
        .clone();
    let answer = app
        .query(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } node(id: \"%%%\") { id } }",
            json!({ "ids": ["%%%", id, "RmlsbTo5OTk5OTk"] }),
        )
        .await
        .ok();
    assert_eq!(answer.data()["nodes"], json!([null, { "id": id }, null]));
    assert_eq!(answer.data()["node"], json!(null));
}

#[tokio::test]
async fn forged_subject_ids_are_refused() {
    let app = TestApp::spawn().await;
    let answer = app
        .query(
            "{ pressMaterials(filter: { subject: \"forged\" }) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"));
}

#[tokio::test]
async fn bad_api_keys_are_unauthenticated() {
    let app = TestApp::spawn().await;
    let unknown = app
        .query_with(
            "{ films { totalCount } }",
            json!({}),
            &[("authorization", "Bearer not-a-key")],
        )
        .await;
    assert_eq!(unknown.status, 401);
    assert_eq!(unknown.code(), Some("UNAUTHENTICATED"));
    let malformed = app
        .query_with(
            "{ films { totalCount } }",
            json!({}),
            &[("authorization", "Basic abc")],
        )
        .await;
    assert_eq!(malformed.code(), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn too_deep_queries_are_refused_before_any_database_work() {
    let app = TestApp::spawn().await;
    let mut query = String::from("{ films { nodes { ");
    for _ in 0..10 {
        query.push_str(
            "coProductions { organization { agreements { nodes { parties { locations { owner { ",
        );
    }
    query.push_str("slug");
    query.push_str(&" } } } } } } }".repeat(10));
    query.push_str(" } } }");
    let before = app.statements.get();
    let answer = app.query(&query, json!({})).await;
    assert_eq!(answer.code(), Some("QUERY_TOO_DEEP"), "{}", answer.body);
    assert_eq!(app.statements.get(), before);
}
