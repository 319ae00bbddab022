//! The object types a query reads, found in its document against the schema: for every
//! selected field, the type it is selected on and the type it returns (so a list that comes
//! back empty still depends on its node type). Worked out once per stored response, not per
//! resolved field, so uncached requests pay nothing for it.

use std::{
    collections::{HashMap, HashSet},
    sync::LazyLock,
};

use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, OperationType, Selection, SelectionSet,
};

use super::topics::object_type;

/// The schema's types as this module needs them.
#[derive(Default)]
struct Types {
    /// Object and interface type → field name → the object type the field returns.
    fields: HashMap<String, HashMap<String, String>>,
    /// Scalar, enum and input type names.
    leaves: HashSet<String>,
}

static TYPES: LazyLock<Types> = LazyLock::new(|| {
    use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};
    let mut types = Types::default();
    types
        .leaves
        .extend(["String", "Int", "Float", "Boolean", "ID"].map(String::from));
    let Ok(document) = async_graphql::parser::parse_schema(crate::graphql::sdl()) else {
        return types;
    };
    for definition in document.definitions {
        let TypeSystemDefinition::Type(ty) = definition else {
            continue;
        };
        let name = ty.node.name.node.to_string();
        let fields = match &ty.node.kind {
            TypeKind::Object(object) => &object.fields,
            TypeKind::Interface(interface) => &interface.fields,
            _ => {
                types.leaves.insert(name);
                continue;
            }
        };
        let fields = fields
            .iter()
            .map(|field| {
                let returns = field.node.ty.node.to_string();
                (
                    field.node.name.node.to_string(),
                    object_type(&returns).to_string(),
                )
            })
            .collect();
        types.fields.insert(name, fields);
    }
    types
});

/// True for scalar, enum and input type names.
pub fn is_leaf(name: &str) -> bool {
    TYPES.leaves.contains(name)
}

/// The type names the query `document` (operation `operation_name`) reads; `None` when the
/// document does not parse or the operation is not a query.
pub fn read_types(document: &str, operation_name: Option<&str>) -> Option<HashSet<String>> {
    let document = async_graphql::parser::parse_query(document).ok()?;
    let operation = match (&document.operations, operation_name) {
        (DocumentOperations::Single(op), _) => op,
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name)?,
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next()?,
        _ => return None,
    };
    if operation.node.ty != OperationType::Query {
        return None;
    }
    let mut walk = Walk {
        document: &document,
        read: HashSet::from(["QueryRoot".to_string()]),
        spread: HashSet::new(),
    };
    walk.selection_set("QueryRoot", &operation.node.selection_set.node);
    Some(walk.read)
}

struct Walk<'a> {
    document: &'a ExecutableDocument,
    read: HashSet<String>,
    spread: HashSet<String>,
}

impl Walk<'_> {
    fn selection_set(&mut self, on: &str, set: &SelectionSet) {
        for item in &set.items {
            match &item.node {
                Selection::Field(field) => {
                    let name = field.node.name.node.as_str();
                    if name.starts_with("__") {
                        continue;
                    }
                    // A field the schema does not know reads an unknown type: it depends on
                    // every write (and the request fails validation anyway).
                    let returns = TYPES
                        .fields
                        .get(on)
                        .and_then(|fields| fields.get(name))
                        .cloned()
                        .unwrap_or_else(|| format!("{on}.{name}"));
                    self.read.insert(returns.clone());
                    self.selection_set(&returns, &field.node.selection_set.node);
                }
                Selection::InlineFragment(fragment) => {
                    let on = fragment
                        .node
                        .type_condition
                        .as_ref()
                        .map(|c| c.node.on.node.to_string())
                        .unwrap_or_else(|| on.to_string());
                    self.read.insert(on.clone());
                    self.selection_set(&on, &fragment.node.selection_set.node);
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.to_string();
                    if !self.spread.insert(name.clone()) {
                        continue;
                    }
                    if let Some(fragment) = self.document.fragments.get(name.as_str()) {
                        let on = fragment.node.type_condition.node.on.node.to_string();
                        self.read.insert(on.clone());
                        self.selection_set(&on, &fragment.node.selection_set.node);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::topics::{Topic, topics_of_reads};

    #[test]
    fn a_film_page_reads_films_and_the_people_of_its_credits() {
        let read = read_types(
            "query P($slug: String!) { film(slug: $slug) { title credits { ...C } } }
             fragment C on Credit { role person { name } }",
            None,
        )
        .expect("a query");
        assert!(read.contains("Film") && read.contains("Credit") && read.contains("Person"));
        let topics = topics_of_reads(read.iter().map(String::as_str));
        assert!(topics.contains(&Topic::Film) && topics.contains(&Topic::Person));
    }

    #[test]
    fn a_list_reads_its_node_type_and_mutations_are_not_reads() {
        let read =
            read_types("{ films(first: 1) { edges { node { id } } } }", None).expect("a query");
        assert!(read.contains("Film"), "{read:?}");
        assert_eq!(read_types("mutation { x }", None), None);
        assert_eq!(read_types("{ unclosed", None), None);
    }
}
