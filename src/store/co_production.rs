//! Co-productions (film × organization × role), always read with their organization.

use std::collections::HashMap;

use sea_orm::{
    ConnectionTrait, DbErr, FromQueryResult, QueryResult,
    sea_query::{ExprTrait, JoinType, Order, Query, SelectStatement},
};

use crate::{
    domain::viewer::Viewer,
    entities::{co_production, organization},
    error::AppResult,
    store::{
        page::{Page, PageQuery, SortKey, SortKind, fetch_windows},
        sql::{by_key, col, grouped, select_prefixed},
        visibility,
    },
};

/// A co-production with its organization.
#[derive(Debug, Clone)]
pub struct CoProductionRow {
    /// The co-production.
    pub co_production: co_production::Model,
    /// The organization taking part.
    pub organization: organization::Model,
}

impl FromQueryResult for CoProductionRow {
    fn from_query_result(row: &QueryResult, _prefix: &str) -> Result<Self, DbErr> {
        Ok(Self {
            co_production: co_production::Model::from_query_result(row, "c_")?,
            organization: organization::Model::from_query_result(row, "o_")?,
        })
    }
}

fn query(viewer: Viewer) -> SelectStatement {
    let mut query = Query::select()
        .from(co_production::Entity)
        .join(
            JoinType::InnerJoin,
            organization::Entity,
            col(organization::Entity, organization::Column::Id)
                .equals((co_production::Entity, co_production::Column::OrganizationId)),
        )
        .cond_where(visibility::film_ref(
            viewer,
            (co_production::Entity, co_production::Column::FilmId),
        ))
        .to_owned();
    select_prefixed::<co_production::Entity>(&mut query, "c_");
    select_prefixed::<organization::Entity>(&mut query, "o_");
    query
}

fn keys() -> Vec<SortKey> {
    vec![
        SortKey::new(
            col(co_production::Entity, co_production::Column::SortOrder),
            SortKind::Int,
            false,
        ),
        SortKey::new(
            col(co_production::Entity, co_production::Column::Id),
            SortKind::Int,
            false,
        ),
    ]
}

/// Each film's co-productions, in display order.
pub async fn of_films(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    film_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<CoProductionRow>>> {
    let query = query(viewer)
        .and_where(col(co_production::Entity, co_production::Column::FilmId).is_in(film_ids))
        .order_by(
            (co_production::Entity, co_production::Column::SortOrder),
            Order::Asc,
        )
        .order_by(
            (co_production::Entity, co_production::Column::Id),
            Order::Asc,
        )
        .to_owned();
    grouped(
        db,
        query,
        col(co_production::Entity, co_production::Column::FilmId),
    )
    .await
}

/// The visible co-productions among `ids`.
pub async fn by_ids(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, CoProductionRow>> {
    let query = query(viewer)
        .and_where(col(co_production::Entity, co_production::Column::Id).is_in(ids))
        .to_owned();
    by_key(
        db,
        query,
        col(co_production::Entity, co_production::Column::Id),
    )
    .await
}

/// Which parent a page of co-productions hangs off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CoProductionParent {
    /// An organization's co-productions.
    Organization,
    /// The co-productions falling under an agreement.
    Agreement,
}

/// A page of each parent's co-productions, with totals, in one statement.
pub async fn pages_of(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    parent: CoProductionParent,
    parent_ids: Vec<i32>,
    page: &PageQuery,
) -> AppResult<HashMap<i32, Page<CoProductionRow>>> {
    let column = match parent {
        CoProductionParent::Organization => co_production::Column::OrganizationId,
        CoProductionParent::Agreement => co_production::Column::AgreementId,
    };
    let query = query(viewer)
        .and_where(col(co_production::Entity, column).is_in(parent_ids))
        .to_owned();
    fetch_windows(
        db,
        query,
        col(co_production::Entity, column),
        &keys(),
        page,
        |_| (),
    )
    .await
}

/// The list tag of co-production cursors.
pub const LIST: &str = "coProductions";
