//! Request metrics: per operation name, the number of requests, errors, SQL statements and a
//! latency histogram; rendered in the Prometheus text format at `GET /metrics`.

use std::{
    collections::BTreeMap,
    fmt::Write as _,
    sync::{Arc, Mutex},
    time::Duration,
};

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

/// The metrics of this process (shared by clones).
#[derive(Debug, Clone, Default)]
pub struct Metrics(Arc<Mutex<BTreeMap<String, OperationStats>>>);

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
}

impl Metrics {
    /// Records one operation.
    pub fn observe(&self, observation: &Observation<'_>) {
        let Ok(mut operations) = self.0.lock() else {
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
        let operations = self.0.lock().map(|o| o.clone()).unwrap_or_default();
        let mut out = String::new();
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
            });
        }
        metrics.observe(&Observation {
            operation: "",
            failed: true,
            statements: 0,
            elapsed: Duration::ZERO,
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
    fn hostile_operation_names_cannot_break_the_format_or_grow_memory() {
        let metrics = Metrics::default();
        for i in 0..(MAX_OPERATIONS + 50) {
            let name = format!("op{i}\"}} 1\n");
            metrics.observe(&Observation {
                operation: &name,
                failed: false,
                statements: 1,
                elapsed: Duration::ZERO,
            });
        }
        let text = metrics.render(&ProcessFigures::default());
        assert!(text.contains("operation=\"other\"} 50"));
        assert!(!text.contains("\"}} 1\n\""));
    }
}
