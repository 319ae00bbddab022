//! Credits (person × film × role), always read with their person.

use std::collections::HashMap;

use sea_orm::{
    ConnectionTrait, DbErr, FromQueryResult, QueryResult,
    sea_query::{ExprTrait, JoinType, Order, Query, SelectStatement},
};

use crate::{
    domain::viewer::Viewer,
    entities::{credit, person},
    error::AppResult,
    store::{
        sql::{col, grouped, select_prefixed},
        visibility,
    },
};

/// A credit with its person.
#[derive(Debug, Clone)]
pub struct CreditRow {
    /// The credit.
    pub credit: credit::Model,
    /// The person credited.
    pub person: person::Model,
}

impl FromQueryResult for CreditRow {
    fn from_query_result(row: &QueryResult, _prefix: &str) -> Result<Self, DbErr> {
        Ok(Self {
            credit: credit::Model::from_query_result(row, "c_")?,
            person: person::Model::from_query_result(row, "p_")?,
        })
    }
}

fn query(viewer: Viewer) -> SelectStatement {
    let mut query = Query::select()
        .from(credit::Entity)
        .join(
            JoinType::InnerJoin,
            person::Entity,
            col(person::Entity, person::Column::Id)
                .equals((credit::Entity, credit::Column::PersonId)),
        )
        .cond_where(visibility::film_ref(
            viewer,
            (credit::Entity, credit::Column::FilmId),
        ))
        .order_by((credit::Entity, credit::Column::SortOrder), Order::Asc)
        .order_by((credit::Entity, credit::Column::Id), Order::Asc)
        .to_owned();
    select_prefixed::<credit::Entity>(&mut query, "c_");
    select_prefixed::<person::Entity>(&mut query, "p_");
    query
}

/// Each film's credits, in billing order.
pub async fn of_films(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    film_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<CreditRow>>> {
    let query = query(viewer)
        .and_where(col(credit::Entity, credit::Column::FilmId).is_in(film_ids))
        .to_owned();
    grouped(db, query, col(credit::Entity, credit::Column::FilmId)).await
}

/// Each person's credits on films the viewer may see.
pub async fn of_people(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    person_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<CreditRow>>> {
    let query = query(viewer)
        .and_where(col(credit::Entity, credit::Column::PersonId).is_in(person_ids))
        .to_owned();
    grouped(db, query, col(credit::Entity, credit::Column::PersonId)).await
}
