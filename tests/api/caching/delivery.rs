//! Delivery to browsers and CDNs: gzip and brotli, CORS.

use std::io::Read;

use axum::{
    body::Body,
    http::{Request, StatusCode},
};
use serde_json::{Value, json};

use super::{ORGANIZATION, PRESS, get, header, http, raw, vary};
use crate::common::TestApp;

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .unwrap();
    out
}

#[tokio::test]
async fn gzip_and_brotli_answers_decode_to_the_same_json_and_small_ones_stay_plain() {
    let app = TestApp::spawn().await;
    let (_, plain_headers, plain) = raw(&app, get(PRESS, &json!({}), &[])).await;
    assert!(plain.len() > 1024 && header(&plain_headers, "content-encoding").is_empty());
    let json: Value = serde_json::from_slice(&plain).unwrap();
    for (coding, decode) in [("gzip", gunzip as fn(&[u8]) -> Vec<u8>), ("br", unbrotli)] {
        for accept in ["application/json", "application/graphql-response+json"] {
            let headers = [("accept-encoding", coding), ("accept", accept)];
            let (status, headers, bytes) = raw(&app, get(PRESS, &json!({}), &headers)).await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(header(&headers, "content-encoding"), coding);
            assert_eq!(header(&headers, "content-type"), accept);
            assert!(vary(&headers).contains("accept-encoding"));
            assert!(bytes.len() < plain.len());
            assert_eq!(
                serde_json::from_slice::<Value>(&decode(&bytes)).unwrap(),
                json
            );
            assert_ne!(
                header(&headers, "etag"),
                header(&plain_headers, "etag"),
                "one tag per coding"
            );
        }
        let page = Request::get("/")
            .header("accept-encoding", coding)
            .body(Body::empty())
            .unwrap();
        let (_, headers, bytes) = raw(&app, page).await;
        assert_eq!(header(&headers, "content-encoding"), coding);
        assert!(
            String::from_utf8(decode(&bytes))
                .unwrap()
                .contains("graphiql")
        );
    }
    let tiny = get(
        "{ __typename }",
        &json!({}),
        &[("accept-encoding", "gzip, br")],
    );
    let (_, headers, bytes) = raw(&app, tiny).await;
    assert!(header(&headers, "content-encoding").is_empty());
    assert_eq!(&bytes[..], br#"{"data":{"__typename":"QueryRoot"}}"#);
}

fn preflight(origin: &str) -> Request<Body> {
    Request::options("/graphql")
        .header("origin", origin)
        .header("access-control-request-method", "GET")
        .header(
            "access-control-request-headers",
            "authorization, content-type, accept-language",
        )
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn cors_allows_every_origin_by_default_and_only_the_listed_ones_when_configured() {
    let app = TestApp::spawn().await;
    let simple = |origin: &str| {
        get(
            ORGANIZATION,
            &json!({ "s": "moskino" }),
            &[("origin", origin)],
        )
    };
    let (status, headers, _) = raw(&app, preflight("https://anyone.example")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(header(&headers, "access-control-allow-origin"), "*");
    assert!(header(&headers, "access-control-allow-credentials").is_empty());
    let (_, headers, _) = raw(&app, simple("https://anyone.example")).await;
    assert_eq!(header(&headers, "access-control-allow-origin"), "*");
    assert!(
        !vary(&headers).contains("origin"),
        "one answer for every origin"
    );

    let app = app.with_http(http(60, &["https://promo.example", "https://b.example"]));
    let (status, headers, _) = raw(&app, preflight("https://promo.example")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        header(&headers, "access-control-allow-origin"),
        "https://promo.example"
    );
    let methods = header(&headers, "access-control-allow-methods").to_lowercase();
    assert!(
        methods.contains("get") && methods.contains("post"),
        "{methods}"
    );
    let allowed = header(&headers, "access-control-allow-headers").to_lowercase();
    for name in ["content-type", "authorization", "accept-language"] {
        assert!(allowed.contains(name), "{allowed}");
    }
    let (_, headers, _) = raw(&app, simple("https://b.example")).await;
    assert_eq!(
        header(&headers, "access-control-allow-origin"),
        "https://b.example"
    );
    assert!(vary(&headers).contains("origin"));

    for request in [
        preflight("https://evil.example"),
        simple("https://evil.example"),
    ] {
        let (_, headers, _) = raw(&app, request).await;
        assert!(header(&headers, "access-control-allow-origin").is_empty());
    }
}
