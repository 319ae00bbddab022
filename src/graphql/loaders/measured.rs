//! Batch sizes of the loaders, for `/metrics`: [`Measured`] wraps the request's loader, so
//! every batch of every key type passes one place, and counts its keys into process-wide
//! atomics (one set per key type; nothing per key).

use std::{
    collections::{BTreeMap, HashMap},
    hash::Hash,
    sync::{
        Arc, LazyLock, RwLock,
        atomic::{AtomicU64, Ordering},
    },
};

use async_graphql::dataloader::Loader;

/// Upper bounds of the batch-size histogram, in keys.
const BUCKETS: [u64; 10] = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000];

/// A loader whose batches are counted.
pub struct Measured<L>(pub L);

impl<K, L> Loader<K> for Measured<L>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    L: Loader<K>,
{
    type Value = L::Value;
    type Error = L::Error;

    async fn load(&self, keys: &[K]) -> Result<HashMap<K, Self::Value>, Self::Error> {
        record(std::any::type_name::<K>(), keys.len());
        self.0.load(keys).await
    }
}

/// The counts of one key type: batches per bucket (not cumulative), keys, batches.
#[derive(Default)]
struct Counts {
    buckets: [AtomicU64; BUCKETS.len()],
    keys: AtomicU64,
    batches: AtomicU64,
}

/// The counts by key type name. Key types are a fixed set, so this stops growing.
static BATCHES: LazyLock<RwLock<BTreeMap<&'static str, Arc<Counts>>>> =
    LazyLock::new(RwLock::default);

fn record(key_type: &'static str, keys: usize) {
    let counts = BATCHES
        .read()
        .ok()
        .and_then(|batches| batches.get(key_type).cloned());
    let counts = match counts {
        Some(counts) => counts,
        None => match BATCHES.write() {
            Ok(mut batches) => batches.entry(key_type).or_default().clone(),
            Err(_) => return,
        },
    };
    let keys = keys as u64;
    if let Some(bucket) = BUCKETS.iter().position(|bound| keys <= *bound) {
        counts.buckets[bucket].fetch_add(1, Ordering::Relaxed);
    }
    counts.keys.fetch_add(keys, Ordering::Relaxed);
    counts.batches.fetch_add(1, Ordering::Relaxed);
}

/// The batch sizes of one loader so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchFigures {
    /// The loader's name: its key type (`GenresOfFilm`, `ById<film>`).
    pub loader: String,
    /// Batches of at most `bound` keys, for each bound (cumulative, as Prometheus wants).
    pub buckets: Vec<(u64, u64)>,
    /// Keys of all batches.
    pub sum: u64,
    /// Batches.
    pub count: u64,
}

/// The batch sizes of every loader that ran a batch in this process.
pub fn figures() -> Vec<BatchFigures> {
    let Ok(batches) = BATCHES.read() else {
        return Vec::new();
    };
    batches
        .iter()
        .map(|(key_type, counts)| {
            let mut total = 0;
            let buckets = BUCKETS
                .iter()
                .zip(&counts.buckets)
                .map(|(bound, count)| {
                    total += count.load(Ordering::Relaxed);
                    (*bound, total)
                })
                .collect();
            BatchFigures {
                loader: loader_name(key_type),
                buckets,
                sum: counts.keys.load(Ordering::Relaxed),
                count: counts.batches.load(Ordering::Relaxed),
            }
        })
        .collect()
}

/// A key type's name without module paths; an entity (`…::film::Entity`) is named by its
/// module: `kinograph::graphql::loaders::ById<kinograph::entities::film::Entity>` is
/// `ById<film>`.
fn loader_name(type_name: &str) -> String {
    let mut name = String::new();
    let mut path = String::new();
    let flush = |path: &mut String, name: &mut String| {
        let mut segments = path.rsplit("::");
        let last = segments.next().unwrap_or_default();
        let shown = match last {
            "Entity" | "Model" => segments.next().unwrap_or(last),
            _ => last,
        };
        name.push_str(shown);
        path.clear();
    };
    for c in type_name.chars() {
        if c.is_alphanumeric() || c == '_' || c == ':' {
            path.push(c);
        } else {
            flush(&mut path, &mut name);
            name.push(c);
        }
    }
    flush(&mut path, &mut name);
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loaders_are_named_by_their_key_type_without_paths() {
        assert_eq!(
            loader_name("kinograph::graphql::loaders::GenresOfFilm"),
            "GenresOfFilm"
        );
        assert_eq!(
            loader_name("kinograph::graphql::loaders::ById<kinograph::entities::film::Entity>"),
            "ById<film>"
        );
        assert_eq!(loader_name("Plain"), "Plain");
    }

    #[test]
    fn batches_count_into_cumulative_buckets_with_their_keys() {
        #[derive(Clone, PartialEq, Eq, Hash)]
        struct TestOnlyKey;
        let name = std::any::type_name::<TestOnlyKey>();
        for keys in [1, 3, 3, 40, 5000] {
            record(name, keys);
        }
        let figures = figures();
        let mine = figures
            .iter()
            .find(|f| f.loader == "TestOnlyKey")
            .expect("recorded");
        assert_eq!(mine.count, 5);
        assert_eq!(mine.sum, 5047);
        let at = |bound| mine.buckets.iter().find(|(b, _)| *b == bound).map(|b| b.1);
        assert_eq!(at(1), Some(1));
        assert_eq!(at(2), Some(1));
        assert_eq!(at(5), Some(3));
        assert_eq!(at(50), Some(4));
        assert_eq!(
            at(1000),
            Some(4),
            "5000 keys is above every bound: only +Inf"
        );
    }
}
