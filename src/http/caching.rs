//! HTTP caching of `/graphql` answers for CDNs and browsers: `Cache-Control` from the
//! schema's cache hints, the configured max-age and the next embargo lift; a strong `ETag`
//! of the bytes sent; `304 Not Modified` on a matching `If-None-Match`.
//!
//! Only an anonymous GET (or HEAD) query answered without errors, whose every selected
//! type and field is public, is `public, max-age=N`, where N is the smallest of the schema's
//! hint, `--cache-max-age` and the seconds until the next embargo lift; everything else
//! (keys, POST, mutations, errors, private fields, N = 0) is `private, no-store`. The
//! middleware sits outside compression, so the tag is that of the encoded bytes: each
//! content coding is its own representation with its own tag.

use async_graphql::BatchResponse;
use axum::{
    body::{Body, to_bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::{endpoint::error_response, etag};
use crate::state::AppState;

/// What the GraphQL execution says about caching its answer, carried from the endpoint to
/// this middleware as a response extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    /// Every selected type and field is public.
    pub public: bool,
    /// The smallest max-age hint of the selection (0: none, negative: no-cache).
    pub max_age: i32,
    /// The answer holds errors.
    pub errors: bool,
}

impl Hint {
    /// The hint of an executed request (or batch).
    pub fn of(response: &BatchResponse) -> Self {
        let cache_control = response.cache_control();
        let errors = match response {
            BatchResponse::Single(r) => !r.errors.is_empty(),
            BatchResponse::Batch(rs) => rs.iter().any(|r| !r.errors.is_empty()),
        };
        Self {
            public: cache_control.public,
            max_age: cache_control.max_age,
            errors,
        }
    }

    /// Seconds a shared cache may keep the answer, before the embargo cap: 0 unless public,
    /// hinted and error-free; never more than `configured`.
    pub fn public_max_age(self, configured: u32) -> u32 {
        if !self.public || self.errors {
            return 0;
        }
        u32::try_from(self.max_age).map_or(0, |hinted| hinted.min(configured))
    }
}

/// The `Cache-Control` value for a max-age: `public, max-age=N`, or `private, no-store` for 0.
pub fn cache_control(max_age: u32) -> HeaderValue {
    if max_age == 0 {
        return HeaderValue::from_static("private, no-store");
    }
    HeaderValue::from_str(&format!("public, max-age={max_age}"))
        .unwrap_or(HeaderValue::from_static("private, no-store"))
}

/// The max-age an answer may be shared for: its hint cut to the configured max-age and to
/// the next embargo lift; 0 for keyed requests and methods other than GET and HEAD.
pub async fn shared_max_age(
    state: &AppState,
    method: &Method,
    request_headers: &HeaderMap,
    hint: Option<Hint>,
) -> u32 {
    let readable = method == Method::GET || method == Method::HEAD;
    let keyed = request_headers.contains_key(header::AUTHORIZATION);
    match hint {
        Some(hint) if readable && !keyed => {
            let max_age = hint.public_max_age(state.http.cache_max_age);
            state.embargo.cap(max_age).await
        }
        _ => 0,
    }
}

/// Middleware of `/graphql`: sets `Cache-Control`, and on successful GETs `ETag`, answering
/// `304 Not Modified` when `If-None-Match` matches.
pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.uri().path() != "/graphql" {
        return next.run(request).await;
    }
    let method = request.method().clone();
    let request_headers = request.headers().clone();
    let mut response = next.run(request).await;
    let hint = response.extensions().get::<Hint>().copied();
    let max_age = shared_max_age(&state, &method, &request_headers, hint).await;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, cache_control(max_age));
    // HEAD answers reach here without their body (axum drops it), so they carry no tag.
    if method != Method::GET || response.status() != StatusCode::OK {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(err) => {
            tracing::error!(error = %err, "cannot read a response body");
            return error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                "INTERNAL",
                "internal error",
            );
        }
    };
    let tag = etag::of(&bytes);
    let conditions = request_headers.get_all(header::IF_NONE_MATCH);
    if etag::none_match_matches(conditions, &tag) {
        return not_modified(&parts.headers, tag);
    }
    parts.headers.insert(header::ETAG, tag);
    Response::from_parts(parts, Body::from(bytes))
}

/// `304 Not Modified` with no body and the headers a cache updates its copy from.
fn not_modified(headers: &HeaderMap, tag: HeaderValue) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    let kept = response.headers_mut();
    kept.insert(header::ETAG, tag);
    for name in [header::CACHE_CONTROL, header::VARY] {
        for value in headers.get_all(&name) {
            kept.append(name.clone(), value.clone());
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUBLIC: Hint = Hint {
        public: true,
        max_age: 86_400,
        errors: false,
    };

    #[test]
    fn a_public_error_free_hint_is_cut_to_the_configured_max_age() {
        assert_eq!(PUBLIC.public_max_age(60), 60);
        assert_eq!(
            Hint {
                max_age: 30,
                ..PUBLIC
            }
            .public_max_age(60),
            30
        );
        assert_eq!(PUBLIC.public_max_age(0), 0);
    }

    #[test]
    fn private_unhinted_no_cache_or_failed_answers_are_not_shared() {
        for hint in [
            Hint {
                public: false,
                ..PUBLIC
            },
            Hint {
                max_age: 0,
                ..PUBLIC
            },
            Hint {
                max_age: -1,
                ..PUBLIC
            },
            Hint {
                errors: true,
                ..PUBLIC
            },
        ] {
            assert_eq!(hint.public_max_age(60), 0, "{hint:?}");
        }
    }

    #[test]
    fn the_header_says_public_with_a_max_age_or_private_no_store() {
        assert_eq!(cache_control(60), "public, max-age=60");
        assert_eq!(cache_control(1), "public, max-age=1");
        assert_eq!(cache_control(0), "private, no-store");
    }
}
