//! Writing rows fast: multi-row `INSERT` statements kept under the engine's bind-parameter
//! limit, a transaction per few thousand rows, a progress bar per table on stderr, and the
//! time each table took. Searchable rows get their search documents in the same
//! transaction as they are written ([`Writer::write_indexed`]).

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, InsertMany, IntoActiveModel, Iterable,
    TransactionTrait,
};

use crate::{
    entities::search_document,
    store::search::{Indexed, index},
};

/// Rows committed per transaction.
const ROWS_PER_TRANSACTION: usize = 5_000;
/// Upper bound of rows per statement, whatever the parameter limit allows.
const MAX_ROWS_PER_STATEMENT: usize = 1_000;
/// SQLite page cache of the loading connections: 256 MiB.
const SQLITE_CACHE: &str = "PRAGMA cache_size = -262144";

/// How long one table took.
#[derive(Clone, Debug)]
pub struct TableTime {
    /// Table name.
    pub table: &'static str,
    /// Rows inserted.
    pub rows: usize,
    /// Time spent generating and inserting them.
    pub elapsed: Duration,
}

/// Inserts rows table by table and keeps the times.
pub(crate) struct Writer<'a> {
    db: &'a DatabaseConnection,
    progress: bool,
    sqlite: bool,
    max_parameters: usize,
    pub(crate) times: Vec<TableTime>,
    /// Search documents written so far, and the time spent making and writing them.
    indexed: TableTime,
}

impl<'a> Writer<'a> {
    pub(crate) fn new(db: &'a DatabaseConnection, progress: bool) -> Self {
        // PostgreSQL binds at most 65535 parameters per statement, SQLite 32766.
        let postgres = crate::db::is_postgres(db);
        let max_parameters = if postgres { 65_535 } else { 32_766 };
        Self {
            db,
            progress,
            sqlite: !postgres,
            max_parameters,
            times: Vec::new(),
            indexed: TableTime {
                table: "search_document",
                rows: 0,
                elapsed: Duration::ZERO,
            },
        }
    }

    fn bar(&self, table: &'static str, expected: usize) -> ProgressBar {
        if !self.progress {
            return ProgressBar::hidden();
        }
        let style = ProgressStyle::with_template(
            "{prefix:>20} [{bar:40}] {pos:>9}/{len:9} {per_sec:>12} {elapsed_precise}",
        )
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        ProgressBar::new(expected as u64)
            .with_style(style)
            .with_prefix(table)
    }

    /// Inserts every row of `rows` into `E`'s table; `expected` sizes the progress bar.
    pub(crate) async fn write<E, I>(
        &mut self,
        table: &'static str,
        expected: usize,
        rows: I,
    ) -> Result<usize, DbErr>
    where
        E: EntityTrait,
        E::Model: IntoActiveModel<E::ActiveModel>,
        I: IntoIterator<Item = E::Model>,
    {
        self.write_with::<E, I>(table, expected, rows, |_| Vec::new())
            .await
    }

    /// Like [`Writer::write`] for a searchable table: each statement's rows get their search
    /// documents in the same transaction.
    pub(crate) async fn write_indexed<E, I>(
        &mut self,
        table: &'static str,
        expected: usize,
        rows: I,
    ) -> Result<usize, DbErr>
    where
        E: Indexed,
        E::Model: IntoActiveModel<E::ActiveModel>,
        I: IntoIterator<Item = E::Model>,
    {
        self.write_with::<E, I>(table, expected, rows, |chunk| {
            chunk.iter().map(E::document).collect()
        })
        .await
    }

    /// The search documents' row count and time, once every table is written.
    pub(crate) fn finish(mut self) -> Vec<TableTime> {
        self.times.push(self.indexed);
        self.times
    }

    async fn write_with<E, I>(
        &mut self,
        table: &'static str,
        expected: usize,
        rows: I,
        documents: impl Fn(&[E::Model]) -> Vec<search_document::Model>,
    ) -> Result<usize, DbErr>
    where
        E: EntityTrait,
        E::Model: IntoActiveModel<E::ActiveModel>,
        I: IntoIterator<Item = E::Model>,
    {
        let started = Instant::now();
        let mut indexing = Duration::ZERO;
        let columns = E::Column::iter().count().max(1);
        let per_statement = (self.max_parameters / columns).clamp(1, MAX_ROWS_PER_STATEMENT);
        let bar = self.bar(table, expected);
        let mut rows = rows.into_iter().peekable();
        let mut written = 0;
        while rows.peek().is_some() {
            let txn = self.db.begin().await?;
            if self.sqlite {
                // Index pages of the big tables stay in memory instead of being re-read for
                // every insert (the default cache is 2 MiB); per connection, so set on each.
                txn.execute_unprepared(SQLITE_CACHE).await?;
            }
            let mut in_transaction = 0;
            while in_transaction < ROWS_PER_TRANSACTION {
                let chunk: Vec<E::Model> = rows.by_ref().take(per_statement).collect();
                if chunk.is_empty() {
                    break;
                }
                let n = chunk.len();
                let making = Instant::now();
                let docs = documents(&chunk);
                indexing += making.elapsed();
                InsertMany::<E::ActiveModel>::many(chunk)
                    .exec_without_returning(&txn)
                    .await?;
                if !docs.is_empty() {
                    let writing = Instant::now();
                    self.indexed.rows += docs.len();
                    index::insert(&txn, docs).await?;
                    indexing += writing.elapsed();
                }
                in_transaction += n;
                bar.inc(n as u64);
            }
            txn.commit().await?;
            written += in_transaction;
        }
        bar.set_length(written as u64);
        bar.finish();
        self.indexed.elapsed += indexing;
        self.times.push(TableTime {
            table,
            rows: written,
            elapsed: started.elapsed().saturating_sub(indexing),
        });
        Ok(written)
    }
}
