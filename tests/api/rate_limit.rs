//! Rate limits: a burst, then 429 with `Retry-After` and `RATE_LIMITED`, before any SQL;
//! a bucket per client address (forwarded addresses only behind trusted proxies, loopback
//! exempt) and per authenticated key with its role's limit; forged keys paid for by their
//! address; health checks never limited; buckets shared through Redis, and served in process
//! when Redis is away.

use std::{net::SocketAddr, time::Duration};

use axum::{
    body::Body,
    extract::ConnectInfo,
    http::{Request, StatusCode},
};
use kinograph::{
    cache::redis::SharedRedis,
    config::RateLimitArgs,
    domain::viewer::Role,
    http::rate_limit::{Network, RateLimiter},
    state::AppState,
};
use serde_json::json;

use crate::common::{Answer, TestApp};

const QUERY: &str = "{ films(first: 1) { totalCount } }";

/// Limits with `anonymous` (`N/min`...) and `burst` per address, no exempt network.
fn anonymous(rate: &str, burst: u32) -> RateLimitArgs {
    RateLimitArgs {
        rate_limit_anonymous: rate.parse().unwrap(),
        rate_limit_anonymous_burst: burst,
        rate_limit_exempt: Vec::new(),
        ..RateLimitArgs::default()
    }
}

fn limited(args: RateLimitArgs) -> impl FnOnce(AppState) -> AppState {
    move |state: AppState| state.with_rate_limits(RateLimiter::new(&args, None))
}

fn shared(args: RateLimitArgs, url: &str, prefix: &str) -> impl FnOnce(AppState) -> AppState {
    let redis = SharedRedis::new(url, prefix).expect("a Redis URL");
    move |state: AppState| state.with_rate_limits(RateLimiter::new(&args, Some(redis)))
}

fn unique_prefix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("kinograph-test:rate:{}:{nanos}:", std::process::id())
}

/// POSTs `QUERY` as if from `peer` (a TCP peer address), with `headers`.
async fn from(app: &TestApp, peer: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = Request::post("/graphql").header("content-type", "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut request = request
        .body(Body::from(json!({ "query": QUERY }).to_string()))
        .unwrap();
    let address = SocketAddr::new(peer.parse().unwrap(), 40_000);
    request.extensions_mut().insert(ConnectInfo(address));
    app.send(request).await
}

async fn get(app: &TestApp, path: &str) -> StatusCode {
    let request = Request::get(path).body(Body::empty()).unwrap();
    app.send(request).await.status
}

/// Asserts a refusal as clients see it; returns its `Retry-After` seconds.
fn assert_refused(answer: &Answer) -> u64 {
    assert_eq!(
        answer.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        answer.body
    );
    assert_eq!(answer.code(), Some("RATE_LIMITED"), "{}", answer.body);
    let message = answer.body["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("try again in"), "{message}");
    answer.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .expect("Retry-After in whole seconds")
}

#[tokio::test]
async fn a_client_gets_its_burst_then_429_with_retry_after_and_no_database_work() {
    let app = TestApp::spawn_with(limited(anonymous("3/min", 3))).await;
    for _ in 0..3 {
        app.query(QUERY, json!({})).await.ok();
    }
    let before = app.statements.get();
    let refused = app.query(QUERY, json!({})).await;
    assert_eq!(app.statements.get(), before, "a refusal issues no SQL");
    let seconds = assert_refused(&refused);
    // One token every 20 s: the wait is under 20 s, rounded up to whole seconds.
    assert!((1..=20).contains(&seconds), "Retry-After: {seconds}");
    let message = refused.body["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("3 requests per minute"), "{message}");
    assert!(message.contains(&format!("{seconds} seconds")), "{message}");
    // A body that does not even parse is refused the same way: the body is never read.
    let garbage = app
        .send(
            Request::post("/graphql")
                .header("content-type", "application/json")
                .body(Body::from("{not json"))
                .unwrap(),
        )
        .await;
    assert_refused(&garbage);
}

#[tokio::test]
async fn health_checks_and_metrics_are_never_limited_but_seo_documents_are() {
    let app = TestApp::spawn_with(limited(anonymous("1/h", 1))).await;
    assert_eq!(get(&app, "/sitemap.xml").await, StatusCode::OK);
    assert_refused(&app.query(QUERY, json!({})).await);
    assert_eq!(
        get(&app, "/sitemap.xml").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        get(&app, "/feeds/press.atom").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    for path in ["/healthz", "/readyz", "/metrics", "/"] {
        assert_eq!(get(&app, path).await, StatusCode::OK, "{path}");
    }
    let request = Request::get("/metrics").body(Body::empty()).unwrap();
    let metrics = app.send(request).await.body.as_str().unwrap().to_string();
    assert!(
        metrics.contains("kinograph_rate_limited_total{role=\"anonymous\"} 3"),
        "{metrics}"
    );
    assert!(metrics.contains("kinograph_rate_limited_total{role=\"partner\"} 0"));
}

#[tokio::test]
async fn each_client_address_has_its_own_bucket_and_ipv6_counts_per_64_network() {
    let app = TestApp::spawn_with(limited(anonymous("1/h", 1))).await;
    from(&app, "203.0.113.1", &[]).await.ok();
    assert_refused(&from(&app, "203.0.113.1", &[]).await);
    from(&app, "203.0.113.2", &[]).await.ok();
    from(&app, "2001:db8:1:2::1", &[]).await.ok();
    assert_refused(&from(&app, "2001:db8:1:2::ffff", &[]).await);
    from(&app, "2001:db8:1:3::1", &[]).await.ok();
}

#[tokio::test]
async fn forwarded_for_is_believed_only_behind_trusted_proxies() {
    let proxy = "10.0.0.2";
    let alice = [("x-forwarded-for", "198.51.100.7")];
    let bob = [("x-forwarded-for", "198.51.100.8")];

    // No trusted proxy: the header is ignored, everyone behind the proxy shares its bucket.
    let app = TestApp::spawn_with(limited(anonymous("1/h", 1))).await;
    from(&app, proxy, &alice).await.ok();
    assert_refused(&from(&app, proxy, &bob).await);

    // One trusted proxy: the address it appended counts, whatever the client put before it.
    let app = TestApp::spawn_with(limited(RateLimitArgs {
        trusted_proxy_hops: 1,
        ..anonymous("1/h", 1)
    }))
    .await;
    from(&app, proxy, &alice).await.ok();
    from(&app, proxy, &bob).await.ok();
    assert_refused(&from(&app, proxy, &alice).await);
    let forged = [("x-forwarded-for", "192.0.2.99, 198.51.100.7")];
    assert_refused(&from(&app, proxy, &forged).await);
}

#[tokio::test]
async fn loopback_clients_are_exempt_by_default() {
    let args = RateLimitArgs {
        rate_limit_exempt: RateLimitArgs::default().rate_limit_exempt,
        ..anonymous("1/h", 1)
    };
    let app = TestApp::spawn_with(limited(args)).await;
    for _ in 0..5 {
        from(&app, "127.0.0.1", &[]).await.ok();
        from(&app, "::1", &[]).await.ok();
    }
    from(&app, "203.0.113.1", &[]).await.ok();
    assert_refused(&from(&app, "203.0.113.1", &[]).await);

    let none = RateLimitArgs {
        rate_limit_exempt: vec![Network::parse("none").unwrap()],
        ..anonymous("1/h", 1)
    };
    let app = TestApp::spawn_with(limited(none)).await;
    from(&app, "127.0.0.1", &[]).await.ok();
    assert_refused(&from(&app, "127.0.0.1", &[]).await);
}

#[tokio::test]
async fn each_key_has_its_own_bucket_with_its_role_s_limit() {
    let app = TestApp::spawn_with(limited(RateLimitArgs {
        rate_limit_partner: "2/h".parse().unwrap(),
        rate_limit_partner_burst: 2,
        rate_limit_editor: "4/h".parse().unwrap(),
        rate_limit_editor_burst: 4,
        ..anonymous("100/min", 100)
    }))
    .await;
    let partner = app.key("festival-office", Role::Partner).await;
    let other = app.key("distributor", Role::Partner).await;
    let editor = app.key("newsroom", Role::Editor).await;
    for _ in 0..2 {
        app.query_as(Some(&partner), QUERY, json!({})).await.ok();
    }
    let before = app.statements.get();
    let refused = app.query_as(Some(&partner), QUERY, json!({})).await;
    assert_eq!(
        app.statements.get(),
        before,
        "a known key is refused without SQL"
    );
    assert_refused(&refused);
    let message = refused.body["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("partner keys may send 2 requests per hour"),
        "{message}"
    );
    for _ in 0..2 {
        app.query_as(Some(&other), QUERY, json!({})).await.ok();
    }
    for _ in 0..4 {
        app.query_as(Some(&editor), QUERY, json!({})).await.ok();
    }
    assert_refused(&app.query_as(Some(&editor), QUERY, json!({})).await);
    // The keys' buckets are not the address's.
    app.query(QUERY, json!({})).await.ok();
}

#[tokio::test]
async fn forged_keys_get_no_bucket_of_their_own_their_address_pays() {
    let app = TestApp::spawn_with(limited(anonymous("1/h", 3))).await;
    for n in 0..3 {
        let forged = format!("kg_forged{n}");
        let answer = app.query_as(Some(&forged), QUERY, json!({})).await;
        assert_eq!(answer.code(), Some("UNAUTHENTICATED"), "{}", answer.body);
    }
    let before = app.statements.get();
    assert_refused(&app.query_as(Some("kg_forged4"), QUERY, json!({})).await);
    assert_refused(&app.query(QUERY, json!({})).await);
    assert_eq!(app.statements.get(), before);
}

#[tokio::test]
async fn instances_sharing_redis_enforce_one_limit() {
    let prefix = unique_prefix();
    let url = "redis://127.0.0.1:6379";
    let args = RateLimitArgs {
        rate_limit_partner: "1/h".parse().unwrap(),
        rate_limit_partner_burst: 2,
        ..anonymous("1/h", 2)
    };
    let first = TestApp::spawn_with(shared(args.clone(), url, &prefix)).await;
    let second = first.twin(shared(args.clone(), url, &prefix));
    let elsewhere = first.twin(shared(args, url, &unique_prefix()));

    from(&first, "203.0.113.1", &[]).await.ok();
    from(&second, "203.0.113.1", &[]).await.ok();
    assert_refused(&from(&first, "203.0.113.1", &[]).await);
    assert_refused(&from(&second, "203.0.113.1", &[]).await);
    // Another Redis prefix is another limit.
    from(&elsewhere, "203.0.113.1", &[]).await.ok();

    let partner = first.key("festival-office", Role::Partner).await;
    let bearer = format!("Bearer {partner}");
    let keyed = [("authorization", bearer.as_str())];
    from(&first, "203.0.113.2", &keyed).await.ok();
    from(&second, "203.0.113.3", &keyed).await.ok();
    assert_refused(&from(&first, "203.0.113.4", &keyed).await);
}

#[tokio::test]
async fn an_unreachable_redis_never_fails_a_request_and_limits_in_process() {
    let app = TestApp::spawn_with(shared(
        anonymous("1/h", 2),
        "redis://127.0.0.1:1",
        &unique_prefix(),
    ))
    .await;
    let answers = tokio::time::timeout(Duration::from_secs(20), async {
        let mut answers = Vec::new();
        for _ in 0..3 {
            answers.push(from(&app, "203.0.113.1", &[]).await);
        }
        answers.push(from(&app, "203.0.113.2", &[]).await);
        answers
    })
    .await
    .expect("answers within 20 seconds");
    let mut answers = answers.into_iter();
    answers.next().unwrap().ok();
    answers.next().unwrap().ok();
    assert_refused(&answers.next().unwrap());
    answers.next().unwrap().ok();
}
