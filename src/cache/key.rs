//! The key of a cached response: the operation's document with insignificant characters
//! removed (whitespace, commas, comments; string literals are kept as written), the operation
//! name, the variables written canonically (object keys sorted) and the locale, hashed.

use std::fmt::Write as _;

use async_graphql::Request;
use sha2::{Digest, Sha256};

use crate::graphql::types::locale::Locale;

/// The key of a cached response (hex SHA-256).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CacheKey(pub String);

impl CacheKey {
    /// The key of `request` answered in `locale`.
    pub fn of(request: &Request, locale: Locale) -> Self {
        let mut hasher = Sha256::new();
        hasher.update(normalize(&request.query).as_bytes());
        hasher.update([0]);
        hasher.update(request.operation_name.as_deref().unwrap_or("").as_bytes());
        hasher.update([0]);
        let variables = request.variables.clone().into_value().into_json();
        let mut canonical = String::new();
        if let Ok(variables) = variables {
            write_canonical(&mut canonical, &variables);
        }
        hasher.update(canonical.as_bytes());
        hasher.update([0]);
        hasher.update(locale.tag().as_bytes());
        CacheKey(hex(&hasher.finalize()))
    }
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// The document without comments, commas and runs of whitespace, keeping one space only
/// between two names or numbers; string literals (and block strings) are copied unchanged.
pub fn normalize(document: &str) -> String {
    let mut out = String::with_capacity(document.len());
    let mut chars = document.chars().peekable();
    let mut pending_space = false;
    let word = |c: char| c.is_alphanumeric() || c == '_';
    while let Some(c) = chars.next() {
        match c {
            '#' => {
                for c in chars.by_ref() {
                    if c == '\n' || c == '\r' {
                        break;
                    }
                }
                pending_space = true;
            }
            c if c.is_whitespace() || c == ',' || c == '\u{feff}' => pending_space = true,
            '"' => {
                pending_space = false;
                out.push('"');
                let block = chars.peek() == Some(&'"') && {
                    let mut ahead = chars.clone();
                    ahead.next();
                    ahead.peek() == Some(&'"')
                };
                if block {
                    out.push_str("\"\"");
                    chars.next();
                    chars.next();
                    let mut quotes = 0;
                    for c in chars.by_ref() {
                        out.push(c);
                        if c == '"' {
                            quotes += 1;
                            if quotes == 3 && !out.ends_with("\\\"\"\"") {
                                break;
                            }
                        } else {
                            quotes = 0;
                        }
                    }
                } else {
                    let mut escaped = false;
                    for c in chars.by_ref() {
                        out.push(c);
                        match c {
                            '\\' if !escaped => escaped = true,
                            '"' if !escaped => break,
                            _ => escaped = false,
                        }
                    }
                }
            }
            c => {
                if pending_space && out.chars().last().is_some_and(word) && word(c) {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
}

/// JSON with object keys in sorted order, so `{"a":1,"b":2}` and `{"b":2,"a":1}` agree.
fn write_canonical(out: &mut String, value: &serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(out, &map[key]);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(out, item);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::Variables;
    use serde_json::json;

    #[test]
    fn layout_commas_and_comments_do_not_matter() {
        let a =
            "query FilmPage($slug: String!) {\n  film(slug: $slug) { title, year } # the film\n}";
        let b = "query FilmPage($slug:String!){film(slug:$slug){title year}}";
        assert_eq!(normalize(a), normalize(b));
        assert_eq!(
            normalize(b),
            "query FilmPage($slug:String!){film(slug:$slug){title year}}"
        );
        assert_eq!(normalize("{ a ...F }"), "{a...F}");
    }

    #[test]
    fn string_literals_are_kept_as_written() {
        let spaced = r#"{ search(text: "two  words, # not a comment") { id } }"#;
        let single = r#"{ search(text: "two words, # not a comment") { id } }"#;
        assert_ne!(normalize(spaced), normalize(single));
        assert!(normalize(spaced).contains(r#""two  words, # not a comment""#));
        let escaped = r#"{ f(a: "quote \" then  space") }"#;
        assert!(normalize(escaped).contains(r#""quote \" then  space""#));
        let block = "{ f(a: \"\"\"block  \"quoted\"\n text\"\"\") { x } }";
        assert!(normalize(block).contains("\"\"\"block  \"quoted\"\n text\"\"\""));
        assert!(normalize(block).ends_with("{x}}"));
    }

    #[test]
    fn keys_differ_by_variables_locale_and_operation_but_not_by_key_order() {
        let request = |vars: serde_json::Value, name: Option<&str>| {
            let mut r = Request::new("query Q($a: Int, $b: Int) { x }")
                .variables(Variables::from_json(vars));
            r.operation_name = name.map(String::from);
            r
        };
        let base = CacheKey::of(&request(json!({"a": 1, "b": 2}), None), Locale::Ru);
        let reordered = CacheKey::of(&request(json!({"b": 2, "a": 1}), None), Locale::Ru);
        assert_eq!(base, reordered);
        assert_ne!(
            base,
            CacheKey::of(&request(json!({"a": 1, "b": 3}), None), Locale::Ru)
        );
        assert_ne!(
            base,
            CacheKey::of(&request(json!({"a": 1, "b": 2}), None), Locale::En)
        );
        assert_ne!(
            base,
            CacheKey::of(&request(json!({"a": 1, "b": 2}), Some("Q")), Locale::Ru)
        );
    }
}
