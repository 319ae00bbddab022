//! Press materials: the press room list, back-references from their subjects, and their
//! quotes, assets and subjects.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QueryTrait,
    sea_query::{Condition, Expr, ExprTrait, JoinType, Query},
};

use crate::{
    domain::{
        enums::{PressMaterialKind, SubjectType},
        viewer::Viewer,
    },
    entities::{media_asset, press_material, press_subject, quote},
    error::AppResult,
    store::{
        page::{Page, PageQuery, SortKey, SortKind, fetch_page, fetch_windows},
        sql::{col, count, grouped, select_prefixed},
        visibility,
    },
};

/// Which press materials to list.
#[derive(Debug, Clone, Default)]
pub struct PressFilter {
    /// Of any of these kinds.
    pub kinds: Option<Vec<PressMaterialKind>>,
    /// About this subject.
    pub subject: Option<(SubjectType, i32)>,
    /// Published at or after.
    pub published_after: Option<DateTime<Utc>>,
    /// Published before.
    pub published_before: Option<DateTime<Utc>>,
}

/// The list tag of press material cursors (newest first).
pub const LIST: &str = "pressMaterials:PUBLISHED_AT-DESC";

/// Newest first: by publication time (creation time for unpublished drafts), then id.
fn keys() -> Vec<SortKey> {
    vec![
        SortKey::new(
            Expr::cust(
                "COALESCE(\"press_material\".\"published_at\", \"press_material\".\"created_at\")",
            ),
            SortKind::Time,
            true,
        ),
        SortKey::new(
            col(press_material::Entity, press_material::Column::Id),
            SortKind::Int,
            true,
        ),
    ]
}

/// One page of the press materials `viewer` may see, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    filter: &PressFilter,
    page: &PageQuery,
    with_total: bool,
) -> AppResult<Page<press_material::Model>> {
    let mut cond = visibility::press_material(viewer);
    if let Some(kinds) = &filter.kinds {
        cond = cond.add(press_material::Column::Kind.is_in(kinds.iter().copied()));
    }
    if let Some((subject_type, subject_id)) = filter.subject {
        let about = Query::select()
            .column(press_subject::Column::PressMaterialId)
            .from(press_subject::Entity)
            .and_where(press_subject::Column::SubjectType.eq(subject_type))
            .and_where(press_subject::Column::SubjectId.eq(subject_id))
            .to_owned();
        cond = cond.add(press_material::Column::Id.in_subquery(about));
    }
    if let Some(after) = filter.published_after {
        cond = cond.add(press_material::Column::PublishedAt.gte(after));
    }
    if let Some(before) = filter.published_before {
        cond = cond.add(press_material::Column::PublishedAt.lt(before));
    }
    let query = press_material::Entity::find()
        .filter(cond.clone())
        .into_query();
    let mut result = fetch_page(db, query, &keys(), page).await?;
    if with_total {
        let counted = Query::select()
            .column(press_material::Column::Id)
            .from(press_material::Entity)
            .cond_where(cond)
            .to_owned();
        result.total = Some(count(db, counted).await?);
    }
    Ok(result)
}

/// A page of the press materials about each subject, with totals, in one statement.
pub async fn pages_about(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    subject_type: SubjectType,
    subject_ids: Vec<i32>,
    page: &PageQuery,
) -> AppResult<HashMap<i32, Page<press_material::Model>>> {
    let mut query = Query::select()
        .from(press_material::Entity)
        .join(
            JoinType::InnerJoin,
            press_subject::Entity,
            col(
                press_subject::Entity,
                press_subject::Column::PressMaterialId,
            )
            .equals((press_material::Entity, press_material::Column::Id)),
        )
        .cond_where(
            Condition::all()
                .add(visibility::press_material(viewer))
                .add(
                    col(press_subject::Entity, press_subject::Column::SubjectType).eq(subject_type),
                )
                .add(
                    col(press_subject::Entity, press_subject::Column::SubjectId).is_in(subject_ids),
                ),
        )
        .to_owned();
    select_prefixed::<press_material::Entity>(&mut query, "");
    let partition = col(press_subject::Entity, press_subject::Column::SubjectId);
    fetch_windows(db, query, partition, &keys(), page, |_| ()).await
}

/// The subjects of each press material, in display order.
pub async fn subjects_of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<press_subject::Model>>> {
    let query = press_subject::Entity::find()
        .filter(press_subject::Column::PressMaterialId.is_in(ids))
        .order_by_asc(press_subject::Column::SortOrder)
        .into_query();
    grouped(
        db,
        query,
        col(
            press_subject::Entity,
            press_subject::Column::PressMaterialId,
        ),
    )
    .await
}

/// The quotes of each press material, in display order.
pub async fn quotes_of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<quote::Model>>> {
    let query = quote::Entity::find()
        .filter(quote::Column::PressMaterialId.is_in(ids))
        .order_by_asc(quote::Column::SortOrder)
        .order_by_asc(quote::Column::Id)
        .into_query();
    grouped(
        db,
        query,
        col(quote::Entity, quote::Column::PressMaterialId),
    )
    .await
}

/// The media assets attached to each press material, in display order.
pub async fn assets_of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<media_asset::Model>>> {
    let query = media_asset::Entity::find()
        .filter(media_asset::Column::PressMaterialId.is_in(ids))
        .order_by_asc(media_asset::Column::SortOrder)
        .order_by_asc(media_asset::Column::Id)
        .into_query();
    grouped(
        db,
        query,
        col(media_asset::Entity, media_asset::Column::PressMaterialId),
    )
    .await
}
