//! `GET /calendar/{edition}.ics`: a festival edition's public screenings as iCalendar.

use axum::{
    extract::{Path, Request, State},
    http::StatusCode,
    response::Response,
};

use crate::{seo, state::AppState};

/// The calendar of the edition named by the file (`{edition slug}.ics`); 404 for an unknown
/// edition.
pub async fn calendar(
    State(state): State<AppState>,
    Path(file): Path<String>,
    request: Request,
) -> Response {
    let locale = match super::locale(request.uri().query(), request.headers()) {
        Ok(locale) => locale,
        Err(message) => return super::plain(StatusCode::BAD_REQUEST, message),
    };
    let Some(slug) = file.strip_suffix(".ics") else {
        return super::plain(
            StatusCode::NOT_FOUND,
            "calendars are served as /calendar/{edition slug}.ics",
        );
    };
    match seo::ics::edition_calendar(&state.read_db, &state.public_url, locale, slug).await {
        Ok(None) => super::plain(
            StatusCode::NOT_FOUND,
            &format!("there is no festival edition \"{slug}\""),
        ),
        built => {
            super::document(
                &state,
                "text/calendar; charset=utf-8",
                Some(locale),
                built.map(Option::unwrap_or_default),
            )
            .await
        }
    }
}
