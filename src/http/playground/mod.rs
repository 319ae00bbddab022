//! The playground: GraphiQL, preloaded with an example query, served with its scripts and
//! styles from the binary (no CDN), so it works on machines without internet access.

use axum::{
    extract::Path,
    http::{StatusCode, header},
    response::{Html, IntoResponse, Response},
};

const PAGE: &str = include_str!("index.html");

/// A file the playground page loads, under `/playground/{name}`.
struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

/// The page's assets. Their names carry the package version, so they never change under a
/// name and browsers and CDNs may keep them for a year.
const ASSETS: [Asset; 4] = [
    Asset {
        name: "graphiql-3.9.0.min.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("assets/graphiql-3.9.0.min.js"),
    },
    Asset {
        name: "graphiql-3.9.0.min.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("assets/graphiql-3.9.0.min.css"),
    },
    Asset {
        name: "react-18.3.1.production.min.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("assets/react-18.3.1.production.min.js"),
    },
    Asset {
        name: "react-dom-18.3.1.production.min.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("assets/react-dom-18.3.1.production.min.js"),
    },
];

/// The playground page (GraphiQL, preloaded with an example query).
pub async fn page() -> Html<&'static str> {
    Html(PAGE)
}

/// `GET /playground/{name}`: one of the page's scripts or style sheets; 404 for any other name.
pub async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|asset| asset.name == name) {
        Some(asset) => (
            [
                (header::CONTENT_TYPE, asset.content_type),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            asset.body,
        )
            .into_response(),
        None => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "no such playground file",
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_loads_only_assets_the_binary_serves() {
        let loaded: Vec<&str> = PAGE
            .split("/playground/")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(loaded.len(), ASSETS.len(), "{loaded:?}");
        for name in loaded {
            assert!(
                ASSETS.iter().any(|a| a.name == name),
                "{name} is not served"
            );
        }
        assert!(
            !PAGE.contains("https://"),
            "the page must not load from a CDN"
        );
    }
}
