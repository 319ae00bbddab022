//! A snapshot of the server's `GET /metrics` (Prometheus text format): the per-operation
//! counters and the process figures the bench reports.

use std::collections::BTreeMap;

/// Every sample of one scrape, keyed by the series as written (`name{labels}`).
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    series: BTreeMap<String, f64>,
}

impl Snapshot {
    /// Parses the text exposition; comment lines and unparsable samples are skipped.
    pub fn parse(text: &str) -> Self {
        let series = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .filter_map(|line| {
                let (series, value) = line.rsplit_once(' ')?;
                Some((series.trim().to_string(), value.trim().parse::<f64>().ok()?))
            })
            .collect();
        Self { series }
    }

    /// A sample without labels.
    pub fn value(&self, name: &str) -> Option<f64> {
        self.series.get(name).copied()
    }

    /// A sample labelled with only `operation`; 0 when the operation has not been seen yet.
    pub fn operation(&self, name: &str, operation: &str) -> f64 {
        self.series
            .get(&format!("{name}{{operation=\"{operation}\"}}"))
            .copied()
            .unwrap_or(0.0)
    }

    /// Requests, errors and SQL statements of `operation` so far.
    pub fn counters(&self, operation: &str) -> Counters {
        Counters {
            requests: self.operation("kinograph_requests_total", operation),
            errors: self.operation("kinograph_request_errors_total", operation),
            statements: self.operation("kinograph_request_sql_statements_total", operation),
        }
    }

    /// Current resident memory of the server, in MiB.
    pub fn rss_mb(&self) -> Option<f64> {
        self.value("process_resident_memory_bytes").map(megabytes)
    }

    /// Peak resident memory of the server process so far, in MiB.
    pub fn peak_rss_mb(&self) -> Option<f64> {
        self.value("process_resident_memory_peak_bytes")
            .map(megabytes)
    }
}

/// The per-operation counters of `/metrics`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counters {
    pub requests: f64,
    pub errors: f64,
    pub statements: f64,
}

impl Counters {
    /// What happened between `before` and `self`.
    pub fn since(self, before: Counters) -> Counters {
        Counters {
            requests: self.requests - before.requests,
            errors: self.errors - before.errors,
            statements: self.statements - before.statements,
        }
    }

    /// SQL statements per request, when there were requests.
    pub fn statements_per_request(self) -> Option<f64> {
        (self.requests > 0.0).then(|| self.statements / self.requests)
    }
}

fn megabytes(bytes: f64) -> f64 {
    bytes / (1024.0 * 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_operation_counters_and_process_figures() {
        let text = "# HELP kinograph_requests_total x\n# TYPE kinograph_requests_total counter\n\
            kinograph_sql_statements_total 40\n\
            kinograph_requests_total{operation=\"FilmPage\"} 4\n\
            kinograph_request_sql_statements_total{operation=\"FilmPage\"} 36\n\
            kinograph_request_duration_seconds_bucket{operation=\"FilmPage\",le=\"0.001\"} 1\n\
            process_resident_memory_peak_bytes 52428800\n";
        let snapshot = Snapshot::parse(text);
        let counters = snapshot.counters("FilmPage");
        assert_eq!(counters.requests, 4.0);
        assert_eq!(counters.statements_per_request(), Some(9.0));
        assert_eq!(snapshot.counters("PressRoom").requests, 0.0);
        assert_eq!(snapshot.value("kinograph_sql_statements_total"), Some(40.0));
        assert_eq!(snapshot.peak_rss_mb(), Some(50.0));
        assert_eq!(snapshot.rss_mb(), None);
    }
}
