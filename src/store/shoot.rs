//! Shoots (a film's booking of a location), always read with their location.

use std::collections::HashMap;

use sea_orm::{
    ConnectionTrait, DbErr, FromQueryResult, QueryResult,
    sea_query::{ExprTrait, JoinType, Order, Query, SelectStatement},
};

use crate::{
    domain::viewer::Viewer,
    entities::{location, shoot},
    error::AppResult,
    store::{
        page::{Page, PageQuery, SortKey, SortKind, fetch_windows},
        sql::{by_key, col, grouped, select_prefixed},
        visibility,
    },
};

/// A shoot with its location.
#[derive(Debug, Clone)]
pub struct ShootRow {
    /// The shoot.
    pub shoot: shoot::Model,
    /// Where it takes place.
    pub location: location::Model,
}

impl FromQueryResult for ShootRow {
    fn from_query_result(row: &QueryResult, _prefix: &str) -> Result<Self, DbErr> {
        Ok(Self {
            shoot: shoot::Model::from_query_result(row, "s_")?,
            location: location::Model::from_query_result(row, "l_")?,
        })
    }
}

fn query(viewer: Viewer) -> SelectStatement {
    let mut query = Query::select()
        .from(shoot::Entity)
        .join(
            JoinType::InnerJoin,
            location::Entity,
            col(location::Entity, location::Column::Id)
                .equals((shoot::Entity, shoot::Column::LocationId)),
        )
        .cond_where(visibility::film_ref(
            viewer,
            (shoot::Entity, shoot::Column::FilmId),
        ))
        .to_owned();
    select_prefixed::<shoot::Entity>(&mut query, "s_");
    select_prefixed::<location::Entity>(&mut query, "l_");
    query
}

/// Shoots are listed by start date, then id.
fn keys() -> Vec<SortKey> {
    vec![
        SortKey::new(
            col(shoot::Entity, shoot::Column::StartsOn),
            SortKind::Date,
            false,
        ),
        SortKey::new(col(shoot::Entity, shoot::Column::Id), SortKind::Int, false),
    ]
}

/// The list tag of shoot cursors.
pub const LIST: &str = "shoots";

/// Each film's shoots, by start date.
pub async fn of_films(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    film_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<ShootRow>>> {
    let query = query(viewer)
        .and_where(col(shoot::Entity, shoot::Column::FilmId).is_in(film_ids))
        .order_by((shoot::Entity, shoot::Column::StartsOn), Order::Asc)
        .order_by((shoot::Entity, shoot::Column::Id), Order::Asc)
        .to_owned();
    grouped(db, query, col(shoot::Entity, shoot::Column::FilmId)).await
}

/// The visible shoots among `ids`.
pub async fn by_ids(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, ShootRow>> {
    let query = query(viewer)
        .and_where(col(shoot::Entity, shoot::Column::Id).is_in(ids))
        .to_owned();
    by_key(db, query, col(shoot::Entity, shoot::Column::Id)).await
}

/// A page of each location's shoots, with totals, in one statement.
pub async fn pages_of_locations(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    location_ids: Vec<i32>,
    page: &PageQuery,
) -> AppResult<HashMap<i32, Page<ShootRow>>> {
    let query = query(viewer)
        .and_where(col(shoot::Entity, shoot::Column::LocationId).is_in(location_ids))
        .to_owned();
    fetch_windows(
        db,
        query,
        col(shoot::Entity, shoot::Column::LocationId),
        &keys(),
        page,
        |_| (),
    )
    .await
}
