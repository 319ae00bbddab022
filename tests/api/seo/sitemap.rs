//! `GET /sitemap.xml` and its parts.

use std::collections::BTreeMap;

use chrono::Utc;
use kinograph::{
    domain::enums::{ProductionStatus, PublicationStatus},
    entities::film,
};
use sea_orm::{ActiveModelTrait, Set};

use super::{PUBLIC, get, header, spawn, text};
use crate::common::TestApp;

const NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The `<loc>` (and `<lastmod>`) of each child of the root, checking the root's name.
fn entries(xml: &str, root: &str) -> Vec<(String, Option<String>)> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), root);
    assert_eq!(doc.root_element().tag_name().namespace(), Some(NS));
    doc.root_element()
        .children()
        .filter(|n| n.is_element())
        .map(|n| {
            let child = |name: &str| {
                n.children()
                    .find(|c| c.tag_name().name() == name)
                    .and_then(|c| c.text())
                    .map(str::to_owned)
            };
            (child("loc").expect("a loc"), child("lastmod"))
        })
        .collect()
}

/// Every URL of the sitemap (through its index), with its lastmod.
async fn all_urls(app: &TestApp) -> BTreeMap<String, Option<String>> {
    let index = get(app, "/sitemap.xml", &[]).await;
    assert_eq!(index.status, 200);
    assert_eq!(
        header(&index, "content-type"),
        "application/xml; charset=utf-8"
    );
    assert!(header(&index, "cache-control").starts_with("public"));
    let mut urls = BTreeMap::new();
    for (part, _) in entries(text(&index), "sitemapindex") {
        let path = part.strip_prefix(PUBLIC).expect("parts on the public URL");
        let answer = get(app, path, &[]).await;
        assert_eq!(answer.status, 200, "{path}");
        for (loc, lastmod) in entries(text(&answer), "urlset") {
            assert!(
                urls.insert(loc.clone(), lastmod).is_none(),
                "{loc} listed twice"
            );
        }
    }
    urls
}

#[tokio::test]
async fn the_sitemap_lists_public_pages_only() {
    let app = spawn().await;
    let urls = all_urls(&app).await;
    for page in [
        "/",
        "/films/sample-white-nights",
        "/press/gazprom-media-moskino-agreement-2025",
        "/organizations/moskino",
        "/festivals/sample-film-festival",
        "/festivals/sample-film-festival/sample-film-festival-2026",
        "/locations/moskino-kinopark",
        "/agreements/gazprom-media-moskino-2025",
    ] {
        assert!(
            urls.contains_key(&format!("{PUBLIC}{page}")),
            "{page} missing"
        );
    }
    for hidden in [
        "/films/sample-unannounced-project",
        "/press/sample-draft-unannounced-project",
        "/press/sample-embargoed-northern-route",
    ] {
        assert!(
            !urls.contains_key(&format!("{PUBLIC}{hidden}")),
            "{hidden} listed"
        );
    }
    // Every entity page says when it last changed.
    for (loc, lastmod) in &urls {
        if loc.matches('/').count() > 3 {
            let lastmod = lastmod
                .as_deref()
                .unwrap_or_else(|| panic!("{loc} has no lastmod"));
            chrono::DateTime::parse_from_rfc3339(lastmod).expect("W3C date-time");
        }
    }
    // As many film pages as the catalogue shows an anonymous client.
    let films = app
        .query("{ films(first: 1) { totalCount } }", serde_json::json!({}))
        .await
        .ok();
    let listed = urls
        .keys()
        .filter(|u| u.starts_with(&format!("{PUBLIC}/films/")))
        .count();
    assert_eq!(
        Some(listed as u64),
        films.data()["films"]["totalCount"].as_u64()
    );
}

#[tokio::test]
async fn the_sitemap_splits_into_parts_of_ten_thousand_ids() {
    let app = spawn().await;
    let now = Utc::now();
    film::ActiveModel {
        id: Set(25_000),
        slug: Set("far-film".into()),
        status: Set(PublicationStatus::Published),
        production_status: Set(ProductionStatus::Released),
        title_ru: Set(Some("Далёкий фильм".into())),
        original_title: Set("Далёкий фильм".into()),
        countries: Set("RU".into()),
        published_at: Set(Some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let index = get(&app, "/sitemap.xml", &[]).await;
    let parts: Vec<String> = entries(text(&index), "sitemapindex")
        .into_iter()
        .map(|e| e.0)
        .collect();
    for n in 0..3 {
        assert!(
            parts.contains(&format!("{PUBLIC}/sitemap-films-{n}.xml")),
            "{parts:?}"
        );
    }
    assert!(!parts.contains(&format!("{PUBLIC}/sitemap-films-3.xml")));
    let third = get(&app, "/sitemap-films-2.xml", &[]).await;
    let locs: Vec<String> = entries(text(&third), "urlset")
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(locs, vec![format!("{PUBLIC}/films/far-film")]);
    assert!(
        entries(
            text(&get(&app, "/sitemap-films-1.xml", &[]).await),
            "urlset"
        )
        .is_empty()
    );
    assert!(
        all_urls(&app)
            .await
            .contains_key(&format!("{PUBLIC}/films/far-film"))
    );
    for bad in [
        "/sitemap-films-x.xml",
        "/sitemap-drafts-0.xml",
        "/sitemap-films-0.txt",
    ] {
        assert_eq!(get(&app, bad, &[]).await.status, 404, "{bad}");
    }
}
