//! The HTTP surface: the router, the GraphQL endpoint (GET and POST), the playground,
//! health checks and the SEO documents (feed, calendars, sitemap); HTTP caching, compression
//! and CORS around them.

mod body_limit;
pub mod caching;
pub mod cors;
mod deadline;
mod endpoint;
pub mod etag;
mod health;
pub mod persisted;
mod playground;
pub mod rate_limit;
mod rejection;
pub mod request_id;
mod security;
mod seo;
pub mod trusted;

use axum::{Router, middleware, routing::get};
use tower_http::compression::{
    CompressionLayer, CompressionLevel,
    predicate::{NotForContentType, Predicate, SizeAbove},
};

use crate::state::AppState;

/// Smallest body compressed, in bytes: below it the encoding costs more than it saves.
pub const MIN_COMPRESSED_BYTES: u16 = 1024;

/// gzip or brotli, as the client prefers, for bodies of at least [`MIN_COMPRESSED_BYTES`]
/// (JSON, GraphQL responses, the playground; never images or event streams). Level 4 of
/// both: most of the gain at a fraction of brotli's default (11) cost per answer.
fn compression() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .no_deflate()
        .no_zstd()
        .quality(CompressionLevel::Precise(4))
        .compress_when(
            SizeAbove::new(MIN_COMPRESSED_BYTES)
                .and(NotForContentType::IMAGES)
                .and(NotForContentType::SSE)
                .and(NotForContentType::GRPC),
        )
}

/// Every route of the service. From the outside in: the request id and access log (so every
/// answer, from any layer, carries `X-Request-Id`), security headers, CORS, HTTP caching (it
/// tags the bytes sent, so it sits outside compression), compression, the body limit, the
/// routes; the rate limits around the routes that run queries (never health checks, metrics
/// or the playground's files).
pub fn router(state: AppState) -> Router {
    let routes = Router::new()
        .route("/graphql", get(endpoint::get).post(endpoint::post))
        .route("/feeds/press.atom", get(seo::press_feed))
        .route("/calendar/{file}", get(seo::calendar))
        .route("/sitemap.xml", get(seo::sitemap_index))
        .route("/sitemap-{file}", get(seo::sitemap_part))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            rate_limit::middleware,
        ))
        .route("/", get(playground::page))
        .route("/playground/{name}", get(playground::asset))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .layer(middleware::from_fn({
            let limit = state.limits.max_body_bytes;
            move |request, next| body_limit::enforce(limit, request, next)
        }))
        .layer(compression())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            caching::middleware,
        ))
        .layer(cors::layer(&state.http));
    security::apply(routes)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            request_id::middleware,
        ))
        .with_state(state)
}
