//! How big each table gets for a number of films, where each table's ids start, and the
//! deterministic timestamps of the records.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ConnectionTrait, DbErr, EntityTrait, QuerySelect,
    sea_query::{Expr, ExprTrait},
};

use super::dice::Dice;
use crate::entities::{
    affiliation, agreement, agreement_signatory, co_production, credit, festival, festival_edition,
    film, genre, location, media_asset, organization, person, press_material, quote, screening,
    section, shoot,
};

/// Row counts of the top-level tables; child tables follow per-parent distributions.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Plan {
    pub films: usize,
    pub organizations: usize,
    pub people: usize,
    pub affiliations: usize,
    pub festivals: usize,
    pub editions_per_festival: usize,
    pub agreements: usize,
    pub locations: usize,
    pub screenings: usize,
    pub press: usize,
}

/// `per_100k` rows per 100,000 films, rounded, at least `min`.
fn scaled(films: usize, per_100k: usize, min: usize) -> usize {
    ((films * per_100k + 50_000) / 100_000).max(min)
}

impl Plan {
    pub(crate) fn new(films: usize) -> Self {
        Self {
            films,
            // At least two: an agreement has two parties.
            organizations: scaled(films, 2_000, 2),
            people: scaled(films, 50_000, 1),
            affiliations: scaled(films, 10_000, 1),
            festivals: scaled(films, 200, 1),
            editions_per_festival: 10,
            agreements: scaled(films, 200, 1),
            locations: scaled(films, 2_000, 1),
            screenings: scaled(films, 1_000_000, 1),
            press: scaled(films, 100_000, 1),
        }
    }
}

/// The first id of each table's synthetic rows: one past the largest id already there, so
/// that a fresh database always gets the same ids.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Bases {
    pub organization: i32,
    pub person: i32,
    pub affiliation: i32,
    pub festival: i32,
    pub edition: i32,
    pub section: i32,
    pub agreement: i32,
    pub signatory: i32,
    pub genre: i32,
    pub film: i32,
    pub co_production: i32,
    pub credit: i32,
    pub location: i32,
    pub shoot: i32,
    pub screening: i32,
    pub press: i32,
    pub quote: i32,
    pub media_asset: i32,
}

async fn next_id<E, C>(db: &C, id: E::Column) -> Result<i32, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let max: Option<Option<i32>> = E::find()
        .select_only()
        .column_as(Expr::col(id).max(), "max_id")
        .into_tuple()
        .one(db)
        .await?;
    Ok(max.flatten().unwrap_or(0) + 1)
}

impl Bases {
    pub(crate) async fn read(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        Ok(Self {
            organization: next_id::<organization::Entity, _>(db, organization::Column::Id).await?,
            person: next_id::<person::Entity, _>(db, person::Column::Id).await?,
            affiliation: next_id::<affiliation::Entity, _>(db, affiliation::Column::Id).await?,
            festival: next_id::<festival::Entity, _>(db, festival::Column::Id).await?,
            edition: next_id::<festival_edition::Entity, _>(db, festival_edition::Column::Id)
                .await?,
            section: next_id::<section::Entity, _>(db, section::Column::Id).await?,
            agreement: next_id::<agreement::Entity, _>(db, agreement::Column::Id).await?,
            signatory: next_id::<agreement_signatory::Entity, _>(
                db,
                agreement_signatory::Column::Id,
            )
            .await?,
            genre: next_id::<genre::Entity, _>(db, genre::Column::Id).await?,
            film: next_id::<film::Entity, _>(db, film::Column::Id).await?,
            co_production: next_id::<co_production::Entity, _>(db, co_production::Column::Id)
                .await?,
            credit: next_id::<credit::Entity, _>(db, credit::Column::Id).await?,
            location: next_id::<location::Entity, _>(db, location::Column::Id).await?,
            shoot: next_id::<shoot::Entity, _>(db, shoot::Column::Id).await?,
            screening: next_id::<screening::Entity, _>(db, screening::Column::Id).await?,
            press: next_id::<press_material::Entity, _>(db, press_material::Column::Id).await?,
            quote: next_id::<quote::Entity, _>(db, quote::Column::Id).await?,
            media_asset: next_id::<media_asset::Entity, _>(db, media_asset::Column::Id).await?,
        })
    }
}

/// Tables with an identity `id` column, whose PostgreSQL sequences follow explicit inserts.
pub(crate) const ID_TABLES: [&str; 18] = [
    "organization",
    "person",
    "affiliation",
    "festival",
    "festival_edition",
    "section",
    "agreement",
    "agreement_signatory",
    "genre",
    "film",
    "co_production",
    "credit",
    "location",
    "shoot",
    "screening",
    "press_material",
    "quote",
    "media_asset",
];

/// A row's `created_at` and `updated_at`: updated between 2022 and 2025, created up to
/// 400 days before.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Stamps {
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// 2022-01-01T00:00:00Z.
pub(crate) const EPOCH: i64 = 1_640_995_200;
/// Four years of seconds.
const SPAN: i64 = 4 * 365 * 24 * 3600;

impl Stamps {
    pub(crate) fn draw(d: &mut Dice) -> Self {
        let updated = EPOCH + d.between(0, SPAN - 1);
        let created = updated - d.between(0, 400 * 24 * 3600);
        Self {
            created_at: at(created),
            updated_at: at(updated),
        }
    }

    /// An instant between creation and last update (a publication time).
    pub(crate) fn between(&self, d: &mut Dice) -> DateTime<Utc> {
        let span = (self.updated_at - self.created_at).num_seconds();
        self.created_at + Duration::seconds(d.between(0, span))
    }
}

/// An instant from Unix seconds (always in range here).
pub(crate) fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}
