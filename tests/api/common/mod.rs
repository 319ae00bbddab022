//! `TestApp`: the real router over a fresh, migrated database — a temporary SQLite file by
//! default, or its own PostgreSQL schema when `KINOGRAPH_TEST_DATABASE_URL` is set — with
//! helpers to send GraphQL requests and count the SQL statements they cause.

use axum::{
    Router,
    body::Body,
    http::{HeaderMap, Request, StatusCode},
};
use http_body_util::BodyExt;
use kinograph::{
    db::{self, DbConfig, StatementCounter},
    domain::viewer::Role,
    state::AppState,
};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::{Value, json};
use tower::ServiceExt;

pub mod cluster;
pub mod editor;

/// Where the test database lives, removed on drop.
enum Place {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { base_url: String, schema: String },
}

impl Drop for Place {
    fn drop(&mut self) {
        if let Place::Postgres { base_url, schema } = self {
            let (url, schema) = (base_url.clone(), schema.clone());
            // Dropping is async; run it on a runtime of its own so any test runtime is free.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                runtime.block_on(async {
                    let config = DbConfig {
                        max_connections: 2,
                        schema: None,
                        ..DbConfig::new(url)
                    };
                    if let Ok((conn, _)) = db::connect(&config).await {
                        // The test's own connections carry the schema as their application
                        // name; one left inside a transaction (its rollback queued on a
                        // runtime that is now blocked in this drop) would hold locks the
                        // DROP waits for, so they are ended first.
                        let _ = conn
                            .execute_unprepared(&format!(
                                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                                 WHERE application_name = '{schema}' AND pid <> pg_backend_pid()"
                            ))
                            .await;
                        let _ = conn
                            .execute_unprepared(&format!(
                                "DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"
                            ))
                            .await;
                        let _ = conn.close().await;
                    }
                });
            })
            .join();
        }
    }
}

/// A response as a client sees it.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Answer {
    /// `data` of the response.
    pub fn data(&self) -> &Value {
        &self.body["data"]
    }

    /// The `extensions.code` of the first error.
    pub fn code(&self) -> Option<&str> {
        self.body["errors"][0]["extensions"]["code"].as_str()
    }

    /// Asserts there are no errors, showing them when there are.
    pub fn ok(self) -> Self {
        assert!(
            self.body.get("errors").is_none(),
            "unexpected errors: {}",
            self.body
        );
        assert_eq!(self.status, StatusCode::OK, "{}", self.body);
        self
    }
}

pub struct TestApp {
    pub router: Router,
    pub db: DatabaseConnection,
    pub statements: StatementCounter,
    _place: std::sync::Arc<Place>,
}

impl TestApp {
    /// A server over a fresh database holding the demo data.
    pub async fn spawn() -> Self {
        Self::spawn_with(|state| state).await
    }

    /// A server over a fresh database holding the demo data, its state set up by `configure`
    /// (response cache, trusted documents...).
    pub async fn spawn_with(configure: impl FnOnce(AppState) -> AppState) -> Self {
        let app = Self::empty_with(configure).await;
        assert!(
            kinograph::seed::load_demo(&app.db)
                .await
                .expect("demo data loads")
        );
        app
    }

    /// A server over a fresh, migrated, empty database.
    pub async fn empty() -> Self {
        Self::empty_with(|state| state).await
    }

    /// A server over a fresh database holding the demo data, with these request limits,
    /// its pool's statements stopped at the request time limit as `serve` does.
    pub async fn spawn_limited(limits: kinograph::config::LimitArgs) -> Self {
        let timeout = Some(limits.request_timeout);
        let app = Self::open(timeout, |state| state.with_limits(limits)).await;
        assert!(
            kinograph::seed::load_demo(&app.db)
                .await
                .expect("demo data loads")
        );
        app
    }

    /// Another server (its own state, set up by `configure`) over the same database, as a
    /// second instance behind a load balancer.
    pub fn twin(&self, configure: impl FnOnce(AppState) -> AppState) -> Self {
        let state = AppState::new(self.db.clone(), None, self.statements.clone());
        TestApp {
            router: kinograph::app(configure(state)),
            db: self.db.clone(),
            statements: self.statements.clone(),
            _place: self._place.clone(),
        }
    }

    async fn empty_with(configure: impl FnOnce(AppState) -> AppState) -> Self {
        Self::open(None, configure).await
    }

    async fn open(
        statement_timeout: Option<std::time::Duration>,
        configure: impl FnOnce(AppState) -> AppState,
    ) -> Self {
        let (config, place) = match std::env::var("KINOGRAPH_TEST_DATABASE_URL") {
            Ok(url) if url.starts_with("postgres") => {
                let schema = format!("kg_test_{}", uuid_like());
                let (admin, _) = db::connect(&DbConfig {
                    max_connections: 2,
                    schema: None,
                    ..DbConfig::new(url.clone())
                })
                .await
                .expect("PostgreSQL reachable at KINOGRAPH_TEST_DATABASE_URL");
                admin
                    .execute_unprepared(&format!("CREATE SCHEMA \"{schema}\""))
                    .await
                    .expect("schema created");
                admin.close().await.expect("admin connection closes");
                let separator = if url.contains('?') { '&' } else { '?' };
                let config = DbConfig {
                    max_connections: 4,
                    schema: Some(schema.clone()),
                    ..DbConfig::new(format!("{url}{separator}application_name={schema}"))
                };
                (
                    config,
                    Place::Postgres {
                        base_url: url,
                        schema,
                    },
                )
            }
            _ => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let url = format!("sqlite://{}", dir.path().join("test.db").display());
                (
                    DbConfig {
                        max_connections: 4,
                        schema: None,
                        ..DbConfig::new(url)
                    },
                    Place::Sqlite(dir),
                )
            }
        };
        let config = DbConfig {
            statement_timeout,
            ..config
        };
        let (conn, statements) = db::connect(&config).await.expect("database connects");
        db::migrate(&conn).await.expect("migrations apply");
        let router = kinograph::app(configure(AppState::new(
            conn.clone(),
            None,
            statements.clone(),
        )));
        TestApp {
            router,
            db: conn,
            statements,
            _place: std::sync::Arc::new(place),
        }
    }

    /// The same server and database with other HTTP settings (caching, CORS).
    pub fn with_http(mut self, http: kinograph::config::HttpArgs) -> Self {
        let state = AppState::new(self.db.clone(), None, self.statements.clone()).with_http(http);
        self.router = kinograph::app(state);
        self
    }

    /// Sends any HTTP request through the router.
    pub async fn send(&self, request: Request<Body>) -> Answer {
        let response = self
            .router
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

    /// POSTs a GraphQL request with variables.
    pub async fn query(&self, query: &str, variables: Value) -> Answer {
        self.query_with(query, variables, &[]).await
    }

    /// POSTs a GraphQL request with extra headers.
    pub async fn query_with(
        &self,
        query: &str,
        variables: Value,
        headers: &[(&str, &str)],
    ) -> Answer {
        let body = json!({ "query": query, "variables": variables });
        self.post(&body, headers).await
    }

    /// POSTs a JSON body to `/graphql` with extra headers.
    pub async fn post(&self, body: &Value, headers: &[(&str, &str)]) -> Answer {
        let mut request = Request::post("/graphql").header("content-type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body.to_string())).unwrap())
            .await
    }

    /// Runs `query` as the holder of `key` (anonymous without).
    pub async fn query_as(&self, key: Option<&str>, query: &str, variables: Value) -> Answer {
        self.keyed(key, json!({ "query": query, "variables": variables }))
            .await
    }

    /// Runs the operation `name` of `document` as the holder of `key` (anonymous without).
    pub async fn operation_as(
        &self,
        key: Option<&str>,
        document: &str,
        name: &str,
        variables: Value,
    ) -> Answer {
        let body = json!({ "query": document, "operationName": name, "variables": variables });
        self.keyed(key, body).await
    }

    async fn keyed(&self, key: Option<&str>, body: Value) -> Answer {
        let bearer = key.map(|key| format!("Bearer {key}"));
        let headers: Vec<(&str, &str)> = bearer
            .as_deref()
            .map(|b| vec![("authorization", b)])
            .unwrap_or_default();
        self.post(&body, &headers).await
    }

    /// Issues an API key with `role`, named `name`; returns the key.
    pub async fn key(&self, name: &str, role: Role) -> String {
        kinograph::store::api_key::create(&self.db, name, role)
            .await
            .expect("key issued")
    }

    /// The number of SQL statements the request causes, with its answer.
    pub async fn count_statements(&self, document: &str, variables: Value) -> (u64, Answer) {
        let before = self.statements.get();
        let answer = self.query(document, variables).await.ok();
        (self.statements.get() - before, answer)
    }
}

fn uuid_like() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("{}_{}_{}", std::process::id(), nanos % 1_000_000_000, n)
}
