//! The HTTP surface: the router, the GraphQL endpoint (GET and POST), the playground,
//! health checks and the SEO documents (feed, calendars, sitemap).

mod endpoint;
mod health;
pub mod persisted;
mod playground;
mod rejection;
mod seo;
pub mod trusted;

use axum::{Router, routing::get};
use tower_http::limit::RequestBodyLimitLayer;

use crate::state::AppState;

/// Largest request body accepted, in bytes.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Every route of the service.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(playground::page))
        .route("/playground/{name}", get(playground::asset))
        .route("/graphql", get(endpoint::get).post(endpoint::post))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .route("/feeds/press.atom", get(seo::press_feed))
        .route("/calendar/{file}", get(seo::calendar))
        .route("/sitemap.xml", get(seo::sitemap_index))
        .route("/sitemap-{file}", get(seo::sitemap_part))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .with_state(state)
}
