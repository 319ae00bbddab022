//! The per-request time limit. The work runs as a task of its own; at the limit a query is
//! answered at once while its task runs on until the database stops its statement (the pool
//! sets the statement timeout just past the limit: see `db::DbConfig::statement_timeout`),
//! which ends it through the usual error path, so its connection goes back to the pool clean.
//! Dropping a future in the middle of a statement instead leaves the pool's connection in an
//! unknown state (seen on PostgreSQL: the pool ran dry after three).
//!
//! A write is waited for: its outcome decides the answer, so a client is never told a write
//! was stopped when it committed.

use std::{future::Future, time::Duration};

/// How long a task may go on after its limit before it is aborted, should the database not
/// stop it (a long computation on SQLite, which has no statement timeout).
const GRACE: Duration = Duration::from_secs(5);

/// How the work ended.
#[derive(Debug)]
pub enum Outcome<T> {
    /// Within the limit.
    Finished(T),
    /// A write that finished after the limit (usually stopped by the database).
    Late(T),
    /// Past the limit; the task is left to the database's statement timeout.
    Stopped,
    /// The task failed (panicked) or was aborted.
    Failed,
}

/// Runs `work` under `limit`; a `write` is waited for past the limit (see the module).
pub async fn run<T, F>(limit: Duration, write: bool, work: F) -> Outcome<T>
where
    T: Send + 'static,
    F: Future<Output = T> + Send + 'static,
{
    let mut task = tokio::spawn(work);
    let late = match tokio::time::timeout(limit, &mut task).await {
        Ok(Ok(output)) => return Outcome::Finished(output),
        Ok(Err(failure)) => return failed(&failure),
        Err(_) => !write,
    };
    if late {
        tokio::spawn(async move {
            if tokio::time::timeout(GRACE, &mut task).await.is_err() {
                tracing::warn!("a request task outlived its time limit by {GRACE:?}; aborted");
                task.abort();
            }
        });
        return Outcome::Stopped;
    }
    match tokio::time::timeout(GRACE, &mut task).await {
        Ok(Ok(output)) => Outcome::Late(output),
        Ok(Err(failure)) => failed(&failure),
        Err(_) => {
            tracing::warn!("a write outlived its time limit by {GRACE:?}; aborted");
            task.abort();
            Outcome::Failed
        }
    }
}

fn failed<T>(failure: &tokio::task::JoinError) -> Outcome<T> {
    tracing::error!(error = %failure, "a request task failed");
    Outcome::Failed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn work_within_the_limit_finishes_and_slow_reads_are_stopped() {
        let quick = run(Duration::from_secs(5), false, async { 7 }).await;
        assert!(matches!(quick, Outcome::Finished(7)));
        let slow = run(Duration::from_millis(20), false, async {
            tokio::time::sleep(Duration::from_secs(60)).await;
        })
        .await;
        assert!(matches!(slow, Outcome::Stopped));
    }

    #[tokio::test]
    async fn slow_writes_are_waited_for_and_panics_are_failures() {
        let write = run(Duration::from_millis(20), true, async {
            tokio::time::sleep(Duration::from_millis(60)).await;
            "committed"
        })
        .await;
        assert!(matches!(write, Outcome::Late("committed")));
        let panicked: Outcome<()> = run(Duration::from_secs(5), false, async {
            panic!("boom");
        })
        .await;
        assert!(matches!(panicked, Outcome::Failed));
    }
}
