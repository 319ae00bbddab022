//! Small SQL building blocks shared by the store: qualified columns, prefixed column lists
//! for joined rows, locale-aware text expressions, and counting.

use std::collections::HashMap;

use sea_orm::{
    ConnectionTrait, EntityTrait, FromQueryResult, Iterable,
    sea_query::{Alias, Asterisk, Expr, Func, IntoIden, Query, SelectStatement, SimpleExpr},
};

use crate::error::AppResult;

/// `"table"."column"`.
pub fn col<E: EntityTrait>(entity: E, column: E::Column) -> SimpleExpr {
    Expr::col((entity, column))
}

/// `<prefix><column>`: the name under which [`select_prefixed`] selects a column.
pub fn prefixed(prefix: &str, column: impl IntoIden) -> Alias {
    Alias::new(format!("{prefix}{}", column.into_iden()))
}

/// Selects every column of `E` (from the table `E` itself) as `<prefix><column>`, so that
/// `E::Model::from_query_result(row, prefix)` reads it back from a joined row.
pub fn select_prefixed<E: EntityTrait + Default>(query: &mut SelectStatement, prefix: &str) {
    for column in E::Column::iter() {
        query.expr_as(Expr::col((E::default(), column)), prefixed(prefix, column));
    }
}

/// Text ordered the same on both engines: byte order of UTF-8 (SQLite's default BINARY
/// collation; PostgreSQL's "C").
pub fn sortable_text(postgres: bool, sql: String) -> SimpleExpr {
    if postgres {
        Expr::cust(format!("({sql}) COLLATE \"C\""))
    } else {
        Expr::cust(sql)
    }
}

/// `COALESCE("t"."x_ru", "t"."x_en", ...)` in the order of preference of `first_ru`.
pub fn localized_sql(
    table: &str,
    field: &str,
    ru_first: bool,
    last_resort: Option<&str>,
) -> String {
    let (a, b) = if ru_first { ("ru", "en") } else { ("en", "ru") };
    let mut parts = vec![
        format!("NULLIF(\"{table}\".\"{field}_{a}\", '')"),
        format!("NULLIF(\"{table}\".\"{field}_{b}\", '')"),
    ];
    if let Some(column) = last_resort {
        parts.push(format!("\"{table}\".\"{column}\""));
    }
    parts.push("''".to_string());
    format!("COALESCE({})", parts.join(", "))
}

/// Runs `query` (rows of one kind selected without prefix) and groups the rows by the
/// parent-key expression `parent` (an `i32`), keeping their order.
pub async fn grouped<M: FromQueryResult>(
    db: &impl ConnectionTrait,
    mut query: SelectStatement,
    parent: SimpleExpr,
) -> AppResult<HashMap<i32, Vec<M>>> {
    query.expr_as(parent, Alias::new("kg_parent"));
    let mut groups: HashMap<i32, Vec<M>> = HashMap::new();
    for row in db.query_all(&query).await? {
        let key: i32 = row.try_get("", "kg_parent")?;
        groups
            .entry(key)
            .or_default()
            .push(M::from_query_result(&row, "")?);
    }
    Ok(groups)
}

/// Like [`grouped`], for a key that is unique per row (look-ups by id).
pub async fn by_key<M: FromQueryResult>(
    db: &impl ConnectionTrait,
    query: SelectStatement,
    key: SimpleExpr,
) -> AppResult<HashMap<i32, M>> {
    let groups = grouped(db, query, key).await?;
    Ok(groups
        .into_iter()
        .filter_map(|(id, mut rows)| rows.pop().map(|row| (id, row)))
        .collect())
}

/// Number of rows `query` (FROM and WHERE only) matches.
pub async fn count(db: &impl ConnectionTrait, query: SelectStatement) -> AppResult<i64> {
    let counted = Query::select()
        .expr_as(Func::count(Expr::col(Asterisk)), Alias::new("n"))
        .from_subquery(query, Alias::new("kg_c"))
        .to_owned();
    let row = db.query_one(&counted).await?;
    Ok(match row {
        Some(row) => row.try_get::<i64>("", "n")?,
        None => 0,
    })
}

#[cfg(test)]
mod tests {
    use super::localized_sql;

    #[test]
    fn localized_sort_text_prefers_the_asked_language() {
        assert_eq!(
            localized_sql("film", "title", false, Some("original_title")),
            "COALESCE(NULLIF(\"film\".\"title_en\", ''), NULLIF(\"film\".\"title_ru\", ''), \"film\".\"original_title\", '')"
        );
    }
}
