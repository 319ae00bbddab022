//! Whole tables read a slice at a time, for the sitemap: the slug and last change of each
//! row the viewer may see, by id range, never the whole table at once.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, Func},
};

use crate::{
    domain::viewer::Viewer,
    error::{AppError, AppResult},
    store::lookup::Lookup,
};

/// One row of a listing: id, slug, last change.
pub type Listed = (i32, String, DateTime<Utc>);

/// The largest id of table `E` (0 when empty), which bounds the slices to read.
pub async fn max_id<E: Lookup>(db: &impl ConnectionTrait) -> AppResult<i32> {
    let max: Option<Option<i32>> = E::find()
        .select_only()
        .expr(Func::max(Expr::col(E::id_column())))
        .into_tuple()
        .one(db)
        .await?;
    Ok(max.flatten().unwrap_or(0))
}

/// Up to `limit` rows of `E` the viewer may see with ids in `(after, up_to]`, in id order.
pub async fn slugs_between<E: Lookup>(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    after: i32,
    up_to: i32,
    limit: u64,
) -> AppResult<Vec<Listed>> {
    let Some(slug) = E::slug_column() else {
        return Ok(Vec::new());
    };
    let updated = E::Column::from_str("updated_at")
        .map_err(|_| AppError::internal(anyhow::anyhow!("the table has no updated_at column")))?;
    let id = E::id_column();
    Ok(E::find()
        .select_only()
        .column(id)
        .column(slug)
        .column(updated)
        .filter(id.gt(after))
        .filter(id.lte(up_to))
        .filter(E::visible(viewer))
        .order_by_asc(id)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?)
}
