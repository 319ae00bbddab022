//! `GET /feeds/press.atom`.

use std::collections::BTreeMap;

use atom_syndication::Feed;
use serde_json::json;

use super::{PUBLIC, get, header, spawn, text};

const DRAFT: &str = "sample-draft-unannounced-project";
const EMBARGOED: &str = "sample-embargoed-northern-route";

/// Slug → title of the press materials an anonymous GraphQL client sees, in `locale`.
async fn public_titles(app: &crate::common::TestApp, locale: &str) -> BTreeMap<String, String> {
    let answer = app
        .query(
            "query($locale: Locale) { pressMaterials(first: 100) { nodes { slug title(locale: $locale) } } }",
            json!({ "locale": locale }),
        )
        .await
        .ok();
    answer.data()["pressMaterials"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["slug"].as_str().unwrap().to_owned(),
                n["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn entries(feed: &Feed) -> BTreeMap<String, String> {
    feed.entries()
        .iter()
        .map(|e| {
            let slug = e
                .id()
                .strip_prefix(&format!("{PUBLIC}/press/"))
                .unwrap()
                .to_owned();
            (slug, e.title().value.clone())
        })
        .collect()
}

#[tokio::test]
async fn the_press_feed_is_atom_with_the_public_press_materials_in_the_asked_locale() {
    let app = spawn().await;
    let answer = get(&app, "/feeds/press.atom?locale=en", &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(
        header(&answer, "content-type"),
        "application/atom+xml; charset=utf-8"
    );
    assert!(header(&answer, "cache-control").starts_with("public, max-age="));
    let feed = Feed::read_from(text(&answer).as_bytes()).expect("valid Atom");
    assert_eq!(feed.id(), format!("{PUBLIC}/feeds/press.atom?locale=en"));
    assert!(
        feed.links()
            .iter()
            .any(|l| l.rel() == "self" && l.href() == feed.id())
    );
    assert!(!feed.authors().is_empty());

    let shown = entries(&feed);
    assert_eq!(shown, public_titles(&app, "EN").await);
    assert!(!shown.contains_key(DRAFT) && !shown.contains_key(EMBARGOED));
    let release = shown
        .get("gazprom-media-moskino-agreement-2025")
        .expect("the press release is in the feed");
    assert_eq!(
        release,
        "Gazprom-Media Holding and Moskino sign a cooperation agreement"
    );

    for entry in feed.entries() {
        let link = &entry.links()[0];
        assert_eq!(link.href(), entry.id());
        assert!(
            entry.published().is_some(),
            "{} has no published",
            entry.id()
        );
        assert!(entry.updated() >= entry.published().unwrap());
    }
    // Newest first.
    let published: Vec<_> = feed
        .entries()
        .iter()
        .map(|e| *e.published().unwrap())
        .collect();
    assert!(published.windows(2).all(|w| w[0] >= w[1]), "{published:?}");
}

#[tokio::test]
async fn the_press_feed_follows_accept_language_and_defaults_to_russian() {
    let app = spawn().await;
    let ru = public_titles(&app, "RU").await;
    for headers in [vec![], vec![("accept-language", "ru-RU,en;q=0.5")]] {
        let answer = get(&app, "/feeds/press.atom", &headers).await;
        assert_eq!(header(&answer, "content-language"), "ru");
        let feed = Feed::read_from(text(&answer).as_bytes()).expect("valid Atom");
        assert_eq!(entries(&feed), ru);
        assert_eq!(feed.lang(), Some("ru"));
    }
    let answer = get(&app, "/feeds/press.atom", &[("accept-language", "en-GB")]).await;
    assert_eq!(header(&answer, "content-language"), "en");
    let answer = get(&app, "/feeds/press.atom?locale=de", &[]).await;
    assert_eq!(answer.status, 400);
    assert!(text(&answer).contains("ru or en"));
}
