//! CORS for the promo sites: which web pages may call the API from a browser.
//!
//! Without `--cors-origin` every origin may (`Access-Control-Allow-Origin: *`): the API is a
//! public read API, and no credentials (cookies) are ever allowed, so an API key must be sent
//! explicitly in `Authorization`. With a list, only those origins get the header (and
//! responses say `Vary: Origin`); any other origin gets no `Access-Control-Allow-Origin`,
//! so its browser withholds the answer.

use std::time::Duration;

use axum::http::{HeaderName, HeaderValue, Method, header};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::config::HttpArgs;

/// How long a browser may remember a preflight answer.
pub const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(3600);

/// The CORS layer for these settings.
pub fn layer(http: &HttpArgs) -> CorsLayer {
    let base = CorsLayer::new()
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            header::ACCEPT_LANGUAGE,
        ])
        .expose_headers([header::ETAG, header::CONTENT_LANGUAGE, header::RETRY_AFTER])
        .max_age(PREFLIGHT_MAX_AGE);
    if http.cors_origins.is_empty() {
        // The same answer for every origin: nothing to vary on.
        return base
            .allow_origin(AllowOrigin::any())
            .vary(Vec::<HeaderName>::new());
    }
    // Origins were checked when the configuration was parsed; one that still is not a header
    // value can match no `Origin` and is left out.
    let origins = http
        .cors_origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin).ok());
    base.allow_origin(AllowOrigin::list(origins))
        .vary([header::ORIGIN])
}
