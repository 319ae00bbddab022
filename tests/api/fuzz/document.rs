//! GraphQL documents: random ones from a grammar over the served schema (real fields,
//! arguments, aliases, fragments, directives, variables, deep nesting), and mutations of
//! the contract operations (tokens deleted, duplicated, swapped or replaced, values changed,
//! deep nesting spliced in).

use rand::{Rng, seq::IndexedRandom};

use super::{
    Gen,
    sdl::{Def, TypeRef},
};

/// The contract operations of `tests/operations/`, the clients' real requests.
pub const OPERATIONS: &[&str] = &[
    include_str!("../../operations/AgreementPage.graphql"),
    include_str!("../../operations/EditorFlow.graphql"),
    include_str!("../../operations/FestivalProgramme.graphql"),
    include_str!("../../operations/FilmCatalogue.graphql"),
    include_str!("../../operations/FilmPage.graphql"),
    include_str!("../../operations/LocationPage.graphql"),
    include_str!("../../operations/NodeLookup.graphql"),
    include_str!("../../operations/OrganizationPage.graphql"),
    include_str!("../../operations/PartnerSync.graphql"),
    include_str!("../../operations/PressRoom.graphql"),
    include_str!("../../operations/Search.graphql"),
];

/// A document with the variables (JSON text) that go with it.
pub struct Document {
    pub query: String,
    pub variables: String,
    pub operation_name: Option<String>,
}

impl Gen<'_> {
    /// A query or mutation built from the schema's own fields.
    pub fn schema_document(&mut self) -> Document {
        let (keyword, root) = if self.rng.random_bool(0.3) {
            ("mutation", "MutationRoot")
        } else {
            ("query", "QueryRoot")
        };
        let mut variables = Vec::new();
        let depth = if self.rng.random_bool(0.1) {
            self.rng.random_range(10..40)
        } else {
            self.rng.random_range(1..6)
        };
        let selection = self.selection(root, depth, &mut variables);
        let definitions: Vec<String> = variables
            .iter()
            .map(|(name, ty)| format!("${name}: {ty}"))
            .collect();
        let values: Vec<String> = variables
            .iter()
            .map(|(name, ty)| format!("{name:?}:{}", self.json_for(ty, 3)))
            .collect();
        let name = self
            .rng
            .random_bool(0.5)
            .then(|| format!("Op{}", self.rng.random_range(0..3)));
        let header = match (&name, definitions.is_empty()) {
            (None, true) if keyword == "query" && self.rng.random_bool(0.5) => String::new(),
            (name, _) => format!(
                "{keyword} {}{}",
                name.as_deref().unwrap_or(""),
                if definitions.is_empty() {
                    String::new()
                } else {
                    format!("({})", definitions.join(", "))
                }
            ),
        };
        let mut query = format!("{header} {selection}");
        if self.rng.random_bool(0.2) {
            query.push_str(&format!(" fragment F on {root} {{ __typename }}"));
        }
        Document {
            query,
            variables: format!("{{{}}}", values.join(",")),
            operation_name: name.filter(|_| self.rng.random_bool(0.7)),
        }
    }

    /// `{ field(args) { ... } ... }` on the type `on`.
    fn selection(
        &mut self,
        on: &str,
        depth: u32,
        variables: &mut Vec<(String, TypeRef)>,
    ) -> String {
        let members = match self.sdl.types.get(on) {
            Some(Def::Union(members)) => Some(members.clone()),
            _ => None,
        };
        if let Some(members) = members {
            let mut parts = vec!["__typename".to_string()];
            for _ in 0..self.rng.random_range(1..3) {
                let member = members.choose(&mut self.rng).unwrap().clone();
                parts.push(format!(
                    "... on {member} {}",
                    self.selection(&member, depth, variables)
                ));
            }
            return format!("{{ {} }}", parts.join(" "));
        }
        let fields = self.sdl.fields(on).to_vec();
        if fields.is_empty() {
            return String::new();
        }
        let mut parts = Vec::new();
        for _ in 0..self.rng.random_range(1..5) {
            let field = fields.choose(&mut self.rng).unwrap();
            let mut part = String::new();
            if self.rng.random_bool(0.15) {
                part.push_str(&format!("a{}: ", self.rng.random_range(0..4)));
            }
            part.push_str(&field.name);
            let mut args = Vec::new();
            for (name, ty) in &field.args {
                if !matches!(ty, TypeRef::NonNull(_)) && self.rng.random_bool(0.6) {
                    continue;
                }
                let value = if self.rng.random_bool(0.3) {
                    let variable = format!("v{}", variables.len());
                    variables.push((variable.clone(), ty.clone()));
                    format!("${variable}")
                } else {
                    self.literal(ty, 3)
                };
                args.push(format!("{name}: {value}"));
            }
            if !args.is_empty() {
                part.push_str(&format!("({})", args.join(", ")));
            }
            if self.rng.random_bool(0.02) {
                let directive = [
                    "@include(if: true)",
                    "@skip(if: false)",
                    "@skip(if: $nope)",
                    "@deprecated",
                    "@include",
                ];
                part.push_str(&format!(" {}", directive.choose(&mut self.rng).unwrap()));
            }
            let inner = field.ty.name().to_string();
            if matches!(
                self.sdl.types.get(&inner),
                Some(Def::Object(_) | Def::Union(_))
            ) {
                if depth == 0 {
                    part.push_str(" { __typename }");
                } else {
                    part.push(' ');
                    part.push_str(&self.selection(&inner, depth - 1, variables));
                }
            }
            parts.push(part);
        }
        if self.rng.random_bool(0.01) {
            parts.push("...F".into());
        }
        format!("{{ {} }}", parts.join(" "))
    }

    /// A contract operation with a few of its tokens changed, and variables for it.
    pub fn mutated_operation(&mut self) -> Document {
        let source = *OPERATIONS.choose(&mut self.rng).unwrap();
        let mut tokens = graphql_tokens(source);
        for _ in 0..self.rng.random_range(1..4) {
            let at = self.rng.random_range(0..tokens.len());
            match self.rng.random_range(0..9) {
                0 => {
                    tokens.remove(at);
                }
                1 => {
                    let token = tokens[at].clone();
                    tokens.insert(at, token);
                }
                2 => {
                    let other = self.rng.random_range(0..tokens.len());
                    tokens.swap(at, other);
                }
                3 => tokens[at] = self.word(),
                4 => {
                    let token = &tokens[at];
                    if token.starts_with('"')
                        || token.starts_with(|c: char| c.is_ascii_digit() || c == '-')
                    {
                        tokens[at] = self.any_literal(2);
                    } else {
                        let punctuation = [
                            "{", "}", "(", ")", "[", "]", ":", "!", "$", "@", "...", "=", "|", "&",
                            "#",
                        ];
                        tokens.insert(at, punctuation.choose(&mut self.rng).unwrap().to_string());
                    }
                }
                5 => {
                    let depth = self.rng.random_range(5..200);
                    let field = self.word();
                    let nest = format!(
                        "{}{}",
                        format!("{field} {{ ").repeat(depth),
                        "}".repeat(depth)
                    );
                    tokens.insert(at, nest);
                }
                6 => tokens.insert(at, format!("alias{}:", self.rng.random_range(0..1000))),
                7 => tokens.insert(at, self.any_literal(2)),
                _ => {
                    // An argument value changed to a hostile literal.
                    if let Some(colon) = tokens.iter().skip(at).position(|t| t == ":") {
                        let value = at + colon + 1;
                        if value < tokens.len() && !tokens[value].starts_with('$') {
                            tokens[value] = self.any_literal(2);
                        }
                    }
                }
            }
            if tokens.is_empty() {
                tokens.push("{".into());
            }
        }
        let variables = self.operation_variables(source);
        Document {
            query: tokens.join(" "),
            variables,
            operation_name: None,
        }
    }

    /// Variables for the variable definitions of `source`, of their type or not.
    pub fn operation_variables(&mut self, source: &str) -> String {
        let tokens = graphql_tokens(source);
        let mut values = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            if token == "$" && tokens.get(i + 2).is_some_and(|t| t == ":") {
                let name = &tokens[i + 1];
                let ty = tokens
                    .get(i + 3)
                    .filter(|t| t.as_str() != "[")
                    .map(|t| TypeRef::Named(t.clone()))
                    .unwrap_or_else(|| {
                        TypeRef::List(Box::new(TypeRef::Named(tokens[i + 4].clone())))
                    });
                if self.rng.random_bool(0.9) {
                    values.push(format!("{name:?}:{}", self.json_for(&ty, 4)));
                }
            }
        }
        if self.rng.random_bool(0.1) {
            values.push(format!("{}:{}", self.json_string(), self.json_any(2)));
        }
        format!("{{{}}}", values.join(","))
    }
}

/// The tokens of a GraphQL document (comments dropped), joined by spaces gives it back.
pub fn graphql_tokens(source: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut rest = source;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() || c == ',' {
            rest = &rest[c.len_utf8()..];
        } else if c == '#' {
            rest = rest.find('\n').map_or("", |end| &rest[end..]);
        } else if c == '"' {
            let end = rest[1..].find('"').map_or(rest.len(), |e| e + 2);
            tokens.push(rest[..end].to_string());
            rest = &rest[end..];
        } else if let Some(after) = rest.strip_prefix("...") {
            tokens.push("...".into());
            rest = after;
        } else if c.is_alphanumeric() || c == '_' || c == '-' || c == '.' {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '.'))
                .unwrap_or(rest.len());
            tokens.push(rest[..end].to_string());
            rest = &rest[end..];
        } else {
            tokens.push(c.to_string());
            rest = &rest[c.len_utf8()..];
        }
    }
    tokens
}
