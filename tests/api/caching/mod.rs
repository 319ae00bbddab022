//! HTTP caching for CDNs and browsers: `Cache-Control` (public only for anonymous,
//! error-free GET queries; never past the next embargo lift), `ETag` and `304 Not Modified`,
//! gzip and brotli, CORS (in `delivery`); the embargo cap in `embargo`.

mod delivery;
mod embargo;

use axum::{
    body::{Body, Bytes},
    http::{HeaderMap, Request, StatusCode},
};
use http_body_util::BodyExt;
use kinograph::{
    config::HttpArgs,
    domain::viewer::{Caller, Role, Viewer},
    graphql::{build_schema, execute_one, types::locale::Locale},
    http::caching::Hint,
};
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::{common::TestApp, http::encode};

const EDITOR_FLOW: &str = include_str!("../../operations/EditorFlow.graphql");
/// Press materials with their quotes and assets: sibling fields that load concurrently.
pub const PRESS: &str = "{ pressMaterials(first: 50) { totalCount nodes { slug title(locale: EN) lead(locale: EN) quotes { text(locale: EN) } assets { kind url } } } }";
pub const ORGANIZATION: &str = "query($s: String!) { organization(slug: $s) { slug } }";

/// A GET of `query` with `headers`.
pub fn get(query: &str, variables: &Value, headers: &[(&str, &str)]) -> Request<Body> {
    let uri = format!(
        "/graphql?query={}&variables={}",
        encode(query),
        encode(&variables.to_string())
    );
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::empty()).unwrap()
}

/// Status, headers and the raw body bytes.
pub async fn raw(app: &TestApp, request: Request<Body>) -> (StatusCode, HeaderMap, Bytes) {
    let response = app.router.clone().oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (parts.status, parts.headers, bytes)
}

pub fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers.get(name).map_or("", |v| v.to_str().unwrap())
}

pub fn vary(headers: &HeaderMap) -> String {
    let values: Vec<&str> = headers
        .get_all("vary")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    values.join(", ").to_lowercase()
}

/// `Cache-Control` of an anonymous GET of `query`.
pub async fn cache_control(app: &TestApp, query: &str, variables: &Value) -> String {
    let (status, headers, _) = raw(app, get(query, variables, &[])).await;
    assert_eq!(status, StatusCode::OK);
    header(&headers, "cache-control").to_owned()
}

pub fn http(cache_max_age: u32, cors_origins: &[&str]) -> HttpArgs {
    HttpArgs {
        cache_max_age,
        cors_origins: cors_origins.iter().map(|o| o.to_string()).collect(),
        ..HttpArgs::default()
    }
}

/// Creates and publishes a press release as an editor, embargoed until `embargo` (RFC 3339)
/// when given; returns its global id.
pub async fn publish(app: &TestApp, editor: &str, slug: &str, embargo: Option<String>) -> Value {
    let created = app
        .operation_as(
            Some(editor),
            EDITOR_FLOW,
            "CreatePressMaterial",
            json!({ "input": { "slug": slug, "kind": "PRESS_RELEASE", "title": { "ru": "Релиз", "en": "Release" } } }),
        )
        .await
        .ok();
    let id = created.data()["createPressMaterial"]["pressMaterial"]["id"].clone();
    app.operation_as(
        Some(editor),
        EDITOR_FLOW,
        "PublishPressMaterial",
        json!({ "input": { "id": id, "embargoUntil": embargo } }),
    )
    .await
    .ok();
    id
}

#[tokio::test]
async fn anonymous_get_queries_are_public_for_the_configured_max_age() {
    let app = TestApp::spawn().await;
    let variables = json!({ "s": "moskino" });
    let (_, headers, _) = raw(&app, get(ORGANIZATION, &variables, &[])).await;
    assert_eq!(header(&headers, "cache-control"), "public, max-age=60");
    let vary = vary(&headers);
    assert!(
        vary.contains("accept-language") && vary.contains("authorization"),
        "{vary}"
    );

    let search = "query($q: String!) { search(query: $q) { totalCount nodes { __typename } } }";
    assert_eq!(
        cache_control(&app, search, &json!({ "q": "соглашения" })).await,
        "public, max-age=60"
    );

    let app = app.with_http(http(300, &[]));
    assert_eq!(
        cache_control(&app, PRESS, &json!({})).await,
        "public, max-age=300"
    );
    let app = app.with_http(http(0, &[]));
    assert_eq!(
        cache_control(&app, PRESS, &json!({})).await,
        "private, no-store"
    );
}

#[tokio::test]
async fn keyed_posted_mutating_and_failed_requests_are_private_no_store() {
    let app = TestApp::spawn().await;
    let partner = app.key("distributor", Role::Partner).await;
    let editor = app.key("newsroom", Role::Editor).await;
    let variables = json!({ "s": "moskino" });
    let bearer = format!("Bearer {partner}");

    let keyed = raw(
        &app,
        get(ORGANIZATION, &variables, &[("authorization", &bearer)]),
    )
    .await;
    let posted = app.query(ORGANIZATION, variables.clone()).await.ok();
    let mutation = app
        .operation_as(
            Some(&editor),
            EDITOR_FLOW,
            "CreatePressMaterial",
            json!({ "input": { "slug": "private-answer", "kind": "NEWS", "title": { "en": "News" } } }),
        )
        .await
        .ok();
    let failed = raw(
        &app,
        get("{ films(first: 1000) { totalCount } }", &json!({}), &[]),
    )
    .await;
    let over_get = raw(&app, get("mutation { __typename }", &json!({}), &[])).await;
    let unauthenticated = raw(
        &app,
        get(
            ORGANIZATION,
            &variables,
            &[("authorization", "Bearer nope")],
        ),
    )
    .await;

    assert_eq!(keyed.0, StatusCode::OK);
    let failed_body: Value = serde_json::from_slice(&failed.2).unwrap();
    assert_eq!(
        failed_body["errors"][0]["extensions"]["code"],
        "BAD_USER_INPUT"
    );
    for (what, headers) in [
        ("keyed GET", &keyed.1),
        ("POST", &posted.headers),
        ("mutation", &mutation.headers),
        ("error", &failed.1),
        ("mutation over GET", &over_get.1),
        ("unknown key", &unauthenticated.1),
    ] {
        assert_eq!(
            header(headers, "cache-control"),
            "private, no-store",
            "{what}"
        );
    }
}

#[tokio::test]
async fn the_audit_log_and_change_feed_are_hinted_private_and_the_catalogue_public() {
    let app = TestApp::spawn().await;
    let schema = build_schema();
    let editor = Caller {
        viewer: Viewer::Editor,
        key_name: Some("newsroom".into()),
    };
    let run = |query: &'static str| {
        execute_one(
            &schema,
            &app.db,
            editor.clone(),
            Locale::from_accept_language(None),
            query.into(),
        )
    };
    let catalogue =
        run("{ films(first: 1) { totalCount } pressMaterials(first: 1) { totalCount } }")
            .await
            .0;
    let audit = run("{ films(first: 1) { totalCount } auditLog(first: 1) { totalCount } }")
        .await
        .0;
    let changes = run("{ changes(first: 1) { nodes { sequence } } }").await.0;
    for response in [&catalogue, &audit, &changes] {
        assert!(response.errors.is_empty(), "{:?}", response.errors);
    }
    let hint = |response| Hint::of(&async_graphql::BatchResponse::Single(response));
    assert_eq!(hint(catalogue).public_max_age(60), 60);
    assert_eq!(hint(audit).public_max_age(60), 0);
    assert_eq!(hint(changes).public_max_age(60), 0);
}

#[tokio::test]
async fn an_etag_names_the_answer_and_a_matching_if_none_match_gets_304_without_a_body() {
    let app = TestApp::spawn().await;
    let editor = app.key("newsroom", Role::Editor).await;
    let (status, first, body) = raw(&app, get(PRESS, &json!({}), &[])).await;
    assert_eq!(status, StatusCode::OK);
    let etag = header(&first, "etag").to_owned();
    assert!(etag.starts_with('"') && etag.len() > 2, "strong: {etag}");
    for _ in 0..5 {
        let (_, again, same_body) = raw(&app, get(PRESS, &json!({}), &[])).await;
        assert_eq!((header(&again, "etag"), &same_body), (etag.as_str(), &body));
    }

    let weak = format!("W/{etag}");
    let listed = format!("\"other\", {etag}");
    for condition in [etag.as_str(), &weak, &listed, "*"] {
        let (status, headers, bytes) = raw(
            &app,
            get(PRESS, &json!({}), &[("if-none-match", condition)]),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_MODIFIED, "{condition}");
        assert!(bytes.is_empty(), "{condition}");
        for name in ["etag", "cache-control"] {
            assert_eq!(
                header(&headers, name),
                header(&first, name),
                "{condition}: {name}"
            );
        }
        assert_eq!(vary(&headers), vary(&first), "{condition}");
    }
    let (status, _, bytes) = raw(
        &app,
        get(PRESS, &json!({}), &[("if-none-match", "\"other\"")]),
    )
    .await;
    assert_eq!((status, &bytes), (StatusCode::OK, &body));

    publish(&app, &editor, "changes-the-answer", None).await;
    let (status, changed, bytes) =
        raw(&app, get(PRESS, &json!({}), &[("if-none-match", &etag)])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&bytes).contains("changes-the-answer"));
    assert_ne!(header(&changed, "etag"), etag);
}
