//! `/healthz` (the process is up), `/readyz` (the database answers) and `/metrics`.

use axum::{
    extract::State,
    http::{StatusCode, header},
    response::IntoResponse,
};

use crate::{db, metrics::ProcessFigures, state::AppState};

/// The Prometheus text exposition of the request and process metrics.
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let mut process = ProcessFigures::read(state.statements.get());
    process.cache = state.cache.as_ref().map(|cache| cache.figures());
    process.pools = db::pool_figures(&state.db, &state.read_db);
    let mut text = state.metrics.render(&process);
    if let Some(limiter) = &state.rate_limit {
        limiter.render(&mut text);
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text)
}

/// Always 200 while the process serves.
pub async fn healthz() -> &'static str {
    "ok"
}

/// 200 when the database (and the read replica, if any) answers, 503 otherwise.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if db::is_ready(&state.db).await && db::is_ready(&state.read_db).await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
