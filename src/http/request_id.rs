//! Request ids and the access log: every response carries `X-Request-Id` (the client's own
//! when it is sane, else a new one); every log line written while serving the request carries
//! it in the `request` span (with method, path and GraphQL operation name); one access line
//! per request gives its status and time; `/metrics` counts responses by status class.

use std::time::Instant;

use axum::{
    extract::{Request, State},
    http::{HeaderName, HeaderValue},
    middleware::Next,
    response::Response,
};
use tracing::Instrument as _;

use crate::state::AppState;

/// The header carrying the request id, both ways.
pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// Longest request id kept from a client.
pub const MAX_LEN: usize = 128;

/// Longest path written to the log.
const MAX_LOGGED_PATH: usize = 256;

/// The client's request id when it is sane: 1 to [`MAX_LEN`] visible ASCII characters (no
/// spaces, no control characters), so it can go into log lines and headers unchanged.
pub fn sane(value: &HeaderValue) -> Option<&str> {
    let bytes = value.as_bytes();
    let visible = bytes.iter().all(|b| (0x21..=0x7e).contains(b));
    if bytes.is_empty() || bytes.len() > MAX_LEN || !visible {
        return None;
    }
    value.to_str().ok()
}

/// A new request id: 128 random bits in hexadecimal.
pub fn generate() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// Outermost middleware: picks the request id, runs the request in its span, sets the header
/// on whatever answered (routes, fallback, refusals of inner layers), writes the access line.
pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = match request.headers().get(&HEADER).and_then(sane) {
        Some(id) => id.to_string(),
        None => generate(),
    };
    let path = request.uri().path();
    let path = &path[..path.floor_char_boundary(MAX_LOGGED_PATH)];
    // At error level, so the span is on (and its fields on every line) whatever `RUST_LOG`
    // lets through.
    let span = tracing::error_span!(
        "request",
        request_id = %id,
        method = %request.method(),
        path = %path,
        operation = tracing::field::Empty,
    );
    let mut response = next.run(request).instrument(span.clone()).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(HEADER, value);
    }
    let status = response.status().as_u16();
    state.metrics.observe_status(status);
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    span.in_scope(|| {
        tracing::info!(
            target: "kinograph::access",
            status,
            latency_ms = (latency_ms * 1000.0).round() / 1000.0,
            "response"
        );
    });
    response
}

/// Names the GraphQL operation in the current request's span (in a batch, the one that
/// started last).
pub fn record_operation(name: &str) {
    tracing::Span::current().record("operation", name);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clients_id_is_kept_only_when_it_is_short_visible_ascii() {
        let value = |text: &str| HeaderValue::from_str(text).expect("header value");
        assert_eq!(sane(&value("req-42")), Some("req-42"));
        assert_eq!(
            sane(&value("0f8fad5b-d9cb-469f-a165-70867728950e")),
            Some("0f8fad5b-d9cb-469f-a165-70867728950e")
        );
        assert_eq!(
            sane(&value(&"x".repeat(MAX_LEN))).map(str::len),
            Some(MAX_LEN)
        );
        assert_eq!(sane(&value(&"x".repeat(MAX_LEN + 1))), None);
        assert_eq!(sane(&value("")), None);
        assert_eq!(sane(&value("two words")), None);
        assert_eq!(sane(&value("tab\there")), None);
        let raw = HeaderValue::from_bytes(b"caf\xc3\xa9").expect("opaque bytes");
        assert_eq!(sane(&raw), None);
    }

    #[test]
    fn new_ids_are_sane_and_differ() {
        let (a, b) = (generate(), generate());
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(sane(&HeaderValue::from_str(&a).expect("header value")).is_some());
    }
}
