//! Relay connections: paging arguments, opaque cursors, and the generic connection, edge and
//! page-info types every list uses.

use async_graphql::SimpleObject;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize};

use crate::{
    error::{AppError, AppResult},
    store::page::{Page, PageQuery, SortValue},
};

/// The most items one page may hold.
pub const MAX_PAGE: i32 = 100;

/// Relay paging arguments as received.
#[derive(Debug, Clone, Default)]
pub struct PageArgs {
    /// `first`.
    pub first: Option<i32>,
    /// `after`.
    pub after: Option<String>,
    /// `last`.
    pub last: Option<i32>,
    /// `before`.
    pub before: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct CursorBody {
    /// The list and ordering the cursor belongs to.
    l: String,
    /// The row's sort values.
    k: Vec<SortValue>,
}

/// The opaque cursor of a row in list `list` (which names the list and its ordering).
pub fn encode_cursor(list: &str, key: &[SortValue]) -> String {
    let body = CursorBody {
        l: list.to_string(),
        k: key.to_vec(),
    };
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&body).unwrap_or_default())
}

fn decode_cursor(field: &str, list: &str, cursor: &str) -> AppResult<Vec<SortValue>> {
    let invalid = || {
        AppError::bad_input(
            field,
            format!(
                "\"{field}\" is not a cursor of this list; use a cursor from this list's pageInfo or edges"
            ),
        )
    };
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| invalid())?;
    let body: CursorBody = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
    if body.l != list {
        return Err(invalid());
    }
    Ok(body.k)
}

impl PageArgs {
    /// Validates the arguments into a page query for list `list`; `default` is the page size
    /// when neither `first` nor `last` is given.
    pub fn resolve(&self, list: &str, default: i32) -> AppResult<PageQuery> {
        let check = |name: &str, n: i32| {
            if (0..=MAX_PAGE).contains(&n) {
                Ok(n as u64)
            } else {
                Err(AppError::bad_input(
                    name,
                    format!("\"{name}\" must be between 0 and {MAX_PAGE}, got {n}"),
                ))
            }
        };
        match (self.first, self.last) {
            (Some(_), Some(_)) => Err(AppError::bad_input(
                "last",
                "give either \"first\" or \"last\", not both",
            )),
            (_, Some(last)) => {
                if self.after.is_some() {
                    return Err(AppError::bad_input(
                        "after",
                        "\"after\" pages forwards; use it with \"first\"",
                    ));
                }
                Ok(PageQuery {
                    limit: check("last", last)?,
                    backward: true,
                    cursor: self
                        .before
                        .as_deref()
                        .map(|c| decode_cursor("before", list, c))
                        .transpose()?,
                })
            }
            (first, None) => {
                if self.before.is_some() {
                    return Err(AppError::bad_input(
                        "before",
                        "\"before\" pages backwards; use it with \"last\"",
                    ));
                }
                Ok(PageQuery {
                    limit: check("first", first.unwrap_or(default))?,
                    backward: false,
                    cursor: self
                        .after
                        .as_deref()
                        .map(|c| decode_cursor("after", list, c))
                        .transpose()?,
                })
            }
        }
    }
}

/// Where a page sits in its list.
#[derive(SimpleObject, Debug, Clone)]
pub struct PageInfo {
    /// More items follow this page (page on with `first` and `after: endCursor`).
    pub has_next_page: bool,
    /// Items precede this page (page back with `last` and `before: startCursor`).
    pub has_previous_page: bool,
    /// Cursor of the first item of the page, null when the page is empty.
    pub start_cursor: Option<String>,
    /// Cursor of the last item of the page, null when the page is empty.
    pub end_cursor: Option<String>,
}

/// Defines a Relay connection type and its edge type for one node type.
macro_rules! connection {
    ($connection:ident, $edge:ident, $node:ty, $what:literal) => {
        #[doc = concat!("One page of ", $what, ", Relay style: at most 100 items, paged with cursors.")]
        #[derive(SimpleObject, Clone)]
        pub struct $connection {
            /// Number of items in the whole list (all pages) that the caller may see.
            pub total_count: i64,
            /// Where this page sits in the list.
            pub page_info: PageInfo,
            /// The items of this page with their cursors.
            pub edges: Vec<$edge>,
            /// The items of this page, without cursors.
            pub nodes: Vec<$node>,
        }

        #[doc = concat!("One of ", $what, " with its cursor.")]
        #[derive(SimpleObject, Clone)]
        pub struct $edge {
            /// Opaque cursor of this item, for `after` or `before`.
            pub cursor: String,
            /// The item.
            pub node: $node,
        }

        impl $connection {
            /// Builds the connection from a fetched page of list `list`, wrapping each row.
            pub fn from_page<R>(list: &str, page: Page<R>, wrap: impl Fn(R) -> $node) -> Self {
                let edges: Vec<$edge> = page
                    .items
                    .into_iter()
                    .map(|item| $edge {
                        cursor: encode_cursor(list, &item.key),
                        node: wrap(item.row),
                    })
                    .collect();
                $connection {
                    total_count: page.total.unwrap_or(0),
                    page_info: PageInfo {
                        has_next_page: page.has_next,
                        has_previous_page: page.has_previous,
                        start_cursor: edges.first().map(|e| e.cursor.clone()),
                        end_cursor: edges.last().map(|e| e.cursor.clone()),
                    },
                    nodes: edges.iter().map(|e| e.node.clone()).collect(),
                    edges,
                }
            }
        }
    };
}

connection!(
    FilmConnection,
    FilmEdge,
    crate::graphql::types::film::Film,
    "films"
);
connection!(
    ScreeningConnection,
    ScreeningEdge,
    crate::graphql::types::festival::Screening,
    "screenings"
);
connection!(
    PressMaterialConnection,
    PressMaterialEdge,
    crate::graphql::types::press::PressMaterial,
    "press materials"
);
connection!(
    AgreementConnection,
    AgreementEdge,
    crate::graphql::types::agreement::Agreement,
    "agreements"
);
connection!(
    CoProductionConnection,
    CoProductionEdge,
    crate::graphql::types::film::CoProduction,
    "co-productions"
);
connection!(
    ShootConnection,
    ShootEdge,
    crate::graphql::types::location::Shoot,
    "shoots"
);
connection!(
    AuditEntryConnection,
    AuditEntryEdge,
    crate::graphql::types::audit::AuditEntry,
    "audit entries"
);
connection!(
    ChangeConnection,
    ChangeEdge,
    crate::graphql::types::audit::Change,
    "changes"
);

#[cfg(test)]
mod tests {
    use super::*;

    fn args(first: Option<i32>, after: Option<&str>) -> PageArgs {
        PageArgs {
            first,
            after: after.map(str::to_string),
            ..Default::default()
        }
    }

    #[test]
    fn page_sizes_above_the_limit_are_refused() {
        let err = args(Some(101), None)
            .resolve("films", 24)
            .expect_err("101 is too many");
        assert_eq!(err.code(), "BAD_USER_INPUT");
        assert!(err.to_string().contains("between 0 and 100"));
        assert_eq!(
            args(Some(100), None)
                .resolve("films", 24)
                .expect("100 is fine")
                .limit,
            100
        );
        assert_eq!(
            args(None, None)
                .resolve("films", 24)
                .expect("default")
                .limit,
            24
        );
        assert!(args(Some(-1), None).resolve("films", 24).is_err());
    }

    #[test]
    fn cursors_only_work_in_their_own_list() {
        let cursor = encode_cursor(
            "films:YEAR.DESC",
            &[SortValue::Int(2024), SortValue::Int(7)],
        );
        let page = args(Some(5), Some(&cursor))
            .resolve("films:YEAR.DESC", 24)
            .expect("own list");
        assert_eq!(
            page.cursor,
            Some(vec![SortValue::Int(2024), SortValue::Int(7)])
        );
        assert!(
            args(Some(5), Some(&cursor))
                .resolve("films:TITLE.ASC", 24)
                .is_err()
        );
        assert!(
            args(Some(5), Some("bm90IGEgY3Vyc29y"))
                .resolve("films:YEAR.DESC", 24)
                .is_err()
        );
        assert!(
            args(Some(5), Some("%%%"))
                .resolve("films:YEAR.DESC", 24)
                .is_err()
        );
    }
}
