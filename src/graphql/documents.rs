//! Parsed GraphQL documents, kept by their text. Promo sites send the same few documents
//! over and over, and parsing a page-sized document costs several times more than copying
//! the parsed form (about 8 % of the server's CPU for FilmPage). Documents that do not parse
//! are not kept: async-graphql parses them again and reports the error as usual.

use std::{
    collections::{HashMap, HashSet},
    sync::{LazyLock, Mutex},
};

use async_graphql::{
    Request,
    parser::types::{
        DocumentOperations, ExecutableDocument, OperationDefinition, OperationType, Selection,
        SelectionSet,
    },
};

/// Longest document text kept.
const MAX_DOCUMENT_BYTES: usize = 16 * 1024;
/// Total text of the documents kept; the cache starts over when it would grow past this.
const MAX_TOTAL_BYTES: usize = 1024 * 1024;

#[derive(Default)]
struct Documents {
    parsed: HashMap<String, ExecutableDocument>,
    bytes: usize,
}

static DOCUMENTS: LazyLock<Mutex<Documents>> = LazyLock::new(Mutex::default);

/// What [`prepare`] learnt of a request's document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prepared {
    /// The operation's name: the request's `operationName`, else the name of the document's
    /// only operation (clients such as load generators often send no `operationName`), for
    /// metrics.
    pub name: Option<String>,
    /// True when the operation the request runs is a mutation.
    pub mutation: bool,
    /// True when the operation asks for the schema itself (`__schema` or `__type`).
    pub introspection: bool,
    /// True when the document parsed (the request then holds it: `parsed_query` is free).
    pub parsed: bool,
}

/// Gives `request` its parsed document from the cache, parsing it on a miss (and keeping it
/// when it is small enough). A document that does not parse is left to async-graphql, which
/// parses it again and reports the error as usual.
pub fn prepare(request: &mut Request) -> Prepared {
    let text = request.query.as_str();
    let cached = DOCUMENTS
        .lock()
        .ok()
        .and_then(|cache| cache.parsed.get(text).cloned());
    let document = match cached {
        Some(document) => document,
        None => {
            let Ok(document) = async_graphql::parser::parse_query(text) else {
                return Prepared {
                    name: request.operation_name.clone(),
                    ..Prepared::default()
                };
            };
            if text.len() <= MAX_DOCUMENT_BYTES
                && let Ok(mut cache) = DOCUMENTS.lock()
            {
                if cache.bytes + text.len() > MAX_TOTAL_BYTES {
                    *cache = Documents::default();
                }
                cache.bytes += text.len();
                cache.parsed.insert(text.to_string(), document.clone());
            }
            document
        }
    };
    let name = request
        .operation_name
        .clone()
        .or_else(|| match &document.operations {
            DocumentOperations::Multiple(operations) if operations.len() == 1 => {
                operations.keys().next().map(|name| name.to_string())
            }
            _ => None,
        });
    let operation = operation(&document, request.operation_name.as_deref());
    let mutation = operation.is_some_and(|op| op.ty == OperationType::Mutation);
    let introspection = operation.is_some_and(|op| {
        selects_introspection(&document, &op.selection_set.node, &mut HashSet::new())
    });
    request.set_parsed_query(document);
    Prepared {
        name,
        mutation,
        introspection,
        parsed: true,
    }
}

/// The operation a request named `name` (or naming none) runs in `document`.
pub fn operation<'a>(
    document: &'a ExecutableDocument,
    name: Option<&str>,
) -> Option<&'a OperationDefinition> {
    match (&document.operations, name) {
        (DocumentOperations::Single(op), _) => Some(&op.node),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name).map(|op| &op.node),
        (DocumentOperations::Multiple(ops), None) => ops.values().next().map(|op| &op.node),
    }
}

/// True when `selection` (a root selection set: introspection fields live on the query
/// root) selects `__schema` or `__type`, directly or through fragments (each followed once,
/// so a fragment cycle ends; validation refuses it later).
fn selects_introspection<'a>(
    document: &'a ExecutableDocument,
    selection: &'a SelectionSet,
    seen: &mut HashSet<&'a str>,
) -> bool {
    selection.items.iter().any(|item| match &item.node {
        Selection::Field(field) => matches!(field.node.name.node.as_str(), "__schema" | "__type"),
        Selection::InlineFragment(fragment) => {
            selects_introspection(document, &fragment.node.selection_set.node, seen)
        }
        Selection::FragmentSpread(spread) => {
            let name = spread.node.fragment_name.node.as_str();
            seen.insert(name)
                && document.fragments.get(name).is_some_and(|fragment| {
                    selects_introspection(document, &fragment.node.selection_set.node, seen)
                })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_document_is_the_parsed_text_and_bad_text_is_left_to_the_executor() {
        let text = "query Kept($slug: String!) { film(slug: $slug) { slug } }";
        let mut first = Request::new(text);
        assert_eq!(prepare(&mut first).name.as_deref(), Some("Kept"));
        let mut second = Request::new(text);
        assert_eq!(prepare(&mut second).name.as_deref(), Some("Kept"));
        let expected = async_graphql::parser::parse_query(text).expect("parses");
        let kept = second.parsed_query().expect("parsed");
        assert_eq!(format!("{kept:?}"), format!("{expected:?}"));

        let mut broken = Request::new("{ film(slug: ");
        assert_eq!(prepare(&mut broken), Prepared::default());
        assert!(broken.parsed_query().is_err(), "not parsed ahead");

        let mut two =
            Request::new("query A { films { totalCount } } query B { films { totalCount } }")
                .operation_name("B");
        assert_eq!(prepare(&mut two).name.as_deref(), Some("B"));
        let mut unnamed = Request::new("{ films { totalCount } }");
        assert_eq!(
            prepare(&mut unnamed),
            Prepared {
                parsed: true,
                ..Prepared::default()
            }
        );
    }

    #[test]
    fn the_operation_run_decides_whether_a_request_writes() {
        let text = "query Q { films { totalCount } } mutation M { createFilm { film { id } } }";
        let mut query = Request::new(text).operation_name("Q");
        assert!(!prepare(&mut query).mutation);
        let mut mutation = Request::new(text).operation_name("M");
        assert!(prepare(&mut mutation).mutation);
        let mut anonymous = Request::new("mutation { createFilm { film { id } } }");
        assert!(prepare(&mut anonymous).mutation);
    }

    #[test]
    fn introspection_is_found_through_fragments_but_typename_is_not_introspection() {
        let asks = |text: &str| prepare(&mut Request::new(text)).introspection;
        assert!(asks("{ __schema { types { name } } }"));
        assert!(asks(
            "{ films { totalCount } t: __type(name: \"Film\") { name } }"
        ));
        assert!(asks(
            "{ ... on QueryRoot { __schema { queryType { name } } } }"
        ));
        assert!(asks(
            "query { ...S } fragment S on QueryRoot { __schema { types { name } } }"
        ));
        assert!(!asks("{ __typename films { __typename totalCount } }"));
        assert!(!asks("query { ...A } fragment A on QueryRoot { ...A }"));
        let two = "query A { films { totalCount } } query B { __schema { types { name } } }";
        assert!(!prepare(&mut Request::new(two).operation_name("A")).introspection);
        assert!(prepare(&mut Request::new(two).operation_name("B")).introspection);
    }
}
