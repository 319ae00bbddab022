//! The response cache: whole responses to anonymous queries, kept in process (a
//! least-recently-used map bounded in bytes) or in a shared Redis, keyed by
//! [`key::CacheKey`], and invalidated by writes through topic generations (see [`topics`]).
//!
//! Only writes made through this process's API (or, with Redis, any instance's API and
//! `kinograph import --cache-url`) invalidate; other writes to the database are seen when
//! entries expire (their max-age, or `--response-cache-ttl`).

pub mod key;
pub mod memory;
pub mod reads;
pub mod redis;
pub mod topics;

use std::{
    collections::BTreeSet,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use async_graphql::{CacheControl, Request, Response};

use crate::{graphql::types::locale::Locale, metrics::CacheFigures};

use self::{
    key::CacheKey,
    memory::{Generations, SizedLru},
    redis::SharedRedis,
    topics::{TOPICS, Topic},
};

/// Where entries live.
enum Backend {
    Memory {
        entries: SizedLru<CacheKey, Arc<Entry>>,
        generations: Generations,
    },
    Redis(SharedRedis),
}

/// One stored response: the generations of its topics when it was computed, its expiry and
/// its JSON.
struct Entry {
    topics: Vec<(Topic, u64)>,
    expires: Instant,
    /// The max-age (seconds) the response was stored with; a hit answers with it, so the
    /// HTTP layer gives a cached answer the Cache-Control of a fresh one.
    max_age: u32,
    body: Vec<u8>,
}

/// Counts of the cache's work, for `/metrics`.
#[derive(Debug, Default)]
pub struct Counters {
    /// Requests answered from the cache.
    pub hits: AtomicU64,
    /// Cacheable requests that had to run.
    pub misses: AtomicU64,
    /// Responses stored.
    pub stores: AtomicU64,
    /// Writes that moved topic generations.
    pub invalidations: AtomicU64,
    /// Entries evicted to stay within the size bound.
    pub evictions: AtomicU64,
}

/// The response cache (shared by clones of the state).
pub struct ResponseCache {
    backend: Backend,
    default_ttl: Duration,
    /// What it did so far.
    pub counters: Counters,
}

/// A cacheable request the cache did not answer: its key and document, and the generations
/// to store its response with (read before it runs, so a write that lands meanwhile leaves
/// the stored response stale).
pub struct Pending {
    key: CacheKey,
    generations: Option<Vec<u64>>,
    query: String,
    operation_name: Option<String>,
}

impl ResponseCache {
    /// An in-process cache holding at most `max_bytes` of responses.
    pub fn memory(max_bytes: usize, default_ttl: Duration) -> Self {
        Self::with(
            Backend::Memory {
                entries: SizedLru::new(max_bytes),
                generations: Generations::default(),
            },
            default_ttl,
        )
    }

    /// A cache in the shared Redis.
    pub fn redis(redis: SharedRedis, default_ttl: Duration) -> Self {
        Self::with(Backend::Redis(redis), default_ttl)
    }

    fn with(backend: Backend, default_ttl: Duration) -> Self {
        Self {
            backend,
            default_ttl,
            counters: Counters::default(),
        }
    }

    /// Looks `request` (answered in `locale`) up: its response on a hit, else what
    /// [`Self::finish`] needs to store the response.
    pub async fn begin(&self, request: &Request, locale: Locale) -> Result<Response, Pending> {
        let key = CacheKey::of(request, locale);
        let (entry, generations) = match &self.backend {
            Backend::Memory {
                entries,
                generations,
            } => (entries.get(&key), Some(generations.snapshot())),
            Backend::Redis(redis) => match redis.lookup(&key.0).await {
                Some((stored, now)) => (stored.and_then(|s| redis::decode(&s)), Some(now)),
                None => (None, None),
            },
        };
        let hit = match (&entry, &generations) {
            (Some(entry), Some(now)) if entry.is_valid(now) => {
                serde_json::from_slice::<Response>(&entry.body)
                    .ok()
                    .map(|mut hit| {
                        hit.cache_control = CacheControl {
                            public: true,
                            max_age: i32::try_from(entry.max_age).unwrap_or(i32::MAX),
                        };
                        hit
                    })
            }
            _ => None,
        };
        if let Some(hit) = hit {
            self.counters.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(hit);
        }
        self.counters.misses.fetch_add(1, Ordering::Relaxed);
        Err(Pending {
            key,
            generations,
            query: request.query.clone(),
            operation_name: request.operation_name.clone(),
        })
    }

    /// After a request ran: invalidates what the entity types it `wrote` could change (a
    /// mutation that `may_have_written` without recording it — one that succeeded, or was
    /// stopped by the time limit — invalidates everything), then
    /// stores the response of a `pending` miss when it may be cached, for at most
    /// `longest` (the time until the next embargo lift: no entry outlives an embargo).
    pub async fn finish(
        &self,
        pending: Option<Pending>,
        wrote: &BTreeSet<String>,
        may_have_written: bool,
        response: &Response,
        longest: Duration,
    ) {
        if !wrote.is_empty() || may_have_written {
            self.invalidate(wrote).await;
        }
        if let Some(pending) = pending {
            self.store(pending, response, longest).await;
        }
    }

    /// Stores `response` when it may be cached: no errors, public, not `no-cache`, and a
    /// query whose reads are known.
    async fn store(&self, pending: Pending, response: &Response, longest: Duration) {
        let Some(snapshot) = pending.generations else {
            return;
        };
        let Some(ttl) = self.ttl(response, longest) else {
            return;
        };
        let Some(read) = reads::read_types(&pending.query, pending.operation_name.as_deref())
        else {
            return;
        };
        let Ok(body) = serde_json::to_vec(response) else {
            return;
        };
        let topics = topics::topics_of_reads(read.iter().map(String::as_str))
            .into_iter()
            .map(|t| (t, snapshot.get(t.index()).copied().unwrap_or_default()))
            .collect();
        let entry = Entry {
            topics,
            expires: Instant::now() + ttl,
            max_age: u32::try_from(ttl.as_secs()).unwrap_or(u32::MAX),
            body,
        };
        let key = pending.key;
        let stored = match &self.backend {
            Backend::Memory { entries, .. } => {
                let size = entry.body.len() + key.0.len() + 64;
                let evicted = entries.put(key, Arc::new(entry), size);
                self.counters
                    .evictions
                    .fetch_add(evicted as u64, Ordering::Relaxed);
                true
            }
            Backend::Redis(redis) => redis.store(&key.0, redis::encode(&entry), ttl).await,
        };
        if stored {
            self.counters.stores.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// How long `response` may be served from the cache: its max-age hint, at most the
    /// configured TTL and `longest` (until the next embargo lift); `None` when it may not be
    /// cached. The one place where an entry's lifetime is decided.
    fn ttl(&self, response: &Response, longest: Duration) -> Option<Duration> {
        let CacheControl { public, max_age } = response.cache_control;
        if !response.errors.is_empty() || !public || max_age < 0 {
            return None;
        }
        let hinted = if max_age > 0 {
            Duration::from_secs(max_age.unsigned_abs().into())
        } else {
            self.default_ttl
        };
        Some(hinted.min(self.default_ttl).min(longest)).filter(|ttl| ttl.as_secs() > 0)
    }

    /// Invalidates what the writes of `entity_types` could change; everything for none.
    async fn invalidate(&self, entity_types: &BTreeSet<String>) {
        let topics: Vec<Topic> = if entity_types.is_empty() {
            TOPICS.to_vec()
        } else {
            topics::topics_of_writes(entity_types).into_iter().collect()
        };
        match &self.backend {
            Backend::Memory { generations, .. } => generations.bump(&topics),
            Backend::Redis(redis) => {
                redis.bump(&topics).await;
            }
        }
        self.counters.invalidations.fetch_add(1, Ordering::Relaxed);
    }

    /// What the cache did so far, for `/metrics`.
    pub fn figures(&self) -> CacheFigures {
        let count = |counter: &AtomicU64| counter.load(Ordering::Relaxed);
        CacheFigures {
            hits: count(&self.counters.hits),
            misses: count(&self.counters.misses),
            stores: count(&self.counters.stores),
            invalidations: count(&self.counters.invalidations),
            evictions: count(&self.counters.evictions),
            usage: match &self.backend {
                Backend::Memory { entries, .. } => Some(entries.usage()),
                Backend::Redis(_) => None,
            },
        }
    }
}

impl Entry {
    fn is_valid(&self, generations: &[u64]) -> bool {
        Instant::now() < self.expires
            && self
                .topics
                .iter()
                .all(|(topic, generation)| generations.get(topic.index()) == Some(generation))
    }
}
