//! The shared Redis store (`--cache-url`): cached responses (with a TTL), topic generations
//! (`INCR`), persisted queries and rate-limit buckets (a script), under one key prefix, so several instances share them and
//! see each other's invalidations. Every call reports failure as `None`/`false` instead of an
//! error: Redis trouble never fails a request. A failure is logged once per burst (until the
//! next success).

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use redis::aio::{ConnectionManager, ConnectionManagerConfig};

use super::{
    Entry,
    topics::{TOPICS, Topic},
};

/// How long one Redis call may take before the request goes on without it.
const TIMEOUT: Duration = Duration::from_millis(250);
/// How long a persisted query stays registered after its last registration.
const PERSISTED_TTL_SECONDS: u64 = 30 * 24 * 3600;

/// A connection to the shared Redis (cheap to clone; connects lazily and reconnects).
#[derive(Clone)]
pub struct SharedRedis {
    connection: ConnectionManager,
    prefix: Arc<str>,
    failing: Arc<AtomicBool>,
}

impl SharedRedis {
    /// A store at `url` (`redis://host:port/db`) whose keys all start with `prefix`. Only the
    /// URL is checked here; the connection is made on first use. Call inside a Tokio runtime.
    pub fn new(url: &str, prefix: &str) -> anyhow::Result<Self> {
        let client = redis::Client::open(url)
            .map_err(|err| anyhow::anyhow!("--cache-url {}: {err}", crate::db::redact(url)))?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(TIMEOUT))
            .set_response_timeout(Some(TIMEOUT))
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_secs(1));
        let connection = ConnectionManager::new_lazy_with_config(client, config)
            .map_err(|err| anyhow::anyhow!("--cache-url {}: {err}", crate::db::redact(url)))?;
        Ok(Self {
            connection,
            prefix: prefix.into(),
            failing: Arc::default(),
        })
    }

    fn key(&self, kind: &str, name: &str) -> String {
        format!("{}{kind}:{name}", self.prefix)
    }

    fn generation_keys(&self) -> Vec<String> {
        TOPICS.iter().map(|t| self.key("gen", t.name())).collect()
    }

    /// Runs `pipe`; `None` (logged once per burst of failures) when Redis fails.
    async fn run<T: redis::FromRedisValue>(&self, pipe: &redis::Pipeline) -> Option<T> {
        let mut connection = self.connection.clone();
        let result = tokio::time::timeout(TIMEOUT, pipe.query_async::<T>(&mut connection)).await;
        self.settle(result)
    }

    /// Runs `script` (`EVALSHA`, loading it on first use) on the one key `kind:name` with
    /// `args`; `None` (logged once per burst of failures) when Redis fails.
    pub async fn script<T: redis::FromRedisValue>(
        &self,
        script: &redis::Script,
        kind: &str,
        name: &str,
        args: &[f64],
    ) -> Option<T> {
        let mut invocation = script.prepare_invoke();
        invocation.key(self.key(kind, name));
        for arg in args {
            invocation.arg(*arg);
        }
        let mut connection = self.connection.clone();
        let result =
            tokio::time::timeout(TIMEOUT, invocation.invoke_async::<T>(&mut connection)).await;
        self.settle(result)
    }

    /// The value of a call that finished in time and succeeded; else `None`, logged.
    fn settle<T>(
        &self,
        result: Result<redis::RedisResult<T>, tokio::time::error::Elapsed>,
    ) -> Option<T> {
        match result {
            Ok(Ok(value)) => {
                if self.failing.swap(false, Ordering::SeqCst) {
                    tracing::info!("the shared cache (Redis) answers again");
                }
                Some(value)
            }
            Ok(Err(err)) => {
                self.failed(&err.to_string());
                None
            }
            Err(_) => {
                self.failed("timed out");
                None
            }
        }
    }

    fn failed(&self, why: &str) {
        if !self.failing.swap(true, Ordering::SeqCst) {
            tracing::warn!(
                error = why,
                "the shared cache (Redis) failed; answering without it"
            );
        }
    }

    /// The stored response under `key` and the current generation of every topic (in the
    /// order of [`TOPICS`]), in one round trip.
    pub async fn lookup(&self, key: &str) -> Option<(Option<Vec<u8>>, Vec<u64>)> {
        let mut pipe = redis::pipe();
        pipe.get(self.key("resp", key)).mget(self.generation_keys());
        let (entry, generations): (Option<Vec<u8>>, Vec<Option<u64>>) = self.run(&pipe).await?;
        Some((
            entry,
            generations
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect(),
        ))
    }

    /// Stores a response under `key` for `ttl`.
    pub async fn store(&self, key: &str, value: Vec<u8>, ttl: Duration) -> bool {
        let mut pipe = redis::pipe();
        pipe.set_ex(self.key("resp", key), value, ttl.as_secs().max(1))
            .ignore();
        self.run::<()>(&pipe).await.is_some()
    }

    /// Moves `topics` to new generations.
    pub async fn bump(&self, topics: &[Topic]) -> bool {
        let mut pipe = redis::pipe();
        for topic in topics {
            pipe.incr(self.key("gen", topic.name()), 1).ignore();
        }
        self.run::<()>(&pipe).await.is_some()
    }

    /// The persisted query registered under `hash`.
    pub async fn persisted(&self, hash: &str) -> Option<String> {
        let mut pipe = redis::pipe();
        pipe.get(self.key("apq", hash));
        self.run::<(Option<String>,)>(&pipe).await?.0
    }

    /// Registers `query` under `hash`.
    pub async fn persist(&self, hash: &str, query: &str) -> bool {
        let mut pipe = redis::pipe();
        pipe.set_ex(self.key("apq", hash), query, PERSISTED_TTL_SECONDS)
            .ignore();
        self.run::<()>(&pipe).await.is_some()
    }
}

/// Redis value: `index:generation,...` on the first line, then the response's JSON (Redis
/// expires the key, so the expiry is not stored).
pub(super) fn encode(entry: &Entry) -> Vec<u8> {
    let header: Vec<String> = entry
        .topics
        .iter()
        .map(|(t, g)| format!("{}:{g}", t.index()))
        .collect();
    let mut out = format!("{};{}", entry.max_age, header.join(",")).into_bytes();
    out.push(b'\n');
    out.extend_from_slice(&entry.body);
    out
}

pub(super) fn decode(stored: &[u8]) -> Option<Arc<Entry>> {
    let split = stored.iter().position(|b| *b == b'\n')?;
    let header = std::str::from_utf8(&stored[..split]).ok()?;
    let (max_age, header) = header.split_once(';')?;
    let mut topics = Vec::new();
    for pair in header.split(',').filter(|p| !p.is_empty()) {
        let (index, generation) = pair.split_once(':')?;
        let topic = *TOPICS.get(index.parse::<usize>().ok()?)?;
        topics.push((topic, generation.parse().ok()?));
    }
    Some(Arc::new(Entry {
        topics,
        expires: Instant::now() + Duration::from_secs(1),
        max_age: max_age.parse().ok()?,
        body: stored[split + 1..].to_vec(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::topics::Topic;

    #[test]
    fn redis_entries_read_back_as_written() {
        let entry = Entry {
            topics: vec![(Topic::Film, 3), (Topic::Any, 11)],
            expires: Instant::now(),
            max_age: 42,
            body: b"{\"data\":{}}".to_vec(),
        };
        let back = decode(&encode(&entry)).expect("decodes");
        assert_eq!(back.topics, entry.topics);
        assert_eq!(back.max_age, 42);
        assert_eq!(back.body, entry.body);
        assert!(back.is_valid(&[3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11]));
        assert!(!back.is_valid(&[4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11]));
    }
}
