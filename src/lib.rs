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
//! - `shutdown`: SIGTERM and Ctrl-C, the requests in flight, the grace period.

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
pub mod shutdown;
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
    let pools = (state.db.clone(), state.read_db.clone());
    shutdown::serve(
        listener,
        app(state),
        std::time::Duration::from_secs(args.shutdown_grace),
    )
    .await?;
    close_pools(pools).await;
    Ok(())
}

/// Closes the database pools (the replica's, when there is one), waiting at most a few
/// seconds for their connections to end.
async fn close_pools((primary, read): (sea_orm::DatabaseConnection, sea_orm::DatabaseConnection)) {
    let close = async {
        primary.close_by_ref().await?;
        read.close_by_ref().await
    };
    match tokio::time::timeout(std::time::Duration::from_secs(5), close).await {
        Ok(Ok(())) => tracing::info!("database pools closed"),
        Ok(Err(err)) => tracing::warn!(error = %err, "closing the database pools failed"),
        Err(_) => tracing::warn!("the database pools did not close within 5s"),
    }
}
