//! Query limits, checked on the parsed document before async-graphql validates or runs it:
//! the size of the document once its fragments are expanded (fields, aliases, root fields,
//! nesting), fragment cycles, and the cost of a connection (its page size times what each
//! item selects), which the schema's complexity limit adds up.
//!
//! Fragments are measured once each (memoized), so a document whose fragments spread each
//! other twice per level ("fragment bomb") costs its length to measure, not its expansion;
//! async-graphql's own validators expand fragments inline and never see such a document.

use std::collections::HashMap;

use async_graphql::{
    Request,
    parser::types::{ExecutableDocument, Selection, SelectionSet},
};

use crate::{config::LimitArgs, error::AppError, graphql::documents};

/// Deepest nesting of selections, inline fragments and fragment spreads walked; deeper
/// documents are refused before anything recurses over them.
const MAX_NESTING: usize = 64;

/// Most directives in one operation, fragments expanded: a few `@include`/`@skip` are all a
/// client needs, and thousands make validation report thousands of errors.
const MAX_DIRECTIVES: usize = 100;

/// Cost assumed for a page whose size is out of range (the resolver refuses it anyway).
const MAX_PAGE_COST: usize = crate::graphql::types::connection::MAX_PAGE as usize;

/// Largest cost one field may add: sums of many of them still fit in a `usize`.
const MAX_FIELD_COST: usize = u32::MAX as usize;

/// Complexity of a connection field: one for the field, plus what one item selects times
/// the page size asked for (`first` or `last`, else `default`). Used by the schema's
/// `#[graphql(complexity = ...)]` attributes; saturating, so hostile numbers cannot overflow.
pub fn page_cost(first: Option<i32>, last: Option<i32>, default: i32, child: usize) -> usize {
    let size = match first.or(last).unwrap_or(default) {
        n if n < 0 => MAX_PAGE_COST,
        n => usize::try_from(n)
            .unwrap_or(MAX_PAGE_COST)
            .min(MAX_PAGE_COST),
    };
    child
        .saturating_mul(size.max(1))
        .saturating_add(1)
        .min(MAX_FIELD_COST)
}

/// What a selection set holds once its fragments are expanded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Measure {
    /// Fields selected, at every level.
    pub fields: usize,
    /// Fields selected under an alias, at every level.
    pub aliases: usize,
    /// Fields of the set itself (for the operation: its root fields).
    pub top: usize,
    /// Deepest field nesting.
    pub depth: usize,
    /// Directives on fields, fragment spreads and inline fragments.
    pub directives: usize,
}

impl Measure {
    fn add(&mut self, other: Measure) {
        self.fields = self.fields.saturating_add(other.fields);
        self.aliases = self.aliases.saturating_add(other.aliases);
        self.top = self.top.saturating_add(other.top);
        self.depth = self.depth.max(other.depth);
        self.directives = self.directives.saturating_add(other.directives);
    }
}

/// Why a document cannot be measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmeasurable {
    /// The fragment spreads itself, directly or through others.
    Cycle(String),
    /// Selections and fragments nest deeper than [`MAX_NESTING`].
    TooDeep,
}

/// Measures `selection` (an operation's root selection set) in `document`.
pub fn measure(
    document: &ExecutableDocument,
    selection: &SelectionSet,
) -> Result<Measure, Unmeasurable> {
    Walk {
        document,
        fragments: HashMap::new(),
    }
    .set(selection, 0)
}

/// Refuses a document that exceeds `limits`, with the code and a message saying which limit
/// and how to stay within it.
pub fn check(
    document: &ExecutableDocument,
    selection: &SelectionSet,
    limits: &LimitArgs,
) -> Result<(), AppError> {
    let measured = match measure(document, selection) {
        Ok(measured) => measured,
        Err(Unmeasurable::Cycle(name)) => {
            return Err(AppError::bad_request(format!(
                "fragment \"{name}\" spreads itself (directly or through other fragments); \
                 fragments must not form a cycle"
            )));
        }
        Err(Unmeasurable::TooDeep) => return Err(too_deep(limits)),
    };
    if measured.depth > limits.max_depth {
        return Err(too_deep(limits));
    }
    if measured.fields > limits.max_complexity {
        return Err(AppError::TooComplex(format!(
            "the query selects {} fields once its fragments are expanded; this server \
             answers at most {}: ask for fewer fields or split the query",
            measured.fields, limits.max_complexity
        )));
    }
    if measured.aliases > limits.max_aliases {
        return Err(AppError::bad_request(format!(
            "the query uses {} aliases; at most {} are allowed",
            measured.aliases, limits.max_aliases
        )));
    }
    if measured.directives > MAX_DIRECTIVES {
        return Err(AppError::bad_request(format!(
            "the query uses {} directives; at most {MAX_DIRECTIVES} are allowed",
            measured.directives
        )));
    }
    if measured.top > limits.max_root_fields {
        return Err(AppError::bad_request(format!(
            "the operation asks for {} root fields; at most {} are allowed: split it into \
             several requests",
            measured.top, limits.max_root_fields
        )));
    }
    Ok(())
}

/// Checks the operation `request` runs against `limits`. The document must have been parsed
/// (see [`documents::prepare`]); one that does not parse, or names no operation it holds, is
/// left to async-graphql, which reports it.
pub fn check_request(request: &mut Request, limits: &LimitArgs) -> Result<(), AppError> {
    let name = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else {
        return Ok(());
    };
    match documents::operation(document, name.as_deref()) {
        Some(operation) => check(document, &operation.selection_set.node, limits),
        None => Ok(()),
    }
}

/// Refuses query text longer than the limit, before it is parsed.
pub fn check_length(query: &str, limits: &LimitArgs) -> Result<(), AppError> {
    if query.len() > limits.max_query_bytes {
        return Err(AppError::bad_request(format!(
            "the query is {} bytes long; this server accepts at most {} (persisted queries \
             send a hash instead of the text)",
            query.len(),
            limits.max_query_bytes
        )));
    }
    Ok(())
}

fn too_deep(limits: &LimitArgs) -> AppError {
    AppError::TooDeep(format!(
        "the query nests fields more than {} levels deep; ask for less nested data",
        limits.max_depth
    ))
}

/// One measurement: each fragment is measured once (`None` while it is being measured, so
/// meeting it again is a cycle).
struct Walk<'a> {
    document: &'a ExecutableDocument,
    fragments: HashMap<&'a str, Option<Measure>>,
}

impl<'a> Walk<'a> {
    fn set(&mut self, set: &'a SelectionSet, nesting: usize) -> Result<Measure, Unmeasurable> {
        if nesting > MAX_NESTING {
            return Err(Unmeasurable::TooDeep);
        }
        let mut total = Measure::default();
        for item in &set.items {
            match &item.node {
                Selection::Field(field) => {
                    let child = self.set(&field.node.selection_set.node, nesting + 1)?;
                    total.add(Measure {
                        fields: child.fields.saturating_add(1),
                        aliases: child.aliases + usize::from(field.node.alias.is_some()),
                        top: 1,
                        depth: child.depth + 1,
                        directives: child.directives.saturating_add(field.node.directives.len()),
                    });
                }
                Selection::InlineFragment(fragment) => {
                    total.add(self.set(&fragment.node.selection_set.node, nesting + 1)?);
                    total.directives = total
                        .directives
                        .saturating_add(fragment.node.directives.len());
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    total.add(self.fragment(name, nesting + 1)?);
                    total.directives = total
                        .directives
                        .saturating_add(spread.node.directives.len());
                }
            }
        }
        Ok(total)
    }

    fn fragment(&mut self, name: &'a str, nesting: usize) -> Result<Measure, Unmeasurable> {
        match self.fragments.get(name) {
            Some(Some(measured)) => return Ok(*measured),
            Some(None) => return Err(Unmeasurable::Cycle(name.to_string())),
            None => {}
        }
        // An unknown fragment measures nothing here; validation names it.
        let Some(definition) = self.document.fragments.get(name) else {
            return Ok(Measure::default());
        };
        self.fragments.insert(name, None);
        let measured = self.set(&definition.node.selection_set.node, nesting)?;
        self.fragments.insert(name, Some(measured));
        Ok(measured)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::parser::{parse_query, types::DocumentOperations};

    fn measured(text: &str) -> Result<Measure, Unmeasurable> {
        let document = parse_query(text).expect("parses");
        let selection = match &document.operations {
            DocumentOperations::Single(op) => op.node.selection_set.node.clone(),
            DocumentOperations::Multiple(ops) => ops
                .values()
                .next()
                .expect("one")
                .node
                .selection_set
                .node
                .clone(),
        };
        measure(&document, &selection)
    }

    #[test]
    fn page_cost_multiplies_by_the_page_asked_for_and_cannot_overflow() {
        assert_eq!(page_cost(Some(10), None, 24, 3), 31);
        assert_eq!(page_cost(None, Some(5), 24, 3), 16);
        assert_eq!(page_cost(None, None, 24, 3), 73);
        assert_eq!(
            page_cost(Some(0), None, 24, 3),
            4,
            "an empty page still costs its fields"
        );
        assert_eq!(page_cost(Some(-5), None, 24, 1), 101);
        assert_eq!(page_cost(Some(i32::MAX), None, 24, 1), 101);
        assert_eq!(page_cost(Some(100), None, 24, usize::MAX), MAX_FIELD_COST);
    }

    #[test]
    fn fields_aliases_roots_and_depth_count_expanded_fragments() {
        let m = measured(
            "query { a: films { nodes { ...F } } press: pressMaterials { totalCount } } \
             fragment F on Film { slug t: title ... on Film { year } }",
        )
        .expect("measures");
        assert_eq!(
            m,
            Measure {
                fields: 7,
                aliases: 3,
                top: 2,
                depth: 3,
                directives: 0,
            }
        );
        let directed = measured(
            "{ films @include(if: true) { nodes { ...F @skip(if: false) ... @include(if: true) { slug } } } } \
             fragment F on Film { slug @skip(if: false) }",
        )
        .expect("measures");
        assert_eq!(directed.directives, 4);
        let roots = measured("{ ...R f: films { totalCount } } fragment R on QueryRoot { a: films { totalCount } b: films { totalCount } }")
            .expect("measures");
        assert_eq!(roots.top, 3);
    }

    #[test]
    fn fragment_bombs_are_measured_without_expanding_them() {
        let mut text =
            String::from("{ films { nodes { ...F40 } } }\nfragment F0 on Film { slug }\n");
        for level in 1..=40 {
            let below = level - 1;
            text.push_str(&format!(
                "fragment F{level} on Film {{ ...F{below} ...F{below} }}\n"
            ));
        }
        let m = measured(&text).expect("measures");
        assert_eq!(m.fields, (1usize << 40) + 2);
    }

    #[test]
    fn cycles_and_runaway_nesting_are_refused() {
        assert_eq!(
            measured("{ ...A } fragment A on QueryRoot { ...B } fragment B on QueryRoot { ...A }"),
            Err(Unmeasurable::Cycle("A".to_string()))
        );
        let mut text = String::from("{ ...F0 }\n");
        for level in 0..100 {
            text.push_str(&format!(
                "fragment F{level} on QueryRoot {{ ...F{} }}\n",
                level + 1
            ));
        }
        text.push_str("fragment F100 on QueryRoot { __typename }\n");
        assert_eq!(measured(&text), Err(Unmeasurable::TooDeep));
        assert!(measured("{ ...Missing }").is_ok(), "validation names it");
    }
}
