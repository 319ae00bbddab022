//! Request metrics: per operation name, the number of requests, errors, SQL statements and a
//! latency histogram; HTTP responses by status class; the slow-query log; rendered with the
//! process figures (pools, loader batches, response cache, memory) in the Prometheus text
//! format at `GET /metrics`.

use std::{
    collections::BTreeMap,
    fmt::Write as _,
    sync::{
        Arc, Mutex,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use crate::{db::PoolFigures, graphql::loaders::measured::BatchFigures};

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

/// Distinct operation names kept; more fold into `other` so hostile clients cannot grow memory.
const MAX_OPERATIONS: usize = 200;

#[derive(Debug, Clone, Default)]
struct OperationStats {
    requests: u64,
    errors: u64,
    statements: u64,
    duration_sum: f64,
    buckets: [u64; BUCKETS.len()],
}

/// Longest part of a document the slow-query log writes.
const MAX_LOGGED_DOCUMENT: usize = 2048;

/// The metrics of this process (shared by clones).
#[derive(Debug, Clone, Default)]
pub struct Metrics {
    operations: Arc<Mutex<BTreeMap<String, OperationStats>>>,
    /// HTTP responses of every route by status class: 1xx … 5xx.
    statuses: Arc<[AtomicU64; 5]>,
    /// Operations slower than this are logged; never when `None`.
    slow_query: Option<Duration>,
}

/// What one finished GraphQL operation contributes.
#[derive(Debug, Clone)]
pub struct Observation<'a> {
    /// The operation name (`anonymous` when the request has none).
    pub operation: &'a str,
    /// Whether the response carried errors.
    pub failed: bool,
    /// SQL statements it issued.
    pub statements: u64,
    /// Time from receipt to response.
    pub elapsed: Duration,
    /// The start of the document, for the slow-query log (see [`Metrics::document`]).
    pub document: Option<&'a str>,
}

impl Metrics {
    /// With the slow-query log on for operations slower than `threshold` (off for zero).
    pub fn with_slow_query(mut self, threshold: Duration) -> Self {
        self.slow_query = (!threshold.is_zero()).then_some(threshold);
        self
    }

    /// The start of `document` as the slow-query log writes it, or `None` when that log is
    /// off (then nothing is copied).
    pub fn document(&self, document: &str) -> Option<String> {
        self.slow_query?;
        Some(document[..document.floor_char_boundary(MAX_LOGGED_DOCUMENT)].to_string())
    }

    /// Counts one HTTP response by its status class.
    pub fn observe_status(&self, status: u16) {
        if let Some(class) = self.statuses.get(usize::from(status / 100).wrapping_sub(1)) {
            class.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Records one operation, and logs it at `warn` when it was slow.
    pub fn observe(&self, observation: &Observation<'_>) {
        if self
            .slow_query
            .is_some_and(|threshold| observation.elapsed > threshold)
        {
            tracing::warn!(
                operation = observation.operation,
                elapsed_ms = observation.elapsed.as_millis() as u64,
                statements = observation.statements,
                failed = observation.failed,
                document = observation.document.unwrap_or(""),
                "slow GraphQL operation"
            );
        }
        let Ok(mut operations) = self.operations.lock() else {
            return;
        };
        let name = if operations.contains_key(observation.operation)
            || operations.len() < MAX_OPERATIONS
        {
            sanitize(observation.operation)
        } else {
            "other".to_string()
        };
        let stats = operations.entry(name).or_default();
        stats.requests += 1;
        stats.errors += u64::from(observation.failed);
        stats.statements += observation.statements;
        let seconds = observation.elapsed.as_secs_f64();
        stats.duration_sum += seconds;
        for (bucket, bound) in stats.buckets.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *bucket += 1;
            }
        }
    }

    /// The Prometheus text exposition, with the process-wide figures given.
    pub fn render(&self, process: &ProcessFigures) -> String {
        let operations = self
            .operations
            .lock()
            .map(|o| o.clone())
            .unwrap_or_default();
        let mut out = String::new();
        family(
            &mut out,
            "kinograph_http_responses_total",
            "counter",
            "HTTP responses of every route, by status class.",
        );
        for (class, count) in self.statuses.iter().enumerate() {
            let _ = writeln!(
                out,
                "kinograph_http_responses_total{{class=\"{}xx\"}} {}",
                class + 1,
                count.load(Ordering::Relaxed)
            );
        }
        family(
            &mut out,
            "kinograph_sql_statements_total",
            "counter",
            "SQL statements issued by this process.",
        );
        let _ = writeln!(out, "kinograph_sql_statements_total {}", process.statements);
        family(
            &mut out,
            "kinograph_requests_total",
            "counter",
            "GraphQL operations answered, by operation name.",
        );
        for (op, s) in &operations {
            let _ = writeln!(
                out,
                "kinograph_requests_total{{operation=\"{op}\"}} {}",
                s.requests
            );
        }
        family(
            &mut out,
            "kinograph_request_errors_total",
            "counter",
            "GraphQL operations answered with errors.",
        );
        for (op, s) in &operations {
            let _ = writeln!(
                out,
                "kinograph_request_errors_total{{operation=\"{op}\"}} {}",
                s.errors
            );
        }
        family(
            &mut out,
            "kinograph_request_sql_statements_total",
            "counter",
            "SQL statements issued while answering, by operation name.",
        );
        for (op, s) in &operations {
            let _ = writeln!(
                out,
                "kinograph_request_sql_statements_total{{operation=\"{op}\"}} {}",
                s.statements
            );
        }
        family(
            &mut out,
            "kinograph_request_duration_seconds",
            "histogram",
            "Time to answer a GraphQL operation.",
        );
        for (op, s) in &operations {
            for (count, bound) in s.buckets.iter().zip(BUCKETS) {
                let _ = writeln!(
                    out,
                    "kinograph_request_duration_seconds_bucket{{operation=\"{op}\",le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "kinograph_request_duration_seconds_bucket{{operation=\"{op}\",le=\"+Inf\"}} {}",
                s.requests
            );
            let _ = writeln!(
                out,
                "kinograph_request_duration_seconds_sum{{operation=\"{op}\"}} {}",
                s.duration_sum
            );
            let _ = writeln!(
                out,
                "kinograph_request_duration_seconds_count{{operation=\"{op}\"}} {}",
                s.requests
            );
        }
        if let Some(cache) = &process.cache {
            cache.render(&mut out);
        }
        render_pools(&mut out, &process.pools);
        render_batches(&mut out, &process.batches);
        if let Some(rss) = process.resident_bytes {
            family(
                &mut out,
                "process_resident_memory_bytes",
                "gauge",
                "Resident memory of the server process.",
            );
            let _ = writeln!(out, "process_resident_memory_bytes {rss}");
        }
        if let Some(peak) = process.peak_resident_bytes {
            family(
                &mut out,
                "process_resident_memory_peak_bytes",
                "gauge",
                "Peak resident memory of the server process.",
            );
            let _ = writeln!(out, "process_resident_memory_peak_bytes {peak}");
        }
        out
    }
}

/// Figures of the whole process, read when rendering.
#[derive(Debug, Clone, Default)]
pub struct ProcessFigures {
    /// SQL statements issued through every pool.
    pub statements: u64,
    /// Current resident set size.
    pub resident_bytes: Option<u64>,
    /// Peak resident set size.
    pub peak_resident_bytes: Option<u64>,
    /// The response cache's figures, when it is on.
    pub cache: Option<CacheFigures>,
    /// The database pools: the primary, and the read replica when there is one.
    pub pools: Vec<PoolFigures>,
    /// Loader batch sizes, by loader.
    pub batches: Vec<BatchFigures>,
}

/// The gauges of each pool, labelled with its role.
fn render_pools(out: &mut String, pools: &[PoolFigures]) {
    if pools.is_empty() {
        return;
    }
    let families = [
        (
            "kinograph_db_pool_connections",
            "Open connections of the database pool.",
        ),
        (
            "kinograph_db_pool_idle_connections",
            "Open connections of the database pool not in use.",
        ),
        (
            "kinograph_db_pool_max_connections",
            "Most connections the database pool opens.",
        ),
    ];
    for (index, (name, help)) in families.into_iter().enumerate() {
        family(out, name, "gauge", help);
        for pool in pools {
            let values = [u64::from(pool.size), pool.idle, u64::from(pool.max)];
            let _ = writeln!(out, "{name}{{pool=\"{}\"}} {}", pool.role, values[index]);
        }
    }
}

/// The histogram of keys per loader batch, by loader.
fn render_batches(out: &mut String, batches: &[BatchFigures]) {
    if batches.is_empty() {
        return;
    }
    let name = "kinograph_loader_batch_size";
    family(
        out,
        name,
        "histogram",
        "Keys per batch a loader fetched with one statement, by loader.",
    );
    for batch in batches {
        let loader = escape(&batch.loader);
        for (bound, count) in &batch.buckets {
            let _ = writeln!(
                out,
                "{name}_bucket{{loader=\"{loader}\",le=\"{bound}\"}} {count}"
            );
        }
        let _ = writeln!(
            out,
            "{name}_bucket{{loader=\"{loader}\",le=\"+Inf\"}} {}",
            batch.count
        );
        let _ = writeln!(out, "{name}_sum{{loader=\"{loader}\"}} {}", batch.sum);
        let _ = writeln!(out, "{name}_count{{loader=\"{loader}\"}} {}", batch.count);
    }
}

/// A label value with `\\`, `"` and line ends escaped, as the text format wants.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// What the response cache did so far.
#[derive(Debug, Clone, Default)]
pub struct CacheFigures {
    /// Requests answered from the cache.
    pub hits: u64,
    /// Cacheable requests that ran.
    pub misses: u64,
    /// Responses stored.
    pub stores: u64,
    /// Writes that invalidated entries.
    pub invalidations: u64,
    /// Entries evicted by the size bound.
    pub evictions: u64,
    /// Entries and bytes held (in-process cache only).
    pub usage: Option<(usize, usize)>,
}

impl CacheFigures {
    fn render(&self, out: &mut String) {
        for (name, help, value) in [
            (
                "hits",
                "Anonymous queries answered from the response cache.",
                self.hits,
            ),
            (
                "misses",
                "Cacheable queries the response cache did not hold.",
                self.misses,
            ),
            (
                "stores",
                "Responses stored in the response cache.",
                self.stores,
            ),
            (
                "invalidations",
                "Writes that invalidated cached responses.",
                self.invalidations,
            ),
            (
                "evictions",
                "Cached responses evicted by the size bound.",
                self.evictions,
            ),
        ] {
            let metric = format!("kinograph_response_cache_{name}_total");
            family(out, &metric, "counter", help);
            let _ = writeln!(out, "{metric} {value}");
        }
        if let Some((entries, bytes)) = self.usage {
            family(
                out,
                "kinograph_response_cache_entries",
                "gauge",
                "Responses held.",
            );
            let _ = writeln!(out, "kinograph_response_cache_entries {entries}");
            family(
                out,
                "kinograph_response_cache_bytes",
                "gauge",
                "Bytes of responses held.",
            );
            let _ = writeln!(out, "kinograph_response_cache_bytes {bytes}");
        }
    }
}

impl ProcessFigures {
    /// Reads the memory figures of this process (Linux `/proc/self/status`; absent elsewhere).
    pub fn read(statements: u64) -> Self {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let kib = |key: &str| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(key))
                .and_then(|rest| {
                    rest.trim()
                        .trim_end_matches("kB")
                        .trim()
                        .parse::<u64>()
                        .ok()
                })
                .map(|k| k * 1024)
        };
        Self {
            statements,
            resident_bytes: kib("VmRSS:"),
            peak_resident_bytes: kib("VmHWM:"),
            cache: None,
            pools: Vec::new(),
            batches: crate::graphql::loaders::measured::figures(),
        }
    }
}

/// Writes the HELP and TYPE lines of a metric family.
pub(crate) fn family(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

/// Operation names as label values: letters, digits and `_` only.
fn sanitize(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(64)
        .collect();
    if clean.is_empty() {
        "anonymous".to_string()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn observations_add_up_per_operation() {
        let metrics = Metrics::default();
        for (ms, statements) in [(3, 5), (40, 5)] {
            metrics.observe(&Observation {
                operation: "FilmPage",
                failed: false,
                statements,
                elapsed: Duration::from_millis(ms),
                document: None,
            });
        }
        metrics.observe(&Observation {
            operation: "",
            failed: true,
            statements: 0,
            elapsed: Duration::ZERO,
            document: None,
        });
        let text = metrics.render(&ProcessFigures {
            statements: 10,
            ..Default::default()
        });
        assert!(text.contains("kinograph_sql_statements_total 10"));
        assert!(text.contains("kinograph_requests_total{operation=\"FilmPage\"} 2"));
        assert!(text.contains("kinograph_request_sql_statements_total{operation=\"FilmPage\"} 10"));
        assert!(text.contains("kinograph_request_errors_total{operation=\"anonymous\"} 1"));
        assert!(text.contains(
            "kinograph_request_duration_seconds_bucket{operation=\"FilmPage\",le=\"0.005\"} 1"
        ));
        assert!(text.contains(
            "kinograph_request_duration_seconds_bucket{operation=\"FilmPage\",le=\"0.05\"} 2"
        ));
    }

    #[test]
    fn slow_operations_are_logged_with_name_time_statements_and_the_start_of_the_document() {
        let metrics = Metrics::default().with_slow_query(Duration::from_millis(500));
        let document = format!(
            "query Slow {{ films {{ totalCount }} }} #{}",
            "x".repeat(5000)
        );
        let kept = metrics
            .document(&document)
            .expect("kept while the log is on");
        assert_eq!(kept.len(), MAX_LOGGED_DOCUMENT);
        let observe = |ms| {
            metrics.observe(&Observation {
                operation: "Slow",
                failed: false,
                statements: 7,
                elapsed: Duration::from_millis(ms),
                document: Some(&kept),
            });
        };
        let text = crate::telemetry::capture(crate::telemetry::LogFormat::Json, || {
            observe(400);
            observe(500);
            observe(501);
        });
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|line| serde_json::from_str(line).expect("a JSON line"))
            .collect();
        assert_eq!(lines.len(), 1, "only the one above 500 ms: {text}");
        let line = &lines[0];
        assert_eq!(line["level"], "WARN");
        assert_eq!(line["operation"], "Slow");
        assert_eq!(line["elapsed_ms"], 501);
        assert_eq!(line["statements"], 7);
        assert!(
            line["document"]
                .as_str()
                .is_some_and(|d| d.starts_with("query Slow") && d.len() == MAX_LOGGED_DOCUMENT)
        );

        let off = Metrics::default().with_slow_query(Duration::ZERO);
        assert_eq!(
            off.document(&document),
            None,
            "nothing copied when the log is off"
        );
        let quiet = crate::telemetry::capture(crate::telemetry::LogFormat::Text, || {
            off.observe(&Observation {
                operation: "Slow",
                failed: false,
                statements: 7,
                elapsed: Duration::from_secs(60),
                document: None,
            });
        });
        assert_eq!(quiet, "");
    }

    #[test]
    fn http_answers_are_counted_by_status_class() {
        let metrics = Metrics::default();
        for status in [200, 204, 304, 404, 415, 429, 503, 99, 600] {
            metrics.observe_status(status);
        }
        let text = metrics.render(&ProcessFigures::default());
        for (class, count) in [("1xx", 0), ("2xx", 2), ("3xx", 1), ("4xx", 3), ("5xx", 1)] {
            assert!(
                text.contains(&format!(
                    "kinograph_http_responses_total{{class=\"{class}\"}} {count}\n"
                )),
                "{class}: {text}"
            );
        }
    }

    #[test]
    fn pools_and_loader_batches_render_with_their_labels() {
        let text = Metrics::default().render(&ProcessFigures {
            pools: vec![
                PoolFigures {
                    role: "primary",
                    size: 3,
                    idle: 2,
                    max: 8,
                },
                PoolFigures {
                    role: "replica",
                    size: 1,
                    idle: 1,
                    max: 8,
                },
            ],
            batches: vec![BatchFigures {
                loader: "ById<film>".to_string(),
                buckets: vec![(1, 1), (2, 3)],
                sum: 6,
                count: 4,
            }],
            ..Default::default()
        });
        for line in [
            "kinograph_db_pool_connections{pool=\"primary\"} 3",
            "kinograph_db_pool_idle_connections{pool=\"replica\"} 1",
            "kinograph_db_pool_max_connections{pool=\"primary\"} 8",
            "kinograph_loader_batch_size_bucket{loader=\"ById<film>\",le=\"2\"} 3",
            "kinograph_loader_batch_size_bucket{loader=\"ById<film>\",le=\"+Inf\"} 4",
            "kinograph_loader_batch_size_sum{loader=\"ById<film>\"} 6",
            "kinograph_loader_batch_size_count{loader=\"ById<film>\"} 4",
        ] {
            assert!(text.contains(line), "{line}: {text}");
        }
        assert_eq!(
            text.matches("# TYPE kinograph_loader_batch_size histogram")
                .count(),
            1
        );
    }

    #[test]
    fn hostile_operation_names_cannot_break_the_format_or_grow_memory() {
        let metrics = Metrics::default();
        for i in 0..(MAX_OPERATIONS + 50) {
            let name = format!("op{i}\"}} 1\n");
            metrics.observe(&Observation {
                operation: &name,
                failed: false,
                statements: 1,
                elapsed: Duration::ZERO,
                document: None,
            });
        }
        let text = metrics.render(&ProcessFigures::default());
        assert!(text.contains("operation=\"other\"} 50"));
        assert!(!text.contains("\"}} 1\n\""));
    }
}
