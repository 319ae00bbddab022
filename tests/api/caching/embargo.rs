//! A public max-age never reaches past the next embargo lift, and the in-process embargo
//! clock reads the database again after a write on this instance.

use kinograph::{domain::viewer::Role, entities::press_material};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel, QueryOrder, QuerySelect,
};
use serde_json::json;

use super::{PRESS, cache_control, get, header, http, publish, raw};
use crate::common::TestApp;
use kinograph::cache::ResponseCache;

#[tokio::test]
async fn a_public_max_age_ends_at_the_next_embargo_lift_until_the_embargo_has_passed() {
    let app = TestApp::spawn().await.with_http(http(3600, &[]));
    let editor = app.key("newsroom", Role::Editor).await;
    assert_eq!(
        cache_control(&app, PRESS, &json!({})).await,
        "public, max-age=3600"
    );

    let in_five_minutes = chrono::Utc::now() + chrono::Duration::minutes(5);
    publish(
        &app,
        &editor,
        "lifts-soon",
        Some(in_five_minutes.to_rfc3339()),
    )
    .await;
    let capped = cache_control(&app, PRESS, &json!({})).await;
    let seconds: u32 = capped
        .strip_prefix("public, max-age=")
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=300).contains(&seconds), "{capped}");

    // The embargo passes (the row is moved: the clock is not ours to move). Without a write
    // on this instance the clock keeps its reading (no statement per request) ...
    let release = press_material::Entity::find_by_id(latest_press_material(&app).await)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(release.slug, "lifts-soon");
    let mut lifted = release.into_active_model();
    lifted.embargo_until = Set(Some(chrono::Utc::now() - chrono::Duration::minutes(1)));
    lifted.update(&app.db).await.unwrap();
    let (_, headers, body) = raw(&app, get(PRESS, &json!({}), &[])).await;
    assert!(String::from_utf8_lossy(&body).contains("lifts-soon"));
    assert!(header(&headers, "cache-control").starts_with("public, max-age="));
    assert_ne!(header(&headers, "cache-control"), "public, max-age=3600");

    // ... and any mutation on this instance makes it read again: no lift is pending.
    publish(&app, &editor, "no-embargo", None).await;
    assert_eq!(
        cache_control(&app, PRESS, &json!({})).await,
        "public, max-age=3600"
    );
}

async fn latest_press_material(app: &TestApp) -> i32 {
    press_material::Entity::find()
        .select_only()
        .column(press_material::Column::Id)
        .order_by_desc(press_material::Column::Id)
        .into_tuple::<i32>()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn the_press_feed_and_sitemap_are_not_kept_past_the_next_embargo_lift() {
    let app = TestApp::spawn().await;
    let editor = app.key("newsroom", Role::Editor).await;
    let max_age = |headers: &axum::http::HeaderMap| -> u32 {
        header(headers, "cache-control")
            .strip_prefix("public, max-age=")
            .unwrap_or_else(|| panic!("{headers:?}"))
            .parse()
            .unwrap()
    };
    let document = |path: &'static str| {
        axum::http::Request::get(path)
            .body(axum::body::Body::empty())
            .unwrap()
    };
    for path in ["/feeds/press.atom", "/sitemap.xml"] {
        let (status, headers, _) = raw(&app, document(path)).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(max_age(&headers), 300, "{path}");
    }
    let in_two_minutes = chrono::Utc::now() + chrono::Duration::minutes(2);
    publish(
        &app,
        &editor,
        "lifts-soon",
        Some(in_two_minutes.to_rfc3339()),
    )
    .await;
    for path in ["/feeds/press.atom", "/sitemap.xml"] {
        let (status, headers, body) = raw(&app, document(path)).await;
        assert_eq!(status, 200, "{path}");
        assert!(
            (1..=120).contains(&max_age(&headers)),
            "{path}: {headers:?}"
        );
        assert!(
            !String::from_utf8_lossy(&body).contains("lifts-soon"),
            "{path} shows an embargoed release"
        );
    }
}

#[tokio::test]
async fn a_cached_answer_keeps_its_headers_and_never_outlives_an_embargo() {
    let hour = std::time::Duration::from_secs(3600);
    let app = TestApp::spawn_with(|state| {
        state
            .with_http(http(3600, &[]))
            .with_response_cache(ResponseCache::memory(16 * 1024 * 1024, hour))
    })
    .await;
    let editor = app.key("newsroom", Role::Editor).await;

    let (_, fresh, body) = raw(&app, get(PRESS, &json!({}), &[])).await;
    let before = app.statements.get();
    let (_, cached, again) = raw(&app, get(PRESS, &json!({}), &[])).await;
    assert_eq!(
        app.statements.get(),
        before,
        "the second answer is the cache's"
    );
    assert_eq!(again, body);
    for name in ["cache-control", "etag", "content-language"] {
        assert_eq!(header(&cached, name), header(&fresh, name), "{name}");
    }
    assert_eq!(header(&cached, "cache-control"), "public, max-age=3600");

    // A release whose embargo lifts in a few seconds: the press room cached now must not
    // be served (by us or, through max-age, by a CDN) once the embargo has passed.
    let lifts = chrono::Utc::now() + chrono::Duration::seconds(4);
    publish(&app, &editor, "lifts-soon", Some(lifts.to_rfc3339())).await;
    let (_, headers, body) = raw(&app, get(PRESS, &json!({}), &[])).await;
    assert!(!String::from_utf8_lossy(&body).contains("lifts-soon"));
    let max_age: u32 = header(&headers, "cache-control")
        .strip_prefix("public, max-age=")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(max_age <= 4, "{headers:?}");
    let wait = (lifts - chrono::Utc::now()).to_std().unwrap_or_default();
    tokio::time::sleep(wait + std::time::Duration::from_millis(1500)).await;
    let (_, _, body) = raw(&app, get(PRESS, &json!({}), &[])).await;
    assert!(
        String::from_utf8_lossy(&body).contains("lifts-soon"),
        "the release shows the moment its embargo ends"
    );
}
