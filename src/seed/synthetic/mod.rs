//! The synthetic catalogue: `kinograph seed --synthetic --films N [--seed S]`.
//!
//! Fills the database with a deterministic catalogue of realistic shape and size: per 100,000
//! films about 2,000 organizations, 50,000 people, 300,000 co-productions, 800,000 credits,
//! 200 festivals with 10 editions each, 1,000,000 screenings, 2,000 locations, 100,000 shoots
//! and 100,000 press materials with their subjects, quotes and attachments; everything scales
//! linearly with N. The same N and S give the same rows, ids included, on a fresh database
//! (ids continue after the rows already there, e.g. the demo data). Texts are Russian and
//! English, built from word lists with real inflected forms (see [`words`]); every record with
//! a slug has one starting `syn-`, and every description, biography, synopsis, summary and
//! lead starts "Синтетические данные." / "Synthetic data.".
//!
//! Rows go in as multi-row inserts with explicit ids, a transaction per few thousand rows
//! ([`writer`]), the search documents of films, press materials, organizations, people,
//! festivals, editions, locations and agreements beside their rows (reported as the table
//! `search_document`); on PostgreSQL the identity sequences are then moved past the
//! largest id.

mod agreements;
mod dice;
mod festivals;
mod films;
mod making;
mod people;
mod places;
mod plan;
mod press;
mod screenings;
mod words;
mod world;
mod writer;

use std::time::{Duration, Instant};

use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

pub use writer::TableTime;

use crate::entities::{film, organization};
use plan::{Bases, ID_TABLES, Plan};
use world::{Stream, World};
use writer::Writer;

/// The largest catalogue generated: its working set stays in memory while it is written.
pub const MAX_FILMS: usize = 1_000_000;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Number of films; every other table scales with it.
    pub films: usize,
    /// Seed of the random choices.
    pub seed: u64,
    /// Show a progress bar per table on stderr.
    pub progress: bool,
}

/// What was written and how long it took.
#[derive(Clone, Debug)]
pub struct Report {
    /// Per table, in the order written.
    pub tables: Vec<TableTime>,
    /// Wall time of the whole load.
    pub total: Duration,
}

impl Report {
    /// Rows written in all.
    pub fn rows(&self) -> usize {
        self.tables.iter().map(|t| t.rows).sum()
    }
}

/// Why the synthetic catalogue was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum SyntheticError {
    /// The database already has synthetic rows.
    #[error(
        "the database already holds synthetic data (slugs starting with \"syn-\"); load the synthetic catalogue into a fresh database"
    )]
    AlreadyLoaded,
    /// The number of films is out of range.
    #[error("the number of synthetic films must be between 1 and {MAX_FILMS}, not {0}")]
    Size(usize),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// True when synthetic rows are present.
pub async fn is_loaded(db: &DatabaseConnection) -> Result<bool, DbErr> {
    let film = film::Entity::find()
        .filter(film::Column::Slug.starts_with("syn-"))
        .one(db)
        .await?;
    let organization = organization::Entity::find()
        .filter(organization::Column::Slug.starts_with("syn-"))
        .one(db)
        .await?;
    Ok(film.is_some() || organization.is_some())
}

/// Generates and writes the synthetic catalogue.
pub async fn load(db: &DatabaseConnection, options: &Options) -> Result<Report, SyntheticError> {
    if !(1..=MAX_FILMS).contains(&options.films) {
        return Err(SyntheticError::Size(options.films));
    }
    if is_loaded(db).await? {
        return Err(SyntheticError::AlreadyLoaded);
    }
    let started = Instant::now();
    let mut w = World::new(
        options.seed,
        Plan::new(options.films),
        Bases::read(db).await?,
    );
    let mut out = Writer::new(db, options.progress);
    people::organizations(&mut w, &mut out).await?;
    people::people(&mut w, &mut out).await?;
    people::affiliations(&w, &mut out).await?;
    festivals::write(&mut w, &mut out).await?;
    agreements::write(&mut w, &mut out).await?;
    films::genres(db, &mut w, &mut out).await?;
    films::films(&mut w, &mut out).await?;
    films::film_genres(&w, &mut out).await?;
    making::co_productions(&w, &mut out).await?;
    making::credits(&w, &mut out).await?;
    places::write(&mut w, &mut out).await?;
    making::shoots(&w, &mut out).await?;
    screenings::write(&w, &mut out).await?;
    press::materials(&mut w, &mut out).await?;
    press::subjects(&w, &mut out).await?;
    press::quotes(&w, &mut out).await?;
    let (mut film_dice, mut press_dice) = (w.dice(Stream::Asset), w.dice(Stream::PressAsset));
    let assets = films::assets(&w, &mut film_dice)
        .chain(press::assets(&w, &mut press_dice))
        .zip(w.bases.media_asset..)
        .map(|(row, id)| crate::entities::media_asset::Model { id, ..row });
    let expected = w.films.len() * 6 / 5 + w.press.len() * 3 / 2;
    out.write::<crate::entities::media_asset::Entity, _>("media_asset", expected, assets)
        .await?;
    if crate::db::is_postgres(db) {
        reset_sequences(db).await?;
    }
    Ok(Report {
        tables: out.finish(),
        total: started.elapsed(),
    })
}

/// Moves each identity sequence past the largest id, so that ordinary inserts continue.
async fn reset_sequences(db: &DatabaseConnection) -> Result<(), DbErr> {
    for table in ID_TABLES {
        db.execute_unprepared(&format!(
            "SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), (SELECT MAX(id) FROM \"{table}\"))"
        ))
        .await?;
    }
    Ok(())
}
