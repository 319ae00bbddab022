//! The served schema as the generator needs it: object, interface and input types with
//! their fields, arguments and types, enums with their values, unions with their members,
//! read from `schema.graphql` (embedded at compile time) by a small parser that skips
//! descriptions and directives.

use std::collections::BTreeMap;

/// A type reference as written in SDL: `Film`, `[String!]!`.
#[derive(Clone, Debug)]
pub enum TypeRef {
    Named(String),
    List(Box<TypeRef>),
    NonNull(Box<TypeRef>),
}

impl TypeRef {
    /// The innermost named type.
    pub fn name(&self) -> &str {
        match self {
            TypeRef::Named(name) => name,
            TypeRef::List(inner) | TypeRef::NonNull(inner) => inner.name(),
        }
    }
}

impl std::fmt::Display for TypeRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TypeRef::Named(name) => write!(f, "{name}"),
            TypeRef::List(inner) => write!(f, "[{inner}]"),
            TypeRef::NonNull(inner) => write!(f, "{inner}!"),
        }
    }
}

/// A field of an object, interface or input type (inputs have no arguments).
#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub args: Vec<(String, TypeRef)>,
    pub ty: TypeRef,
}

/// One named type.
#[derive(Clone, Debug)]
pub enum Def {
    Object(Vec<Field>),
    Input(Vec<Field>),
    Enum(Vec<String>),
    Union(Vec<String>),
    Scalar,
}

/// Every named type of the schema.
pub struct Sdl {
    pub types: BTreeMap<String, Def>,
}

impl Sdl {
    /// The schema served, parsed.
    pub fn served() -> Sdl {
        Sdl::parse(include_str!("../../../schema.graphql"))
    }

    /// Parses SDL text; panics on a shape it does not know (the test then shows where).
    pub fn parse(text: &str) -> Sdl {
        let tokens = tokens(text);
        let mut at = Cursor { tokens, at: 0 };
        let mut types = BTreeMap::new();
        while let Some(keyword) = at.next() {
            match keyword.as_str() {
                "type" | "interface" => {
                    let name = at.next().unwrap();
                    while at.peek() != Some("{") {
                        at.next(); // implements A & B
                    }
                    types.insert(name, Def::Object(at.fields()));
                }
                "input" => {
                    let name = at.next().unwrap();
                    types.insert(name, Def::Input(at.fields()));
                }
                "enum" => {
                    let name = at.next().unwrap();
                    at.expect("{");
                    let mut values = Vec::new();
                    while at.peek() != Some("}") {
                        values.push(at.next().unwrap());
                    }
                    at.expect("}");
                    types.insert(name, Def::Enum(values));
                }
                "union" => {
                    let name = at.next().unwrap();
                    at.expect("=");
                    let mut members = vec![at.next().unwrap()];
                    while at.peek() == Some("|") {
                        at.next();
                        members.push(at.next().unwrap());
                    }
                    types.insert(name, Def::Union(members));
                }
                "scalar" => {
                    types.insert(at.next().unwrap(), Def::Scalar);
                }
                "directive" => {
                    // `directive @name(args) on A | B`: skip to the last location.
                    while !matches!(at.peek(), Some("on")) {
                        at.next();
                    }
                    at.next();
                    at.next();
                    while at.peek() == Some("|") {
                        at.next();
                        at.next();
                    }
                }
                "schema" => while at.next().as_deref() != Some("}") {},
                other => panic!("unexpected SDL token {other:?}"),
            }
        }
        for scalar in ["Int", "Float", "String", "Boolean", "ID"] {
            types.insert(scalar.to_string(), Def::Scalar);
        }
        Sdl { types }
    }

    /// The fields of an object or interface type (none for other types).
    pub fn fields(&self, name: &str) -> &[Field] {
        match self.types.get(name) {
            Some(Def::Object(fields)) => fields,
            _ => &[],
        }
    }

    /// Every field name and enum value in the schema: words for random documents.
    pub fn words(&self) -> Vec<String> {
        let mut words: Vec<String> = self.types.keys().cloned().collect();
        for def in self.types.values() {
            match def {
                Def::Object(fields) | Def::Input(fields) => {
                    for field in fields {
                        words.push(field.name.clone());
                        words.extend(field.args.iter().map(|(name, _)| name.clone()));
                    }
                }
                Def::Enum(values) => words.extend(values.iter().cloned()),
                Def::Union(_) | Def::Scalar => {}
            }
        }
        words.sort();
        words.dedup();
        words
    }
}

struct Cursor {
    tokens: Vec<String>,
    at: usize,
}

impl Cursor {
    fn next(&mut self) -> Option<String> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.at).map(String::as_str)
    }

    fn expect(&mut self, token: &str) {
        let got = self.next();
        assert_eq!(got.as_deref(), Some(token), "at token {}", self.at);
    }

    /// `{ name(args): Type = default ... }`
    fn fields(&mut self) -> Vec<Field> {
        self.expect("{");
        let mut fields = Vec::new();
        while self.peek() != Some("}") {
            let name = self.next().unwrap();
            let mut args = Vec::new();
            if self.peek() == Some("(") {
                self.next();
                while self.peek() != Some(")") {
                    let arg = self.next().unwrap();
                    self.expect(":");
                    args.push((arg, self.type_ref()));
                    self.default_value();
                }
                self.expect(")");
            }
            self.expect(":");
            let ty = self.type_ref();
            self.default_value();
            fields.push(Field { name, args, ty });
        }
        self.expect("}");
        fields
    }

    fn type_ref(&mut self) -> TypeRef {
        let ty = if self.peek() == Some("[") {
            self.next();
            let inner = self.type_ref();
            self.expect("]");
            TypeRef::List(Box::new(inner))
        } else {
            TypeRef::Named(self.next().unwrap())
        };
        if self.peek() == Some("!") {
            self.next();
            TypeRef::NonNull(Box::new(ty))
        } else {
            ty
        }
    }

    /// Skips `= VALUE` (the schema's defaults are enum values).
    fn default_value(&mut self) {
        if self.peek() == Some("=") {
            self.next();
            self.next();
        }
    }
}

/// Names and punctuation of SDL text, without descriptions, comments and commas.
fn tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() || c == ',' {
            rest = &rest[c.len_utf8()..];
        } else if let Some(after) = rest.strip_prefix("\"\"\"") {
            let end = after.find("\"\"\"").expect("closed block string");
            rest = &after[end + 3..];
        } else if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').expect("closed string");
            rest = &after[end + 1..];
        } else if c == '#' {
            rest = rest.find('\n').map_or("", |end| &rest[end..]);
        } else if c.is_alphanumeric() || c == '_' || c == '@' {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '@'))
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
