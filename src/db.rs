//! Connecting to the database (SQLite or PostgreSQL, chosen by URL), engine settings,
//! migrations, and the counter of SQL statements issued.

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use anyhow::Context as _;
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseConnectionType,
    DbBackend, TransactionTrait,
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
};

/// How to reach the database.
#[derive(Debug, Clone)]
pub struct DbConfig {
    /// `sqlite://FILE` or `postgres://…`.
    pub url: String,
    /// Pool size.
    pub max_connections: u32,
    /// PostgreSQL schema to use instead of `public` (tests give each run its own).
    pub schema: Option<String>,
    /// Prepared statements cached per connection.
    pub statement_cache: usize,
    /// Longest a statement may run (the request time limit, plus a margin): PostgreSQL cancels it
    /// (`statement_timeout`), SQLite stops waiting for a lock; `None`: no limit beyond
    /// SQLite's 5 s lock wait. A request stopped by its time limit thus frees its
    /// connection at once instead of leaving the server working for nobody.
    pub statement_timeout: Option<Duration>,
    /// How long a query waits for a pooled connection before failing. While the database is
    /// away, opening one is retried until then, so this is also how soon requests fail.
    pub acquire_timeout: Duration,
}

impl DbConfig {
    /// Settings for `url` with the defaults of the command line.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            max_connections: 8,
            schema: None,
            statement_cache: 256,
            statement_timeout: None,
            acquire_timeout: DEFAULT_ACQUIRE_TIMEOUT,
        }
    }
}

/// Default of [`DbConfig::acquire_timeout`] (`--db-acquire-timeout`).
pub const DEFAULT_ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

tokio::task_local! {
    /// The statements of the request being answered on this task.
    static REQUEST_STATEMENTS: Arc<AtomicU64>;
    /// The statements issued on this task, kept for inspection (`check-plans`).
    static STATEMENT_LOG: Arc<std::sync::Mutex<Vec<sea_orm::Statement>>>;
}

/// Runs `work`, returning its output and every SQL statement it issued (with its values).
pub async fn capture_statements<F: std::future::Future>(
    work: F,
) -> (F::Output, Vec<sea_orm::Statement>) {
    let log = Arc::new(std::sync::Mutex::new(Vec::new()));
    let output = STATEMENT_LOG.scope(log.clone(), work).await;
    let statements = log
        .lock()
        .map(|mut l| std::mem::take(&mut *l))
        .unwrap_or_default();
    (output, statements)
}

/// Runs `work` (one request, loaders included: they run on the request's task), returning
/// its output and the number of SQL statements it issued.
pub async fn count_statements<F: std::future::Future>(work: F) -> (F::Output, u64) {
    let counter = Arc::new(AtomicU64::new(0));
    let output = REQUEST_STATEMENTS.scope(counter.clone(), work).await;
    (output, counter.load(Ordering::Relaxed))
}

/// Counts every SQL statement the pool runs (shared by clones).
#[derive(Debug, Clone, Default)]
pub struct StatementCounter(Arc<AtomicU64>);

impl StatementCounter {
    /// Statements issued so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// How long SQLite waits for another connection's write lock at most.
const SQLITE_LOCK_WAIT: Duration = Duration::from_secs(5);

/// How much longer than the request time limit the database lets a statement run.
const STATEMENT_TIMEOUT_MARGIN: Duration = Duration::from_millis(100);

/// Opens the pool with the engine settings that hold under load.
///
/// When the database goes away, queries fail (as `INTERNAL` errors) within the acquire
/// timeout: a broken connection is tested before use and dropped, opening a new one is retried
/// until the deadline, and the pool reconnects by itself once the database is back.
///
/// SQLite: the file is created when missing, WAL journal, `synchronous = NORMAL`, a 5 s busy
/// timeout and foreign keys on, so several pooled connections read while one writes.
pub async fn connect(config: &DbConfig) -> anyhow::Result<(DatabaseConnection, StatementCounter)> {
    let counter = StatementCounter::default();
    let db = connect_counted(config, &counter).await?;
    Ok((db, counter))
}

/// Like [`connect`], counting statements into an existing counter.
pub async fn connect_counted(
    config: &DbConfig,
    counter: &StatementCounter,
) -> anyhow::Result<DatabaseConnection> {
    let cache = config.statement_cache;
    // A little past the request's time limit, so that the request's own timer fires first
    // and answers with its clear message; the database stops the work right after.
    let timeout = config
        .statement_timeout
        .map(|t| t + STATEMENT_TIMEOUT_MARGIN);
    let lock_wait = timeout.map_or(SQLITE_LOCK_WAIT, |t| t.min(SQLITE_LOCK_WAIT));
    let mut options = ConnectOptions::new(config.url.clone());
    options
        .max_connections(config.max_connections.max(2))
        .min_connections(1)
        .acquire_timeout(config.acquire_timeout)
        .test_before_acquire(true)
        .sqlx_logging(false)
        .map_sqlx_postgres_opts(move |opts| opts.statement_cache_capacity(cache))
        .map_sqlx_sqlite_opts(move |opts| {
            opts.statement_cache_capacity(cache)
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(lock_wait)
                .foreign_keys(true)
        });
    if let Some(schema) = &config.schema {
        options.set_schema_search_path(schema.clone());
    }
    if let Some(timeout) = timeout {
        options.statement_timeout(timeout); // PostgreSQL only; SQLite: the lock wait above
    }
    let mut db = Database::connect(options)
        .await
        .with_context(|| format!("cannot connect to the database at {}", redact(&config.url)))?;
    let count = counter.0.clone();
    db.set_metric_callback(move |info| {
        count.fetch_add(1, Ordering::Relaxed);
        let _ = REQUEST_STATEMENTS.try_with(|request| request.fetch_add(1, Ordering::Relaxed));
        let _ = STATEMENT_LOG.try_with(|log| {
            if let Ok(mut log) = log.lock() {
                log.push(info.statement.clone());
            }
        });
    });
    Ok(db)
}

/// The migration that creates the search index, which is then filled from the rows present.
const SEARCH_INDEX_MIGRATION: &str = "m20261128_000001_search";

/// Applies pending migrations, all of them in one transaction on both engines. When they
/// create the search index, it is built from the rows already there in the same transaction.
pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    let txn = db
        .begin()
        .await
        .context("cannot begin the migration transaction")?;
    if db.get_database_backend() == DbBackend::Postgres {
        // The serving pool's statement time limit is for requests, not for migrations.
        txn.execute_unprepared("SET LOCAL statement_timeout = 0")
            .await
            .context("cannot lift the statement time limit for the migrations")?;
    }
    let pending = Migrator::get_pending_migrations(&txn)
        .await
        .context("cannot read the applied migrations")?;
    Migrator::up(&txn, None).await.context("migration failed")?;
    if pending.iter().any(|m| m.name() == SEARCH_INDEX_MIGRATION) {
        crate::store::search::index::rebuild(&txn)
            .await
            .context("building the search index failed")?;
    }
    txn.commit().await.context("cannot commit the migrations")?;
    Ok(())
}

/// True when the database answers a trivial query within a second (a probe must not hang
/// for the pool's acquire timeout while the database is away).
pub async fn is_ready(db: &DatabaseConnection) -> bool {
    matches!(
        tokio::time::timeout(Duration::from_secs(1), db.execute_unprepared("SELECT 1")).await,
        Ok(Ok(_))
    )
}

/// What a connection pool holds right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolFigures {
    /// What the pool serves: `primary` or `replica`.
    pub role: &'static str,
    /// Open connections, in use or idle.
    pub size: u32,
    /// Open connections not in use.
    pub idle: u64,
    /// Most connections the pool opens.
    pub max: u32,
}

/// The figures of the primary's pool, and of the replica's when `read_db` is a pool of its
/// own (not a clone of the primary's); none for connections that are not pools.
pub fn pool_figures(db: &DatabaseConnection, read_db: &DatabaseConnection) -> Vec<PoolFigures> {
    let primary = pool_of(db, "primary");
    let replica = pool_of(read_db, "replica");
    match (primary, replica) {
        (Some((primary, key)), Some((replica, replica_key))) if key != replica_key => {
            vec![primary, replica]
        }
        (primary, _) => primary.map(|(figures, _)| figures).into_iter().collect(),
    }
}

/// The figures of `db`'s pool, and the address of the pool's settings, which clones of one
/// pool share.
fn pool_of(db: &DatabaseConnection, role: &'static str) -> Option<(PoolFigures, usize)> {
    macro_rules! figures {
        ($pool:expr) => {{
            let pool = $pool;
            let options = pool.options();
            let figures = PoolFigures {
                role,
                size: pool.size(),
                idle: pool.num_idle() as u64,
                max: options.get_max_connections(),
            };
            Some((figures, std::ptr::from_ref(options) as usize))
        }};
    }
    match &db.inner {
        DatabaseConnectionType::SqlxPostgresPoolConnection(_) => {
            figures!(db.get_postgres_connection_pool())
        }
        DatabaseConnectionType::SqlxSqlitePoolConnection(_) => {
            figures!(db.get_sqlite_connection_pool())
        }
        _ => None,
    }
}

/// The engine behind a connection, for the few places where SQL differs.
pub fn is_postgres(db: &impl ConnectionTrait) -> bool {
    db.get_database_backend() == DbBackend::Postgres
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme + 3],
                    &userinfo[..colon],
                    &url[at..]
                ),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_redacted_from_urls() {
        assert_eq!(
            redact("postgres://kino:secret@db:5432/k"),
            "postgres://kino:***@db:5432/k"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/test"),
            "postgres://postgres@127.0.0.1/test"
        );
        assert_eq!(redact("sqlite://kinograph.db"), "sqlite://kinograph.db");
    }
}
