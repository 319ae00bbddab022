//! `--soak`: one long phase in which every client sends a mix of the contract operations and,
//! with probability `--hostile`, hostile requests instead; the server's memory is sampled
//! along the way. Reports per operation and per hostile shape, the memory samples, and fails
//! on any 5xx or unexpected answer.

use std::{
    collections::BTreeMap,
    sync::Arc,
    time::{Duration, Instant},
};

use rand::{Rng as _, SeedableRng, rngs::StdRng, seq::IndexedRandom};

use crate::{
    catalogue::Catalogue,
    client::Client,
    hostile::{self, Outcome, Shape},
    report::percentile,
    workload::{Operation, Workload},
};

/// How often the server's memory is sampled.
const SAMPLE_EVERY: Duration = Duration::from_secs(10);

/// The soak settings.
pub struct Soak<'a> {
    pub client: &'a Client,
    pub operations: Vec<Operation>,
    pub catalogue: Arc<Catalogue>,
    pub concurrency: usize,
    pub duration: Duration,
    pub hostile: f64,
    pub seed: u64,
}

/// What one kind of request (an operation or a hostile shape) saw.
#[derive(Debug, Default, Clone)]
struct Tally {
    latencies: Vec<Duration>,
    /// Contract operations: failed answers. Hostile shapes: unexpected answers.
    wrong: usize,
    /// 5xx answers.
    server_errors: usize,
    /// Exchanges that failed (connection closed, timeout).
    transport: usize,
    first_problem: Option<String>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.latencies.extend(other.latencies);
        self.wrong += other.wrong;
        self.server_errors += other.server_errors;
        self.transport += other.transport;
        if self.first_problem.is_none() {
            self.first_problem = other.first_problem;
        }
    }

    fn problem(&mut self, what: String) {
        self.first_problem.get_or_insert(what);
    }
}

/// Runs the soak and prints its report; `Ok(false)` when a 5xx or unexpected answer came.
pub async fn run(soak: Soak<'_>) -> anyhow::Result<bool> {
    let shapes = Arc::new(hostile::shapes());
    let started = Instant::now();
    let deadline = started + soak.duration;
    let sampler = {
        let client = soak.client.clone();
        tokio::spawn(async move {
            let mut samples = Vec::new();
            loop {
                if let Ok(snapshot) = client.metrics().await {
                    samples.push((started.elapsed(), snapshot.rss_mb()));
                }
                if Instant::now() + SAMPLE_EVERY > deadline {
                    break samples;
                }
                tokio::time::sleep(SAMPLE_EVERY).await;
            }
        })
    };
    let workers = (0..soak.concurrency.max(1)).map(|index| {
        let client = soak.client.clone();
        let catalogue = Arc::clone(&soak.catalogue);
        let operations = soak.operations.clone();
        let shapes = Arc::clone(&shapes);
        let (hostile, seed) = (soak.hostile, soak.seed);
        tokio::spawn(async move {
            let mut rng =
                StdRng::seed_from_u64(seed.wrapping_mul(7_919).wrapping_add(index as u64));
            let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
            while Instant::now() < deadline {
                if rng.random_bool(hostile) {
                    let Some(shape) = shapes.choose(&mut rng) else {
                        continue;
                    };
                    let tally = tallies.entry(format!("! {}", shape.name)).or_default();
                    send_hostile(&client, shape, tally).await;
                } else {
                    let Some(&operation) = operations.choose(&mut rng) else {
                        continue;
                    };
                    let variables = operation.variables(&catalogue, &mut rng);
                    let tally = tallies.entry(operation.name().to_string()).or_default();
                    let sent = Instant::now();
                    let outcome = client
                        .execute(operation.name(), operation.document(), &variables)
                        .await;
                    tally.latencies.push(sent.elapsed());
                    if let Err(error) = outcome {
                        if error.starts_with("HTTP 5") {
                            tally.server_errors += 1;
                        } else {
                            tally.wrong += 1;
                        }
                        tally.problem(error);
                    }
                }
            }
            tallies
        })
    });
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for finished in futures::future::join_all(workers).await {
        for (name, tally) in finished? {
            tallies.entry(name).or_default().merge(tally);
        }
    }
    let elapsed = started.elapsed();
    let samples = sampler.await.unwrap_or_default();
    Ok(report(&tallies, &samples, elapsed))
}

async fn send_hostile(client: &Client, shape: &Shape, tally: &mut Tally) {
    let sent = Instant::now();
    let answer = client
        .post_raw(shape.body.clone(), shape.content_type, shape.authorization)
        .await;
    tally.latencies.push(sent.elapsed());
    match answer {
        Ok((status, body)) => match hostile::judge(shape, status.as_u16(), &body) {
            Outcome::Expected => {}
            Outcome::ServerError(status) => {
                tally.server_errors += 1;
                tally.problem(format!("HTTP {status}"));
            }
            Outcome::Unexpected(what) => {
                tally.wrong += 1;
                tally.problem(what);
            }
        },
        Err(error) => {
            tally.transport += 1;
            tally.problem(format!("{error:#}"));
        }
    }
}

/// Prints the report; true when nothing went wrong.
fn report(
    tallies: &BTreeMap<String, Tally>,
    samples: &[(Duration, Option<f64>)],
    elapsed: Duration,
) -> bool {
    println!(
        "| request | count | p50 ms | p99 ms | max ms | wrong | 5xx | transport |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|"
    );
    let (mut total, mut server_errors, mut wrong) = (0, 0, 0);
    for (name, tally) in tallies {
        let mut sorted = tally.latencies.clone();
        sorted.sort_unstable();
        let ms = |p: f64| {
            percentile(&sorted, p).map_or("-".into(), |d| format!("{:.2}", d.as_secs_f64() * 1e3))
        };
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} |",
            sorted.len(),
            ms(50.0),
            ms(99.0),
            ms(100.0),
            tally.wrong,
            tally.server_errors,
            tally.transport
        );
        total += sorted.len();
        server_errors += tally.server_errors;
        wrong += tally.wrong;
    }
    println!();
    println!(
        "{total} requests in {:.0} s ({:.0} req/s); 5xx: {server_errors}; wrong answers: {wrong}",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    let rss: Vec<String> = samples
        .iter()
        .map(|(at, mb)| {
            mb.map_or(format!("{:.0}s -", at.as_secs_f64()), |mb| {
                format!("{:.0}s {mb:.1}", at.as_secs_f64())
            })
        })
        .collect();
    println!("server RSS MiB over time: {}", rss.join(", "));
    for (name, tally) in tallies {
        if let Some(problem) = &tally.first_problem {
            println!("{name}: first problem: {problem}");
        }
    }
    server_errors == 0 && wrong == 0
}
