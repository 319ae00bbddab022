//! `AppState`: what every handler shares — the pool, the schema, the HTTP settings, the
//! embargo clock and the caches.

use std::{sync::Arc, time::Duration};

use anyhow::Context as _;
use sea_orm::DatabaseConnection;

use crate::{
    cache::{ResponseCache, redis::SharedRedis},
    config::{HttpArgs, LimitArgs, ServeArgs},
    db::StatementCounter,
    graphql::AppSchema,
    http::{persisted::PersistedQueries, rate_limit::RateLimiter, trusted::TrustedDocuments},
    metrics::Metrics,
    seo::urls::PublicUrl,
    store::embargo::EmbargoClock,
};

/// Shared, cheap-to-clone handler state. Besides the caches (which any instance may lose
/// without harm, or share through Redis) the server keeps no state, so any number of
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
    /// What one request may ask (query limits, body size, time).
    pub limits: LimitArgs,
    /// When the next embargo lifts: public max-ages stop there (`embargo.cap(max_age)`).
    pub embargo: EmbargoClock,
    /// Registered automatic persisted queries.
    pub persisted: Arc<PersistedQueries>,
    /// The only documents anonymous clients may run, when configured.
    pub trusted: Option<Arc<TrustedDocuments>>,
    /// The response cache, when on.
    pub cache: Option<Arc<ResponseCache>>,
    /// The rate limits, when on.
    pub rate_limit: Option<Arc<RateLimiter>>,
}

impl AppState {
    /// State over a connected, migrated primary and an optional read replica, with an
    /// in-process persisted-query store, no response cache and no trusted documents.
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
            limits: LimitArgs::default(),
            embargo,
            persisted: Arc::new(PersistedQueries::new(None)),
            trusted: None,
            cache: None,
            rate_limit: None,
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
        self.schema = crate::graphql::build_schema_for(public_url.clone(), &self.limits);
        self.public_url = public_url;
        self
    }

    /// The same state with these request limits.
    pub fn with_limits(mut self, limits: LimitArgs) -> Self {
        self.schema = crate::graphql::build_schema_for(self.public_url.clone(), &limits);
        self.limits = limits;
        self
    }

    /// With `cache` as the response cache.
    pub fn with_response_cache(mut self, cache: ResponseCache) -> Self {
        self.cache = Some(Arc::new(cache));
        self
    }

    /// With persisted queries shared through `redis`.
    pub fn with_shared_persisted_queries(mut self, redis: SharedRedis) -> Self {
        self.persisted = Arc::new(PersistedQueries::new(Some(redis)));
        self
    }

    /// With `trusted` as the only documents anonymous clients may run.
    pub fn with_trusted_documents(mut self, trusted: TrustedDocuments) -> Self {
        self.trusted = Some(Arc::new(trusted));
        self
    }

    /// With `limiter` applying the rate limits.
    pub fn with_rate_limits(mut self, limiter: RateLimiter) -> Self {
        self.rate_limit = Some(Arc::new(limiter));
        self
    }

    /// Configured as the `serve` options say: the request limits, the response cache (in process, or in Redis
    /// with `--cache-url`), shared persisted queries, trusted documents (a manifest that
    /// cannot be read is an error naming the file), the slow-query log, the rate limits (shared in Redis with
    /// `--cache-url`).
    pub fn configured(mut self, args: &ServeArgs) -> anyhow::Result<Self> {
        self = self.with_limits(args.limits.clone());
        self.metrics = self
            .metrics
            .with_slow_query(Duration::from_millis(args.slow_query_ms));
        let ttl = Duration::from_secs(args.response_cache_ttl);
        let shared = match &args.cache_url {
            Some(url) => Some(SharedRedis::new(url, &args.cache_prefix)?),
            None => None,
        };
        if !args.rate_limit.no_rate_limit {
            self = self.with_rate_limits(RateLimiter::new(&args.rate_limit, shared.clone()));
        }
        if let Some(redis) = shared {
            self = self
                .with_shared_persisted_queries(redis.clone())
                .with_response_cache(ResponseCache::redis(redis, ttl));
        } else if args.response_cache_bytes > 0 {
            self = self.with_response_cache(ResponseCache::memory(args.response_cache_bytes, ttl));
        }
        if let Some(path) = &args.trusted_documents {
            let trusted = TrustedDocuments::load(path)
                .with_context(|| "--trusted-documents (KINOGRAPH_TRUSTED_DOCUMENTS)".to_string())?;
            self = self.with_trusted_documents(trusted);
        }
        Ok(self)
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
