//! Films: the catalogue list with filters and orderings, and a film's genres and assets.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QueryTrait,
    sea_query::{Condition, Expr, ExprTrait, JoinType, Order, Query},
};

use crate::{
    db::is_postgres,
    domain::{enums::ProductionStatus, viewer::Viewer},
    entities::{co_production, film, film_genre, genre, media_asset, organization},
    error::AppResult,
    store::{
        page::{Page, PageQuery, SortKey, SortKind, fetch_page},
        sql::{col, count, grouped, localized_sql, select_prefixed, sortable_text},
        visibility,
    },
};

/// A registry whose identifiers films carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExternalScheme {
    /// IMDb title ids.
    Imdb,
    /// EIDR content ids.
    Eidr,
    /// National distribution certificates.
    Certificate,
}

/// The film `viewer` may see carrying identifier `value` (already normalized) of `scheme`.
pub async fn by_external_id(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    scheme: ExternalScheme,
    value: &str,
) -> AppResult<Option<film::Model>> {
    let column = match scheme {
        ExternalScheme::Imdb => film::Column::ImdbId,
        ExternalScheme::Eidr => film::Column::EidrId,
        ExternalScheme::Certificate => film::Column::DistributionCertificate,
    };
    Ok(film::Entity::find()
        .filter(column.eq(value))
        .filter(visibility::film(viewer))
        .one(db)
        .await?)
}

/// Which films to list; every part optional, parts combine with AND, list values with OR.
#[derive(Debug, Clone, Default)]
pub struct FilmFilter {
    /// Released in or after this year.
    pub year_from: Option<i32>,
    /// Released in or before this year.
    pub year_to: Option<i32>,
    /// Having any of these genres (slugs).
    pub genres: Option<Vec<String>>,
    /// In any of these production stages.
    pub production_statuses: Option<Vec<ProductionStatus>>,
    /// Co-produced (in any role) by the organization with this slug.
    pub organization_slug: Option<String>,
    /// Produced in any of these countries (ISO 3166-1 alpha-2, upper case).
    pub countries: Option<Vec<String>>,
    /// Changed at or after this time.
    pub updated_since: Option<DateTime<Utc>>,
}

/// A field films can be ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilmSort {
    /// Year (films without a year count as 0).
    Year,
    /// Title in the given language (falling back to the other, then the original title).
    Title {
        /// Russian titles first when true.
        ru: bool,
    },
    /// Last change.
    UpdatedAt,
    /// Creation.
    CreatedAt,
    /// Slug.
    Slug,
}

impl FilmSort {
    /// A stable name of the field, for the list tag carried in cursors.
    pub fn tag(self) -> &'static str {
        match self {
            FilmSort::Year => "YEAR",
            FilmSort::Title { ru: true } => "TITLE_RU",
            FilmSort::Title { ru: false } => "TITLE_EN",
            FilmSort::UpdatedAt => "UPDATED_AT",
            FilmSort::CreatedAt => "CREATED_AT",
            FilmSort::Slug => "SLUG",
        }
    }
}

/// `COALESCE("film"."year", 0)`: the year as the orderings and year filters see it (the
/// expression the ordering indexes are built on).
const YEAR: &str = "COALESCE(\"film\".\"year\", 0)";

/// The sort keys of an ordering, ending with the id so that ties never reorder pages. The id
/// runs in the direction of the last key, so that one index serves the ordering both ways.
pub fn sort_keys(postgres: bool, order: &[(FilmSort, bool)]) -> Vec<SortKey> {
    let mut keys: Vec<SortKey> = order
        .iter()
        .map(|&(field, desc)| match field {
            FilmSort::Year => SortKey::new(Expr::cust(YEAR), SortKind::Int, desc),
            FilmSort::Title { ru } => SortKey::new(
                sortable_text(
                    postgres,
                    localized_sql("film", "title", ru, Some("original_title")),
                ),
                SortKind::Text,
                desc,
            ),
            FilmSort::UpdatedAt => SortKey::new(
                col(film::Entity, film::Column::UpdatedAt),
                SortKind::Time,
                desc,
            ),
            FilmSort::CreatedAt => SortKey::new(
                col(film::Entity, film::Column::CreatedAt),
                SortKind::Time,
                desc,
            ),
            FilmSort::Slug => SortKey::new(
                sortable_text(postgres, "\"film\".\"slug\"".into()),
                SortKind::Text,
                desc,
            ),
        })
        .collect();
    let id_desc = order.last().is_some_and(|&(_, desc)| desc);
    keys.push(SortKey::new(
        col(film::Entity, film::Column::Id),
        SortKind::Int,
        id_desc,
    ));
    keys
}

fn filter_condition(viewer: Viewer, filter: &FilmFilter) -> Condition {
    let mut cond = visibility::film(viewer);
    // On the indexed expression, so that a year range narrows the ordering index's scan.
    if let Some(year) = filter.year_from {
        cond = cond.add(Expr::cust(YEAR).gte(year));
    }
    if let Some(year) = filter.year_to {
        cond = cond
            .add(Expr::cust(YEAR).lte(year))
            .add(film::Column::Year.is_not_null());
    }
    if let Some(statuses) = &filter.production_statuses {
        cond = cond.add(film::Column::ProductionStatus.is_in(statuses.iter().copied()));
    }
    if let Some(genres) = &filter.genres {
        let with_genre = Query::select()
            .column((film_genre::Entity, film_genre::Column::FilmId))
            .from(film_genre::Entity)
            .join(
                JoinType::InnerJoin,
                genre::Entity,
                col(genre::Entity, genre::Column::Id)
                    .equals((film_genre::Entity, film_genre::Column::GenreId)),
            )
            .and_where(col(genre::Entity, genre::Column::Slug).is_in(genres.iter().cloned()))
            .to_owned();
        cond = cond.add(film::Column::Id.in_subquery(with_genre));
    }
    if let Some(slug) = &filter.organization_slug {
        let by_organization = Query::select()
            .column((co_production::Entity, co_production::Column::FilmId))
            .from(co_production::Entity)
            .join(
                JoinType::InnerJoin,
                organization::Entity,
                col(organization::Entity, organization::Column::Id)
                    .equals((co_production::Entity, co_production::Column::OrganizationId)),
            )
            .and_where(col(organization::Entity, organization::Column::Slug).eq(slug.clone()))
            .to_owned();
        cond = cond.add(film::Column::Id.in_subquery(by_organization));
    }
    if let Some(countries) = &filter.countries {
        let mut any = Condition::any();
        for code in countries {
            any = any.add(
                Expr::cust("(',' || \"film\".\"countries\" || ',')").like(format!("%,{code},%")),
            );
        }
        cond = cond.add(any);
    }
    if let Some(since) = filter.updated_since {
        cond = cond.add(film::Column::UpdatedAt.gte(since));
    }
    cond
}

/// One page of the films `viewer` may see, filtered and ordered; counted when `with_total`.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    filter: &FilmFilter,
    order: &[(FilmSort, bool)],
    page: &PageQuery,
    with_total: bool,
) -> AppResult<Page<film::Model>> {
    let cond = filter_condition(viewer, filter);
    let query = film::Entity::find().filter(cond.clone()).into_query();
    let mut result = fetch_page(db, query, &sort_keys(is_postgres(db), order), page).await?;
    if with_total {
        let counted = Query::select()
            .column(film::Column::Id)
            .from(film::Entity)
            .cond_where(cond)
            .to_owned();
        result.total = Some(count(db, counted).await?);
    }
    Ok(result)
}

/// The genres of each film, in the film's order.
pub async fn genres_of(
    db: &impl ConnectionTrait,
    film_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<genre::Model>>> {
    let mut query = Query::select()
        .from(film_genre::Entity)
        .join(
            JoinType::InnerJoin,
            genre::Entity,
            col(genre::Entity, genre::Column::Id)
                .equals((film_genre::Entity, film_genre::Column::GenreId)),
        )
        .and_where(col(film_genre::Entity, film_genre::Column::FilmId).is_in(film_ids))
        .order_by(
            (film_genre::Entity, film_genre::Column::SortOrder),
            Order::Asc,
        )
        .to_owned();
    select_prefixed::<genre::Entity>(&mut query, "");
    grouped(
        db,
        query,
        col(film_genre::Entity, film_genre::Column::FilmId),
    )
    .await
}

/// The media assets (poster, stills) of each film, in display order.
pub async fn assets_of(
    db: &impl ConnectionTrait,
    film_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<media_asset::Model>>> {
    let query = media_asset::Entity::find()
        .filter(media_asset::Column::FilmId.is_in(film_ids))
        .order_by_asc(media_asset::Column::SortOrder)
        .order_by_asc(media_asset::Column::Id)
        .into_query();
    grouped(
        db,
        query,
        col(media_asset::Entity, media_asset::Column::FilmId),
    )
    .await
}
