//! The HTTP surface: GET queries, no mutations over GET, the playground, health checks,
//! locale headers.

use axum::{body::Body, http::Request};
use serde_json::json;

use kinograph::{config::HttpArgs, domain::viewer::Role};

use crate::common::TestApp;

/// `text` percent-encoded for a query string.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn queries_run_over_get() {
    let app = TestApp::spawn().await;
    let uri = format!(
        "/graphql?query={}&variables={}",
        encode("query($s: String!) { organization(slug: $s) { slug } }"),
        encode(r#"{"s":"moskino"}"#)
    );
    let answer = app
        .send(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .ok();
    assert_eq!(answer.data()["organization"]["slug"], "moskino");
}

#[tokio::test]
async fn a_get_request_picks_its_operation_by_operation_name() {
    let app = TestApp::spawn().await;
    let document = "query Org { organization(slug: \"moskino\") { slug } } \
                    query Film { film(slug: \"sample-white-nights\") { slug } }";
    let uri = format!("/graphql?query={}&operationName=Film", encode(document));
    let answer = app
        .send(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .ok();
    assert_eq!(answer.data()["film"]["slug"], "sample-white-nights");
    assert!(answer.data().get("organization").is_none());
}

#[tokio::test]
async fn mutations_over_get_are_refused_with_405() {
    let app = TestApp::spawn().await;
    let uri = format!(
        "/graphql?query={}",
        encode("mutation { createFilm(input: {}) { film { id } } }")
    );
    let answer = app
        .send(Request::get(uri).body(Body::empty()).unwrap())
        .await;
    assert_eq!(answer.status, 405);
    assert!(
        answer.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("POST")
    );
}

#[tokio::test]
async fn browsers_get_the_playground() {
    let app = TestApp::spawn().await;
    for path in ["/", "/graphql"] {
        let answer = app
            .send(
                Request::get(path)
                    .header("accept", "text/html")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(answer.status, 200);
        let html = answer.body.as_str().unwrap();
        assert!(
            html.contains("GraphiQL") && html.contains("gazprom-media-moskino-2025"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_playground_loads_its_scripts_from_the_server_itself() {
    let app = TestApp::spawn().await;
    let page = app
        .send(Request::get("/").body(Body::empty()).unwrap())
        .await;
    let html = page.body.as_str().unwrap().to_string();
    assert!(
        !html.contains("https://"),
        "the page loads nothing from a CDN"
    );
    let assets: Vec<&str> = html
        .split("\"/playground/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(assets.len(), 4, "{assets:?}");
    for name in assets {
        let answer = app
            .send(
                Request::get(format!("/playground/{name}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(answer.status, 200, "{name}");
        let kind = answer.headers["content-type"].to_str().unwrap();
        let expected = if name.ends_with(".css") {
            "text/css"
        } else {
            "text/javascript"
        };
        assert!(kind.starts_with(expected), "{name}: {kind}");
        assert!(
            answer.body.as_str().unwrap().len() > 10_000,
            "{name} is whole"
        );
    }
    let missing = app
        .send(
            Request::get("/playground/../../etc/passwd")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(missing.status, 404);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    for path in [
        "/",
        "/graphql?query=%7B__typename%7D",
        "/healthz",
        "/sitemap.xml",
        "/no-such-page",
    ] {
        let answer = app
            .send(Request::get(path).body(Body::empty()).unwrap())
            .await;
        let header = |name: &str| {
            answer
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header("x-frame-options"), "DENY", "{path}");
        assert_eq!(header("referrer-policy"), "no-referrer", "{path}");
        assert!(
            header("content-security-policy").contains("frame-ancestors 'none'"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn introspection_can_be_turned_off_for_anonymous_clients_only() {
    let schema = "{ __schema { queryType { name } } }";
    let by_fragment =
        "query { ...S } fragment S on QueryRoot { t: __type(name: \"Film\") { name } }";
    let open = TestApp::spawn().await;
    let answer = open.query(schema, json!({})).await.ok();
    assert_eq!(answer.data()["__schema"]["queryType"]["name"], "QueryRoot");

    let closed = open.with_http(HttpArgs {
        no_introspection: true,
        ..HttpArgs::default()
    });
    for document in [schema, by_fragment] {
        let refused = closed.query(document, json!({})).await;
        assert_eq!(refused.code(), Some("FORBIDDEN"), "{document}");
        assert!(
            refused.body["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("API key")
        );
    }
    let typename = closed
        .query("{ __typename films(first: 1) { totalCount } }", json!({}))
        .await
        .ok();
    assert_eq!(typename.data()["__typename"], "QueryRoot");
    let key = closed.key("explorer", Role::Partner).await;
    let keyed = closed.query_as(Some(&key), schema, json!({})).await.ok();
    assert_eq!(keyed.data()["__schema"]["queryType"]["name"], "QueryRoot");
}

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = TestApp::spawn().await;
    assert_eq!(
        app.send(Request::get("/healthz").body(Body::empty()).unwrap())
            .await
            .status,
        200
    );
    assert_eq!(
        app.send(Request::get("/readyz").body(Body::empty()).unwrap())
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn the_response_language_follows_accept_language() {
    let app = TestApp::spawn().await;
    let query = r#"{ organization(slug: "moskino") { name } }"#;
    let russian = app.query(query, json!({})).await.ok();
    assert_eq!(russian.headers["content-language"], "ru");
    let english = app
        .query_with(query, json!({}), &[("accept-language", "en-US,en;q=0.8")])
        .await
        .ok();
    assert_eq!(english.headers["content-language"], "en");
    assert_ne!(
        russian.data()["organization"]["name"],
        english.data()["organization"]["name"]
    );
    assert!(
        english.data()["organization"]["name"]
            .as_str()
            .unwrap()
            .contains("Moskino")
    );
}

#[tokio::test]
async fn graphql_response_media_type_is_honoured() {
    let app = TestApp::spawn().await;
    let answer = app
        .query_with(
            "{ films { totalCount } }",
            json!({}),
            &[("accept", "application/graphql-response+json")],
        )
        .await
        .ok();
    assert_eq!(
        answer.headers["content-type"],
        "application/graphql-response+json"
    );
    let invalid = app
        .query_with(
            "{ nope }",
            json!({}),
            &[("accept", "application/graphql-response+json")],
        )
        .await;
    assert_eq!(invalid.status, 400);
}

#[tokio::test]
async fn metrics_count_requests_and_statements_per_operation() {
    let app = TestApp::spawn().await;
    let document = include_str!("../operations/FilmPage.graphql");
    let named = json!({ "query": document, "operationName": "FilmPage", "variables": { "slug": "sample-architect" } });
    // Without operationName the document's only operation names the request.
    let unnamed = json!({ "query": document, "variables": { "slug": "sample-architect" } });
    let before = app.statements.get();
    for body in [named, unnamed] {
        let request = Request::post("/graphql")
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()));
        app.send(request.unwrap()).await.ok();
    }
    let issued = app.statements.get() - before;
    let answer = app
        .send(Request::get("/metrics").body(Body::empty()).unwrap())
        .await;
    assert_eq!(answer.status, 200);
    let text = answer.body.as_str().unwrap().to_string();
    assert!(
        text.contains("kinograph_requests_total{operation=\"FilmPage\"} 2"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "kinograph_request_sql_statements_total{{operation=\"FilmPage\"}} {issued}"
        )),
        "{text}"
    );
    assert!(text.contains("kinograph_request_duration_seconds_count{operation=\"FilmPage\"} 2"));
    assert!(text.contains("process_resident_memory_peak_bytes"));
}
