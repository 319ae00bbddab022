//! Keyset pagination: every item exactly once and in order, also across ties; backwards
//! paging; page limits and forged cursors refused.

use serde_json::{Value, json};

use crate::common::TestApp;

const PAGE: &str =
    "query($first: Int, $after: String, $last: Int, $before: String, $orderBy: [FilmOrder!]) {
  films(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { slug year title }
  }
}";

async fn walk_forward(app: &TestApp, order: Value, size: i64) -> Vec<String> {
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let answer = app
            .query(
                PAGE,
                json!({ "first": size, "after": after, "orderBy": order }),
            )
            .await
            .ok();
        let films = &answer.data()["films"];
        seen.extend(
            films["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["slug"].as_str().unwrap().to_string()),
        );
        if films["pageInfo"]["hasNextPage"] == false {
            return seen;
        }
        after = films["pageInfo"]["endCursor"].as_str().map(str::to_string);
        assert!(seen.len() < 1000, "paging does not end");
    }
}

#[tokio::test]
async fn paging_visits_every_film_once_in_order_even_when_films_tie() {
    let app = TestApp::spawn().await;
    // Mixed directions (the cursor condition is spelled out key by key) and one direction
    // (a row-value comparison).
    for order in [
        json!([{ "field": "YEAR", "direction": "DESC" }, { "field": "TITLE", "direction": "ASC" }]),
        json!([{ "field": "TITLE", "direction": "DESC" }]),
    ] {
        visits_every_film_once(&app, order).await;
    }
}

async fn visits_every_film_once(app: &TestApp, order: Value) {
    let all = app
        .query(PAGE, json!({ "first": 100, "orderBy": order }))
        .await
        .ok();
    let expected: Vec<String> = all.data()["films"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["slug"].as_str().unwrap().to_string())
        .collect();
    // The demo data has two films named «Маяк» of the same year: they tie on both fields.
    let titles: Vec<&Value> = all.data()["films"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["title"])
        .collect();
    let ties = titles.windows(2).any(|w| w[0] == w[1]);
    assert!(ties, "the demo data has films that tie on the ordering");
    for size in [1, 2, 3, 5] {
        assert_eq!(
            walk_forward(app, order.clone(), size).await,
            expected,
            "page size {size}, order {order}"
        );
    }
}

#[tokio::test]
async fn paging_backwards_returns_the_same_list() {
    let app = TestApp::spawn().await;
    let order = json!([{ "field": "TITLE", "direction": "ASC" }]);
    let forward = walk_forward(&app, order.clone(), 100).await;
    let mut backward: Vec<String> = Vec::new();
    let mut before: Option<String> = None;
    loop {
        let answer = app
            .query(
                PAGE,
                json!({ "last": 3, "before": before, "orderBy": order }),
            )
            .await
            .ok();
        let films = &answer.data()["films"];
        let mut page: Vec<String> = films["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["slug"].as_str().unwrap().to_string())
            .collect();
        page.extend(backward);
        backward = page;
        if films["pageInfo"]["hasPreviousPage"] == false {
            break;
        }
        before = films["pageInfo"]["startCursor"]
            .as_str()
            .map(str::to_string);
    }
    assert_eq!(backward, forward);
}

#[tokio::test]
async fn page_size_over_one_hundred_is_refused() {
    let app = TestApp::spawn().await;
    let answer = app.query(PAGE, json!({ "first": 101 })).await;
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"));
    assert!(
        answer.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("100")
    );
    let nested = app
        .query(
            "{ films(first: 1) { nodes { screenings(first: 500) { totalCount } } } }",
            json!({}),
        )
        .await;
    assert_eq!(nested.code(), Some("BAD_USER_INPUT"));
}

#[tokio::test]
async fn forged_or_foreign_cursors_are_refused() {
    let app = TestApp::spawn().await;
    for cursor in ["garbage", "eyJsIjoiZmlsbXMiLCJrIjpbXX0", ""] {
        let answer = app
            .query(PAGE, json!({ "first": 5, "after": cursor }))
            .await;
        assert_eq!(
            answer.code(),
            Some("BAD_USER_INPUT"),
            "cursor {cursor:?}: {}",
            answer.body
        );
    }
    let by_title = app
        .query(
            PAGE,
            json!({ "first": 2, "orderBy": [{ "field": "TITLE" }] }),
        )
        .await
        .ok();
    let cursor = by_title.data()["films"]["pageInfo"]["endCursor"].clone();
    let other_order = app
        .query(
            PAGE,
            json!({ "first": 2, "after": cursor, "orderBy": [{ "field": "YEAR" }] }),
        )
        .await;
    assert_eq!(other_order.code(), Some("BAD_USER_INPUT"));
    let other_list = app
        .query(
            "query($a: String) { pressMaterials(after: $a) { totalCount } }",
            json!({ "a": cursor }),
        )
        .await;
    assert_eq!(other_list.code(), Some("BAD_USER_INPUT"));
}
