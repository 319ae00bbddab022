//! The SEO routes: `GET /feeds/press.atom`, `GET /calendar/{edition}.ics`, `GET /sitemap.xml`
//! and its parts. Documents are built in `crate::seo` from what an anonymous reader may see;
//! responses are public and cacheable for a short while.

mod atom;
mod calendar;
mod sitemap;

pub use atom::press_feed;
pub use calendar::calendar;
pub use sitemap::{sitemap_index, sitemap_part};

use axum::{
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::caching::cache_control;
use crate::{error::AppResult, graphql::types::locale::Locale, state::AppState};

/// How long shared caches may keep an SEO document, in seconds (five minutes), cut to the
/// next embargo lift: a feed or sitemap shows a press release once its embargo ends.
pub const MAX_AGE: u32 = 300;

/// The locale of a request: `?locale=ru|en`, else `Accept-Language`, else RU; a bad
/// `locale` value gets the message to answer with (400).
fn locale(query: Option<&str>, headers: &HeaderMap) -> Result<Locale, &'static str> {
    let asked = query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find_map(|pair| pair.strip_prefix("locale="));
    match asked.map(str::to_ascii_lowercase).as_deref() {
        Some("ru") => Ok(Locale::Ru),
        Some("en") => Ok(Locale::En),
        Some(_) => Err("the locale parameter must be ru or en"),
        None => Ok(Locale::from_accept_language(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        )),
    }
}

/// A plain-text answer (errors).
fn plain(status: StatusCode, message: &str) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        format!("{message}\n"),
    )
        .into_response()
}

/// A document of `content_type`, public for [`MAX_AGE`] or until the next embargo lift,
/// or a plain 503 when it could not be built.
async fn document(
    state: &AppState,
    content_type: &'static str,
    locale: Option<Locale>,
    built: AppResult<String>,
) -> Response {
    match built {
        Ok(body) => {
            let cache = cache_control(state.embargo.cap(MAX_AGE).await);
            let mut response = (
                StatusCode::OK,
                [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
                body,
            )
                .into_response();
            response.headers_mut().insert(header::CACHE_CONTROL, cache);
            if let Some(locale) = locale {
                let headers = response.headers_mut();
                headers.insert(
                    header::CONTENT_LANGUAGE,
                    HeaderValue::from_static(locale.tag()),
                );
                headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
            }
            response
        }
        Err(_) => plain(
            StatusCode::SERVICE_UNAVAILABLE,
            "the document could not be built; try again",
        ),
    }
}
