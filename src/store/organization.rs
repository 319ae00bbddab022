//! Organizations and people: affiliations, owned locations, festivals organized.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QueryTrait,
    sea_query::{ExprTrait, JoinType, Order, Query},
};

use crate::{
    entities::{affiliation, festival, festival_organizer, location, organization},
    error::AppResult,
    store::sql::{col, grouped, select_prefixed},
};

/// Whose affiliations to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AffiliationSide {
    /// Affiliations of organizations.
    Organization,
    /// Affiliations of people.
    Person,
}

/// The affiliations of each organization or person, in display order.
pub async fn affiliations_of(
    db: &impl ConnectionTrait,
    side: AffiliationSide,
    ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<affiliation::Model>>> {
    let column = match side {
        AffiliationSide::Organization => affiliation::Column::OrganizationId,
        AffiliationSide::Person => affiliation::Column::PersonId,
    };
    let query = affiliation::Entity::find()
        .filter(column.is_in(ids))
        .order_by_asc(affiliation::Column::SortOrder)
        .order_by_asc(affiliation::Column::Id)
        .into_query();
    grouped(db, query, col(affiliation::Entity, column)).await
}

/// The locations each organization owns, by slug.
pub async fn locations_of(
    db: &impl ConnectionTrait,
    owner_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<location::Model>>> {
    let query = location::Entity::find()
        .filter(location::Column::OwnerId.is_in(owner_ids))
        .order_by_asc(location::Column::Slug)
        .into_query();
    grouped(db, query, col(location::Entity, location::Column::OwnerId)).await
}

/// The festivals each organization organizes, by slug.
pub async fn festivals_of(
    db: &impl ConnectionTrait,
    organization_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<festival::Model>>> {
    let mut query = Query::select()
        .from(festival::Entity)
        .join(
            JoinType::InnerJoin,
            festival_organizer::Entity,
            col(
                festival_organizer::Entity,
                festival_organizer::Column::FestivalId,
            )
            .equals((festival::Entity, festival::Column::Id)),
        )
        .and_where(
            col(
                festival_organizer::Entity,
                festival_organizer::Column::OrganizationId,
            )
            .is_in(organization_ids),
        )
        .order_by((festival::Entity, festival::Column::Slug), Order::Asc)
        .to_owned();
    select_prefixed::<festival::Entity>(&mut query, "");
    grouped(
        db,
        query,
        col(
            festival_organizer::Entity,
            festival_organizer::Column::OrganizationId,
        ),
    )
    .await
}

/// The organizers of each festival, in display order.
pub async fn organizers_of(
    db: &impl ConnectionTrait,
    festival_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<organization::Model>>> {
    let mut query = Query::select()
        .from(organization::Entity)
        .join(
            JoinType::InnerJoin,
            festival_organizer::Entity,
            col(
                festival_organizer::Entity,
                festival_organizer::Column::OrganizationId,
            )
            .equals((organization::Entity, organization::Column::Id)),
        )
        .and_where(
            col(
                festival_organizer::Entity,
                festival_organizer::Column::FestivalId,
            )
            .is_in(festival_ids),
        )
        .order_by(
            (
                festival_organizer::Entity,
                festival_organizer::Column::SortOrder,
            ),
            Order::Asc,
        )
        .to_owned();
    select_prefixed::<organization::Entity>(&mut query, "");
    grouped(
        db,
        query,
        col(
            festival_organizer::Entity,
            festival_organizer::Column::FestivalId,
        ),
    )
    .await
}
