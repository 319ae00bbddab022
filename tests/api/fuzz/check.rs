//! What every answer of `/graphql` must be, whatever was sent: not a 5xx, a JSON body that is
//! a well-formed GraphQL response (or a batch of them), every error with a message for
//! people and a known `extensions.code`, and no SQL or driver text in any message, unless
//! the client sent that text itself (a parse error quotes the line it stopped at). Pure, so
//! the cargo-fuzz target (`fuzz/`) checks its answers with this same file.

use serde_json::Value;

/// Every `extensions.code` the server gives: those of `AppError::code` (src/error.rs) and
/// those `classify` adds (src/graphql/errors.rs). `INTERNAL` is known but never acceptable
/// here: no input, however hostile, is a fault of a healthy server.
pub const CODES: &[&str] = &[
    "BAD_USER_INPUT",
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "NOT_FOUND",
    "CONFLICT",
    "PERSISTED_QUERY_NOT_FOUND",
    "RATE_LIMITED",
    "QUERY_TOO_DEEP",
    "QUERY_TOO_COMPLEX",
];

/// Words of SQL, driver and panic text that must never reach a client (compared squeezed:
/// lower case, no whitespace).
const LEAKS: &[&str] = &[
    "sqlstate",
    "sqlx",
    "sea_orm",
    "dberr",
    "syntax error at or near",
    "no such column",
    "no such table",
    "unique constraint",
    "foreign key constraint",
    "violates",
    "database is locked",
    "pool timed out",
    "panicked",
];

/// Text in lower case without whitespace or control characters: how words are compared, as
/// a parse error's quoted line may lose carriage returns and other controls the client sent.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a client sent, as the server may read it back into a message: the URI and body as
/// text, percent-decoded, and the strings of the body when it is JSON (see [`squeezed`]).
pub fn sent(uri: &str, body: &[u8]) -> String {
    fn strings(json: &Value, into: &mut String) {
        match json {
            Value::String(text) => {
                into.push_str(text);
                into.push('\n');
            }
            Value::Array(items) => items.iter().for_each(|item| strings(item, into)),
            Value::Object(fields) => fields.iter().for_each(|(key, value)| {
                into.push_str(key);
                into.push('\n');
                strings(value, into);
            }),
            _ => {}
        }
    }
    let mut text = format!("{uri}\n{}\n", String::from_utf8_lossy(body));
    let query = uri.split_once('?').map_or("", |(_, query)| query);
    for part in [query.as_bytes(), body] {
        for (key, value) in url::form_urlencoded::parse(part) {
            text.push_str(&format!("{key}\n{value}\n"));
        }
    }
    if let Ok(json) = serde_json::from_slice::<Value>(body) {
        strings(&json, &mut text);
    }
    squeezed(&text)
}

/// Checks one answer to a request that sent `sent` (see [`sent`]): `Err` says what is wrong
/// with it.
pub fn answer(status: u16, body: &[u8], sent: &str) -> Result<(), String> {
    if status >= 500 {
        return Err(format!("status {status}"));
    }
    let json: Value =
        serde_json::from_slice(body).map_err(|err| format!("body is not JSON ({err})"))?;
    // A batch answers a list; it fails as a whole (a 4xx) only when each of its requests did.
    match &json {
        Value::Array(responses) => {
            if responses.is_empty() {
                return Err("an empty batch answer".into());
            }
            responses
                .iter()
                .try_for_each(|r| response(r, status != 200, sent))
        }
        _ => response(&json, status != 200, sent),
    }
}

/// One GraphQL response: `data` and/or `errors` (and maybe `extensions`), nothing else.
fn response(json: &Value, must_fail: bool, sent: &str) -> Result<(), String> {
    let object = json.as_object().ok_or("a response that is not an object")?;
    if let Some(key) = object
        .keys()
        .find(|k| !matches!(k.as_str(), "data" | "errors" | "extensions"))
    {
        return Err(format!("unexpected top-level key {key:?}"));
    }
    let data = object.get("data");
    if !matches!(data, None | Some(Value::Null | Value::Object(_))) {
        return Err("`data` is neither null nor an object".into());
    }
    let errors = match object.get("errors") {
        None if data.is_none() => return Err("neither `data` nor `errors`".into()),
        None if must_fail => return Err("an HTTP error without `errors`".into()),
        None => return Ok(()),
        Some(errors) => errors.as_array().ok_or("`errors` is not a list")?,
    };
    if errors.is_empty() {
        return Err("`errors` is an empty list".into());
    }
    errors.iter().try_for_each(|e| error(e, sent))
}

/// One error: a message for people and a known code, quoting no SQL or driver text the
/// client did not send.
fn error(error: &Value, sent: &str) -> Result<(), String> {
    let message = error["message"]
        .as_str()
        .filter(|m| !m.trim().is_empty())
        .ok_or("an error without a message")?;
    let code = error["extensions"]["code"]
        .as_str()
        .ok_or("an error without extensions.code")?;
    if !CODES.contains(&code) {
        return Err(format!("code {code:?} ({message})"));
    }
    let message_words = squeezed(message);
    if let Some(leak) = LEAKS.iter().find(|leak| {
        let leak = squeezed(leak);
        message_words.contains(&leak) && !sent.contains(&leak)
    }) {
        return Err(format!("message shows {leak:?}: {message}"));
    }
    Ok(())
}

#[test]
fn the_check_refuses_what_a_client_must_never_see() {
    let bad = [
        (
            500,
            r#"{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}"#,
        ),
        (200, "<html>oops</html>"),
        (200, r#"{"data":null,"errors":[{"message":"x"}]}"#),
        (
            200,
            r#"{"errors":[{"message":"error returned from database: (code: 1) no such column: fi","extensions":{"code":"BAD_USER_INPUT"}}]}"#,
        ),
        (
            200,
            r#"{"errors":[{"message":"x","extensions":{"code":"OOPS"}}]}"#,
        ),
        (400, r#"{"data":{"film":null}}"#),
        (200, r#"{"film":null}"#),
        (200, "[]"),
        (400, r#"[{"data":{"film":null}}]"#),
    ];
    for (status, body) in bad {
        assert!(
            answer(status, body.as_bytes(), "").is_err(),
            "{status} {body}"
        );
    }
    let good = [
        (200, r#"{"data":{"film":null}}"#),
        (
            400,
            r#"{"errors":[{"message":"bad","extensions":{"code":"BAD_USER_INPUT"}}]}"#,
        ),
        (
            200,
            r#"[{"data":null,"errors":[{"message":"no","extensions":{"code":"FORBIDDEN"}}]}]"#,
        ),
    ];
    for (status, body) in good {
        assert_eq!(answer(status, body.as_bytes(), ""), Ok(()), "{body}");
    }
    // A parse error quotes the client's own line; the words in it are the client's.
    let quoted = r#"{"errors":[{"message":"  --> 1:9\n1 | { slug panicked: x }","extensions":{"code":"BAD_USER_INPUT"}}]}"#;
    assert!(answer(200, quoted.as_bytes(), "").is_err());
    let sent_json = sent("/graphql", br#"{"query":"{ slug pan\u0069cked: x }"}"#);
    assert_eq!(answer(200, quoted.as_bytes(), &sent_json), Ok(()));
    let sent_get = sent("/graphql?query=%7B+slug+pan%69cked%3A+x+%7D", b"");
    assert_eq!(answer(200, quoted.as_bytes(), &sent_get), Ok(()));
    let locked = r#"{"errors":[{"message":"4 | { database is locked","extensions":{"code":"BAD_USER_INPUT"}}]}"#;
    assert!(answer(200, locked.as_bytes(), &sent("/graphql", b"{ database")).is_err());
    let sent_cr = sent("/graphql", b"{ database \r\r is locked");
    assert_eq!(answer(200, locked.as_bytes(), &sent_cr), Ok(()));
}
