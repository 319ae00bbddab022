//! `GET /sitemap.xml` (the index) and `GET /sitemap-{kind}-{n}.xml` (its parts).

use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};

use crate::{seo, state::AppState};

const XML: &str = "application/xml; charset=utf-8";

/// The sitemap index.
pub async fn sitemap_index(State(state): State<AppState>) -> Response {
    super::document(
        &state,
        XML,
        None,
        seo::sitemap::index(&state.read_db, &state.public_url).await,
    )
    .await
}

/// One part of the sitemap, named `{kind}-{n}.xml` after `/sitemap-`.
pub async fn sitemap_part(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let part = file.strip_suffix(".xml").and_then(seo::sitemap::parse_part);
    let Some((kind, n)) = part else {
        return super::plain(
            StatusCode::NOT_FOUND,
            "no such sitemap part; /sitemap.xml lists them",
        );
    };
    super::document(
        &state,
        XML,
        None,
        seo::sitemap::part(&state.read_db, &state.public_url, kind, n).await,
    )
    .await
}
