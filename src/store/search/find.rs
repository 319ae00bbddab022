//! Finding: one statement matches, ranks and pages the documents the caller may see (one
//! more counts them). A document matches when every query word matches one of its lexemes;
//! each word then earns it [`TITLE_POINTS`] when found in the title, else [`BODY_POINTS`].
//! Equal points are ordered by the title's length in lexemes (a closer match first), then
//! by kind and id. Both engines compute the same integers, so they rank alike.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryTrait,
    sea_query::{Condition, Expr, Query, SimpleExpr},
};

use crate::{
    db::is_postgres,
    domain::{
        enums::SearchType,
        search::{SearchQuery, Term},
        viewer::Viewer,
    },
    entities::search_document,
    error::AppResult,
    store::{
        page::{Keyed, Page, PageQuery, SortKey, SortKind, SortValue, fetch_page},
        sql::{col, count, sortable_text},
        visibility,
    },
};

/// Points a query word earns a document whose title holds it.
pub const TITLE_POINTS: i32 = 1000;
/// Points a query word earns a document whose body only holds it.
pub const BODY_POINTS: i32 = 400;

/// A found document and the points it earned.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The document.
    pub document: search_document::Model,
    /// Its points: [`TITLE_POINTS`] or [`BODY_POINTS`] per query word.
    pub points: i32,
}

/// `(to_tsquery('russian', $n) || to_tsquery('english', $n))`: the word under both
/// configurations (a query's language is unknown).
fn ts_query(n: usize) -> String {
    format!("(to_tsquery('russian'::regconfig, ${n}) || to_tsquery('english'::regconfig, ${n}))")
}

/// Documents holding every term.
fn matching(postgres: bool, terms: &[Term]) -> SimpleExpr {
    if postgres {
        let all: Vec<String> = (1..=terms.len()).map(ts_query).collect();
        let words = terms.iter().map(|t| t.word.clone());
        return Expr::cust_with_values(
            format!("\"search_document\".\"tsv\" @@ ({})", all.join(" && ")),
            words,
        );
    }
    let all: Vec<String> = terms
        .iter()
        .map(|t| {
            let any: Vec<String> = t.lexemes.iter().map(|l| format!("\"{l}\"")).collect();
            format!("({})", any.join(" OR "))
        })
        .collect();
    Expr::cust_with_values(
        "\"search_document\".\"id\" IN (SELECT rowid FROM \"search_fts\" WHERE \"search_fts\" MATCH ?)",
        [all.join(" AND ")],
    )
}

/// The points of a matching document: per term, title or body points.
fn points(postgres: bool, terms: &[Term]) -> SimpleExpr {
    let case = |condition: String| {
        format!("(CASE WHEN {condition} THEN {TITLE_POINTS} ELSE {BODY_POINTS} END)")
    };
    if postgres {
        // `word:A`: the word among the lexemes of weight A, the title's.
        let sum: Vec<String> = (1..=terms.len())
            .map(|n| case(format!("\"search_document\".\"tsv\" @@ {}", ts_query(n))))
            .collect();
        let words = terms.iter().map(|t| format!("{}:A", t.word));
        return Expr::cust_with_values(sum.join(" + "), words);
    }
    let mut values = Vec::new();
    let sum: Vec<String> = terms
        .iter()
        .map(|t| {
            let any: Vec<&str> = t
                .lexemes
                .iter()
                .map(|l| {
                    values.push(format!(" {l} "));
                    "instr(\"search_document\".\"title_lexemes\", ?) > 0"
                })
                .collect();
            case(any.join(" OR "))
        })
        .collect();
    Expr::cust_with_values(sum.join(" + "), values)
}

/// Documents the viewer may see: films and press materials by the visibility rule, the rest
/// always.
fn visible(viewer: Viewer) -> Condition {
    if viewer.sees_unpublished() {
        return Condition::all();
    }
    let entity = (search_document::Entity, search_document::Column::EntityId);
    let kind = search_document::Column::Kind;
    Condition::any()
        .add(kind.is_not_in([SearchType::Film, SearchType::PressMaterial]))
        .add(
            Condition::all()
                .add(kind.eq(SearchType::Film))
                .add(visibility::film_ref(viewer, entity)),
        )
        .add(
            Condition::all()
                .add(kind.eq(SearchType::PressMaterial))
                .add(visibility::press_material_ref(viewer, entity)),
        )
}

/// One page of the documents matching `query` (of `types` when given) that `viewer` may
/// see, best first; their total when `with_total`.
pub async fn find(
    db: &impl ConnectionTrait,
    viewer: Viewer,
    query: &SearchQuery,
    types: Option<&[SearchType]>,
    page: &PageQuery,
    with_total: bool,
) -> AppResult<Page<Hit>> {
    let terms = query.terms();
    if terms.is_empty() || types.is_some_and(<[SearchType]>::is_empty) {
        return Ok(Page::empty(with_total));
    }
    let postgres = is_postgres(db);
    let mut cond = Condition::all()
        .add(matching(postgres, terms))
        .add(visible(viewer));
    if let Some(types) = types {
        cond = cond.add(search_document::Column::Kind.is_in(types.iter().copied()));
    }
    let keys = [
        SortKey::new(points(postgres, terms), SortKind::Int, true),
        SortKey::new(
            col(search_document::Entity, search_document::Column::TitleWords),
            SortKind::Int,
            false,
        ),
        SortKey::new(
            sortable_text(postgres, "\"search_document\".\"kind\"".to_string()),
            SortKind::Text,
            false,
        ),
        SortKey::new(
            col(search_document::Entity, search_document::Column::EntityId),
            SortKind::Int,
            false,
        ),
    ];
    let select = search_document::Entity::find()
        .filter(cond.clone())
        .into_query();
    let found = fetch_page::<search_document::Model>(db, select, &keys, page).await?;
    let mut result = Page {
        items: found
            .items
            .into_iter()
            .map(|Keyed { row, key }| {
                let points = match key.first() {
                    Some(SortValue::Int(points)) => *points,
                    _ => 0,
                };
                Keyed {
                    row: Hit {
                        document: row,
                        points,
                    },
                    key,
                }
            })
            .collect(),
        has_next: found.has_next,
        has_previous: found.has_previous,
        total: None,
    };
    if with_total {
        let counted = Query::select()
            .column(search_document::Column::Id)
            .from(search_document::Entity)
            .cond_where(cond)
            .to_owned();
        result.total = Some(count(db, counted).await?);
    }
    Ok(result)
}
