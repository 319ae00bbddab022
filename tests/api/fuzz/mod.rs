//! Fuzzing through the real router: many generated requests (documents from the schema's
//! grammar, mutated contract operations, wrong-typed and hostile variables, broken bodies
//! and query strings), anonymous and as an editor, each answered without a panic or a 5xx
//! and as a well-formed GraphQL response (see [`check`]); the server then still answers a
//! contract query. Seeded: `KINOGRAPH_FUZZ_SEED` and `KINOGRAPH_FUZZ_CASES` pick the run,
//! and a failure names the seed and case to run again.

mod bodies;
pub mod check;
mod document;
mod requests;
mod sdl;
mod values;

use std::time::{Duration, Instant};

use http_body_util::BodyExt;
use kinograph::{domain::viewer::Role, graphql::types::id::NodeType};
use rand::{Rng, SeedableRng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;
use serde_json::json;
use tower::ServiceExt;

use crate::common::TestApp;
use sdl::Sdl;

/// Cases of a default run: a few seconds on SQLite.
const DEFAULT_CASES: u64 = 1_500;
/// The seed of a default run, so the suite is the same every time.
const DEFAULT_SEED: u64 = 0x6b69_6e6f;

/// The generator of one case: its random source and the schema it draws words from.
pub struct Gen<'a> {
    rng: ChaCha8Rng,
    sdl: &'a Sdl,
    words: &'a [String],
    /// Whether JSON texts of this case may break JSON itself (lone surrogates, bad escapes,
    /// nesting past the parser's limit): rarely, so most cases reach GraphQL.
    broken_json: bool,
}

impl<'a> Gen<'a> {
    /// The generator of case `index` of the run with `seed`: each case has its own stream,
    /// so one case can be made again without the others.
    pub fn new(sdl: &'a Sdl, words: &'a [String], seed: u64, index: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(index);
        let broken_json = rng.random_bool(0.1);
        Gen {
            rng,
            sdl,
            words,
            broken_json,
        }
    }

    /// A name from the schema (a type, field, argument or enum value), or a global id.
    fn word(&mut self) -> String {
        if self.rng.random_bool(0.1) {
            let types = [
                "Film",
                "Organization",
                "Person",
                "Agreement",
                "Festival",
                "FestivalEdition",
                "Screening",
                "Location",
                "PressMaterial",
                "CoProduction",
                "Shoot",
            ];
            let node_type = NodeType::from_name(types.choose(&mut self.rng).unwrap()).unwrap();
            return node_type.id(self.rng.random_range(1..40)).to_string();
        }
        self.words.choose(&mut self.rng).unwrap().clone()
    }
}

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::test]
async fn generated_and_hostile_requests_all_get_well_formed_graphql_answers() {
    let seed = setting("KINOGRAPH_FUZZ_SEED", DEFAULT_SEED);
    let cases = setting("KINOGRAPH_FUZZ_CASES", DEFAULT_CASES);
    let app = TestApp::spawn().await;
    let editor = app.key("fuzz-editor", Role::Editor).await;
    let sdl = Sdl::served();
    let words = sdl.words();
    let started = Instant::now();
    let (mut sent, mut statuses) = (0, std::collections::BTreeMap::new());
    for index in 0..cases {
        let case = Gen::new(&sdl, &words, seed, index).case();
        let Some(request) = case.request(&editor) else {
            continue;
        };
        let again = format!(
            "seed {seed}, case {index} (KINOGRAPH_FUZZ_SEED={seed} KINOGRAPH_FUZZ_CASES={})",
            index + 1
        );
        let response =
            tokio::time::timeout(Duration::from_secs(30), app.router.clone().oneshot(request))
                .await
                .unwrap_or_else(|_| panic!("no answer within 30 s; {again}\n{}", case.show()))
                .unwrap();
        let status = response.status().as_u16();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        if let Err(problem) = check::answer(status, &body, &check::sent(&case.uri, &case.body)) {
            panic!(
                "{problem}; {again}\nrequest: {}\nanswer {status}: {}",
                case.show(),
                String::from_utf8_lossy(&body)
                    .chars()
                    .take(3_000)
                    .collect::<String>()
            );
        }
        sent += 1;
        *statuses.entry(status).or_insert(0) += 1;
    }
    println!(
        "fuzzed {sent} requests (seed {seed}) in {:.1?}; statuses {statuses:?}",
        started.elapsed()
    );
    let catalogue = include_str!("../../operations/FilmCatalogue.graphql");
    let answer = app.query(catalogue, json!({ "first": 5 })).await.ok();
    assert!(
        answer.data()["films"]["totalCount"].is_u64(),
        "{}",
        answer.body
    );
}

#[tokio::test]
async fn text_with_a_nul_character_is_refused_alike_on_both_engines() {
    // PostgreSQL stores no NUL in text and SQLite does; found by the fuzz test (a slug with
    // "\u0000"). Both engines refuse it before any database work, naming where it was.
    let app = TestApp::spawn().await;
    let editor = app.key("editor", Role::Editor).await;
    let film = "query($slug: String!) { film(slug: $slug) { slug } }";
    let person =
        "mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { slug } } }";
    let literal = r#"mutation { createPerson(input: { slug: "nul-literal", name: { en: "A\u0000" } }) { person { slug } } }"#;
    let cases = [
        (
            None,
            film,
            json!({ "slug": "sample-\u{0}lighthouse" }),
            "$slug",
        ),
        (
            Some(editor.as_str()),
            person,
            json!({ "input": { "slug": "nul-person", "name": { "ru": "Анна\u{0}", "en": "Anna" } } }),
            "$input",
        ),
        (Some(editor.as_str()), literal, json!({}), "input"),
    ];
    for (key, document, variables, place) in cases {
        let before = app.statements.get();
        let answer = app.query_as(key, document, variables).await;
        assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{}", answer.body);
        let message = answer.body["errors"][0]["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("\"{place}\"")) && message.contains("NUL"),
            "{message}"
        );
        if key.is_none() {
            assert_eq!(
                app.statements.get(),
                before,
                "refused before any database work"
            );
        }
    }
    for slug in ["nul-person", "nul-literal"] {
        let stored = app
            .query(
                "query($slug: String!) { person(slug: $slug) { slug } }",
                json!({ "slug": slug }),
            )
            .await
            .ok();
        assert!(
            stored.data()["person"].is_null(),
            "{slug} was stored: {}",
            stored.body
        );
    }
}
