//! Response fields in the order the query selects them.
//!
//! async-graphql 7 inserts an object's fields into the response as their resolvers finish
//! (async-graphql issue 612), so two runs of one query may serialize the same answer with
//! its fields in different orders: the GraphQL spec asks for selection order, and HTTP
//! caching needs the same bytes for the same answer (a strong `ETag`, a CDN's copy). The
//! [`Plan`] of a document is its response keys in selection order (fragments inlined);
//! [`Plan::apply`] reorders an answer's objects by it.

use async_graphql::{
    Name, Value,
    indexmap::IndexMap,
    parser::types::{DocumentOperations, ExecutableDocument, Selection, SelectionSet},
};

/// Deepest fragment nesting followed; deeper documents are refused by validation anyway.
const MAX_FRAGMENT_DEPTH: usize = 32;

/// Response keys in selection order, each with the plan of its own selection.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Plan(IndexMap<Name, Plan>);

impl Plan {
    /// The plan of the operation `name` (or the only one) of `document`.
    pub fn of(document: &ExecutableDocument, name: Option<&str>) -> Self {
        let operation = match (&document.operations, name) {
            (DocumentOperations::Single(op), _) => Some(op),
            (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name),
            (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next(),
            (DocumentOperations::Multiple(_), None) => None,
        };
        let mut plan = Plan::default();
        if let Some(operation) = operation {
            plan.add(document, &operation.node.selection_set.node, 0);
        }
        plan
    }

    fn add(&mut self, document: &ExecutableDocument, set: &SelectionSet, depth: usize) {
        if depth > MAX_FRAGMENT_DEPTH {
            return;
        }
        for selection in &set.items {
            match &selection.node {
                Selection::Field(field) => {
                    let key = field.node.response_key().node.clone();
                    let child = self.0.entry(key).or_default();
                    child.add(document, &field.node.selection_set.node, depth);
                }
                Selection::InlineFragment(fragment) => {
                    self.add(document, &fragment.node.selection_set.node, depth + 1);
                }
                Selection::FragmentSpread(spread) => {
                    let name = &spread.node.fragment_name.node;
                    if let Some(fragment) = document.fragments.get(name) {
                        self.add(document, &fragment.node.selection_set.node, depth + 1);
                    }
                }
            }
        }
    }

    /// Puts the fields of every object of `value` in this plan's order (keys the plan does
    /// not know keep their order, after the known ones).
    pub fn apply(&self, value: &mut Value) {
        match value {
            Value::List(items) => items.iter_mut().for_each(|item| self.apply(item)),
            Value::Object(fields) if !self.0.is_empty() => {
                let mut rest = std::mem::take(fields);
                let mut ordered = IndexMap::with_capacity(rest.len());
                for (key, plan) in &self.0 {
                    if let Some((key, mut field)) = rest.shift_remove_entry(key) {
                        plan.apply(&mut field);
                        ordered.insert(key, field);
                    }
                }
                ordered.extend(rest);
                *fields = ordered;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `answer` (JSON text, its key order kept) reordered by the plan of `query`.
    fn ordered(query: &str, answer: &str) -> String {
        let document = async_graphql::parser::parse_query(query).expect("parses");
        let mut value: Value = serde_json::from_str(answer).expect("value");
        Plan::of(&document, None).apply(&mut value);
        serde_json::to_string(&value).expect("json")
    }

    #[test]
    fn fields_follow_the_selection_at_every_level_and_in_lists() {
        let answer = r#"{"b":[{"y":1,"x":2},{"x":3,"y":4}],"a":{"d":null,"c":true}}"#;
        assert_eq!(
            ordered("{ a { c d } b { x y } }", answer),
            r#"{"a":{"c":true,"d":null},"b":[{"x":2,"y":1},{"x":3,"y":4}]}"#
        );
    }

    #[test]
    fn aliases_and_fragments_take_the_place_of_their_first_selection() {
        let query = "query { ...F second: film { slug ... on Film { title } } first: film { slug } } \
                     fragment F on QueryRoot { zero: film { id } }";
        let answer = r#"{"first":{"slug":"a"},"extra":1,"second":{"title":"t","slug":"b"},"zero":{"id":"1"}}"#;
        assert_eq!(
            ordered(query, answer),
            r#"{"zero":{"id":"1"},"second":{"slug":"b","title":"t"},"first":{"slug":"a"},"extra":1}"#
        );
    }
}
