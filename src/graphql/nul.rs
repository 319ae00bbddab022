//! Text holding the NUL character (U+0000) is refused as the request comes in, on both
//! engines. A GraphQL string may hold it (`"\u0000"`); PostgreSQL cannot store it in text
//! while SQLite can, and the same request must get the same answer from either.

use async_graphql::{
    Request, Value as ConstValue,
    parser::types::{Directive, DocumentOperations, ExecutableDocument, Selection, SelectionSet},
};
use async_graphql_value::Value;

use crate::error::AppError;

/// Refuses a request whose variables or document arguments hold text with a NUL character,
/// naming the variable or argument. The document is looked at only when `parsed` (the
/// request already holds it): one that does not parse is refused for that.
pub fn check(request: &mut Request, parsed: bool) -> Result<(), AppError> {
    if let Some((name, _)) = request.variables.iter().find(|(_, v)| const_has_nul(v)) {
        return Err(refusal(&format!("the variable \"${name}\"")));
    }
    if !parsed {
        return Ok(());
    }
    let Ok(document) = request.parsed_query() else {
        return Ok(());
    };
    match document_nul(document) {
        Some(argument) => Err(refusal(&format!("the argument \"{argument}\""))),
        None => Ok(()),
    }
}

fn refusal(place: &str) -> AppError {
    AppError::bad_request(format!(
        "{place} holds text with the NUL character (\\u0000), which this API neither stores \
         nor searches for; remove it"
    ))
}

/// The name of the first argument or variable default in `document` whose value holds
/// NUL. Fragments are visited once each, where they are defined, not where they are spread.
fn document_nul(document: &ExecutableDocument) -> Option<String> {
    let operations: Vec<_> = match &document.operations {
        DocumentOperations::Single(operation) => vec![&operation.node],
        DocumentOperations::Multiple(operations) => operations
            .values()
            .map(|operation| &operation.node)
            .collect(),
    };
    for operation in operations {
        for variable in &operation.variable_definitions {
            if let Some(default) = &variable.node.default_value
                && const_has_nul(&default.node)
            {
                return Some(format!("${}", variable.node.name.node));
            }
        }
        let found = directives_nul(&operation.directives)
            .or_else(|| selection_nul(&operation.selection_set.node));
        if found.is_some() {
            return found;
        }
    }
    document.fragments.values().find_map(|fragment| {
        directives_nul(&fragment.node.directives)
            .or_else(|| selection_nul(&fragment.node.selection_set.node))
    })
}

fn selection_nul(set: &SelectionSet) -> Option<String> {
    set.items.iter().find_map(|item| match &item.node {
        Selection::Field(field) => field
            .node
            .arguments
            .iter()
            .find(|(_, value)| has_nul(&value.node))
            .map(|(name, _)| name.node.to_string())
            .or_else(|| directives_nul(&field.node.directives))
            .or_else(|| selection_nul(&field.node.selection_set.node)),
        Selection::InlineFragment(fragment) => directives_nul(&fragment.node.directives)
            .or_else(|| selection_nul(&fragment.node.selection_set.node)),
        Selection::FragmentSpread(spread) => directives_nul(&spread.node.directives),
    })
}

fn directives_nul(directives: &[async_graphql::Positioned<Directive>]) -> Option<String> {
    directives.iter().find_map(|directive| {
        directive
            .node
            .arguments
            .iter()
            .find(|(_, value)| has_nul(&value.node))
            .map(|(name, _)| name.node.to_string())
    })
}

fn has_nul(value: &Value) -> bool {
    match value {
        Value::String(text) => text.contains('\0'),
        Value::List(items) => items.iter().any(has_nul),
        Value::Object(fields) => fields.values().any(has_nul),
        _ => false,
    }
}

fn const_has_nul(value: &ConstValue) -> bool {
    match value {
        ConstValue::String(text) => text.contains('\0'),
        ConstValue::List(items) => items.iter().any(const_has_nul),
        ConstValue::Object(fields) => fields.values().any(const_has_nul),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(query: &str, variables: serde_json::Value) -> Option<String> {
        let mut request =
            Request::new(query).variables(async_graphql::Variables::from_json(variables));
        check(&mut request, true).err().map(|err| err.to_string())
    }

    #[test]
    fn nul_in_a_variable_is_refused_by_its_name() {
        let message = refused(
            "mutation($input: CreateFilmInput!) { createFilm(input: $input) { film { slug } } }",
            serde_json::json!({ "input": { "slug": "a", "title": { "en": ["x", "a\u{0}b"] } } }),
        )
        .expect("refused");
        assert!(message.starts_with("the variable \"$input\" holds text with the NUL"));
    }

    #[test]
    fn nul_in_a_literal_is_refused_wherever_it_sits() {
        for query in [
            r#"{ search(text: "a\u0000") { totalCount } }"#,
            r#"{ films { nodes { ...F } } } fragment F on Film { title(language: EN, x: ["\u0000"]) }"#,
            r#"{ films { nodes { ... on Film { slug @include(if: true, text: {a: "\u0000"}) } } } }"#,
            r#"query($q: String = "\u0000") { search(text: $q) { totalCount } }"#,
        ] {
            assert!(
                refused(query, serde_json::json!({})).is_some(),
                "not refused: {query}"
            );
        }
    }

    #[test]
    fn text_without_nul_passes() {
        assert_eq!(
            refused(
                r#"query($q: String) { search(text: "\u0001 плёнка") { totalCount } }"#,
                serde_json::json!({ "q": "ordinary \\u0000 as six characters" }),
            ),
            None
        );
    }
}
