//! Observability: `X-Request-Id` on every answer, `/metrics` figures of pools, loader batches
//! and HTTP status classes, and JSON log lines from the real binary carrying the request id.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::TcpStream,
    process::{Command, Stdio},
    sync::mpsc,
    time::Duration,
};

use axum::{body::Body, http::Request};
use serde_json::{Value, json};

use crate::{common::TestApp, http::encode};

const FILM_CATALOGUE: &str = include_str!("../operations/FilmCatalogue.graphql");

fn request_id(answer: &crate::common::Answer) -> String {
    answer
        .headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

#[tokio::test]
async fn every_answer_carries_a_request_id_whoever_gave_it() {
    let app = TestApp::spawn().await;
    let query = format!(
        "/graphql?query={}",
        encode("{ films(first: 1) { totalCount } }")
    );
    let first = app.send(get(&query)).await;
    let etag = first.headers.get("etag").expect("tagged").clone();
    let not_modified = Request::get(&query)
        .header("if-none-match", etag)
        .body(Body::empty())
        .unwrap();
    let over_limit = kinograph::config::LimitArgs::default().max_body_bytes + 1;
    let too_big = Request::post("/graphql")
        .header("content-type", "application/json")
        .body(Body::from(vec![b' '; over_limit]))
        .unwrap();
    let declared_too_big = Request::post("/graphql")
        .header("content-type", "application/json")
        .header("content-length", over_limit)
        .body(Body::from(vec![b' '; over_limit]))
        .unwrap();
    let text_plain = Request::post("/graphql")
        .header("content-type", "text/plain")
        .body(Body::from("{\"query\":\"{ __typename }\"}"))
        .unwrap();
    let mutation_over_get = get(&format!(
        "/graphql?query={}",
        encode("mutation { deleteFilm(id: \"x\") { deletedId } }")
    ));
    let mut seen = vec![request_id(&first)];
    for (request, status) in [
        (get("/"), 200),
        (get("/healthz"), 200),
        (get("/metrics"), 200),
        (not_modified, 304),
        (get("/no-such-page"), 404),
        (mutation_over_get, 405),
        (too_big, 413),
        (declared_too_big, 413),
        (text_plain, 415),
    ] {
        let path = request.uri().to_string();
        let answer = app.send(request).await;
        assert_eq!(answer.status, status, "{path}");
        let id = request_id(&answer);
        assert_eq!(id.len(), 32, "{path}: {id:?}");
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{path}: {id}");
        seen.push(id);
    }
    let count = seen.len();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), count, "each request gets its own id");
}

#[tokio::test]
async fn a_sane_client_request_id_is_echoed_and_a_hostile_one_replaced() {
    let app = TestApp::spawn().await;
    let ask = |id: Vec<u8>| {
        Request::get("/healthz")
            .header("x-request-id", id)
            .body(Body::empty())
            .unwrap()
    };
    let sane = "edge-7f3a:2026-11-26T23:00:00Z/42";
    assert_eq!(request_id(&app.send(ask(sane.into())).await), sane);
    let longest = "r".repeat(128);
    assert_eq!(
        request_id(&app.send(ask(longest.clone().into())).await),
        longest
    );
    for hostile in [
        "r".repeat(129).into_bytes(),
        b"two words".to_vec(),
        b"tab\tinside".to_vec(),
        "caf\u{e9}-\u{1f600}".as_bytes().to_vec(),
    ] {
        let id = request_id(&app.send(ask(hostile.clone())).await);
        assert_eq!(
            id.len(),
            32,
            "{:?} gave {id:?}",
            String::from_utf8_lossy(&hostile)
        );
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
    }
}

/// The value of the metric line starting with `series ` (name and labels), if any.
fn figure(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

async fn metrics(app: &TestApp) -> String {
    let answer = app.send(get("/metrics")).await;
    assert_eq!(answer.status, 200);
    answer.body.as_str().unwrap().to_string()
}

#[tokio::test]
async fn metrics_show_the_pool_and_the_keys_of_each_loader_batch() {
    let app = TestApp::spawn().await;
    let genres = "kinograph_loader_batch_size_sum{loader=\"GenresOfFilm\"}";
    let batches = "kinograph_loader_batch_size_count{loader=\"GenresOfFilm\"}";
    let before = metrics(&app).await;
    let answer = app.query(FILM_CATALOGUE, json!({ "first": 24 })).await.ok();
    let films = answer.data()["films"]["edges"].as_array().unwrap().len();
    assert!(films > 1, "the demo catalogue holds several films");
    let after = metrics(&app).await;
    // Loader figures are process-wide (other tests add to them too): they only grow.
    let grown = |series: &str| {
        figure(&after, series).unwrap_or(0.0) - figure(&before, series).unwrap_or(0.0)
    };
    assert!(grown(batches) >= 1.0, "{after}");
    assert!(
        grown(genres) >= films as f64,
        "one batch holds the genres of all {films} films: {after}"
    );
    let single = figure(
        &after,
        "kinograph_loader_batch_size_bucket{loader=\"GenresOfFilm\",le=\"1\"}",
    );
    assert!(
        single.unwrap_or(0.0) < figure(&after, batches).unwrap_or(0.0),
        "{after}"
    );

    assert_eq!(
        figure(
            &after,
            "kinograph_db_pool_max_connections{pool=\"primary\"}"
        ),
        Some(4.0),
        "{after}"
    );
    let open = figure(&after, "kinograph_db_pool_connections{pool=\"primary\"}").unwrap();
    let idle = figure(
        &after,
        "kinograph_db_pool_idle_connections{pool=\"primary\"}",
    )
    .unwrap();
    assert!((1.0..=4.0).contains(&open) && idle <= open, "{after}");
    assert!(
        !after.contains("pool=\"replica\""),
        "no replica configured: {after}"
    );
}

#[tokio::test]
async fn metrics_count_http_answers_by_status_class() {
    let app = TestApp::spawn().await;
    app.send(get("/healthz")).await;
    app.send(get("/no-such-page")).await;
    let refused = Request::post("/graphql")
        .header("content-type", "text/plain")
        .body(Body::from("{}"))
        .unwrap();
    assert_eq!(app.send(refused).await.status, 415);
    let text = metrics(&app).await;
    for (class, count) in [
        ("1xx", 0.0),
        ("2xx", 1.0),
        ("3xx", 0.0),
        ("4xx", 2.0),
        ("5xx", 0.0),
    ] {
        assert_eq!(
            figure(
                &text,
                &format!("kinograph_http_responses_total{{class=\"{class}\"}}")
            ),
            Some(count),
            "{class}: {text}"
        );
    }
    let text = metrics(&app).await;
    assert_eq!(
        figure(&text, "kinograph_http_responses_total{class=\"2xx\"}"),
        Some(2.0),
        "the first /metrics answer counts too"
    );
}

/// Kills the server when the test ends, passing or failing.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_binary_writes_json_log_lines_carrying_the_request_id() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("log.db").display());
    let mut server = Server(
        Command::new(env!("CARGO_BIN_EXE_kinograph"))
            .args(["--database-url", &database, "--bind", "127.0.0.1:0"])
            .args(["--no-demo", "--log-format", "json"])
            // Slow means nearly everything here, so the document is logged: the variables
            // must still not be.
            .args(["--slow-query-ms", "1"])
            .env("RUST_LOG", "info")
            .env_remove("DATABASE_READ_URL")
            .env_remove("KINOGRAPH_CACHE_URL")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    // The address comes on standard output once the server listens.
    let stdout = server.0.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("GraphQL endpoint: http://") {
                let _ = tx.send(rest.trim_end_matches("/graphql").to_string());
            }
        }
    });
    let address = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the server listens within a minute");

    let body = json!({
        "query": "query Probe($slug: String!) { film(slug: $slug) { slug } films(first: 1) { totalCount } }",
        "variables": { "slug": "private-slug-4711" },
    })
    .to_string();
    let mut stream = TcpStream::connect(&address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "POST /graphql HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         X-Request-Id: json-log-probe-1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response
            .to_ascii_lowercase()
            .contains("x-request-id: json-log-probe-1"),
        "{response}"
    );

    let _ = server.0.kill();
    let mut stderr = String::new();
    server
        .0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let lines: Vec<Value> = stderr
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    let of_request: Vec<&Value> = lines
        .iter()
        .filter(|line| line["span"]["request_id"] == "json-log-probe-1")
        .collect();
    // The access line; a slow-query line may come before it on a busy machine.
    let access = of_request
        .iter()
        .find(|line| line["message"] == "response")
        .unwrap_or_else(|| panic!("no access line of the request in {stderr}"));
    assert_eq!(access["status"], 200, "{access}");
    assert_eq!(access["span"]["method"], "POST", "{access}");
    assert_eq!(access["span"]["path"], "/graphql", "{access}");
    assert_eq!(access["span"]["operation"], "Probe", "{access}");
    assert!(access["latency_ms"].is_number(), "{access}");
    assert_eq!(access["level"], "INFO", "{access}");
    assert!(
        !stderr.contains("private-slug-4711"),
        "variables are never logged: {stderr}"
    );
}
