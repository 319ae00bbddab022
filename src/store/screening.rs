//! Screenings, always read with their venue, section and festival edition.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ConnectionTrait, DbErr, FromQueryResult, QueryResult,
    sea_query::{Alias, Expr, ExprTrait, JoinType, Order, Query, SelectStatement, SimpleExpr},
};

use crate::{
    domain::viewer::Viewer,
    entities::{festival_edition, location, screening, section},
    error::AppResult,
    store::{
        page::{Page, PageQuery, SortKey, SortKind, WINDOW, fetch_windows},
        sql::{by_key, col, prefixed, select_prefixed},
        visibility,
    },
};

/// A screening with its venue, section and edition.
#[derive(Debug, Clone)]
pub struct ScreeningRow {
    /// The screening.
    pub screening: screening::Model,
    /// Where it is held.
    pub venue: location::Model,
    /// The programme section, if any.
    pub section: Option<section::Model>,
    /// The festival edition it belongs to.
    pub edition: festival_edition::Model,
}

impl FromQueryResult for ScreeningRow {
    fn from_query_result(row: &QueryResult, _prefix: &str) -> Result<Self, DbErr> {
        Ok(Self {
            screening: screening::Model::from_query_result(row, "s_")?,
            venue: location::Model::from_query_result(row, "v_")?,
            section: section::Model::from_query_result_optional(row, "x_")?,
            edition: festival_edition::Model::from_query_result(row, "e_")?,
        })
    }
}

/// The screenings the viewer may see, their columns prefixed `s_`.
fn query(viewer: Viewer) -> SelectStatement {
    let mut query = Query::select()
        .from(screening::Entity)
        .cond_where(visibility::film_ref(
            viewer,
            (screening::Entity, screening::Column::FilmId),
        ))
        .to_owned();
    select_prefixed::<screening::Entity>(&mut query, "s_");
    query
}

/// Joins each screening's venue, edition and section (prefixed `v_`, `e_`, `x_`);
/// `screening` gives the expression of one of the screening's columns in `query`.
fn join_details(query: &mut SelectStatement, screening: impl Fn(screening::Column) -> SimpleExpr) {
    query
        .join(
            JoinType::InnerJoin,
            location::Entity,
            col(location::Entity, location::Column::Id).eq(screening(screening::Column::VenueId)),
        )
        .join(
            JoinType::InnerJoin,
            festival_edition::Entity,
            col(festival_edition::Entity, festival_edition::Column::Id)
                .eq(screening(screening::Column::EditionId)),
        )
        .join(
            JoinType::LeftJoin,
            section::Entity,
            col(section::Entity, section::Column::Id).eq(screening(screening::Column::SectionId)),
        );
    select_prefixed::<location::Entity>(query, "v_");
    select_prefixed::<section::Entity>(query, "x_");
    select_prefixed::<festival_edition::Entity>(query, "e_");
}

/// The parent a page of screenings hangs off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScreeningParent {
    /// A film's screenings.
    Film,
    /// A festival edition's programme.
    Edition,
    /// Screenings held at a location.
    Venue,
}

/// Which screenings of each parent to list, and in which order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ScreeningQuery {
    /// Starting in `[from, to)`, when given (one day of a programme).
    pub starts_within: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Latest first when true.
    pub descending: bool,
}

/// The list tag of screening cursors in this ordering.
pub fn list_tag(descending: bool) -> &'static str {
    if descending {
        "screenings:STARTS_AT-DESC"
    } else {
        "screenings:STARTS_AT-ASC"
    }
}

/// A page of each parent's screenings, with totals, in one statement.
pub async fn pages_of(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    parent: ScreeningParent,
    parent_ids: Vec<i32>,
    filter: &ScreeningQuery,
    page: &PageQuery,
) -> AppResult<HashMap<i32, Page<ScreeningRow>>> {
    let column = match parent {
        ScreeningParent::Film => screening::Column::FilmId,
        ScreeningParent::Edition => screening::Column::EditionId,
        ScreeningParent::Venue => screening::Column::VenueId,
    };
    let mut query = query(viewer)
        .and_where(col(screening::Entity, column).is_in(parent_ids))
        .to_owned();
    if let Some((from, to)) = filter.starts_within {
        query.and_where(col(screening::Entity, screening::Column::StartsAt).gte(from));
        query.and_where(col(screening::Entity, screening::Column::StartsAt).lt(to));
    }
    let keys = [
        SortKey::new(
            col(screening::Entity, screening::Column::StartsAt),
            SortKind::Time,
            filter.descending,
        ),
        SortKey::new(
            col(screening::Entity, screening::Column::Id),
            SortKind::Int,
            false,
        ),
    ];
    // The details are joined to the rows of the pages only, after the window.
    let windowed = |column| Expr::col((Alias::new(WINDOW), prefixed("s_", column)));
    fetch_windows(
        db,
        query,
        col(screening::Entity, column),
        &keys,
        page,
        |outer| join_details(outer, windowed),
    )
    .await
}

/// The visible screenings among `ids`.
pub async fn by_ids(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, ScreeningRow>> {
    let mut query = query(viewer)
        .and_where(col(screening::Entity, screening::Column::Id).is_in(ids))
        .to_owned();
    join_details(&mut query, |column| col(screening::Entity, column));
    by_key(db, query, col(screening::Entity, screening::Column::Id)).await
}

/// Up to `limit` screenings of an edition the viewer may see, in programme order (start
/// time, then id), after the screening `after` (its start time and id) when given: the whole
/// programme read a chunk at a time.
pub async fn chunk_of_edition(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    edition_id: i32,
    after: Option<(DateTime<Utc>, i32)>,
    limit: u64,
) -> AppResult<Vec<ScreeningRow>> {
    let starts_at = col(screening::Entity, screening::Column::StartsAt);
    let id = col(screening::Entity, screening::Column::Id);
    let mut query = query(viewer)
        .and_where(col(screening::Entity, screening::Column::EditionId).eq(edition_id))
        .to_owned();
    if let Some((at, last)) = after {
        query.and_where(
            Expr::tuple([starts_at.clone(), id.clone()])
                .gt(Expr::tuple([Expr::val(at), Expr::val(last)])),
        );
    }
    query
        .order_by_expr(starts_at, Order::Asc)
        .order_by_expr(id, Order::Asc)
        .limit(limit);
    join_details(&mut query, |column| col(screening::Entity, column));
    let statement = db.get_database_backend().build(&query);
    Ok(ScreeningRow::find_by_statement(statement).all(db).await?)
}
