//! `AppState`: what every handler shares — the pool, the schema, the HTTP settings and the
//! embargo clock.

use std::time::Duration;

use sea_orm::DatabaseConnection;

use crate::{
    config::HttpArgs, db::StatementCounter, graphql::AppSchema, metrics::Metrics,
    seo::urls::PublicUrl, store::embargo::EmbargoClock,
};

/// Shared, cheap-to-clone handler state. The server keeps no other state, so any number of
/// instances can serve behind a load balancer.
#[derive(Clone)]
pub struct AppState {
    /// The primary database: writes, and reads that must see them.
    pub db: DatabaseConnection,
    /// Where queries read from: the replica when one is configured, else the primary.
    pub read_db: DatabaseConnection,
    /// The GraphQL schema.
    pub schema: AppSchema,
    /// SQL statements issued so far, through both pools.
    pub statements: StatementCounter,
    /// Request metrics, served at `/metrics`.
    pub metrics: Metrics,
    /// The public site's base URL, from which canonical URLs are built.
    pub public_url: PublicUrl,
    /// HTTP caching and CORS settings.
    pub http: HttpArgs,
    /// When the next embargo lifts: public max-ages stop there (`embargo.cap(max_age)`).
    pub embargo: EmbargoClock,
}

impl AppState {
    /// State over a connected, migrated primary and an optional read replica.
    pub fn new(
        db: DatabaseConnection,
        read_db: Option<DatabaseConnection>,
        statements: StatementCounter,
    ) -> Self {
        let read_db = read_db.unwrap_or_else(|| db.clone());
        let schema = crate::graphql::build_schema();
        let http = HttpArgs::default();
        let embargo = embargo_clock(&db, &http);
        Self {
            db,
            read_db,
            schema,
            statements,
            metrics: Metrics::default(),
            public_url: PublicUrl::default(),
            http,
            embargo,
        }
    }

    /// The same state with these HTTP settings (the embargo clock refreshes at most every
    /// max-age).
    pub fn with_http(self, http: HttpArgs) -> Self {
        Self {
            embargo: embargo_clock(&self.db, &http),
            http,
            ..self
        }
    }

    /// The same state with canonical URLs built on `public_url` (in JSON-LD too).
    pub fn with_public_url(mut self, public_url: PublicUrl) -> Self {
        self.schema = crate::graphql::build_schema_for(public_url.clone());
        self.public_url = public_url;
        self
    }
}

/// The clock reads the primary, where this instance's writes are visible at once, at least
/// once per max-age (a minute when public caching is off: it is then unused).
fn embargo_clock(db: &DatabaseConnection, http: &HttpArgs) -> EmbargoClock {
    let refresh = match http.cache_max_age {
        0 => crate::config::DEFAULT_CACHE_MAX_AGE,
        seconds => seconds,
    };
    EmbargoClock::new(db.clone(), Duration::from_secs(refresh.into()))
}
