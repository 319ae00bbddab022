//! Relations go through batched loaders: the number of SQL statements a request issues
//! depends on the query's shape, never on how many rows it returns.

use chrono::{TimeZone, Utc};
use kinograph::{
    domain::enums::{CoProductionRole, PremiereStatus, ProductionStatus, PublicationStatus},
    entities::{co_production, festival_edition, film, location, organization, screening},
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use crate::common::TestApp;

const FILM_CATALOGUE: &str = include_str!("../operations/FilmCatalogue.graphql");
const FILM_PAGE: &str = include_str!("../operations/FilmPage.graphql");

/// Adds `n` published films, each with three co-productions and five screenings.
async fn add_films(app: &TestApp, n: usize) {
    let orgs: Vec<i32> = organization::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|o| o.id)
        .take(3)
        .collect();
    let edition = festival_edition::Entity::find()
        .filter(festival_edition::Column::Slug.eq("sample-film-festival-2026"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let venue = location::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let now = Utc::now();
    for i in 0..n {
        let film = film::ActiveModel {
            slug: Set(format!("extra-film-{i}")),
            status: Set(PublicationStatus::Published),
            production_status: Set(ProductionStatus::Released),
            title_ru: Set(Some(format!("Дополнительный фильм {i}"))),
            title_en: Set(Some(format!("Extra film {i}"))),
            original_title: Set(format!("Дополнительный фильм {i}")),
            year: Set(Some(2025)),
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
        for (k, org) in orgs.iter().enumerate() {
            co_production::ActiveModel {
                film_id: Set(film.id),
                organization_id: Set(*org),
                role: Set(CoProductionRole::CoProducer),
                share_percent: Set(Some(30.0)),
                sort_order: Set(k as i32),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
        for k in 0..5 {
            screening::ActiveModel {
                edition_id: Set(edition.id),
                film_id: Set(film.id),
                venue_id: Set(venue.id),
                starts_at: Set(Utc.with_ymd_and_hms(2026, 6, 1 + k, 18, 0, 0).unwrap()),
                premiere_status: Set(PremiereStatus::None),
                subtitle_languages: Set(String::new()),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
    }
}

#[tokio::test]
async fn catalogue_statement_count_does_not_depend_on_page_size() {
    let app = TestApp::spawn().await;
    add_films(&app, 40).await;
    let (few, small) = app
        .count_statements(FILM_CATALOGUE, json!({ "first": 5 }))
        .await;
    let (many, large) = app
        .count_statements(FILM_CATALOGUE, json!({ "first": 100 }))
        .await;
    assert_eq!(small.data()["films"]["edges"].as_array().unwrap().len(), 5);
    assert!(large.data()["films"]["edges"].as_array().unwrap().len() > 50);
    assert_eq!(
        few, many,
        "first: 5 took {few} statements, first: 100 took {many}"
    );
    assert!(many <= 12, "FilmCatalogue took {many} statements");
}

#[tokio::test]
async fn nested_screening_pages_are_one_windowed_statement() {
    let app = TestApp::spawn().await;
    add_films(&app, 30).await;
    let query = "query($first: Int) { films(first: $first) { nodes { slug screenings(first: 3) { totalCount nodes { startsAt venue { slug } edition { slug } } } } } }";
    let (few, _) = app.count_statements(query, json!({ "first": 2 })).await;
    let (many, answer) = app.count_statements(query, json!({ "first": 40 })).await;
    assert_eq!(few, many);
    let extra = answer.data()["films"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["slug"].as_str().unwrap().starts_with("extra-film-"))
        .cloned()
        .expect("an extra film on the page");
    assert_eq!(extra["screenings"]["totalCount"], 5);
    assert_eq!(extra["screenings"]["nodes"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn film_page_stays_within_twelve_statements() {
    let app = TestApp::spawn().await;
    let list = app
        .query("{ films(first: 100) { nodes { slug } } }", json!({}))
        .await
        .ok();
    let mut worst = 0;
    for film in list.data()["films"]["nodes"].as_array().unwrap() {
        let (count, _) = app
            .count_statements(FILM_PAGE, json!({ "slug": film["slug"] }))
            .await;
        worst = worst.max(count);
    }
    assert!(worst <= 12, "FilmPage took up to {worst} statements");
}

#[tokio::test]
async fn press_room_issues_the_same_statements_every_time() {
    // Quotes, assets and subjects load in parallel and lead to the same loaders (people,
    // organizations): how they finish must not change how many statements follow.
    let app = TestApp::spawn().await;
    let press_room = include_str!("../operations/PressRoom.graphql");
    let mut counts = Vec::new();
    for _ in 0..20 {
        let (count, answer) = app.count_statements(press_room, json!({})).await;
        assert!(
            !answer.data()["pressMaterials"]["nodes"]
                .as_array()
                .unwrap()
                .is_empty()
        );
        counts.push(count);
    }
    counts.dedup();
    assert_eq!(counts.len(), 1, "PressRoom took {counts:?} statements");
}

#[tokio::test]
async fn json_ld_costs_the_same_statements_for_one_row_and_for_many() {
    let app = TestApp::spawn().await;
    add_films(&app, 40).await;
    let films = "query($first: Int) { films(first: $first) { nodes { jsonLd(locale: EN) } } }";
    let screenings = r#"query($first: Int) { festivalEdition(slug: "sample-film-festival-2026") {
        jsonLd screenings(first: $first) { nodes { jsonLd } } } }"#;
    for query in [films, screenings] {
        let (one, small) = app.count_statements(query, json!({ "first": 1 })).await;
        let (many, large) = app.count_statements(query, json!({ "first": 50 })).await;
        assert_ne!(small.body, large.body);
        assert_eq!(
            one, many,
            "1 row took {one} statements, 50 took {many}: {query}"
        );
    }
}

#[tokio::test]
async fn json_ld_of_people_and_press_never_costs_more_than_for_the_whole_list() {
    // What a document loads next depends on what the row has (a press material's subjects
    // of each kind, a person's current positions), never on how many rows there are.
    let app = TestApp::spawn().await;
    let people =
        "query($first: Int) { films(first: $first) { nodes { credits { person { jsonLd } } } } }";
    let press = "query($first: Int) { pressMaterials(first: $first) { nodes { jsonLd } } }";
    for (query, most) in [(people, 5), (press, 10)] {
        let (all, _) = app.count_statements(query, json!({ "first": 100 })).await;
        for first in 1..=10 {
            let (count, _) = app.count_statements(query, json!({ "first": first })).await;
            assert!(
                count <= all,
                "first: {first} took {count} statements, first: 100 {all}"
            );
        }
        assert!(all <= most, "{all} statements for {query}");
    }
}
