//! A real streaming replica: a private PostgreSQL primary and a hot standby of it (never the
//! shared server), the router over both, and proof that GraphQL reads reach the standby while
//! writes go to the primary; `/readyz` watches both.
//!
//! Runs in the PostgreSQL pass (`KINOGRAPH_TEST_DATABASE_URL=postgres://…`) when the cluster
//! binaries are installed, and says why it skips otherwise.

use std::{
    future::Future,
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
    entities::organization,
    state::AppState,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, QueryFilter,
    Statement, TryGetable,
};
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::common::{
    Answer,
    cluster::{self, Cluster},
};

/// The longest any replication wait may take.
const REPLICATION_TIMEOUT: Duration = Duration::from_secs(20);

const AGREEMENT: &str = r#"query Agreement($slug: String!) {
  agreement(slug: $slug) { slug signedOn parties { slug } }
}"#;

const ORGANIZATION: &str = r#"query Organization($slug: String!) {
  organization(slug: $slug) { slug kind country name(locale: EN) }
}"#;

const CREATE_ORGANIZATION: &str = r#"mutation Create($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { organization { slug kind country name(locale: EN) } }
}"#;

const PROBE: &str = "replica-probe-studio";

#[tokio::test]
async fn reads_reach_the_replica_and_writes_the_primary() {
    let Some(tools) = cluster::tools_for("replica test") else {
        return;
    };
    let started = Instant::now();

    // A private primary and, streaming from it, a hot standby taken before any schema
    // exists: the migrations and the demo data reach the standby through replication.
    let primary = Cluster::primary(&tools).unwrap_or_else(|e| panic!("primary cluster: {e}"));
    let mut standby = primary
        .standby()
        .unwrap_or_else(|e| panic!("standby cluster: {e}"));
    let (primary_db, primary_count) = db::connect(&pool(&primary))
        .await
        .expect("the private primary connects");
    let (replica_db, replica_count) = db::connect(&pool(&standby))
        .await
        .expect("the private standby connects");
    db::migrate(&primary_db).await.expect("migrations apply");
    assert!(
        kinograph::seed::load_demo(&primary_db)
            .await
            .expect("demo data loads"),
        "the new primary is empty"
    );
    wait_for_replay(&primary_db, &replica_db, &standby).await;
    let count = "SELECT count(*) FROM organization";
    let organizations = scalar::<i64>(&primary_db, count).await.unwrap();
    assert!(organizations > 0, "the demo data holds organizations");
    assert_eq!(
        scalar::<i64>(&replica_db, count).await.unwrap(),
        organizations,
        "the standby holds every organization of the primary"
    );

    // The read pool is a standby in recovery, streaming from the primary.
    let in_recovery = "SELECT pg_is_in_recovery()";
    assert!(scalar::<bool>(&replica_db, in_recovery).await.unwrap());
    assert!(!scalar::<bool>(&primary_db, in_recovery).await.unwrap());
    assert_eq!(
        scalar::<String>(&replica_db, "SELECT status FROM pg_stat_wal_receiver")
            .await
            .unwrap(),
        "streaming"
    );
    assert_eq!(
        scalar::<i64>(
            &primary_db,
            "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'"
        )
        .await
        .unwrap(),
        1
    );

    // It refuses writes: they can only go to the primary.
    let refused = replica_db
        .execute_unprepared("DELETE FROM organization")
        .await
        .expect_err("the standby refuses writes");
    assert!(
        refused.to_string().contains("read-only transaction"),
        "{refused}"
    );

    let router = kinograph::app(AppState::new(
        primary_db.clone(),
        Some(replica_db.clone()),
        replica_count.clone(),
    ));

    // GraphQL answers correctly, with statements on the replica pool only.
    let (primary_before, replica_before) = (primary_count.get(), replica_count.get());
    let answer = graphql(
        &router,
        AGREEMENT,
        json!({ "slug": "gazprom-media-moskino-2025" }),
    )
    .await
    .ok();
    let agreement = &answer.data()["agreement"];
    assert_eq!(agreement["slug"], "gazprom-media-moskino-2025");
    assert_eq!(agreement["signedOn"], "2025-08-25");
    assert_eq!(
        agreement["parties"],
        json!([{ "slug": "gazprom-media" }, { "slug": "moskino" }])
    );
    assert!(
        replica_count.get() > replica_before,
        "the query ran on the replica pool"
    );
    assert_eq!(
        primary_count.get(),
        primary_before,
        "the query ran nothing on the primary"
    );

    // A mutation writes on the primary and reads its own write there: with the standby's
    // replay paused, its payload shows the new organization at once, no statement of it ran
    // on the replica, and queries (served by the standby) do not show it yet.
    replica_db
        .execute_unprepared("SELECT pg_wal_replay_pause()")
        .await
        .expect("replay pauses");
    let key = kinograph::store::api_key::create(&primary_db, "replica-test", Role::Editor)
        .await
        .expect("an editor key");
    let (primary_before, replica_before) = (primary_count.get(), replica_count.get());
    let created = graphql_as(
        &router,
        &key,
        CREATE_ORGANIZATION,
        json!({ "input": {
            "slug": PROBE,
            "kind": "STUDIO",
            "country": "ru",
            "name": { "ru": "Студия проверки реплики", "en": "Replica Probe Studio" },
        } }),
    )
    .await
    .ok();
    assert_eq!(
        created.data()["createOrganization"]["organization"],
        json!({ "slug": PROBE, "kind": "STUDIO", "country": "RU", "name": "Replica Probe Studio" }),
        "the payload reads the write back on the primary"
    );
    assert!(
        primary_count.get() > primary_before,
        "the mutation ran on the primary"
    );
    assert_eq!(
        replica_count.get(),
        replica_before,
        "no statement of the mutation ran on the replica"
    );
    assert!(
        organization::Entity::find()
            .filter(organization::Column::Slug.eq(PROBE))
            .one(&primary_db)
            .await
            .unwrap()
            .is_some(),
        "the primary holds the new organization"
    );
    let primary_before = primary_count.get();
    let answer = graphql(&router, ORGANIZATION, json!({ "slug": PROBE }))
        .await
        .ok();
    assert_eq!(
        answer.data()["organization"],
        Value::Null,
        "the paused standby does not have the row yet, so the API does not show it"
    );
    assert_eq!(primary_count.get(), primary_before);

    // Once replay resumes, the API shows it.
    replica_db
        .execute_unprepared("SELECT pg_wal_replay_resume()")
        .await
        .expect("replay resumes");
    let shown = eventually("the new organization to show through the API", || async {
        let answer = graphql(&router, ORGANIZATION, json!({ "slug": PROBE }))
            .await
            .ok();
        let organization = answer.data()["organization"].clone();
        (!organization.is_null()).then_some(organization)
    })
    .await;
    assert_eq!(
        shown,
        json!({
            "slug": PROBE,
            "kind": "STUDIO",
            "country": "RU",
            "name": "Replica Probe Studio",
        })
    );
    assert_eq!(
        primary_count.get(),
        primary_before,
        "reads never touched the primary"
    );

    // Ready while both answer; not ready once the replica is gone.
    let ready = send(
        &router,
        Request::get("/readyz").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.body);
    standby
        .stop()
        .unwrap_or_else(|e| panic!("the standby stops: {e}"));
    let stopped = Instant::now();
    let ready = send(
        &router,
        Request::get("/readyz").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(
        ready.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        ready.body
    );
    println!(
        "replica test: /readyz noticed the stopped replica in {:?}; {:?} in all",
        stopped.elapsed(),
        started.elapsed()
    );
}

/// A small pool on a private cluster.
fn pool(cluster: &Cluster) -> DbConfig {
    DbConfig {
        max_connections: 4,
        ..DbConfig::new(cluster.url())
    }
}

/// The first column of the one row `sql` returns.
async fn scalar<T: TryGetable>(db: &DatabaseConnection, sql: &str) -> Result<T, DbErr> {
    db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(sql.to_string()))?
        .try_get_by_index(0)
}

/// Waits until the standby has replayed everything the primary has written so far.
async fn wait_for_replay(
    primary: &DatabaseConnection,
    replica: &DatabaseConnection,
    standby: &Cluster,
) {
    let lsn = scalar::<String>(primary, "SELECT pg_current_wal_lsn()::text")
        .await
        .unwrap();
    let replayed = format!("SELECT coalesce(pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn, false)");
    let deadline = Instant::now() + REPLICATION_TIMEOUT;
    while !scalar::<bool>(replica, &replayed).await.unwrap_or(false) {
        assert!(
            Instant::now() < deadline,
            "the standby did not replay the primary's WAL up to {lsn} within {REPLICATION_TIMEOUT:?}\n{}",
            standby.log_tail()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Polls `check` until it gives a value, at most [`REPLICATION_TIMEOUT`].
async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + REPLICATION_TIMEOUT;
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(
            Instant::now() < deadline,
            "waited {REPLICATION_TIMEOUT:?} for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// POSTs a GraphQL request through the router.
async fn graphql(router: &Router, query: &str, variables: Value) -> Answer {
    let body = json!({ "query": query, "variables": variables }).to_string();
    let request = Request::post("/graphql")
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    send(router, request).await
}

/// POSTs a GraphQL request with `Authorization: Bearer <key>`.
async fn graphql_as(router: &Router, key: &str, query: &str, variables: Value) -> Answer {
    let body = json!({ "query": query, "variables": variables }).to_string();
    let request = Request::post("/graphql")
        .header("content-type", "application/json")
        .header("authorization", format!("Bearer {key}"))
        .body(Body::from(body))
        .unwrap();
    send(router, request).await
}

/// Sends a request through the router, as a client sees the answer.
async fn send(router: &Router, request: Request<Body>) -> Answer {
    let response = router
        .clone()
        .oneshot(request)
        .await
        .expect("router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body reads")
        .to_bytes();
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
    Answer {
        status,
        headers,
        body,
    }
}
