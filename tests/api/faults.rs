//! Database faults: a private, durable PostgreSQL cluster (never the shared server) crashes
//! (`pg_ctl stop -m immediate`) and comes back on the same data and port while readers and
//! writers keep going through one router. While it is away, `/readyz` answers 503 and
//! requests fail quickly with `INTERNAL`; once it is back, the same router and pool answer
//! again without a restart, and every write that answered success is in the database.
//!
//! Runs in the PostgreSQL pass (`KINOGRAPH_TEST_DATABASE_URL=postgres://…`) when the cluster
//! binaries are installed, and says why it skips otherwise.

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode},
};
use http_body_util::BodyExt;
use kinograph::{
    db::{self, DbConfig},
    domain::viewer::Role,
    state::AppState,
};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::common::cluster::{self, Cluster};

/// The longest any request may take before the test calls it hung.
const HANG_GUARD: Duration = Duration::from_secs(30);

const CATALOGUE: &str = include_str!("../operations/FilmCatalogue.graphql");

const CREATE_ORGANIZATION: &str = r#"mutation Create($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { organization { id slug } }
}"#;

/// Readers and writers running at once.
const READERS: usize = 3;
const WRITERS: usize = 3;

/// When a request started, relative to the crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Phase {
    /// Before the crash.
    Up,
    /// While `pg_ctl stop -m immediate` ran.
    Crashing,
    /// After the crash, before the restart began.
    Down,
    /// While `pg_ctl start` ran (crash recovery), until the server accepted connections.
    Restarting,
    /// After the restart.
    Back,
}

/// How a request ended, as a client sees it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    Ok,
    /// `INTERNAL`, answered with this HTTP status: 200 (a GraphQL error), or 503 when the
    /// API key of the request could not be checked.
    Internal(u16),
    /// Any other answer: status, code and message (must not happen).
    Other(String),
    /// No answer within [`HANG_GUARD`] (must not happen).
    Hung,
}

/// What the load saw.
#[derive(Default)]
struct Tally {
    /// (phase, read or write, outcome) → count.
    outcomes: BTreeMap<(Phase, &'static str, Outcome), u32>,
    /// The longest an `INTERNAL` answer took.
    slowest_failure: Duration,
    /// Slugs of the organizations whose creation answered success.
    acknowledged: BTreeSet<String>,
    /// Tasks that panicked.
    panics: u32,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_rides_out_a_database_crash_and_loses_no_acknowledged_write() {
    let Some(tools) = cluster::tools_for("database fault test") else {
        return;
    };
    let mut cluster = Cluster::durable(&tools).unwrap_or_else(|e| panic!("durable cluster: {e}"));
    // `--db-acquire-timeout 1`: requests fail within a second while the database is away,
    // so every one started in the 3-second outage fails even when the restart is quick
    // (with the default 5 s, a request could wait the whole outage out and succeed).
    let config = DbConfig {
        acquire_timeout: Duration::from_secs(1),
        ..DbConfig::new(cluster.url())
    };
    let (conn, statements) = db::connect(&config)
        .await
        .expect("the private cluster connects");
    assert_eq!(scalar(&conn, "SHOW fsync").await, "on");
    assert_eq!(scalar(&conn, "SHOW synchronous_commit").await, "on");
    db::migrate(&conn).await.expect("migrations apply");
    assert!(
        kinograph::seed::load_demo(&conn)
            .await
            .expect("demo data loads")
    );
    let key = kinograph::store::api_key::create(&conn, "fault-test", Role::Editor)
        .await
        .expect("an editor key");
    // One router and one pool for the whole test: recovery must need no rebuild.
    let router = kinograph::app(AppState::new(conn.clone(), None, statements));
    assert_eq!(readyz(&router).await, StatusCode::OK);

    let tally = Arc::new(Mutex::new(Tally::default()));
    let phase = Arc::new(Mutex::new(Phase::Up));
    let stop = Arc::new(AtomicBool::new(false));
    let mut load = Vec::new();
    for task in 0..READERS + WRITERS {
        let (router, key) = (router.clone(), key.clone());
        let (tally, phase, stop) = (tally.clone(), phase.clone(), stop.clone());
        load.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let started_in = *phase.lock().unwrap();
                let started = Instant::now();
                let (kind, outcome, slug) = if task < READERS {
                    let answer = graphql(&router, None, CATALOGUE, json!({ "first": 10 })).await;
                    ("read", answer.map(|a| outcome(&a, "films")), None)
                } else {
                    let slug = format!("fault-w{task}-{n}");
                    let input = json!({ "input": {
                        "slug": slug,
                        "kind": "STUDIO",
                        "country": "ru",
                        "name": { "ru": "Студия сбоя", "en": "Fault Studio" },
                    } });
                    let answer =
                        graphql(&router, Some(key.as_str()), CREATE_ORGANIZATION, input).await;
                    let created = answer.as_ref().is_some_and(|a| {
                        a.1["data"]["createOrganization"]["organization"]["slug"] == slug
                    });
                    let outcome = answer.map(|a| outcome(&a, "createOrganization"));
                    ("write", outcome, created.then_some(slug))
                };
                let outcome = outcome.unwrap_or(Outcome::Hung);
                let mut tally = tally.lock().unwrap();
                if matches!(outcome, Outcome::Internal(_)) {
                    tally.slowest_failure = tally.slowest_failure.max(started.elapsed());
                }
                *tally
                    .outcomes
                    .entry((started_in, kind, outcome))
                    .or_default() += 1;
                if let Some(slug) = slug {
                    tally.acknowledged.insert(slug);
                }
            }
        }));
    }

    // Load on a healthy database, then the crash.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    *phase.lock().unwrap() = Phase::Crashing;
    let crashed = Instant::now();
    let mut cluster = tokio::task::spawn_blocking(move || {
        cluster
            .stop_immediate()
            .unwrap_or_else(|e| panic!("immediate stop: {e}"));
        cluster
    })
    .await
    .unwrap();
    let stop_took = crashed.elapsed();
    *phase.lock().unwrap() = Phase::Down;
    assert_eq!(
        readyz(&router).await,
        StatusCode::SERVICE_UNAVAILABLE,
        "/readyz while the database is down"
    );
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(readyz(&router).await, StatusCode::SERVICE_UNAVAILABLE);

    // The database comes back (crash recovery from the WAL) under the same load.
    *phase.lock().unwrap() = Phase::Restarting;
    let restarting = Instant::now();
    let cluster = tokio::task::spawn_blocking(move || {
        cluster.start().unwrap_or_else(|e| panic!("restart: {e}"));
        cluster
    })
    .await
    .unwrap();
    *phase.lock().unwrap() = Phase::Back;
    let restart_took = restarting.elapsed();
    let back = Instant::now();
    while readyz(&router).await != StatusCode::OK {
        assert!(
            back.elapsed() < HANG_GUARD,
            "/readyz still fails {HANG_GUARD:?} after the restart\n{}",
            cluster.log_tail()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let ready_after = back.elapsed();
    tokio::time::sleep(Duration::from_secs(2)).await;
    stop.store(true, Ordering::Relaxed);
    let mut panics = 0;
    for task in load {
        if task.await.is_err() {
            panics += 1;
        }
    }
    let mut tally = std::mem::take(&mut *tally.lock().unwrap());
    tally.panics = panics;

    // What is in the database now, read through the same pool.
    let stored = organizations(&conn).await;
    let audited = audited_creations(&conn).await;

    eprintln!(
        "database fault test: immediate stop took {stop_took:?}, restart {restart_took:?}, \
         /readyz 200 again {ready_after:?} after the restart; slowest INTERNAL answer {:?}",
        tally.slowest_failure
    );
    for ((phase, kind, outcome), count) in &tally.outcomes {
        eprintln!("  {phase:?} {kind}: {outcome:?} × {count}");
    }
    let unacknowledged = stored.difference(&tally.acknowledged).count();
    eprintln!(
        "  writes acknowledged {}, stored {} ({unacknowledged} stored though their answer was an error), panics {}",
        tally.acknowledged.len(),
        stored.len(),
        tally.panics
    );

    assert_eq!(tally.panics, 0, "no request task panicked");
    for ((phase, kind, outcome), count) in &tally.outcomes {
        assert!(
            matches!(outcome, Outcome::Ok | Outcome::Internal(200 | 503)),
            "{count} {kind}s started while {phase:?} ended as {outcome:?}"
        );
    }
    for kind in ["read", "write"] {
        assert!(
            tally.outcomes.contains_key(&(Phase::Up, kind, Outcome::Ok)),
            "{kind}s succeed before the crash"
        );
        assert!(
            tally
                .outcomes
                .keys()
                .any(|(p, k, o)| (*p, *k) == (Phase::Down, kind)
                    && matches!(o, Outcome::Internal(_))),
            "{kind}s fail with INTERNAL while the database is down"
        );
        assert!(
            tally
                .outcomes
                .contains_key(&(Phase::Back, kind, Outcome::Ok)),
            "{kind}s succeed again after the restart, through the same router and pool"
        );
    }
    let lost: Vec<_> = tally.acknowledged.difference(&stored).collect();
    assert!(lost.is_empty(), "acknowledged writes lost: {lost:?}");
    assert_eq!(
        audited, stored,
        "every stored organization has its audit entry and no entry lacks its organization"
    );
    drop(cluster);
}

/// How a GraphQL answer ended: `Ok` with `data.<field>` and no errors; `Internal` when every
/// error has the `INTERNAL` code and the generic message (no SQL or driver text); a query cut
/// off mid-way may keep the data read before (the failed fields are null).
fn outcome((status, body): &(StatusCode, Value), field: &str) -> Outcome {
    if *status == StatusCode::OK && body.get("errors").is_none() && !body["data"][field].is_null() {
        return Outcome::Ok;
    }
    let generic = |error: &Value| {
        error["extensions"]["code"] == "INTERNAL"
            && (error["message"] == "internal error"
                || (*status == StatusCode::SERVICE_UNAVAILABLE
                    && error["message"]
                        == "internal error: the API key could not be checked; try again"))
    };
    match body["errors"].as_array() {
        Some(errors) if !errors.is_empty() && errors.iter().all(generic) => {
            Outcome::Internal(status.as_u16())
        }
        _ => Outcome::Other(format!("HTTP {status}: {body}")),
    }
}

/// POSTs a GraphQL request through the router (with `Authorization: Bearer <key>` when
/// given); `None` when it does not answer within [`HANG_GUARD`].
async fn graphql(
    router: &Router,
    key: Option<&str>,
    query: &str,
    variables: Value,
) -> Option<(StatusCode, Value)> {
    let body = json!({ "query": query, "variables": variables }).to_string();
    let mut request = Request::post("/graphql").header("content-type", "application/json");
    if let Some(key) = key {
        request = request.header("authorization", format!("Bearer {key}"));
    }
    let request = request.body(Body::from(body)).unwrap();
    let answer = async {
        let response = router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
        (status, body)
    };
    tokio::time::timeout(HANG_GUARD, answer).await.ok()
}

/// The status of `/readyz`.
async fn readyz(router: &Router) -> StatusCode {
    let request = Request::get("/readyz").body(Body::empty()).unwrap();
    let answer = router.clone().oneshot(request);
    tokio::time::timeout(HANG_GUARD, answer)
        .await
        .expect("/readyz answers")
        .unwrap()
        .status()
}

/// The first column of the one row `sql` returns, as text.
async fn scalar(db: &DatabaseConnection, sql: &str) -> String {
    db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index(0)
        .unwrap()
}

/// The slugs of the organizations the load created.
async fn organizations(db: &DatabaseConnection) -> BTreeSet<String> {
    let sql = "SELECT slug FROM organization WHERE slug LIKE 'fault-w%'";
    strings(db, sql).await
}

/// The slugs of the organizations the audit trail records as created.
async fn audited_creations(db: &DatabaseConnection) -> BTreeSet<String> {
    let sql = "SELECT o.slug FROM audit_entry a JOIN organization o ON o.id = a.entity_id \
               WHERE a.entity_type = 'Organization' AND a.action = 'CREATE' \
               AND o.slug LIKE 'fault-w%'";
    let audited = strings(db, sql).await;
    let orphans = "SELECT 'orphan ' || a.entity_id FROM audit_entry a \
                   LEFT JOIN organization o ON o.id = a.entity_id \
                   WHERE a.entity_type = 'Organization' AND o.id IS NULL";
    audited
        .union(&strings(db, orphans).await)
        .cloned()
        .collect()
}

async fn strings(db: &DatabaseConnection, sql: &str) -> BTreeSet<String> {
    db.query_all_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.try_get_by_index::<String>(0).unwrap())
        .collect()
}
