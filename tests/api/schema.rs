//! `schema.graphql` is the schema the server serves, and everything in it is described.

use serde_json::json;

use crate::common::TestApp;

#[test]
fn schema_file_matches_the_served_schema() {
    let committed = include_str!("../../schema.graphql");
    let served = kinograph::graphql::sdl();
    assert!(
        committed == served,
        "schema.graphql is out of date: run `cargo run -- schema > schema.graphql` and review the diff"
    );
}

#[tokio::test]
async fn every_type_field_and_argument_has_a_description() {
    let app = TestApp::empty().await;
    let answer = app
        .query(
            "{ __schema { types { name kind description
                 fields { name description args { name description } }
                 inputFields { name description }
                 enumValues { name description } } } }",
            json!({}),
        )
        .await
        .ok();
    let mut missing = Vec::new();
    for t in answer.data()["__schema"]["types"].as_array().unwrap() {
        let name = t["name"].as_str().unwrap();
        // The spec's own types and built-in scalars are described by the spec.
        if name.starts_with("__") || ["ID", "String", "Int", "Float", "Boolean"].contains(&name) {
            continue;
        }
        let described = |v: &serde_json::Value| v.as_str().is_some_and(|d| !d.trim().is_empty());
        if !described(&t["description"]) {
            missing.push(name.to_string());
        }
        for f in t["fields"].as_array().into_iter().flatten() {
            if !described(&f["description"]) {
                missing.push(format!("{name}.{}", f["name"]));
            }
            for a in f["args"].as_array().into_iter().flatten() {
                if !described(&a["description"]) {
                    missing.push(format!("{name}.{}({})", f["name"], a["name"]));
                }
            }
        }
        for f in t["inputFields"].as_array().into_iter().flatten() {
            if !described(&f["description"]) {
                missing.push(format!("{name}.{}", f["name"]));
            }
        }
        for v in t["enumValues"].as_array().into_iter().flatten() {
            if !described(&v["description"]) {
                missing.push(format!("{name}.{}", v["name"]));
            }
        }
    }
    assert!(missing.is_empty(), "undescribed: {missing:?}");
}
