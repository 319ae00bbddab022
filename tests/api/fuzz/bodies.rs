//! POST bodies: a document with its variables (sometimes with an operation name, a
//! persisted-query extension or odd members), batches, and raw bytes that are truncated, not
//! UTF-8, deeply nested, oversized or not a request at all.

use rand::{Rng, seq::IndexedRandom};

use super::{Gen, document::Document, requests::Case};

impl Gen<'_> {
    /// `{"query": …, "variables": …}`, sometimes with an operation name, a persisted-query
    /// extension or odd members.
    pub fn body(&mut self, document: &Document) -> String {
        let mut members = vec![format!(
            "\"query\":{}",
            serde_json::Value::String(document.query.clone())
        )];
        if self.rng.random_bool(0.9) {
            members.push(format!("\"variables\":{}", document.variables));
        }
        if let Some(name) = &document.operation_name {
            members.push(format!("\"operationName\":{name:?}"));
        } else if self.rng.random_bool(0.1) {
            members.push(format!("\"operationName\":{}", self.json_any(1)));
        }
        if self.rng.random_bool(0.05) {
            let hash = [
                "\"0000\"",
                "\"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38\"",
                "null",
                "5",
            ];
            members.push(format!(
                "\"extensions\":{{\"persistedQuery\":{{\"version\":{},\"sha256Hash\":{}}}}}",
                self.number(),
                hash.choose(&mut self.rng).unwrap()
            ));
        }
        if self.rng.random_bool(0.05) {
            members.push(format!("{}:{}", self.json_string(), self.json_any(2)));
        }
        format!("{{{}}}", members.join(","))
    }

    /// A JSON list of requests (sometimes empty, too long, or holding non-requests).
    pub fn batch(&mut self, kind: &'static str) -> Case {
        let n = *[0, 1, 2, 3, 10, 11, 50].choose(&mut self.rng).unwrap();
        let items: Vec<String> = (0..n)
            .map(|_| match self.rng.random_range(0..6) {
                0 => self.json_any(1),
                1..=2 => {
                    let document = self.schema_document();
                    self.body(&document)
                }
                _ => {
                    let document = self.mutated_operation();
                    self.body(&document)
                }
            })
            .collect();
        Case {
            kind: if n > 0 { "batch" } else { kind },
            get: false,
            uri: "/graphql".into(),
            headers: Vec::new(),
            keyed: false,
            body: format!("[{}]", items.join(",")).into_bytes(),
        }
    }

    /// A body that is not a well-formed request: truncated, not UTF-8, deeply nested…
    pub fn raw(&mut self, kind: &'static str, document: &Document) -> Case {
        let good = self.body(document).into_bytes();
        let body = match self.rng.random_range(0..10) {
            0 => {
                let cut = self.rng.random_range(0..good.len().max(1));
                good[..cut].to_vec()
            }
            1 => {
                let mut bytes = good.clone();
                let bad: &[&[u8]] = &[
                    b"\xff",
                    b"\xc0\x80",
                    b"\xed\xa0\x80",
                    b"\xf4\x90\x80\x80",
                    b"\xe2\x82",
                    b"\x00",
                ];
                for _ in 0..self.rng.random_range(1..4) {
                    let at = self.rng.random_range(0..=bytes.len());
                    let insert = bad.choose(&mut self.rng).unwrap();
                    bytes.splice(at..at, insert.iter().copied());
                }
                bytes
            }
            2 => {
                let deep = self.rng.random_range(100..200_000);
                let open = ["[", "{\"a\":", "{\"query\":"]
                    .choose(&mut self.rng)
                    .unwrap();
                let close = if open.starts_with('[') { "]" } else { "}" };
                format!("{}1{}", open.repeat(deep), close.repeat(deep)).into_bytes()
            }
            3 => format!(
                "{{\"query\":\"{{ film(slug: $s) {{ slug }} }}\",\"variables\":{{\"s\":{}}}}}",
                format_args!(
                    "{}\"x\"{}",
                    "[".repeat(self.rng.random_range(10..5_000)),
                    "]".repeat(5_000)
                )
            )
            .into_bytes(),
            4 => {
                let n = self.rng.random_range(0..64);
                (0..n).map(|_| self.rng.random::<u8>()).collect()
            }
            5 => {
                let mut bytes = b"\xef\xbb\xbf".to_vec();
                bytes.extend(good);
                bytes
            }
            6 => {
                let odd = [
                    "",
                    "null",
                    "1",
                    "\"{ __typename }\"",
                    "{}",
                    "{\"query\":null}",
                    "{\"query\":5}",
                    "{\"query\":\"{ __typename }\",\"variables\":[1]}",
                    "{\"query\":\"{ __typename }\",\"variables\":\"{\\\"a\\\":1}\"}",
                    "{\"query\":\"{ __typename }\",\"query\":\"{ films { totalCount } }\"}",
                    "{\"query\":\"{ __typename }\"} trailing",
                    "{\"query\":\"{ __typename }\",\"extensions\":{\"persistedQuery\":{}}}",
                ];
                odd.choose(&mut self.rng).unwrap().as_bytes().to_vec()
            }
            7 => {
                let big = self.rng.random_range(900_000..1_100_000);
                format!(
                    "{{\"query\":\"{{ __typename }}\",\"variables\":{{\"x\":\"{}\"}}}}",
                    "a".repeat(big)
                )
                .into_bytes()
            }
            _ => {
                let mut text = String::from_utf8_lossy(&good).into_owned();
                let at = self.rng.random_range(0..=text.len());
                let at = (0..=at)
                    .rev()
                    .find(|i| text.is_char_boundary(*i))
                    .unwrap_or(0);
                text.insert_str(at, &self.json_string());
                text.into_bytes()
            }
        };
        Case {
            kind: if kind == "schema document" {
                "raw body"
            } else {
                kind
            },
            get: false,
            uri: "/graphql".into(),
            headers: Vec::new(),
            keyed: false,
            body,
        }
    }
}
