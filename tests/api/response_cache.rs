//! The response cache: repeated anonymous queries skip the database, keys separate variables
//! and locales, keyed requests bypass it, writes invalidate what they could change, the size
//! bound evicts, and the Redis backend is shared by instances and never fails a request.

use std::time::Duration;

use kinograph::{
    cache::{ResponseCache, redis::SharedRedis},
    domain::viewer::Role,
    state::AppState,
};
use serde_json::{Value, json};

use crate::common::{Answer, TestApp};

const FILM: &str = "sample-white-nights";
const TTL: Duration = Duration::from_secs(300);

fn film_page() -> String {
    std::fs::read_to_string("tests/operations/FilmPage.graphql").unwrap()
}

fn in_memory(state: AppState) -> AppState {
    state.with_response_cache(ResponseCache::memory(16 * 1024 * 1024, TTL))
}

/// An anonymous POST with `headers`: the SQL statements it caused, and its answer.
async fn counted(
    app: &TestApp,
    query: &str,
    variables: Value,
    headers: &[(&str, &str)],
) -> (u64, Answer) {
    let before = app.statements.get();
    let answer = app.query_with(query, variables, headers).await.ok();
    (app.statements.get() - before, answer)
}

async fn metrics(app: &TestApp) -> String {
    let request = axum::http::Request::get("/metrics")
        .body(axum::body::Body::empty())
        .unwrap();
    app.send(request).await.body.as_str().unwrap().to_string()
}

#[tokio::test]
async fn a_repeated_anonymous_query_issues_no_statements_and_returns_the_same_body() {
    let app = TestApp::spawn_with(in_memory).await;
    let vars = json!({ "slug": FILM, "locale": "EN" });
    let (first, answer) = counted(&app, &film_page(), vars.clone(), &[]).await;
    assert!(first > 0);
    assert_eq!(answer.data()["film"]["slug"], FILM);
    let (second, again) = counted(&app, &film_page(), vars.clone(), &[]).await;
    assert_eq!(second, 0, "answered from the cache");
    assert_eq!(
        again.body, answer.body,
        "data and extensions (localeFallbacks) alike"
    );
    assert_eq!(
        again.headers.get("content-language"),
        answer.headers.get("content-language")
    );
    // A different layout of the same document is the same entry.
    let relaid = film_page().replace('\n', " \n\t ");
    assert_eq!(counted(&app, &relaid, vars, &[]).await.0, 0);
    let text = metrics(&app).await;
    assert!(
        text.contains("kinograph_response_cache_hits_total 2"),
        "{text}"
    );
    assert!(
        text.contains("kinograph_response_cache_stores_total 1"),
        "{text}"
    );
}

#[tokio::test]
async fn other_variables_and_other_locales_are_other_entries() {
    let app = TestApp::spawn_with(in_memory).await;
    let page = film_page();
    counted(&app, &page, json!({ "slug": FILM }), &[]).await;
    let (other_film, answer) =
        counted(&app, &page, json!({ "slug": "sample-last-tram" }), &[]).await;
    assert!(other_film > 0);
    assert_eq!(answer.data()["film"]["slug"], "sample-last-tram");
    let english = [("accept-language", "en")];
    let (en, en_answer) = counted(&app, &page, json!({ "slug": FILM }), &english).await;
    assert!(en > 0, "the locale is part of the key");
    assert_eq!(en_answer.headers["content-language"], "en");
    assert_eq!(
        counted(&app, &page, json!({ "slug": FILM }), &english)
            .await
            .0,
        0
    );
    assert_eq!(
        counted(&app, &page, json!({ "slug": FILM }), &[]).await.0,
        0
    );
}

#[tokio::test]
async fn keyed_requests_are_never_served_from_the_cache() {
    let app = TestApp::spawn_with(in_memory).await;
    let key = app.key("partner-site", Role::Partner).await;
    let bearer = format!("Bearer {key}");
    let vars = json!({ "slug": FILM });
    counted(&app, &film_page(), vars.clone(), &[]).await;
    assert_eq!(counted(&app, &film_page(), vars.clone(), &[]).await.0, 0);
    for _ in 0..2 {
        let (keyed, answer) = counted(
            &app,
            &film_page(),
            vars.clone(),
            &[("authorization", &bearer)],
        )
        .await;
        assert!(keyed > 1, "the key is checked and the query runs: {keyed}");
        assert_eq!(answer.data()["film"]["slug"], FILM);
    }
}

/// The global id and version of a record, read by an editor.
async fn id_and_version(app: &TestApp, key: &str, field: &str, slug: &str) -> (String, i64) {
    let query = format!("query($slug: String!) {{ {field}(slug: $slug) {{ id version }} }}");
    let answer = app
        .query_as(Some(key), &query, json!({ "slug": slug }))
        .await
        .ok();
    let record = &answer.data()[field];
    (
        record["id"].as_str().unwrap().to_string(),
        record["version"].as_i64().unwrap(),
    )
}

#[tokio::test]
async fn a_film_title_change_shows_on_the_next_anonymous_read() {
    let app = TestApp::spawn_with(in_memory).await;
    let editor = app.key("newsroom", Role::Editor).await;
    let vars = json!({ "slug": FILM });
    counted(&app, &film_page(), vars.clone(), &[]).await;
    assert_eq!(counted(&app, &film_page(), vars.clone(), &[]).await.0, 0);

    let (id, version) = id_and_version(&app, &editor, "film", FILM).await;
    app.query_as(
        Some(&editor),
        "mutation($input: UpdateFilmInput!) { updateFilm(input: $input) { film { title } } }",
        json!({ "input": { "id": id, "expectedVersion": version, "title": { "ru": "Белые ночи (новая версия)" } } }),
    )
    .await
    .ok();

    let (statements, answer) = counted(&app, &film_page(), vars, &[]).await;
    assert!(statements > 0, "the write invalidated the page");
    assert_eq!(answer.data()["film"]["title"], "Белые ночи (новая версия)");
    assert!(
        metrics(&app)
            .await
            .contains("kinograph_response_cache_invalidations_total 1")
    );
}

#[tokio::test]
async fn a_person_rename_shows_through_a_film_s_credits() {
    let app = TestApp::spawn_with(in_memory).await;
    let editor = app.key("newsroom", Role::Editor).await;
    let credits =
        "query($slug: String!) { film(slug: $slug) { credits { role person { slug name } } } }";
    let vars = json!({ "slug": FILM });
    let (_, before) = counted(&app, credits, vars.clone(), &[]).await;
    assert_eq!(counted(&app, credits, vars.clone(), &[]).await.0, 0);
    let person = before.data()["film"]["credits"][0]["person"]["slug"]
        .as_str()
        .expect("the film has credits")
        .to_string();

    let (id, version) = id_and_version(&app, &editor, "person", &person).await;
    app.query_as(
        Some(&editor),
        "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { name } } }",
        json!({ "input": { "id": id, "expectedVersion": version, "name": { "ru": "Новое Имя" } } }),
    )
    .await
    .ok();

    let (_, after) = counted(&app, credits, vars, &[]).await;
    let names: Vec<&Value> = after.data()["film"]["credits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["person"]["slug"] == person.as_str())
        .map(|c| &c["person"]["name"])
        .collect();
    assert!(
        !names.is_empty() && names.iter().all(|n| *n == "Новое Имя"),
        "{}",
        after.body
    );
}

const FUTURE_FILMS: &str =
    "query { films(filter: { yearFrom: 2029 }) { totalCount edges { node { slug } } } }";

/// An editor creates a film of 2029 and publishes it.
async fn publish_new_film(app: &TestApp, editor: &str) {
    let created = app
        .query_as(
            Some(editor),
            "mutation($input: CreateFilmInput!) { createFilm(input: $input) { film { id } } }",
            json!({ "input": { "slug": "the-northern-light", "title": { "ru": "Северное сияние" }, "year": 2029 } }),
        )
        .await
        .ok();
    let id = created.data()["createFilm"]["film"]["id"].clone();
    app.query_as(
        Some(editor),
        "mutation($id: ID!) { publishFilm(input: { id: $id }) { film { status } } }",
        json!({ "id": id }),
    )
    .await
    .ok();
}

#[tokio::test]
async fn a_created_film_appears_in_a_cached_empty_filtered_list() {
    let app = TestApp::spawn_with(in_memory).await;
    let editor = app.key("newsroom", Role::Editor).await;
    let (_, empty) = counted(&app, FUTURE_FILMS, json!({}), &[]).await;
    assert_eq!(empty.data()["films"]["totalCount"], 0);
    assert_eq!(counted(&app, FUTURE_FILMS, json!({}), &[]).await.0, 0);

    publish_new_film(&app, &editor).await;

    let (_, listed) = counted(&app, FUTURE_FILMS, json!({}), &[]).await;
    assert_eq!(listed.data()["films"]["totalCount"], 1, "{}", listed.body);
    assert_eq!(
        listed.data()["films"]["edges"][0]["node"]["slug"],
        "the-northern-light"
    );
}

#[tokio::test]
async fn the_size_bound_evicts_the_least_recently_used_response() {
    let app = TestApp::spawn().await;
    let page = film_page();
    let size = |answer: &Answer| serde_json::to_vec(&answer.body).unwrap().len();
    let a = size(&app.query(&page, json!({ "slug": FILM })).await.ok());
    let b = size(
        &app.query(&page, json!({ "slug": "sample-last-tram" }))
            .await
            .ok(),
    );
    // Room for either page (with its key and bookkeeping) but not for both.
    let bound = a.max(b) + 128 + a.min(b) / 2;
    let app = app.twin(|state| state.with_response_cache(ResponseCache::memory(bound, TTL)));

    counted(&app, &page, json!({ "slug": FILM }), &[]).await;
    assert_eq!(
        counted(&app, &page, json!({ "slug": FILM }), &[]).await.0,
        0
    );
    counted(&app, &page, json!({ "slug": "sample-last-tram" }), &[]).await;
    assert!(
        counted(&app, &page, json!({ "slug": FILM }), &[]).await.0 > 0,
        "evicted"
    );
    let text = metrics(&app).await;
    assert!(
        !text.contains("kinograph_response_cache_evictions_total 0"),
        "{text}"
    );
}

fn unique_prefix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("kinograph-test:{}:{nanos}:", std::process::id())
}

fn shared(url: &str, prefix: &str) -> impl FnOnce(AppState) -> AppState {
    let redis = SharedRedis::new(url, prefix).expect("a Redis URL");
    move |state: AppState| {
        state
            .with_shared_persisted_queries(redis.clone())
            .with_response_cache(ResponseCache::redis(redis, TTL))
    }
}

#[tokio::test]
async fn instances_sharing_redis_share_entries_and_see_each_other_s_writes() {
    let prefix = unique_prefix();
    let url = "redis://127.0.0.1:6379";
    let first = TestApp::spawn_with(shared(url, &prefix)).await;
    let second = first.twin(shared(url, &prefix));
    let editor = first.key("newsroom", Role::Editor).await;
    let vars = json!({ "slug": FILM });

    let (_, page) = counted(&second, &film_page(), vars.clone(), &[]).await;
    assert_eq!(
        counted(&first, &film_page(), vars.clone(), &[]).await.0,
        0,
        "shared entry"
    );
    counted(&first, FUTURE_FILMS, json!({}), &[]).await;
    assert_eq!(counted(&second, FUTURE_FILMS, json!({}), &[]).await.0, 0);

    let (id, version) = id_and_version(&first, &editor, "film", FILM).await;
    first
        .query_as(
            Some(&editor),
            "mutation($input: UpdateFilmInput!) { updateFilm(input: $input) { film { title } } }",
            json!({ "input": { "id": id, "expectedVersion": version, "title": { "ru": "Белые ночи — редакция" } } }),
        )
        .await
        .ok();
    publish_new_film(&first, &editor).await;

    let (statements, changed) = counted(&second, &film_page(), vars, &[]).await;
    assert!(statements > 0);
    assert_ne!(changed.body, page.body);
    assert_eq!(changed.data()["film"]["title"], "Белые ночи — редакция");
    let (_, listed) = counted(&second, FUTURE_FILMS, json!({}), &[]).await;
    assert_eq!(listed.data()["films"]["totalCount"], 1);

    // Persisted queries registered on one instance run by hash on the other.
    let query = "query Few { films(first: 1) { totalCount } }";
    let hash = kinograph::http::trusted::sha256(query);
    let ext = json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } });
    first
        .post(&json!({ "query": query, "extensions": ext }), &[])
        .await
        .ok();
    second.post(&json!({ "extensions": ext }), &[]).await.ok();
}

#[tokio::test]
async fn an_unreachable_redis_never_fails_a_request() {
    let app = TestApp::spawn_with(shared("redis://127.0.0.1:1", &unique_prefix())).await;
    let editor = app.key("newsroom", Role::Editor).await;
    for _ in 0..2 {
        let answer = app.query(&film_page(), json!({ "slug": FILM })).await.ok();
        assert_eq!(answer.data()["film"]["slug"], FILM);
    }
    publish_new_film(&app, &editor).await;
    let listed = app.query(FUTURE_FILMS, json!({})).await.ok();
    assert_eq!(listed.data()["films"]["totalCount"], 1);
    let query = "query Few { films(first: 1) { totalCount } }";
    let ext = json!({ "persistedQuery": { "version": 1, "sha256Hash": kinograph::http::trusted::sha256(query) } });
    app.post(&json!({ "query": query, "extensions": ext }), &[])
        .await
        .ok();
    app.post(&json!({ "extensions": ext }), &[]).await.ok();
}
