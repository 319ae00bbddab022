//! Look-ups of top-level rows by id (batched) and by slug, with visibility applied.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Condition};

use crate::{
    domain::viewer::Viewer,
    entities::{
        agreement, festival, festival_edition, film, genre, location, organization, person,
        press_material, section,
    },
    error::AppResult,
    store::visibility,
};

/// A table whose rows are looked up by id, and by slug where it has one.
pub trait Lookup: EntityTrait {
    /// The primary key column.
    fn id_column() -> Self::Column;
    /// The unique slug column, if the table has one.
    fn slug_column() -> Option<Self::Column>;
    /// The id of a row.
    fn id_of(model: &Self::Model) -> i32;
    /// The rows `viewer` may see.
    fn visible(_viewer: Viewer) -> Condition {
        Condition::all()
    }
}

macro_rules! lookup {
    ($module:ident, $slug:expr $(, $visible:path)?) => {
        impl Lookup for $module::Entity {
            fn id_column() -> Self::Column {
                $module::Column::Id
            }
            fn slug_column() -> Option<Self::Column> {
                $slug
            }
            fn id_of(model: &Self::Model) -> i32 {
                model.id
            }
            $(fn visible(viewer: Viewer) -> Condition {
                $visible(viewer)
            })?
        }
    };
}

lookup!(film, Some(film::Column::Slug), visibility::film);
lookup!(
    press_material,
    Some(press_material::Column::Slug),
    visibility::press_material
);
lookup!(organization, Some(organization::Column::Slug));
lookup!(person, Some(person::Column::Slug));
lookup!(agreement, Some(agreement::Column::Slug));
lookup!(festival, Some(festival::Column::Slug));
lookup!(festival_edition, Some(festival_edition::Column::Slug));
lookup!(location, Some(location::Column::Slug));
lookup!(genre, Some(genre::Column::Slug));
lookup!(section, None);

/// The visible rows among `ids`, by id.
pub async fn by_ids<E: Lookup>(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, E::Model>> {
    let rows = E::find()
        .filter(E::id_column().is_in(ids))
        .filter(E::visible(viewer))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|m| (E::id_of(&m), m)).collect())
}

/// The visible row with this slug, if any.
pub async fn by_slug<E: Lookup>(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    slug: &str,
) -> AppResult<Option<E::Model>> {
    let Some(column) = E::slug_column() else {
        return Ok(None);
    };
    Ok(E::find()
        .filter(column.eq(slug))
        .filter(E::visible(viewer))
        .one(db)
        .await?)
}
