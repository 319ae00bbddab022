//! `/healthz` (the process is up) and `/readyz` (the database answers).

use axum::{extract::State, http::StatusCode};

use crate::{db, state::AppState};

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
