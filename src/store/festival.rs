//! Festivals, their editions and the editions' programme sections.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QueryTrait};

use crate::{
    entities::{festival_edition, section},
    error::AppResult,
    store::sql::{col, grouped},
};

/// The editions of each festival, latest first.
pub async fn editions_of(
    db: &impl ConnectionTrait,
    festival_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<festival_edition::Model>>> {
    let query = festival_edition::Entity::find()
        .filter(festival_edition::Column::FestivalId.is_in(festival_ids))
        .order_by_desc(festival_edition::Column::Number)
        .into_query();
    grouped(
        db,
        query,
        col(
            festival_edition::Entity,
            festival_edition::Column::FestivalId,
        ),
    )
    .await
}

/// The programme sections of each edition, in display order.
pub async fn sections_of(
    db: &impl ConnectionTrait,
    edition_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<section::Model>>> {
    let query = section::Entity::find()
        .filter(section::Column::EditionId.is_in(edition_ids))
        .order_by_asc(section::Column::SortOrder)
        .order_by_asc(section::Column::Id)
        .into_query();
    grouped(db, query, col(section::Entity, section::Column::EditionId)).await
}
