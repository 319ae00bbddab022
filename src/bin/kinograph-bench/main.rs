//! kinograph-bench: drives a running Kinograph server over HTTP with the contract operations
//! of `tests/operations/` and realistic, varying variables, and prints throughput, exact
//! latency percentiles, errors, SQL statements per request and the server's memory.
//!
//! ```sh
//! cargo run --release --bin kinograph-bench -- --url http://127.0.0.1:8000 \
//!     --concurrency 32 --duration 15s [--operations FilmCatalogue,FilmPage] [--warmup 3s]
//! cargo run --release --bin kinograph-bench -- --url http://127.0.0.1:8000 --shape-check
//! ```

mod catalogue;
mod client;
mod discover;
mod hostile;
mod load;
mod prom;
mod queries;
mod report;
mod shape;
mod soak;
mod vary;
mod workload;

use std::{
    io::Write as _,
    process::ExitCode,
    sync::Arc,
    time::{Duration, Instant},
};

use anyhow::{Context as _, bail};
use clap::Parser;

use crate::{
    client::Client,
    workload::{Operation, Workload},
};

/// Load generator for a running Kinograph server: every contract operation in turn, with
/// varying variables discovered through the API; SQL and memory figures come from the
/// server's `GET /metrics`.
#[derive(Debug, Parser)]
#[command(name = "kinograph-bench")]
struct Args {
    /// Base URL of the server (plain HTTP).
    #[arg(long, default_value = "http://127.0.0.1:8000")]
    url: String,
    /// Concurrent closed-loop clients.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Measured time per operation (`15s`, `500ms`, `2m`).
    #[arg(long, default_value = "15s", value_parser = parse_duration)]
    duration: Duration,
    /// Unmeasured warm-up per operation, at the same concurrency.
    #[arg(long, default_value = "3s", value_parser = parse_duration)]
    warmup: Duration,
    /// Operations to run, comma-separated (default: all, in contract order).
    #[arg(long, value_delimiter = ',')]
    operations: Vec<String>,
    /// Instead of loading: run each operation small and large (three times each) and compare
    /// the SQL statements; exits with status 1 when a count differs or is unstable.
    #[arg(long)]
    shape_check: bool,
    /// Pages of 100 films (and of 100 press materials) read while discovering values.
    #[arg(long, default_value_t = 5)]
    discover_pages: usize,
    /// Runtime threads of the load generator (default: a quarter of the cores, at least 1).
    #[arg(long)]
    threads: Option<usize>,
    /// Seed of the variables' random choices (same seed, same request sequence per client).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Run FilmPage twice, side by side: uncached (an unused, random variable makes every
    /// request miss the server's response cache) and cached (the usual variables).
    #[arg(long)]
    cache: bool,
    /// Instead of one phase per operation: one phase of `--duration` in which each client
    /// sends the selected operations mixed, and hostile requests (deep, costly, alias and
    /// fragment bombs, huge batches and bodies, bad JSON, keys and cursors...) with
    /// probability `--hostile`; samples the server's memory every 10 s; exits with status 1
    /// on any 5xx or unexpected answer.
    #[arg(long)]
    soak: bool,
    /// Share of hostile requests in `--soak` (0 to 1).
    #[arg(long, default_value_t = 0.2, value_parser = parse_share)]
    hostile: f64,
}

/// A share between 0 and 1.
fn parse_share(text: &str) -> Result<f64, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|share| (0.0..=1.0).contains(share))
        .ok_or_else(|| format!("{text:?} is not a share between 0 and 1"))
}

/// `15s`, `500ms`, `2m` or plain seconds.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map_or((text, "s"), |at| text.split_at(at));
    let value: f64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration like 15s, 500ms or 2m"))?;
    let seconds = match unit {
        "ms" => value / 1000.0,
        "s" => value,
        "m" | "min" => value * 60.0,
        _ => {
            return Err(format!(
                "unknown unit {unit:?} in {text:?} (use ms, s or m)"
            ));
        }
    };
    Duration::try_from_secs_f64(seconds).map_err(|e| e.to_string())
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn main() -> ExitCode {
    let args = Args::parse();
    let threads = args.threads.unwrap_or(cores() / 4).max(1);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let client = match Client::new(&args.url) {
            Ok(client) => client,
            Err(err) => {
                eprintln!("error: {err:#}");
                return ExitCode::from(2);
            }
        };
        if let Err(err) = client.metrics().await {
            eprintln!(
                "error: cannot reach the Kinograph server at {} ({err:#}).\n\
                 Start it first, e.g. `cargo run --release -- --bind 127.0.0.1:8000`, \
                 and pass its address with --url.",
                client.metrics_uri()
            );
            return ExitCode::from(2);
        }
        match bench(&args, threads, &client).await {
            Ok(code) => code,
            Err(err) => {
                eprintln!("error: {err:#}");
                ExitCode::FAILURE
            }
        }
    })
}

/// The selected operations, in contract order.
fn selected(names: &[String]) -> anyhow::Result<Vec<Operation>> {
    if names.is_empty() {
        return Ok(Operation::ALL.to_vec());
    }
    let mut chosen = Vec::new();
    for name in names.iter().filter(|n| !n.trim().is_empty()) {
        let Some(op) = Operation::parse(name) else {
            let known: Vec<&str> = Operation::ALL.iter().map(|op| op.name()).collect();
            bail!("unknown operation {name:?}; known: {}", known.join(", "));
        };
        if !chosen.contains(&op) {
            chosen.push(op);
        }
    }
    Ok(chosen)
}

async fn bench(args: &Args, threads: usize, client: &Client) -> anyhow::Result<ExitCode> {
    let operations = selected(&args.operations)?;
    let load = std::fs::read_to_string("/proc/loadavg").ok();
    println!("# kinograph-bench");
    println!(
        "machine: {} cores (available_parallelism), load generator on {threads} runtime \
         thread(s){}",
        cores(),
        load.as_deref()
            .and_then(|l| l.split_whitespace().next())
            .map_or(String::new(), |l| format!(
                ", 1-min load average {l} at start"
            ))
    );
    println!(
        "server: {}  concurrency: {}  duration: {:?} per operation  warm-up: {:?}",
        args.url, args.concurrency, args.duration, args.warmup
    );

    let started = Instant::now();
    let catalogue = discover::discover(client, args.discover_pages)
        .await
        .context("discovering values through the API failed")?;
    println!(
        "discovered in {:.1}s: {}",
        started.elapsed().as_secs_f64(),
        catalogue.summary()
    );
    println!();

    if args.shape_check {
        let flagged = shape::check(client, &catalogue, &operations).await?;
        println!();
        if flagged.is_empty() {
            println!("every operation issued the same number of SQL statements small and large");
            return Ok(ExitCode::SUCCESS);
        }
        println!("flagged: {}", flagged.join(", "));
        println!(
            "DIFFERS: the statements differ between small and large; a count growing \
             with the page size points at an N+1, while between two objects a relation empty \
             for one of them skips its level's statement. UNSTABLE: identical requests issued \
             different numbers of statements (a batch split by timing)."
        );
        return Ok(ExitCode::FAILURE);
    }

    let catalogue = Arc::new(catalogue);
    if args.soak {
        println!(
            "soak: {:.0}% hostile requests, the rest mixed over {} operation(s)\n",
            args.hostile * 100.0,
            operations.len()
        );
        let clean = soak::run(soak::Soak {
            client,
            operations,
            catalogue,
            concurrency: args.concurrency,
            duration: args.duration,
            hostile: args.hostile,
            seed: args.seed,
        })
        .await?;
        return Ok(if clean {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    println!("{}", report::header());
    let mut notes = Vec::new();
    for operation in operations {
        if let Some(why) = operation.missing(&catalogue) {
            println!("{}", report::skipped(operation.name(), why));
            continue;
        }
        let name = operation.name();
        let phases = if args.cache && operation == Operation::FilmPage {
            vec![(true, "FilmPage uncached"), (false, "FilmPage cached")]
        } else {
            vec![(false, name)]
        };
        for (bust, label) in phases {
            let run = |duration, seed| {
                load::run(
                    client,
                    operation,
                    Arc::clone(&catalogue),
                    args.concurrency,
                    duration,
                    seed,
                    bust,
                )
            };
            if !args.warmup.is_zero() {
                run(args.warmup, args.seed.wrapping_add(7919)).await;
            }
            let before = client.metrics().await?;
            let measurement = run(args.duration, args.seed).await;
            let after = client.metrics().await?;
            println!(
                "{}",
                report::row(&report::Row {
                    operation: label,
                    measurement: &measurement,
                    server: after.counters(name).since(before.counters(name)),
                    peak_rss_mb: after.peak_rss_mb(),
                    rss_mb: after.rss_mb(),
                })
            );
            let _ = std::io::stdout().flush();
            if let Some(error) = &measurement.first_error {
                notes.push(format!("{label}: first error: {error}"));
            }
        }
    }
    println!();
    println!(
        "latency: exact percentiles of every measured request, as the load generator saw it; \
         SQL/req: the server's statements over its requests of the operation during the run; \
         peak RSS: the server's high-water mark since it started"
    );
    if let Some(load) = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .as_deref()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
    {
        println!("1-min load average at the end: {load}");
    }
    for note in &notes {
        println!("{note}");
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_take_the_usual_units() {
        assert_eq!(parse_duration("15s"), Ok(Duration::from_secs(15)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("3"), Ok(Duration::from_secs(3)));
        assert!(parse_duration("3h").is_err());
        assert!(parse_duration("fast").is_err());
    }

    #[test]
    fn operations_are_selected_by_name() {
        let names = vec!["FilmPage".to_string(), "nodelookup".to_string()];
        let ops = selected(&names).ok();
        assert_eq!(ops, Some(vec![Operation::FilmPage, Operation::NodeLookup]));
        assert!(selected(&["Nope".to_string()]).is_err());
        assert_eq!(selected(&[]).map(|o| o.len()).ok(), Some(9));
    }

    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        Args::command().debug_assert();
    }
}
