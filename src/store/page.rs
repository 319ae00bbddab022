//! Keyset pagination: sort keys, the values a cursor carries, and the SQL that fetches one
//! page of a list (`fetch_page`) or the first pages of many parents' lists in one windowed
//! statement (`fetch_windows`). sea-orm's `cursor_by` drops the caller's ORDER BY, so the
//! keyset condition is written here.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ConnectionTrait, FromQueryResult, QueryResult,
    sea_query::{
        Alias, Asterisk, Condition, Expr, ExprTrait, Func, Order, OverStatement, Query,
        SelectStatement, SimpleExpr, WindowStatement,
    },
};
use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};

/// One value of a row's position in an ordering, as carried in a cursor.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortValue {
    /// An integer column (ids, years).
    Int(i32),
    /// A text column (titles, slugs).
    Text(String),
    /// A timestamp (updated at, starts at).
    Time(DateTime<Utc>),
    /// A calendar date (signed on, starts on).
    Date(NaiveDate),
}

/// The type of a sort expression's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKind {
    /// `i32`.
    Int,
    /// Text.
    Text,
    /// Timestamp with time zone.
    Time,
    /// Date.
    Date,
}

/// One ordering term: a never-null SQL expression, its value type and direction.
#[derive(Debug, Clone)]
pub struct SortKey {
    /// The expression (wrap nullable columns in `COALESCE`).
    pub expr: SimpleExpr,
    /// How to read and bind its values.
    pub kind: SortKind,
    /// Descending when true.
    pub desc: bool,
}

impl SortKey {
    /// An ascending or descending key.
    pub fn new(expr: SimpleExpr, kind: SortKind, desc: bool) -> Self {
        Self { expr, kind, desc }
    }
}

/// Which slice of a list to fetch.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageQuery {
    /// How many rows at most.
    pub limit: u64,
    /// `last/before`: fetch from the end backwards (rows are still returned in list order).
    pub backward: bool,
    /// The cursor's sort values (`after`, or `before` when backward).
    pub cursor: Option<Vec<SortValue>>,
}

/// A row with its sort values (from which its cursor is made).
#[derive(Debug, Clone)]
pub struct Keyed<T> {
    /// The row.
    pub row: T,
    /// Its values of the sort keys, in key order.
    pub key: Vec<SortValue>,
}

/// One page of a list.
#[derive(Debug, Clone)]
pub struct Page<T> {
    /// The rows, in list order.
    pub items: Vec<Keyed<T>>,
    /// More rows follow the page.
    pub has_next: bool,
    /// Rows precede the page.
    pub has_previous: bool,
    /// All rows of the list, when counted.
    pub total: Option<i64>,
}

impl<T> Page<T> {
    /// An empty page (a parent without rows).
    pub fn empty(total_counted: bool) -> Self {
        Page {
            items: Vec::new(),
            has_next: false,
            has_previous: false,
            total: total_counted.then_some(0),
        }
    }
}

fn bind(value: &SortValue) -> SimpleExpr {
    match value {
        SortValue::Int(v) => Expr::val(*v),
        SortValue::Text(v) => Expr::val(v.clone()),
        SortValue::Time(v) => Expr::val(*v),
        SortValue::Date(v) => Expr::val(*v),
    }
}

/// The condition "row comes after `values` in this ordering" (strictly).
fn keyset_condition(
    keys: &[SortKey],
    values: &[SortValue],
    backward: bool,
) -> AppResult<SimpleExpr> {
    if keys.len() != values.len()
        || keys
            .iter()
            .zip(values)
            .any(|(k, v)| !kind_matches(k.kind, v))
    {
        return Err(AppError::bad_input(
            "after",
            "the cursor does not belong to this list or ordering; request the first page again",
        ));
    }
    let after = |key: &SortKey, value: &SortValue, strict: bool| {
        let (expr, value) = (key.expr.clone(), bind(value));
        match (key.desc == backward, strict) {
            (true, true) => expr.gt(value),
            (true, false) => expr.gte(value),
            (false, true) => expr.lt(value),
            (false, false) => expr.lte(value),
        }
    };
    if keys.iter().all(|k| k.desc == keys[0].desc) {
        // One direction: a row-value comparison, which an index on the keys serves as a range.
        let tuple = Expr::tuple::<Vec<SimpleExpr>>;
        let left = tuple(keys.iter().map(|k| k.expr.clone()).collect());
        let right = tuple(values.iter().map(bind).collect());
        return Ok(if keys[0].desc == backward {
            left.gt(right)
        } else {
            left.lt(right)
        });
    }
    // Mixed directions: "after" spelled out key by key, with the first key's bound repeated
    // on its own so that an index on the keys still starts its scan at the cursor.
    let mut any = Condition::any();
    for i in 0..keys.len() {
        let mut all = Condition::all();
        for j in 0..i {
            all = all.add(keys[j].expr.clone().eq(bind(&values[j])));
        }
        any = any.add(all.add(after(&keys[i], &values[i], true)));
    }
    Ok(Condition::all()
        .add(after(&keys[0], &values[0], false))
        .add(any)
        .into())
}

fn kind_matches(kind: SortKind, value: &SortValue) -> bool {
    matches!(
        (kind, value),
        (SortKind::Int, SortValue::Int(_))
            | (SortKind::Text, SortValue::Text(_))
            | (SortKind::Time, SortValue::Time(_))
            | (SortKind::Date, SortValue::Date(_))
    )
}

fn order(key: &SortKey, backward: bool) -> Order {
    if key.desc == backward {
        Order::Asc
    } else {
        Order::Desc
    }
}

fn key_alias(i: usize) -> Alias {
    Alias::new(format!("kg_k{i}"))
}

fn read_key(row: &QueryResult, keys: &[SortKey]) -> AppResult<Vec<SortValue>> {
    keys.iter()
        .enumerate()
        .map(|(i, key)| {
            let col = format!("kg_k{i}");
            Ok(match key.kind {
                SortKind::Int => SortValue::Int(row.try_get::<i32>("", &col)?),
                SortKind::Text => SortValue::Text(row.try_get::<String>("", &col)?),
                SortKind::Time => SortValue::Time(row.try_get::<DateTime<Utc>>("", &col)?),
                SortKind::Date => SortValue::Date(row.try_get::<NaiveDate>("", &col)?),
            })
        })
        .collect()
}

/// Fetches one page of `query` (its FROM, joins, selected columns and filters) ordered by
/// `keys`, which must end with a unique key (the id) so that ties are broken.
pub async fn fetch_page<T: FromQueryResult>(
    db: &impl ConnectionTrait,
    mut query: SelectStatement,
    keys: &[SortKey],
    page: &PageQuery,
) -> AppResult<Page<T>> {
    for (i, key) in keys.iter().enumerate() {
        query.expr_as(key.expr.clone(), key_alias(i));
        query.order_by_expr(key.expr.clone(), order(key, page.backward));
    }
    if let Some(cursor) = &page.cursor {
        query.and_where(keyset_condition(keys, cursor, page.backward)?);
    }
    query.limit(page.limit + 1);
    let rows = db.query_all(&query).await?;
    let has_more = rows.len() as u64 > page.limit;
    let mut items = rows
        .iter()
        .take(page.limit as usize)
        .map(|row| {
            Ok(Keyed {
                row: T::from_query_result(row, "")?,
                key: read_key(row, keys)?,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    let (has_next, has_previous) = if page.backward {
        items.reverse();
        (page.cursor.is_some(), has_more)
    } else {
        (has_more, page.cursor.is_some())
    };
    Ok(Page {
        items,
        has_next,
        has_previous,
        total: None,
    })
}

/// The alias of the windowed rows in the outer query of [`fetch_windows`].
pub const WINDOW: &str = "kg_w";

/// Fetches, in one statement, the page of each parent's list: `query` selects the rows of
/// all parents, `partition` is the parent-key expression (an `i32`). Every parent in the
/// answer also gets its list's total count. Parents without rows are absent.
///
/// `details` may add joins and columns to the outer query, where the windowed rows are
/// `WINDOW` and carry the columns `query` selected: joined there, detail rows are read for
/// the rows of the pages only, not for every row the window numbers.
pub async fn fetch_windows<T: FromQueryResult>(
    db: &impl ConnectionTrait,
    mut query: SelectStatement,
    partition: SimpleExpr,
    keys: &[SortKey],
    page: &PageQuery,
    details: impl FnOnce(&mut SelectStatement),
) -> AppResult<HashMap<i32, Page<T>>> {
    let window = || {
        let mut w = WindowStatement::new();
        w.add_partition_by(partition.clone());
        w
    };
    let mut ordered = window();
    for (i, key) in keys.iter().enumerate() {
        query.expr_as(key.expr.clone(), key_alias(i));
        ordered.order_by_expr(key.expr.clone(), order(key, page.backward));
    }
    query.expr_as(partition.clone(), Alias::new("kg_parent"));
    query.expr_window_as(Expr::cust("ROW_NUMBER()"), ordered, Alias::new("kg_rn"));
    query.expr_window_as(
        Func::count(Expr::col(Asterisk)),
        window(),
        Alias::new("kg_total"),
    );
    match &page.cursor {
        Some(cursor) => {
            // Rows at or before the cursor: the keyset selects a suffix of the ordered list.
            let before = Expr::case(keyset_condition(keys, cursor, page.backward)?, 0).finally(1);
            query.expr_window_as(Func::sum(before), window(), Alias::new("kg_skip"));
        }
        None => {
            query.expr_as(Expr::val(0i64), Alias::new("kg_skip"));
        }
    };
    let rn = || Expr::col((Alias::new(WINDOW), Alias::new("kg_rn")));
    let skip = || Expr::col((Alias::new(WINDOW), Alias::new("kg_skip")));
    let mut outer = Query::select()
        .column((Alias::new(WINDOW), Asterisk))
        .from_subquery(query, Alias::new(WINDOW))
        .cond_where(
            Condition::any()
                .add(
                    Condition::all()
                        .add(rn().gt(skip()))
                        .add(rn().lte(skip().add(Expr::val(page.limit as i64 + 1)))),
                )
                // The first row always comes back, so that the total reaches the parent.
                .add(rn().eq(1)),
        )
        .order_by((Alias::new(WINDOW), Alias::new("kg_parent")), Order::Asc)
        .order_by((Alias::new(WINDOW), Alias::new("kg_rn")), Order::Asc)
        .to_owned();
    details(&mut outer);
    let rows = db.query_all(&outer).await?;
    let mut pages: HashMap<i32, Page<T>> = HashMap::new();
    let mut more: HashMap<i32, bool> = HashMap::new();
    for row in &rows {
        let parent: i32 = row.try_get("", "kg_parent")?;
        let total: i64 = row.try_get("", "kg_total")?;
        let rn: i64 = row.try_get("", "kg_rn")?;
        let skipped: i64 = row.try_get("", "kg_skip")?;
        let entry = pages.entry(parent).or_insert_with(|| Page {
            items: Vec::new(),
            has_next: false,
            has_previous: false,
            total: Some(total),
        });
        if rn <= skipped {
            continue;
        }
        if entry.items.len() as u64 == page.limit {
            more.insert(parent, true);
            continue;
        }
        entry.items.push(Keyed {
            row: T::from_query_result(row, "")?,
            key: read_key(row, keys)?,
        });
    }
    for (parent, entry) in pages.iter_mut() {
        let has_more = more.get(parent).copied().unwrap_or(false);
        if page.backward {
            entry.items.reverse();
            entry.has_next = page.cursor.is_some();
            entry.has_previous = has_more;
        } else {
            entry.has_next = has_more;
            entry.has_previous = page.cursor.is_some();
        }
    }
    Ok(pages)
}
