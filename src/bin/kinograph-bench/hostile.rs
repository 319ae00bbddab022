//! Hostile requests for the soak run: each shape a public GraphQL endpoint meets, with the
//! HTTP status and `extensions.code` the server must answer it with.

use hyper::body::Bytes;
use serde_json::{Value, json};

/// One hostile request, built once and sent many times.
pub struct Shape {
    /// What it is, for the report.
    pub name: &'static str,
    /// The request body.
    pub body: Bytes,
    /// The `Content-Type` sent.
    pub content_type: &'static str,
    /// An `Authorization` header, when the shape sends one.
    pub authorization: Option<&'static str>,
    /// The status and code the server must answer with.
    pub expect: (u16, &'static str),
}

fn graphql(query: String) -> Bytes {
    Bytes::from(json!({ "query": query }).to_string())
}

fn with_variables(query: &str, variables: Value) -> Bytes {
    Bytes::from(json!({ "query": query, "variables": variables }).to_string())
}

/// Every shape, in the report's order.
pub fn shapes() -> Vec<Shape> {
    let json = "application/json";
    let shape = |name, body, expect| Shape {
        name,
        body,
        content_type: json,
        authorization: None,
        expect,
    };
    let mut deep = String::from("{ films { nodes { ");
    deep.push_str(&"coProductions { organization { ".repeat(7));
    deep.push_str("slug");
    deep.push_str(&" } }".repeat(7));
    deep.push_str(" } } }");
    let aliases: String = (0..1000)
        .map(|i| format!("a{i}: films {{ totalCount }} "))
        .collect();
    let mut bomb = String::from("{ films { nodes { ...F40 } } }\nfragment F0 on Film { slug }\n");
    for level in 1..=40 {
        bomb.push_str(&format!(
            "fragment F{level} on Film {{ ...F{b} ...F{b} }}\n",
            b = level - 1
        ));
    }
    let batch: Vec<Value> = (0..10_000)
        .map(|_| json!({ "query": "{ films { totalCount } }" }))
        .collect();
    let mut nested = json!(["RmlsbToxMjM"]);
    for _ in 0..99 {
        nested = json!([nested]);
    }
    let big = format!(
        "{{\"query\":\"{{ films {{ totalCount }} }}\",\"variables\":{{\"x\":\"{}\"}}}}",
        "a".repeat(10 * 1024 * 1024)
    );
    vec![
        shape("deep query", graphql(deep), (200, "QUERY_TOO_DEEP")),
        shape(
            "100 × 100 page",
            graphql(
                "{ films(first: 100) { nodes { screenings(first: 100) { nodes { id } } } } }"
                    .into(),
            ),
            (200, "QUERY_TOO_COMPLEX"),
        ),
        shape(
            "alias bomb",
            graphql(format!("{{ {aliases} }}")),
            (200, "BAD_USER_INPUT"),
        ),
        shape(
            "fragment cycle",
            graphql(
                "{ films { nodes { ...A } } } fragment A on Film { slug ...B } \
                 fragment B on Film { ...A }"
                    .into(),
            ),
            (200, "BAD_USER_INPUT"),
        ),
        shape("fragment bomb", graphql(bomb), (200, "QUERY_TOO_COMPLEX")),
        shape(
            "10,000-operation batch",
            Bytes::from(Value::Array(batch).to_string()),
            (400, "BAD_USER_INPUT"),
        ),
        shape("10 MB body", Bytes::from(big), (413, "BAD_USER_INPUT")),
        shape(
            "100-level list variable",
            with_variables(
                "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                json!({ "ids": nested }),
            ),
            (200, "BAD_USER_INPUT"),
        ),
        shape(
            "40 KiB query",
            graphql(format!(
                "{{ films {{ totalCount }} }} {}",
                "#".repeat(40 * 1024)
            )),
            (200, "BAD_USER_INPUT"),
        ),
        shape(
            "malformed JSON",
            Bytes::from_static(b"{\"query\": \"{ films { totalCount } }\""),
            (400, "BAD_USER_INPUT"),
        ),
        shape(
            "invalid GraphQL",
            graphql("{ films { totalCount ".into()),
            (200, "BAD_USER_INPUT"),
        ),
        shape(
            "wrong variable type",
            with_variables(
                "query($n: Int) { films(first: $n) { totalCount } }",
                json!({ "n": "ten" }),
            ),
            (200, "BAD_USER_INPUT"),
        ),
        shape(
            "forged cursor",
            graphql("{ films(after: \"Zm9yZ2Vk\") { totalCount } }".into()),
            (200, "BAD_USER_INPUT"),
        ),
        Shape {
            authorization: Some("Bearer kg_forged_key_0000000000000000"),
            ..shape(
                "bad API key",
                graphql("{ films { totalCount } }".into()),
                (401, "UNAUTHENTICATED"),
            )
        },
        Shape {
            content_type: "text/plain",
            ..shape(
                "text/plain POST",
                graphql("{ films { totalCount } }".into()),
                (415, "BAD_USER_INPUT"),
            )
        },
    ]
}

/// What the server answered to a hostile request, compared with what it must answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The expected status and code.
    Expected,
    /// A 5xx: a failure of the server.
    ServerError(u16),
    /// Anything else: another status or code, or a body that is no GraphQL error.
    Unexpected(String),
}

/// Judges one answer of `shape`.
pub fn judge(shape: &Shape, status: u16, body: &[u8]) -> Outcome {
    if status >= 500 {
        return Outcome::ServerError(status);
    }
    let code = serde_json::from_slice::<Value>(body).ok().and_then(|v| {
        v["errors"][0]["extensions"]["code"]
            .as_str()
            .map(String::from)
    });
    match code {
        Some(code) if (status, code.as_str()) == shape.expect => Outcome::Expected,
        code => Outcome::Unexpected(format!("HTTP {status}, code {code:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_judged_by_status_and_code() {
        let shapes = shapes();
        let deep = &shapes[0];
        let body = br#"{"errors":[{"message":"x","extensions":{"code":"QUERY_TOO_DEEP"}}]}"#;
        assert_eq!(judge(deep, 200, body), Outcome::Expected);
        assert_eq!(judge(deep, 502, b"bad gateway"), Outcome::ServerError(502));
        assert!(matches!(judge(deep, 200, b"{}"), Outcome::Unexpected(_)));
        assert!(matches!(judge(deep, 400, body), Outcome::Unexpected(_)));
        assert!(shapes.iter().all(|s| !s.body.is_empty()));
    }
}
