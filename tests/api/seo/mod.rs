//! SEO outputs read with real parsers: the Atom feed (`atom_syndication`), the iCalendar
//! files (`ical`), the sitemap (`roxmltree`), and JSON-LD checked against the schema.org
//! vocabulary (`tests/fixtures/schema_org.json`).

mod calendar;
mod feed;
mod json_ld;
mod sitemap;

use axum::{body::Body, http::Request};
use kinograph::{seo::urls::PublicUrl, state::AppState};

use crate::common::{Answer, TestApp};

/// The public URL the tests configure.
pub const PUBLIC: &str = "https://kino.example";

/// The demo server, with canonical URLs on [`PUBLIC`].
pub async fn spawn() -> TestApp {
    let mut app = TestApp::spawn().await;
    let state = AppState::new(app.db.clone(), None, app.statements.clone())
        .with_public_url(PublicUrl::parse(PUBLIC).unwrap());
    app.router = kinograph::app(state);
    app
}

/// GETs `uri` with extra headers.
pub async fn get(app: &TestApp, uri: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    app.send(request.body(Body::empty()).unwrap()).await
}

/// The body of a non-JSON answer.
pub fn text(answer: &Answer) -> &str {
    answer.body.as_str().expect("a text body")
}

/// A response header as text.
pub fn header<'a>(answer: &'a Answer, name: &str) -> &'a str {
    answer
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}
