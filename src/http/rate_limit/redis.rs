//! Buckets shared by every instance through Redis (`--cache-url`): one Lua script refills
//! and takes a token atomically, on Redis's clock, so instances agree whatever their own
//! clocks say. When Redis fails or is slow (the shared connection's 250 ms timeout) the
//! caller falls back to its in-process bucket, and Redis is left alone for a second.

use std::{
    sync::{LazyLock, Mutex},
    time::{Duration, Instant},
};

use super::bucket::Limit;
use crate::cache::redis::SharedRedis;

/// How long Redis is left alone after it failed.
const BACKOFF: Duration = Duration::from_secs(1);

/// `KEYS[1]` the bucket (a hash: `tokens`, `at` in ms); `ARGV[1]` tokens per second,
/// `ARGV[2]` the burst. Returns 0 when a token was taken, else the milliseconds until one
/// will be there. The key expires once the bucket would be full again anyway.
const SCRIPT: &str = r"
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(saved[1]) or burst
local at = tonumber(saved[2]) or now
if now > at then
  tokens = math.min(burst, tokens + (now - at) * rate / 1000)
else
  now = at
end
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.max(1, math.ceil((1 - tokens) * 1000 / rate))
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return wait
";

static TAKE: LazyLock<redis::Script> = LazyLock::new(|| redis::Script::new(SCRIPT));

/// Token buckets in the shared Redis.
pub struct SharedBuckets {
    redis: SharedRedis,
    resting_until: Mutex<Option<Instant>>,
}

impl SharedBuckets {
    /// Buckets kept in `redis`, under its prefix and `rate:`.
    pub fn new(redis: SharedRedis) -> Self {
        Self {
            redis,
            resting_until: Mutex::new(None),
        }
    }

    /// Takes a token from the bucket `name` (see `Bucket::take`); `None` when Redis failed
    /// now or less than a second ago: the caller then decides in process.
    pub async fn take(&self, name: &str, limit: Limit) -> Option<Result<(), Duration>> {
        if self.resting() {
            return None;
        }
        let args = [limit.rate.per_second(), f64::from(limit.burst)];
        match self.redis.script::<u64>(&TAKE, "rate", name, &args).await {
            Some(0) => Some(Ok(())),
            Some(wait_ms) => Some(Err(Duration::from_millis(wait_ms))),
            None => {
                if let Ok(mut until) = self.resting_until.lock() {
                    *until = Some(Instant::now() + BACKOFF);
                }
                None
            }
        }
    }

    fn resting(&self) -> bool {
        let Ok(mut until) = self.resting_until.lock() else {
            return false;
        };
        match *until {
            Some(at) if Instant::now() < at => true,
            Some(_) => {
                *until = None;
                false
            }
            None => false,
        }
    }
}
