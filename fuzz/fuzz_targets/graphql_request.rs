//! Coverage-guided fuzzing of `/graphql`: each input becomes one request through kinograph's
//! real router over a SQLite database with the demo data (made once per process), and the
//! answer must pass the same check as the in-suite fuzz test (`tests/api/fuzz/check.rs`):
//! no panic, no 5xx, a well-formed GraphQL response with known error codes and no SQL text.
//!
//! The first byte of an input picks the request's shape; the rest is its payload:
//! - bits 0–1: `0` POST the payload as the body; `1` POST `{"query": payload}`;
//!   `2` GET with the payload as the query string; `3` GET `?query=payload`;
//! - bit 2: send an editor's API key (mutations run); bit 3: ask for
//!   `application/graphql-response+json`.
#![no_main]

use std::sync::LazyLock;

use axum::{Router, body::Body, http::Request};
use http_body_util::BodyExt;
use kinograph::{
    db::{self, DbConfig},
    domain::viewer::Role,
    state::AppState,
};
use libfuzzer_sys::fuzz_target;
use tower::ServiceExt;

#[path = "../../tests/api/fuzz/check.rs"]
mod check;

/// The server every input is sent to.
struct World {
    runtime: tokio::runtime::Runtime,
    router: Router,
    key: String,
    _dir: tempfile::TempDir,
}

static WORLD: LazyLock<World> = LazyLock::new(|| {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite://{}", dir.path().join("fuzz.db").display());
    let (router, key) = runtime.block_on(async {
        let config = DbConfig {
            max_connections: 4,
            schema: None,
            ..DbConfig::new(url)
        };
        let (conn, statements) = db::connect(&config).await.expect("database connects");
        db::migrate(&conn).await.expect("migrations apply");
        kinograph::seed::load_demo(&conn)
            .await
            .expect("demo data loads");
        let key = kinograph::store::api_key::create(&conn, "fuzz-editor", Role::Editor)
            .await
            .expect("key issued");
        let router = kinograph::app(AppState::new(conn, None, statements));
        (router, key)
    });
    World {
        runtime,
        router,
        key,
        _dir: dir,
    }
});

/// The request an input stands for, or None when its bytes make no HTTP request (a query
/// string with bytes a URI may not hold).
fn request(input: &[u8], key: &str) -> Option<Request<Body>> {
    let (&mode, payload) = input.split_first()?;
    let text = || String::from_utf8_lossy(payload).into_owned();
    let (get, uri, body) = match mode & 0b11 {
        0 => (false, "/graphql".to_string(), payload.to_vec()),
        1 => {
            let body = serde_json::json!({ "query": text() }).to_string();
            (false, "/graphql".to_string(), body.into_bytes())
        }
        2 => (true, format!("/graphql?{}", text()), Vec::new()),
        _ => {
            let query: String = url::form_urlencoded::byte_serialize(payload).collect();
            (true, format!("/graphql?query={query}"), Vec::new())
        }
    };
    let mut request = Request::builder()
        .method(if get { "GET" } else { "POST" })
        .uri(uri)
        .header("content-type", "application/json");
    if mode & 0b100 != 0 {
        request = request.header("authorization", format!("Bearer {key}"));
    }
    if mode & 0b1000 != 0 {
        request = request.header("accept", "application/graphql-response+json");
    }
    request.body(Body::from(body)).ok()
}

fuzz_target!(|input: &[u8]| {
    let world = &*WORLD;
    let Some(request) = request(input, &world.key) else {
        return;
    };
    let sent = check::sent(
        &request.uri().to_string(),
        input.get(1..).unwrap_or_default(),
    );
    let (status, body) = world.runtime.block_on(async {
        let response = world
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router answers");
        let status = response.status().as_u16();
        let body = response.into_body().collect().await.expect("body reads");
        (status, body.to_bytes())
    });
    if let Err(problem) = check::answer(status, &body, &sent) {
        panic!(
            "{problem}\nanswer {status}: {}",
            String::from_utf8_lossy(&body)
        );
    }
});
