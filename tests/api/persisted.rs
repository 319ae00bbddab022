//! Automatic persisted queries (hash miss, registration, hash hit over GET) and the
//! trusted-documents mode (`--trusted-documents`).

use axum::{body::Body, http::Request};
use clap::Parser as _;
use kinograph::{
    config::Cli,
    domain::viewer::Role,
    http::trusted::{TrustedDocuments, manifest, sha256},
};
use serde_json::{Value, json};

use crate::common::{Answer, TestApp};

const FILMS: &str = "query Films { films(first: 2) { totalCount edges { node { slug } } } }";

fn persisted(hash: &str) -> Value {
    json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } })
}

/// `GET /graphql` with these URL parameters.
async fn get(app: &TestApp, params: &[(&str, String)]) -> Answer {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    let request = Request::get(format!("/graphql?{query}"))
        .header("accept", "application/json")
        .body(Body::empty())
        .unwrap();
    app.send(request).await
}

#[tokio::test]
async fn an_unknown_hash_is_not_found_until_the_query_registers_it_then_get_works() {
    let app = TestApp::spawn().await;
    let hash = sha256(FILMS);

    let miss = app
        .post(&json!({ "extensions": persisted(&hash) }), &[])
        .await;
    assert_eq!(
        miss.code(),
        Some("PERSISTED_QUERY_NOT_FOUND"),
        "{}",
        miss.body
    );
    assert_eq!(miss.body["errors"][0]["message"], "PersistedQueryNotFound");
    let miss_get = get(&app, &[("extensions", persisted(&hash).to_string())]).await;
    assert_eq!(miss_get.code(), Some("PERSISTED_QUERY_NOT_FOUND"));

    let registered = app
        .post(
            &json!({ "query": FILMS, "extensions": persisted(&hash) }),
            &[],
        )
        .await
        .ok();
    assert!(registered.data()["films"]["totalCount"].as_i64().unwrap() > 0);

    let by_get = get(&app, &[("extensions", persisted(&hash).to_string())])
        .await
        .ok();
    assert_eq!(
        by_get.body, registered.body,
        "the hash runs the registered query"
    );
    let by_post = app
        .post(&json!({ "extensions": persisted(&hash) }), &[])
        .await
        .ok();
    assert_eq!(by_post.body, registered.body);
}

#[tokio::test]
async fn a_hash_that_is_not_the_query_s_and_an_unsupported_version_are_bad_input() {
    let app = TestApp::spawn().await;
    let wrong = sha256("query Other { films(first: 1) { totalCount } }");
    let mismatched = app
        .post(
            &json!({ "query": FILMS, "extensions": persisted(&wrong) }),
            &[],
        )
        .await;
    assert_eq!(
        mismatched.code(),
        Some("BAD_USER_INPUT"),
        "{}",
        mismatched.body
    );
    assert!(mismatched.data().is_null());
    let later = app
        .post(&json!({ "extensions": persisted(&wrong) }), &[])
        .await;
    assert_eq!(
        later.code(),
        Some("PERSISTED_QUERY_NOT_FOUND"),
        "nothing was registered"
    );

    let version_2 = json!({ "persistedQuery": { "version": 2, "sha256Hash": sha256(FILMS) } });
    let answer = app
        .post(&json!({ "query": FILMS, "extensions": version_2 }), &[])
        .await;
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{}", answer.body);
    assert!(
        answer.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("version")
    );
}

#[tokio::test]
async fn a_registered_mutation_cannot_run_by_hash_over_get() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let mutation =
        "mutation Tag($input: FilmStatusInput!) { publishFilm(input: $input) { film { status } } }";
    let hash = sha256(mutation);
    // Registration happens before the mutation runs (it fails on its unknown id).
    app.post(
        &json!({ "query": mutation, "variables": { "input": { "id": "RmlsbTo5OTk5" } }, "extensions": persisted(&hash) }),
        &[("authorization", &format!("Bearer {key}"))],
    )
    .await;
    let answer = get(&app, &[("extensions", persisted(&hash).to_string())]).await;
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{}", answer.body);
    assert!(
        answer.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("POST")
    );
}

/// A server whose anonymous clients may run only the operations of `tests/operations`.
async fn trusted_app() -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("manifest.json");
    let text = manifest(&["tests/operations".into()]).expect("manifest of the operations");
    std::fs::write(&path, text).unwrap();
    let trusted = TrustedDocuments::load(&path).expect("the manifest loads");
    let app = TestApp::spawn_with(|state| state.with_trusted_documents(trusted)).await;
    (app, dir)
}

#[tokio::test]
async fn trusted_documents_run_by_hash_and_by_text_and_nothing_else_runs_anonymously() {
    let (app, _dir) = trusted_app().await;
    let film_page = std::fs::read_to_string("tests/operations/FilmPage.graphql").unwrap();
    let variables = json!({ "slug": "sample-white-nights" });

    let by_hash = app
        .post(
            &json!({ "operationName": "FilmPage", "variables": variables, "extensions": persisted(&sha256(&film_page)) }),
            &[],
        )
        .await
        .ok();
    assert_eq!(by_hash.data()["film"]["slug"], "sample-white-nights");
    let by_text = app
        .post(
            &json!({ "query": film_page, "operationName": "FilmPage", "variables": variables }),
            &[],
        )
        .await
        .ok();
    assert_eq!(by_text.body, by_hash.body);

    let unlisted = app.query(FILMS, json!({})).await;
    assert_eq!(unlisted.code(), Some("FORBIDDEN"), "{}", unlisted.body);
    assert!(unlisted.data().is_null());
    assert!(
        unlisted.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("trusted documents")
    );
    let registering = app
        .post(
            &json!({ "query": FILMS, "extensions": persisted(&sha256(FILMS)) }),
            &[],
        )
        .await;
    assert_eq!(
        registering.code(),
        Some("FORBIDDEN"),
        "no registration around the list"
    );
    let unknown_hash = app
        .post(&json!({ "extensions": persisted(&sha256(FILMS)) }), &[])
        .await;
    assert_eq!(unknown_hash.code(), Some("PERSISTED_QUERY_NOT_FOUND"));

    let key = app.key("newsroom", Role::Editor).await;
    let keyed = app.query_as(Some(&key), FILMS, json!({})).await.ok();
    assert!(keyed.data()["films"]["totalCount"].as_i64().unwrap() > 0);
}

#[tokio::test]
async fn a_bad_trusted_documents_file_stops_the_server_with_the_file_and_the_problem() {
    let app = TestApp::empty().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("manifest.json");
    std::fs::write(&path, r#"{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id":"abc","name":"X","type":"query","body":"{ films { totalCount } }"}]}"#).unwrap();
    for (file, problem) in [
        (path.clone(), "not the SHA-256"),
        (dir.path().join("missing.json"), "cannot read"),
    ] {
        let cli = Cli::try_parse_from([
            "kinograph".into(),
            "--trusted-documents".into(),
            file.display().to_string(),
        ])
        .unwrap();
        let state = kinograph::state::AppState::new(app.db.clone(), None, app.statements.clone());
        let Err(err) = state.configured(&cli.serve) else {
            panic!("{} was accepted", file.display());
        };
        let message = format!("{err:#}");
        assert!(message.contains(&file.display().to_string()), "{message}");
        assert!(message.contains(problem), "{message}");
    }
}
