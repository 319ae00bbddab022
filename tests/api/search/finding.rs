//! What a user sees of search: every kind, the Russian and English forms of words, the
//! ranking, highlights, `types`, paging and refusals.

use serde_json::json;

use super::{FULL, SEARCH, found, slugs};
use crate::common::TestApp;

#[tokio::test]
async fn every_kind_is_found_with_its_fields() {
    let app = TestApp::spawn().await;
    let answer = app
        .query(
            SEARCH,
            json!({ "query": "Москва", "first": 100, "locale": "EN" }),
        )
        .await
        .ok();
    let edges = answer.data()["search"]["edges"].as_array().unwrap().clone();
    let mut kinds: Vec<&str> = edges
        .iter()
        .map(|e| e["node"]["__typename"].as_str().unwrap())
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            "Agreement",
            "Festival",
            "FestivalEdition",
            "Film",
            "Location",
            "Organization",
            "PressMaterial"
        ]
    );
    let person = app
        .query(SEARCH, json!({ "query": "Ханчалян", "locale": "EN" }))
        .await
        .ok();
    let first = &person.data()["search"]["edges"][0]["node"];
    assert_eq!(first["__typename"], "Person");
    assert_eq!(first["name"], "Boris Khanchalyan");
}

/// Each Russian form finds records whose text has the word in another form.
#[tokio::test]
async fn a_genitive_finds_the_nominative() {
    let app = TestApp::spawn().await;
    // The press release says "соглашение"; the location's name is "Кинопарк «Москино»".
    assert!(
        found(&app, "соглашения")
            .await
            .contains(&"gazprom-media-moskino-agreement-2025".into())
    );
    assert!(
        found(&app, "кинопарка")
            .await
            .contains(&"moskino-kinopark".into())
    );
}

#[tokio::test]
async fn a_dative_finds_the_other_forms() {
    let app = TestApp::spawn().await;
    let found = found(&app, "кинопарку").await;
    assert!(found.contains(&"moskino-kinopark".into()), "{found:?}");
    assert!(
        found.contains(&"sample-architect".into()),
        "«в кинопарке»: {found:?}"
    );
}

#[tokio::test]
async fn an_instrumental_finds_the_other_forms() {
    let app = TestApp::spawn().await;
    let found = found(&app, "соглашением").await;
    // The biographies say "подписал соглашение", the organization "сторона соглашения".
    for slug in ["boris-khanchalyan", "georgy-prokopov", "gazprom-media"] {
        assert!(found.contains(&slug.into()), "{slug}: {found:?}");
    }
}

#[tokio::test]
async fn a_prepositional_finds_the_other_forms() {
    let app = TestApp::spawn().await;
    assert_eq!(
        found(&app, "кинопарке").await,
        found(&app, "кинопарк").await
    );
    let found = found(&app, "Москве").await;
    // Its city is "Москва".
    assert!(
        found.contains(&"moscow-international-film-week-2025".into()),
        "{found:?}"
    );
}

#[tokio::test]
async fn a_plural_finds_the_singular() {
    let app = TestApp::spawn().await;
    // "фильмы", "фильмов": the synopses say "фильм", the press "фильма".
    let plural = found(&app, "фильмы").await;
    assert_eq!(plural, found(&app, "фильмов").await);
    for slug in [
        "sample-snow-fox",
        "sample-trailer-city-of-light",
        "sample-distributor",
    ] {
        assert!(plural.contains(&slug.into()), "{slug}: {plural:?}");
    }
    assert_eq!(
        found(&app, "соглашениях").await,
        found(&app, "соглашение").await
    );
}

#[tokio::test]
async fn an_english_plural_finds_the_singular() {
    let app = TestApp::spawn().await;
    let agreements = found(&app, "agreements").await;
    assert_eq!(agreements, found(&app, "agreement").await);
    assert!(agreements.contains(&"gazprom-media-moskino-agreement-2025".into()));
    // "shoots" finds "shoot" and "shooting".
    let shoots = found(&app, "shoots").await;
    assert!(shoots.contains(&"moskino-kinopark".into()), "{shoots:?}");
}

#[tokio::test]
async fn title_matches_rank_above_body_matches_in_the_same_order_on_both_engines() {
    let app = TestApp::spawn().await;
    let answer = app
        .query(FULL, json!({ "query": "кинопарка", "first": 100 }))
        .await
        .ok();
    let edges = answer.data()["search"]["edges"].as_array().unwrap().clone();
    let ranked: Vec<(String, f64)> = edges
        .iter()
        .map(|e| {
            (
                e["node"]["slug"].as_str().unwrap().to_string(),
                e["score"].as_f64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("sample-kinopark-stories", 1.0),
        ("moskino-kinopark", 1.0),
        ("sample-architect", 0.4),
        ("moskino", 0.4),
        ("sample-news-architect-wrap", 0.4),
        ("gazprom-media-moskino-2025", 0.4),
        ("gazprom-media-moskino-agreement-2025", 0.4),
    ];
    let expected: Vec<(String, f64)> = expected.iter().map(|(s, x)| (s.to_string(), *x)).collect();
    assert_eq!(ranked, expected);

    assert_eq!(
        found(&app, "соглашения").await,
        [
            "gazprom-media-moskino-2025",
            "gazprom-media-moskino-agreement-2025",
            "boris-khanchalyan",
            "georgy-prokopov",
            "gazprom-media",
            "sample-news-architect-wrap",
            "moscow-international-film-week",
        ]
    );
    // Two words: both in the title beat one in the title and one in the body.
    let answer = app
        .query(FULL, json!({ "query": "подписали соглашение", "first": 2 }))
        .await
        .ok();
    let edges = &answer.data()["search"]["edges"];
    assert_eq!(
        edges[0]["node"]["slug"],
        "gazprom-media-moskino-agreement-2025"
    );
    assert_eq!(edges[0]["score"], 1.0);
    assert_eq!(edges[1]["score"], 0.4);
}

#[tokio::test]
async fn highlights_mark_the_matched_words_in_the_asked_language() {
    let app = TestApp::spawn().await;
    let highlight = |locale: &'static str| {
        let app = &app;
        async move {
            let answer = app
                .query(
                    FULL,
                    json!({ "query": "соглашение agreement", "types": ["PERSON"], "locale": locale }),
                )
                .await
                .ok();
            answer.data()["search"]["edges"][0]["highlight"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    assert_eq!(
        highlight("RU").await,
        "…Холдинга». 25 августа 2025 года подписал <mark>соглашение</mark> о сотрудничестве с АНО «Москино»."
    );
    assert_eq!(
        highlight("EN").await,
        "…August 2025 he signed the cooperation <mark>agreement</mark> with Moskino."
    );

    // Nothing matches in English: the Russian text is served, and the fallback listed.
    let answer = app
        .query(
            FULL,
            json!({ "query": "кинопарка", "types": ["LOCATION"], "locale": "EN" }),
        )
        .await
        .ok();
    let edge = &answer.data()["search"]["edges"][0];
    assert_eq!(edge["highlight"], "<mark>Кинопарк</mark> «Москино»");
    assert_eq!(
        answer.body["extensions"]["localeFallbacks"],
        json!([["search", "edges", 0, "highlight"]])
    );
    // Text around the marks is escaped: "Cluster's".
    let answer = app
        .query(
            FULL,
            json!({ "query": "outdoor", "types": ["LOCATION"], "locale": "EN" }),
        )
        .await
        .ok();
    let text = answer.data()["search"]["edges"][0]["highlight"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        text.contains("Cluster&#39;s site for <mark>outdoor</mark> shoots"),
        "{text}"
    );
}

#[tokio::test]
async fn types_narrow_the_results_and_their_count() {
    let app = TestApp::spawn().await;
    let all = app
        .query(FULL, json!({ "query": "Москино", "first": 100 }))
        .await
        .ok();
    assert_eq!(all.data()["search"]["totalCount"], 12);
    let narrowed = app
        .query(
            FULL,
            json!({ "query": "Москино", "first": 100, "types": ["LOCATION", "PERSON"] }),
        )
        .await
        .ok();
    let search = &narrowed.data()["search"];
    assert_eq!(
        slugs(&search["edges"]),
        [
            "moskino-kinopark",
            "moskino-kinozavod",
            "boris-khanchalyan",
            "georgy-prokopov"
        ]
    );
    assert_eq!(search["totalCount"], 4);
    let none = app
        .query(FULL, json!({ "query": "Москино", "types": [] }))
        .await
        .ok();
    assert_eq!(none.data()["search"]["totalCount"], 0);
}

#[tokio::test]
async fn paging_with_first_and_after_visits_every_result_once() {
    let app = TestApp::spawn().await;
    let whole = app
        .query(FULL, json!({ "query": "Moscow", "first": 100 }))
        .await
        .ok();
    let all = slugs(&whole.data()["search"]["edges"]);
    assert_eq!(all.len(), 23);
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = app
            .query(
                FULL,
                json!({ "query": "Moscow", "first": 5, "after": after }),
            )
            .await
            .ok();
        let search = &page.data()["search"];
        assert_eq!(search["totalCount"], 23);
        seen.extend(slugs(&search["edges"]));
        if search["pageInfo"]["hasNextPage"] == false {
            break;
        }
        after = search["pageInfo"]["endCursor"].as_str().map(str::to_string);
    }
    assert_eq!(seen, all);

    // The last three, backwards from the end.
    let last = app
        .query(FULL, json!({ "query": "Moscow", "last": 3 }))
        .await
        .ok();
    assert_eq!(slugs(&last.data()["search"]["edges"]), all[20..]);
    assert_eq!(last.data()["search"]["pageInfo"]["hasPreviousPage"], true);

    // A cursor of another query, a forged one and a page over 100 are refused.
    let cursor = whole.data()["search"]["edges"][0]["cursor"].clone();
    for variables in [
        json!({ "query": "Москино", "after": cursor }),
        json!({ "query": "Moscow", "after": "bm90IGEgY3Vyc29y" }),
        json!({ "query": "Moscow", "first": 101 }),
    ] {
        let answer = app.query(FULL, variables.clone()).await;
        assert_eq!(
            answer.code(),
            Some("BAD_USER_INPUT"),
            "{variables}: {}",
            answer.body
        );
    }
}

#[tokio::test]
async fn blank_and_overlong_queries_are_refused_and_odd_ones_find_nothing() {
    let app = TestApp::spawn().await;
    for (query, words) in [
        ("", "must contain a word"),
        ("  — ! ", "must contain a word"),
        (&*"кино ".repeat(50), "at most 200 characters"),
    ] {
        let answer = app.query(FULL, json!({ "query": query })).await;
        assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{}", answer.body);
        let error = &answer.body["errors"][0];
        assert_eq!(error["extensions"]["field"], "query");
        assert!(
            error["message"].as_str().unwrap().contains(words),
            "{}",
            answer.body
        );
    }
    // Stop words only, other scripts, quotes and operators: no error, nothing found.
    for odd in [
        "и the",
        "² 電影",
        "İstanbul",
        "x\"y'z OR NOT *",
        "'; DROP TABLE film; --",
    ] {
        let answer = app.query(FULL, json!({ "query": odd })).await.ok();
        assert_eq!(answer.data()["search"]["totalCount"], 0, "{odd}");
    }
}
