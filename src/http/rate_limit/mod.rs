//! Rate limits (see README, "Rate limits"): a token bucket per API key, with the limit of
//! the key's role, and one per client address for everyone else; a request over its limit
//! is answered `429 Too Many Requests` with `Retry-After` and `RATE_LIMITED` before its body
//! is read or the database is asked anything. Buckets live in process (a bounded LRU) or, with
//! `--cache-url`, in Redis, shared by every instance.
//!
//! A key gets its own bucket only once it has authenticated: until then (and for ever when
//! it is forged or revoked) its requests are paid for by their address, so forged keys
//! neither grow memory nor buy an attacker more requests.

mod address;
pub mod bucket;
mod redis;

use std::{
    net::{IpAddr, SocketAddr},
    num::NonZeroUsize,
    sync::{
        Mutex,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use axum::{
    extract::{ConnectInfo, Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware::Next,
    response::Response,
};
use lru::LruCache;

pub use self::address::Network;
use self::{
    bucket::{Bucket, Limit, retry_after_seconds},
    redis::SharedBuckets,
};
use super::endpoint::error_response;
use crate::{
    cache::redis::SharedRedis, config::RateLimitArgs, domain::viewer::Viewer, error::AppError,
    state::AppState,
};

/// Buckets kept in process; the least recently used go first (they are the fullest).
const MAX_BUCKETS: usize = 100_000;
/// Authenticated keys remembered with their role.
const MAX_KNOWN_KEYS: usize = 10_000;
/// Characters of a key's hash naming its bucket.
const KEY_NAME_CHARS: usize = 32;

/// The limits of each kind of caller.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Per client address, for requests without a (known) key.
    pub anonymous: Limit,
    /// Per partner key.
    pub partner: Limit,
    /// Per editor key.
    pub editor: Limit,
}

impl Limits {
    fn of(&self, viewer: Viewer) -> Limit {
        match viewer {
            Viewer::Anonymous => self.anonymous,
            Viewer::Partner => self.partner,
            Viewer::Editor => self.editor,
        }
    }
}

/// Whose bucket a request draws from.
#[derive(Debug, Clone)]
enum Subject {
    /// A client in an exempt network: never limited.
    Exempt,
    /// No key: the client address's bucket.
    Address(String),
    /// A key already seen to authenticate, with its role: the key's own bucket.
    Key { name: String, viewer: Viewer },
    /// A key not known (yet): its address pays, and the key is learnt from the answer.
    NewKey { name: String, address: String },
}

/// The rate limiter of a server.
pub struct RateLimiter {
    limits: Limits,
    proxy_hops: usize,
    exempt: Vec<Network>,
    local: Mutex<LruCache<String, Bucket>>,
    known: Mutex<LruCache<String, Viewer>>,
    shared: Option<SharedBuckets>,
    refused: [AtomicU64; 3],
}

impl RateLimiter {
    /// A limiter with these settings; its buckets in `redis` when given (and in process
    /// whenever Redis fails).
    pub fn new(args: &RateLimitArgs, redis: Option<SharedRedis>) -> Self {
        let capacity = |n| NonZeroUsize::new(n).unwrap_or(NonZeroUsize::MIN);
        Self {
            limits: Limits {
                anonymous: Limit::new(args.rate_limit_anonymous, args.rate_limit_anonymous_burst),
                partner: Limit::new(args.rate_limit_partner, args.rate_limit_partner_burst),
                editor: Limit::new(args.rate_limit_editor, args.rate_limit_editor_burst),
            },
            proxy_hops: args.trusted_proxy_hops,
            exempt: args.rate_limit_exempt.clone(),
            local: Mutex::new(LruCache::new(capacity(MAX_BUCKETS))),
            known: Mutex::new(LruCache::new(capacity(MAX_KNOWN_KEYS))),
            shared: redis.map(SharedBuckets::new),
            refused: Default::default(),
        }
    }

    fn subject(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Subject {
        let client = address::client_address(peer, headers, self.proxy_hops);
        if client.is_some_and(|ip| self.exempt.iter().any(|net| net.contains(ip))) {
            return Subject::Exempt;
        }
        let address = address::bucket_name(client);
        let key = headers
            .get(header::AUTHORIZATION)
            .and_then(super::endpoint::bearer)
            .filter(|key| !key.is_empty());
        let Some(key) = key else {
            return Subject::Address(address);
        };
        let mut hash = crate::domain::api_key::hash(key);
        hash.truncate(KEY_NAME_CHARS);
        let name = format!("key:{hash}");
        let known = self
            .known
            .lock()
            .ok()
            .and_then(|mut known| known.get(&name).copied());
        match known {
            Some(viewer) => Subject::Key { name, viewer },
            None => Subject::NewKey { name, address },
        }
    }

    /// Takes a token for `subject`; the refusal when there is none.
    async fn admit(&self, subject: &Subject) -> Result<(), Response> {
        let (name, viewer) = match subject {
            Subject::Exempt => return Ok(()),
            Subject::Address(address) | Subject::NewKey { address, .. } => {
                (address, Viewer::Anonymous)
            }
            Subject::Key { name, viewer } => (name, *viewer),
        };
        let limit = self.limits.of(viewer);
        match self.take(name, limit).await {
            Ok(()) => Ok(()),
            Err(wait) => {
                self.refused[role_index(viewer)].fetch_add(1, Ordering::Relaxed);
                Err(refusal(viewer, limit, wait))
            }
        }
    }

    /// Learns from the answer: a new key that authenticated gets its own bucket (this first
    /// request taken from it too), a known key that no longer authenticates is forgotten.
    /// `viewer` is the caller the endpoint authenticated (a response extension).
    async fn learn(&self, subject: &Subject, viewer: Option<Viewer>, status: StatusCode) {
        match subject {
            Subject::NewKey { name, .. } => {
                let Some(viewer) = viewer.filter(|v| *v != Viewer::Anonymous) else {
                    return;
                };
                if let Ok(mut known) = self.known.lock() {
                    known.put(name.clone(), viewer);
                }
                let _ = self.take(name, self.limits.of(viewer)).await;
            }
            Subject::Key { name, .. } if status == StatusCode::UNAUTHORIZED => {
                if let Ok(mut known) = self.known.lock() {
                    known.pop(name);
                }
            }
            _ => {}
        }
    }

    async fn take(&self, name: &str, limit: Limit) -> Result<(), Duration> {
        if limit.rate.is_unlimited() {
            return Ok(());
        }
        if let Some(shared) = &self.shared
            && let Some(outcome) = shared.take(name, limit).await
        {
            return outcome;
        }
        self.take_local(name, limit)
    }

    fn take_local(&self, name: &str, limit: Limit) -> Result<(), Duration> {
        let now = Instant::now();
        let Ok(mut buckets) = self.local.lock() else {
            return Ok(()); // a poisoned lock never fails requests
        };
        // The name is copied only for a new bucket, not on every request.
        if let Some(bucket) = buckets.get_mut(name) {
            return bucket.take(limit, now);
        }
        buckets
            .get_or_insert_mut(name.to_string(), || Bucket::full(limit, now))
            .take(limit, now)
    }

    /// The Prometheus lines of the refused requests by role.
    pub fn render(&self, out: &mut String) {
        use std::fmt::Write as _;
        crate::metrics::family(
            out,
            "kinograph_rate_limited_total",
            "counter",
            "Requests refused by the rate limits (429), by the role whose limit was reached.",
        );
        for (index, role) in ["anonymous", "partner", "editor"].iter().enumerate() {
            let _ = writeln!(
                out,
                "kinograph_rate_limited_total{{role=\"{role}\"}} {}",
                self.refused[index].load(Ordering::Relaxed)
            );
        }
    }
}

fn role_index(viewer: Viewer) -> usize {
    match viewer {
        Viewer::Anonymous => 0,
        Viewer::Partner => 1,
        Viewer::Editor => 2,
    }
}

/// `429 Too Many Requests`: `Retry-After` in whole seconds and a `RATE_LIMITED` error that
/// says how long to wait and what the limit is.
fn refusal(viewer: Viewer, limit: Limit, wait: Duration) -> Response {
    let seconds = retry_after_seconds(wait);
    let unit = if seconds == 1 { "second" } else { "seconds" };
    let whose = match viewer {
        Viewer::Anonymous => "from your address (clients without an API key",
        Viewer::Partner => "with this API key (partner keys",
        Viewer::Editor => "with this API key (editor keys",
    };
    let error = AppError::RateLimited(format!(
        "too many requests {whose} may send {}, up to {} at once): try again in {seconds} {unit}",
        limit.rate, limit.burst
    ));
    let mut response = error_response(
        StatusCode::TOO_MANY_REQUESTS,
        error.code(),
        &error.to_string(),
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

/// Middleware of the limited routes (`/graphql` and the SEO documents): refuses a request
/// over its limit before anything else is done with it.
pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(limiter) = state.rate_limit.clone() else {
        return next.run(request).await;
    };
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let subject = limiter.subject(peer, request.headers());
    if let Err(refused) = limiter.admit(&subject).await {
        return refused;
    }
    let response = next.run(request).await;
    let viewer = response.extensions().get::<Viewer>().copied();
    limiter.learn(&subject, viewer, response.status()).await;
    response
}
