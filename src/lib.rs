//! Kinograph: the GraphQL catalogue of a film co-production partnership.
//!
//! - `config`: command line and environment.
//! - `db`: connecting (SQLite or PostgreSQL by URL), migrations, statement counting.
//! - `entities`: one sea-orm entity per table; `domain`: enums and the caller.
//! - `store`: every query, with visibility; `graphql`: schema, types, batched loaders.
//! - `http`: router, GraphQL endpoint, persisted queries, playground, health, SEO routes;
//!   `seed`: demo data.
//! - `seo`: canonical URLs, schema.org JSON-LD, the Atom feed, iCalendar files, the sitemap.
//! - `cache`: the response cache (in process or in Redis) and its invalidation by writes.
//! - `contract`: the client operations of `tests/operations/`, for the tools.

pub mod cache;
pub mod cli;
pub mod config;
pub mod contract;
pub mod db;
pub mod domain;
pub mod entities;
pub mod error;
pub mod graphql;
pub mod http;
pub mod metrics;
pub mod plans;
pub mod seed;
pub mod seo;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod transfer;

use anyhow::Context as _;

use crate::{
    config::{DatabaseArgs, ServeArgs},
    state::AppState,
};

/// The application router over a state.
pub fn app(state: AppState) -> axum::Router {
    http::router(state)
}

/// `kinograph serve`: migrate, load the demo data into an empty database, listen.
pub async fn serve(database: &DatabaseArgs, args: &ServeArgs) -> anyhow::Result<()> {
    // Statements stop with the request time limit (see `DbConfig::statement_timeout`).
    let limited = |config: db::DbConfig| db::DbConfig {
        statement_timeout: Some(args.limits.request_timeout),
        ..config
    };
    let (conn, statements) = db::connect(&limited(cli::db_config(database))).await?;
    db::migrate(&conn).await?;
    let replica = match cli::read_db_config(database) {
        Some(config) => Some(db::connect_counted(&limited(config), &statements).await?),
        None => None,
    };
    let state = AppState::new(conn.clone(), replica, statements).configured(args)?;
    if !args.no_demo
        && seed::load_demo(&conn)
            .await
            .context("loading the demo data failed")?
    {
        tracing::info!("demo data loaded into an empty database");
    }
    let listener = tokio::net::TcpListener::bind(&args.bind)
        .await
        .with_context(|| format!("cannot listen on {}", args.bind))?;
    let address = listener.local_addr().context("no local address")?;
    println!(
        "Kinograph is serving {}",
        db::redact(&database.database_url)
    );
    println!("GraphQL endpoint: http://{address}/graphql");
    println!("Playground:       http://{address}/");
    let public_url = args
        .public_url
        .clone()
        .unwrap_or_else(|| seo::urls::PublicUrl::from_listen_address(address));
    tracing::info!(public_url = public_url.as_str(), "canonical URLs");
    let state = state
        .with_http(args.http.clone())
        .with_public_url(public_url);
    // The peer address reaches handlers (`ConnectInfo`): the rate limits key on it.
    let service = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("server error")?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
