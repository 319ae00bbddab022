//! Values for generated requests: GraphQL literals and JSON texts, valid for their type
//! some of the time and hostile the rest (wrong types, huge and odd numbers, escapes, lone
//! surrogates, control and bidirectional characters, very long and deeply nested values).

use rand::{Rng, seq::IndexedRandom};

use super::{
    Gen,
    sdl::{Def, Field, TypeRef},
};

/// Strings that are hard on parsers, encoders and SQL.
const NASTY: &[&str] = &[
    "",
    " ",
    "\u{0}",
    "a\u{0}b",
    "\u{202E}RTL\u{202C}",
    "\u{200F}\u{200E}",
    "\u{FEFF}",
    "\u{FFFF}",
    "\u{10FFFF}",
    "e\u{301}\u{301}\u{301}",
    "🎬🎞️",
    "Кинопарк",
    "'; DROP TABLE film; --",
    "\" OR 1=1 --",
    "%",
    "_",
    "\\",
    "\\\\\\",
    "\"",
    "\n\r\t",
    "NaN",
    "Infinity",
    "-0",
    "1e308",
    "9223372036854775808",
    "2025-02-30",
    "2025-13-01T25:61:61Z",
    "0000-01-01",
    "+275760-09-13",
    "RmlsbToxMDAwMDAwMDAwMDAwMDAw",
    "Film:1",
    "RmlsbTox",
    "http://",
    "javascript:alert(1)",
    "$",
    "{",
    "...",
    "sample-lighthouse",
    "gazprom-media",
    "moskino",
    "соглашения",
];

/// Numbers in GraphQL and JSON syntax, none of which fits everywhere.
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "100",
    "101",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "340282366920938463463374607431768211456",
    "1e308",
    "1.7976931348623157e309",
    "-1e308",
    "5e-324",
    "1e-400",
    "0.1",
    "100.0000000000001",
    "-0.0",
    "1E3",
    "123456789012345678901234567890123456789012345678901234567890",
];

impl Gen<'_> {
    /// A string that is hostile (or plain) in content, as Rust text.
    pub fn nasty_string(&mut self) -> String {
        match self.rng.random_range(0..10) {
            0 => "x".repeat(self.rng.random_range(1_000..100_000)),
            1 => {
                let length = self.rng.random_range(1..40);
                (0..length)
                    .map(|_| {
                        char::from_u32(self.rng.random_range(0..0x11_0000)).unwrap_or('\u{FFFD}')
                    })
                    .collect()
            }
            2 => self.word(),
            _ => (*NASTY.choose(&mut self.rng).unwrap()).to_string(),
        }
    }

    /// A number literal, in GraphQL and JSON syntax.
    pub fn number(&mut self) -> String {
        if self.rng.random_bool(0.6) {
            self.rng.random_range(-5..30).to_string()
        } else {
            (*NUMBERS.choose(&mut self.rng).unwrap()).to_string()
        }
    }

    /// A GraphQL string literal: escaped text, a block string, or an escape the lexer must
    /// refuse (lone surrogates, bad escapes, unterminated).
    pub fn graphql_string(&mut self) -> String {
        match self.rng.random_range(0..12) {
            0 => r#""\uD800""#.into(),
            1 => r#""\uDC00\uD800x""#.into(),
            2 => r#""\u{1F600}\u{110000}""#.into(),
            3 => r#""\x41\q""#.into(),
            4 => "\"unterminated".into(),
            5 => format!("\"\"\"{}\"\"\"", self.nasty_string().replace("\"\"\"", "")),
            6 => "\"\\u00\"".into(),
            _ => serde_json::Value::String(self.nasty_string()).to_string(),
        }
    }

    /// A JSON string literal, maybe with escapes serde_json refuses (lone surrogates).
    pub fn json_string(&mut self) -> String {
        let broken = if self.broken_json { 0..10 } else { 4..10 };
        match self.rng.random_range(broken) {
            0 => r#""\ud800""#.into(),
            1 => r#""\udfff\ud800""#.into(),
            2 => r#""\u0000\u202e""#.into(),
            3 => r#""\x""#.into(),
            _ => serde_json::Value::String(self.nasty_string()).to_string(),
        }
    }

    /// Any JSON text, nested at most `depth` deep (plus an occasional very deep list).
    pub fn json_any(&mut self, depth: u32) -> String {
        let choice = self.rng.random_range(0..if depth == 0 { 6 } else { 10 });
        match choice {
            0 => "null".into(),
            1 => ["true", "false"].choose(&mut self.rng).unwrap().to_string(),
            2 | 3 => self.number(),
            4 | 5 => self.json_string(),
            6 | 7 => {
                let n = self.rng.random_range(0..4);
                let items: Vec<String> = (0..n).map(|_| self.json_any(depth - 1)).collect();
                format!("[{}]", items.join(","))
            }
            8 => {
                let n = self.rng.random_range(0..4);
                let fields: Vec<String> = (0..n)
                    .map(|_| format!("{}:{}", self.json_key(), self.json_any(depth - 1)))
                    .collect();
                format!("{{{}}}", fields.join(","))
            }
            _ => {
                let deep = if self.broken_json {
                    self.rng.random_range(50..3_000)
                } else {
                    self.rng.random_range(10..100)
                };
                format!("{}1{}", "[".repeat(deep), "]".repeat(deep))
            }
        }
    }

    fn json_key(&mut self) -> String {
        if self.rng.random_bool(0.7) {
            serde_json::Value::String(self.word()).to_string()
        } else {
            self.json_string()
        }
    }

    /// The fields of an input to set: every required one, and each optional one by chance.
    fn some_of<'f>(&mut self, fields: &'f [Field]) -> Vec<&'f Field> {
        fields
            .iter()
            .filter(|f| matches!(f.ty, TypeRef::NonNull(_)) || self.rng.random_bool(0.5))
            .collect()
    }

    /// A GraphQL literal for an argument of type `ty`: mostly of that type, sometimes not.
    pub fn literal(&mut self, ty: &TypeRef, depth: u32) -> String {
        let sdl = self.sdl;
        if depth == 0 || self.rng.random_bool(0.04) {
            return self.any_literal(depth.min(2));
        }
        match ty {
            TypeRef::NonNull(inner) => self.literal(inner, depth),
            TypeRef::List(inner) => {
                let n = self.rng.random_range(0..4);
                let items: Vec<String> = (0..n).map(|_| self.literal(inner, depth - 1)).collect();
                format!("[{}]", items.join(", "))
            }
            TypeRef::Named(name) => match (name.as_str(), sdl.types.get(name)) {
                ("Int" | "Float", _) => self.number(),
                ("Boolean", _) => ["true", "false"].choose(&mut self.rng).unwrap().to_string(),
                (_, Some(Def::Enum(values))) => values.choose(&mut self.rng).unwrap().clone(),
                (_, Some(Def::Input(fields))) => {
                    let chosen: Vec<String> = self
                        .some_of(fields)
                        .into_iter()
                        .map(|f| format!("{}: {}", f.name, self.literal(&f.ty, depth - 1)))
                        .collect();
                    format!("{{{}}}", chosen.join(", "))
                }
                _ => self.graphql_string(),
            },
        }
    }

    /// A GraphQL literal of no particular type.
    pub fn any_literal(&mut self, depth: u32) -> String {
        match self.rng.random_range(0..if depth == 0 { 6 } else { 8 }) {
            0 => "null".into(),
            1 => self.number(),
            2 | 3 => self.graphql_string(),
            4 => self.word(),
            5 => format!("${}", self.word()),
            6 => {
                let items: Vec<String> = (0..self.rng.random_range(0..3))
                    .map(|_| self.any_literal(depth - 1))
                    .collect();
                format!("[{}]", items.join(" "))
            }
            _ => format!("{{{}: {}}}", self.word(), self.any_literal(depth - 1)),
        }
    }

    /// JSON text for a variable of type `ty`: mostly of that type, sometimes not.
    pub fn json_for(&mut self, ty: &TypeRef, depth: u32) -> String {
        let sdl = self.sdl;
        if depth == 0 || self.rng.random_bool(0.05) {
            return self.json_any(depth.min(2));
        }
        match ty {
            TypeRef::NonNull(inner) => self.json_for(inner, depth),
            TypeRef::List(inner) => {
                let n = self.rng.random_range(0..4);
                let items: Vec<String> = (0..n).map(|_| self.json_for(inner, depth - 1)).collect();
                format!("[{}]", items.join(","))
            }
            TypeRef::Named(name) => match (name.as_str(), sdl.types.get(name)) {
                ("Int" | "Float", _) => self.number(),
                ("Boolean", _) => ["true", "false"].choose(&mut self.rng).unwrap().to_string(),
                (_, Some(Def::Enum(values))) => {
                    format!("{:?}", values.choose(&mut self.rng).unwrap())
                }
                (_, Some(Def::Input(fields))) => {
                    let chosen: Vec<String> = self
                        .some_of(fields)
                        .into_iter()
                        .map(|f| format!("{:?}:{}", f.name, self.json_for(&f.ty, depth - 1)))
                        .collect();
                    format!("{{{}}}", chosen.join(","))
                }
                _ => self.json_string(),
            },
        }
    }
}
