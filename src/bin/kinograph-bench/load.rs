//! The load loop: `concurrency` closed-loop clients send one operation back to back, each
//! request with fresh variables, until the time is up; every request's latency is kept.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use rand::{Rng as _, SeedableRng, rngs::StdRng};

use crate::{
    catalogue::Catalogue,
    client::Client,
    workload::{Operation, Workload},
};

/// What one phase measured, from the client's side.
#[derive(Debug, Default)]
pub struct Measurement {
    /// Requests answered (successfully or not).
    pub requests: usize,
    /// Non-200 responses, responses with GraphQL `errors`, and failed exchanges.
    pub errors: usize,
    /// Wall time from the start until the last client finished.
    pub elapsed: Duration,
    /// Every request's latency, sorted ascending.
    pub latencies: Vec<Duration>,
    /// The first error seen, to show what went wrong.
    pub first_error: Option<String>,
}

impl Measurement {
    pub fn requests_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.requests as f64 / seconds
        } else {
            0.0
        }
    }
}

/// What one client recorded.
#[derive(Default)]
struct Worker {
    latencies: Vec<Duration>,
    errors: usize,
    first_error: Option<String>,
}

/// Runs `operation` with `concurrency` clients for `duration`; `seed` makes the sequence of
/// variables reproducible; `bust_cache` makes every request miss the server's response cache.
pub async fn run(
    client: &Client,
    operation: Operation,
    catalogue: Arc<Catalogue>,
    concurrency: usize,
    duration: Duration,
    seed: u64,
    bust_cache: bool,
) -> Measurement {
    let started = Instant::now();
    let deadline = started + duration;
    let workers = (0..concurrency.max(1)).map(|index| {
        let client = client.clone();
        let catalogue = Arc::clone(&catalogue);
        tokio::spawn(async move {
            let mut rng =
                StdRng::seed_from_u64(seed.wrapping_mul(1_000_003).wrapping_add(index as u64));
            let mut worker = Worker {
                latencies: Vec::with_capacity(8192),
                ..Worker::default()
            };
            while Instant::now() < deadline {
                let mut variables = operation.variables(&catalogue, &mut rng);
                if bust_cache {
                    // An unused variable the server ignores but keys its response cache by.
                    variables["cacheBuster"] = rng.random::<u64>().into();
                }
                let sent = Instant::now();
                let outcome = client
                    .execute(operation.name(), operation.document(), &variables)
                    .await;
                worker.latencies.push(sent.elapsed());
                if let Err(error) = outcome {
                    worker.errors += 1;
                    worker.first_error.get_or_insert(error);
                }
            }
            worker
        })
    });
    let finished = futures::future::join_all(workers).await;
    let mut measurement = Measurement {
        elapsed: started.elapsed(),
        ..Measurement::default()
    };
    for result in finished {
        match result {
            Ok(worker) => {
                measurement.errors += worker.errors;
                measurement.latencies.extend(worker.latencies);
                if measurement.first_error.is_none() {
                    measurement.first_error = worker.first_error;
                }
            }
            Err(join_error) => {
                measurement.errors += 1;
                measurement
                    .first_error
                    .get_or_insert_with(|| format!("a client task failed: {join_error}"));
            }
        }
    }
    measurement.requests = measurement.latencies.len();
    measurement.latencies.sort_unstable();
    measurement
}
