//! In-process stores: a least-recently-used map bounded by the bytes of its values (the
//! response cache and the persisted-query store), and the topic generations of the
//! in-process response cache.

use std::{
    hash::Hash,
    sync::{
        Mutex,
        atomic::{AtomicU64, Ordering},
    },
};

use lru::LruCache;

use super::topics::{TOPICS, Topic};

/// A map that forgets its least recently used entries when their sizes add up past a bound.
pub struct SizedLru<K: Hash + Eq, V> {
    inner: Mutex<Inner<K, V>>,
    max_bytes: usize,
}

struct Inner<K: Hash + Eq, V> {
    map: LruCache<K, (V, usize)>,
    bytes: usize,
}

impl<K: Hash + Eq, V: Clone> SizedLru<K, V> {
    /// An empty map holding at most `max_bytes` of values (as their sizes are given).
    pub fn new(max_bytes: usize) -> Self {
        Self {
            inner: Mutex::new(Inner {
                map: LruCache::unbounded(),
                bytes: 0,
            }),
            max_bytes,
        }
    }

    /// The value of `key`, now the most recently used.
    pub fn get(&self, key: &K) -> Option<V> {
        let mut inner = self.inner.lock().ok()?;
        inner.map.get(key).map(|(value, _)| value.clone())
    }

    /// Keeps `value` of `size` bytes under `key`, evicting the least recently used entries
    /// until everything fits. A value larger than the whole bound is not kept. Returns the
    /// number of entries evicted.
    pub fn put(&self, key: K, value: V, size: usize) -> usize {
        let Ok(mut inner) = self.inner.lock() else {
            return 0;
        };
        if let Some((_, old)) = inner.map.pop(&key) {
            inner.bytes -= old;
        }
        if size > self.max_bytes {
            return 0;
        }
        let mut evicted = 0;
        while inner.bytes + size > self.max_bytes {
            match inner.map.pop_lru() {
                Some((_, (_, freed))) => {
                    inner.bytes -= freed;
                    evicted += 1;
                }
                None => break,
            }
        }
        inner.bytes += size;
        inner.map.put(key, (value, size));
        evicted
    }

    /// Forgets `key`.
    pub fn remove(&self, key: &K) {
        if let Ok(mut inner) = self.inner.lock()
            && let Some((_, size)) = inner.map.pop(key)
        {
            inner.bytes -= size;
        }
    }

    /// The number of entries and their total size.
    pub fn usage(&self) -> (usize, usize) {
        self.inner
            .lock()
            .map(|inner| (inner.map.len(), inner.bytes))
            .unwrap_or_default()
    }
}

/// The generation of every topic, bumped by the writes to it.
#[derive(Default)]
pub struct Generations([AtomicU64; TOPICS.len()]);

impl Generations {
    /// The current generation of every topic, in the order of [`TOPICS`].
    pub fn snapshot(&self) -> Vec<u64> {
        self.0.iter().map(|g| g.load(Ordering::SeqCst)).collect()
    }

    /// Moves `topics` to new generations.
    pub fn bump(&self, topics: &[Topic]) {
        for topic in topics {
            self.0[topic.index()].fetch_add(1, Ordering::SeqCst);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_recently_used_entries_leave_first_when_the_bytes_run_out() {
        let lru = SizedLru::new(100);
        assert_eq!(lru.put("a", 1, 40), 0);
        assert_eq!(lru.put("b", 2, 40), 0);
        assert_eq!(lru.get(&"a"), Some(1), "a is now the most recently used");
        assert_eq!(lru.put("c", 3, 40), 1, "one entry must go");
        assert_eq!(lru.get(&"b"), None, "b was the least recently used");
        assert_eq!(lru.get(&"a"), Some(1));
        assert_eq!(lru.get(&"c"), Some(3));
        assert_eq!(lru.usage(), (2, 80));
    }

    #[test]
    fn replacing_an_entry_frees_its_old_size_and_oversized_values_are_not_kept() {
        let lru = SizedLru::new(100);
        lru.put("a", 1, 90);
        lru.put("a", 2, 30);
        assert_eq!(lru.usage(), (1, 30));
        assert_eq!(lru.put("huge", 3, 101), 0);
        assert_eq!(lru.get(&"huge"), None);
        assert_eq!(lru.get(&"a"), Some(2));
        lru.remove(&"a");
        assert_eq!(lru.usage(), (0, 0));
    }

    #[test]
    fn bumping_a_topic_changes_only_its_generation() {
        let generations = Generations::default();
        let before = generations.snapshot();
        generations.bump(&[Topic::Film]);
        let after = generations.snapshot();
        for (i, topic) in TOPICS.iter().enumerate() {
            assert_eq!(before[i] != after[i], *topic == Topic::Film, "{topic:?}");
        }
    }
}
