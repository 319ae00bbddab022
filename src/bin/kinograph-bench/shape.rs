//! `--shape-check`: each operation small and large (`first: 5` against `first: 100`, or a
//! light and a heavy object), with the SQL statements each issued; a count that grows with
//! the page is flagged (an N+1 somewhere). Each variant runs `RUNS` times, so a count that
//! changes between identical requests (a batch split by timing) shows as a range.

use crate::{
    catalogue::Catalogue,
    client::Client,
    workload::{Operation, Workload},
};

/// Runs of each variant.
const RUNS: usize = 3;

/// Statements of repeated identical requests: the fewest and the most.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Range(f64, f64);

impl Range {
    fn show(self) -> String {
        if self.0 == self.1 {
            format!("{}", self.0)
        } else {
            format!("{}–{}", self.0, self.1)
        }
    }
}

/// `RUNS` runs of one variant.
async fn range(
    client: &Client,
    operation: Operation,
    variables: &serde_json::Value,
) -> anyhow::Result<Range> {
    let mut range = Range(f64::MAX, f64::MIN);
    for _ in 0..RUNS {
        let count = statements(client, operation, variables).await?;
        range = Range(range.0.min(count), range.1.max(count));
    }
    Ok(range)
}

/// Statements the server attributed to one run of `operation` with `variables`.
async fn statements(
    client: &Client,
    operation: Operation,
    variables: &serde_json::Value,
) -> anyhow::Result<f64> {
    let before = client.metrics().await?.counters(operation.name());
    client
        .query(operation.name(), operation.document(), variables)
        .await?;
    let after = client.metrics().await?.counters(operation.name());
    let delta = after.since(before);
    if delta.requests != 1.0 {
        anyhow::bail!(
            "{} requests of {} were counted meanwhile (is other traffic reaching the server?)",
            delta.requests,
            operation.name()
        );
    }
    Ok(delta.statements)
}

/// Runs the check and prints its table; returns the names of the operations flagged.
pub async fn check(
    client: &Client,
    catalogue: &Catalogue,
    operations: &[Operation],
) -> anyhow::Result<Vec<&'static str>> {
    println!(
        "| {:<17} | {:<44} | {:>5} | {:<44} | {:>5} | {:<8} |",
        "operation", "small", "SQL", "large", "SQL", "verdict"
    );
    let columns = [
        (17, true),
        (44, true),
        (5, false),
        (44, true),
        (5, false),
        (8, true),
    ];
    println!("{}", crate::report::rule(&columns));
    let mut flagged = Vec::new();
    for &operation in operations {
        let Some([(small_label, small), (large_label, large)]) = operation.shape_pair(catalogue)
        else {
            println!(
                "| {:<17} | skipped: fewer than two distinct values discovered |",
                operation.name()
            );
            continue;
        };
        let small_count = range(client, operation, &small).await?;
        let large_count = range(client, operation, &large).await?;
        let verdict = if small_count.0 != small_count.1 || large_count.0 != large_count.1 {
            "UNSTABLE"
        } else if small_count != large_count {
            "DIFFERS"
        } else {
            "same"
        };
        if verdict != "same" {
            flagged.push(operation.name());
        }
        println!(
            "| {:<17} | {:<44} | {:>5} | {:<44} | {:>5} | {:<8} |",
            operation.name(),
            clip(&small_label),
            small_count.show(),
            clip(&large_label),
            large_count.show(),
            verdict
        );
    }
    Ok(flagged)
}

fn clip(label: &str) -> String {
    if label.chars().count() > 44 {
        let mut short: String = label.chars().take(43).collect();
        short.push('…');
        short
    } else {
        label.to_string()
    }
}
