//! A seeded, deterministic source of random choices: one ChaCha stream per table, so that each
//! table's rows depend only on the seed and the catalogue size.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Random choices from one stream.
pub(crate) struct Dice(ChaCha8Rng);

impl Dice {
    /// The stream `stream` of the generator seeded with `seed`.
    pub(crate) fn new(seed: u64, stream: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        Self(rng)
    }

    /// A uniform index below `n` (0 when `n` is 0 or 1).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n <= 1 { 0 } else { self.0.random_range(0..n) }
    }

    /// A uniform integer in `lo..=hi`.
    pub(crate) fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            lo
        } else {
            self.0.random_range(lo..=hi)
        }
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.0.random_bool(p.clamp(0.0, 1.0))
    }

    /// A uniform element of a non-empty list.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index below `n` drawn from weights (`weights.len()` outcomes).
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut roll = self.0.random_range(0..total.max(1));
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        weights.len().saturating_sub(1)
    }

    /// An index below `n`, small ones more likely (a few records get many references, as in
    /// real catalogues): the square of a uniform fraction.
    pub(crate) fn skewed(&mut self, n: usize) -> usize {
        let u: f64 = self.0.random();
        ((u * u * n as f64) as usize).min(n.saturating_sub(1))
    }

    /// `k` distinct indices below `n` (fewer when `n < k`), in drawing order.
    pub(crate) fn distinct(&mut self, n: usize, k: usize, skewed: bool) -> Vec<usize> {
        let k = k.min(n);
        let mut out = Vec::with_capacity(k);
        while out.len() < k {
            let i = if skewed && out.len() < k / 2 + 1 {
                self.skewed(n)
            } else {
                self.below(n)
            };
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}
