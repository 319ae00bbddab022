//! The result table (Markdown, so it can be pasted as is) and exact latency percentiles.

use std::time::Duration;

use crate::{load::Measurement, prom::Counters};

/// One row of the table: the client's measurement and the server's figures for the run.
pub struct Row<'a> {
    pub operation: &'a str,
    pub measurement: &'a Measurement,
    /// Server counters over the measured run (warm-up excluded).
    pub server: Counters,
    pub peak_rss_mb: Option<f64>,
    pub rss_mb: Option<f64>,
}

const COLUMNS: [(&str, usize); 10] = [
    ("operation", 17),
    ("requests", 8),
    ("req/s", 8),
    ("p50 ms", 7),
    ("p95 ms", 7),
    ("p99 ms", 7),
    ("errors", 6),
    ("SQL/req", 7),
    ("peak RSS MiB", 12),
    ("RSS MiB", 7),
];

/// The header line and the separator line.
pub fn header() -> String {
    let names: Vec<String> = COLUMNS
        .iter()
        .enumerate()
        .map(|(i, (name, width))| pad(name, *width, i == 0))
        .collect();
    let columns: Vec<(usize, bool)> = COLUMNS
        .iter()
        .enumerate()
        .map(|(i, (_, width))| (*width, i == 0))
        .collect();
    format!("| {} |\n{}", names.join(" | "), rule(&columns))
}

/// The Markdown separator line of columns of these widths (left-aligned or right-aligned).
pub fn rule(columns: &[(usize, bool)]) -> String {
    let cells: Vec<String> = columns
        .iter()
        .map(|&(width, left)| {
            if left {
                "-".repeat(width + 2)
            } else {
                format!("{}:", "-".repeat(width + 1))
            }
        })
        .collect();
    format!("|{}|", cells.join("|"))
}

/// One formatted row.
pub fn row(row: &Row<'_>) -> String {
    let m = row.measurement;
    let ms = |p: f64| {
        percentile(&m.latencies, p).map_or("-".to_string(), |d| format!("{:.2}", millis(d)))
    };
    let opt =
        |v: Option<f64>, digits: usize| v.map_or("-".to_string(), |v| format!("{v:.digits$}"));
    let cells = [
        row.operation.to_string(),
        m.requests.to_string(),
        format!("{:.0}", m.requests_per_second()),
        ms(50.0),
        ms(95.0),
        ms(99.0),
        m.errors.to_string(),
        opt(row.server.statements_per_request(), 2),
        opt(row.peak_rss_mb, 1),
        opt(row.rss_mb, 1),
    ];
    let cells: Vec<String> = cells
        .iter()
        .zip(COLUMNS)
        .enumerate()
        .map(|(i, (cell, (_, width)))| pad(cell, width, i == 0))
        .collect();
    format!("| {} |", cells.join(" | "))
}

/// A row for an operation that was not run.
pub fn skipped(operation: &str, why: &str) -> String {
    format!(
        "| {} | skipped: {why} |",
        pad(operation, COLUMNS[0].1, true)
    )
}

fn pad(text: &str, width: usize, left: bool) -> String {
    if left {
        format!("{text:<width$}")
    } else {
        format!("{text:>width$}")
    }
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// The exact `p`th percentile (nearest rank) of ascending `sorted` durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank_over_the_sorted_latencies() {
        let sorted: Vec<Duration> = (1..=200).map(Duration::from_millis).collect();
        assert_eq!(percentile(&sorted, 50.0), Some(Duration::from_millis(100)));
        assert_eq!(percentile(&sorted, 95.0), Some(Duration::from_millis(190)));
        assert_eq!(percentile(&sorted, 99.0), Some(Duration::from_millis(198)));
        assert_eq!(percentile(&sorted, 100.0), Some(Duration::from_millis(200)));
        assert_eq!(
            percentile(&sorted[..1], 99.0),
            Some(Duration::from_millis(1))
        );
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn rows_line_up_with_the_header() {
        let measurement = Measurement {
            requests: 3,
            elapsed: Duration::from_secs(1),
            latencies: vec![Duration::from_millis(2); 3],
            ..Measurement::default()
        };
        let line = row(&Row {
            operation: "FilmPage",
            measurement: &measurement,
            server: Counters {
                requests: 3.0,
                errors: 0.0,
                statements: 27.0,
            },
            peak_rss_mb: Some(40.0),
            rss_mb: None,
        });
        let head = header();
        for head_line in head.lines() {
            assert_eq!(line.len(), head_line.len());
        }
        assert!(line.contains("9.00") && line.contains("2.00"));
    }
}
