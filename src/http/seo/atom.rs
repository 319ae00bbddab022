//! `GET /feeds/press.atom`: the latest public press materials as an Atom feed.

use axum::{
    extract::{Request, State},
    http::StatusCode,
    response::Response,
};

use crate::{seo, state::AppState};

/// The Atom feed in the request's locale (`?locale=ru|en`, else `Accept-Language`).
pub async fn press_feed(State(state): State<AppState>, request: Request) -> Response {
    let locale = match super::locale(request.uri().query(), request.headers()) {
        Ok(locale) => locale,
        Err(message) => return super::plain(StatusCode::BAD_REQUEST, message),
    };
    let built = seo::atom::press_feed(&state.read_db, &state.public_url, locale).await;
    super::document(
        &state,
        "application/atom+xml; charset=utf-8",
        Some(locale),
        built,
    )
    .await
}
