//! `jsonLd` fields, checked against the schema.org vocabulary: every `@type` exists, every
//! property belongs to its type (or a supertype), and every value has an expected type.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::{PUBLIC, spawn};

const VOCABULARY: &str = include_str!("../../fixtures/schema_org.json");

struct Vocabulary(Value);

impl Vocabulary {
    fn load() -> Self {
        Vocabulary(serde_json::from_str(VOCABULARY).unwrap())
    }

    fn kind(&self, name: &str) -> Option<&Value> {
        self.0["types"].get(name)
    }

    /// `name` and all its supertypes.
    fn ancestry(&self, name: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        let mut queue = vec![name.to_owned()];
        while let Some(next) = queue.pop() {
            if found.insert(next.clone())
                && let Some(kind) = self.kind(&next)
            {
                for parent in kind["supertypes"].as_array().unwrap() {
                    queue.push(parent.as_str().unwrap().to_owned());
                }
            }
        }
        found
    }

    fn listed(&self, key: &str, expected: &[String]) -> bool {
        self.0[key]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| expected.iter().any(|e| e == t.as_str().unwrap()))
    }

    /// Checks `value` (at `path`) against the expected types, collecting problems.
    fn check(&self, value: &Value, expected: &[String], path: &str, problems: &mut Vec<String>) {
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.check(item, expected, &format!("{path}[{i}]"), problems);
                }
            }
            Value::String(_) => {
                let text_type = expected
                    .iter()
                    .any(|e| self.kind(e).is_some_and(|k| k["accepts_text"] == true));
                if !self.listed("string_types", expected) && !text_type {
                    problems.push(format!("{path}: text where {expected:?} is expected"));
                }
            }
            Value::Number(_) => {
                if !self.listed("number_types", expected) {
                    problems.push(format!("{path}: a number where {expected:?} is expected"));
                }
            }
            Value::Bool(_) => {
                if !self.listed("boolean_types", expected) {
                    problems.push(format!("{path}: a boolean where {expected:?} is expected"));
                }
            }
            Value::Null => problems.push(format!("{path}: null")),
            Value::Object(object) => {
                let Some(name) = object.get("@type").and_then(Value::as_str) else {
                    problems.push(format!("{path}: an object without @type"));
                    return;
                };
                let Some(kind) = self.kind(name) else {
                    problems.push(format!("{path}: {name} is not a schema.org type"));
                    return;
                };
                let ancestry = self.ancestry(name);
                if !expected.is_empty() && !expected.iter().any(|e| ancestry.contains(e)) {
                    problems.push(format!("{path}: a {name} where {expected:?} is expected"));
                }
                for (property, value) in object {
                    if property.starts_with('@') {
                        continue;
                    }
                    match kind["properties"].get(property) {
                        None => problems.push(format!("{path}: {name} has no property {property}")),
                        Some(types) => {
                            let types: Vec<String> = types
                                .as_array()
                                .unwrap()
                                .iter()
                                .map(|t| t.as_str().unwrap().to_owned())
                                .collect();
                            self.check(value, &types, &format!("{path}.{property}"), problems);
                        }
                    }
                }
            }
        }
    }

    /// Asserts that `document` is a valid top-level JSON-LD document of type `kind` whose
    /// `@id` is a page of the public site.
    fn assert_valid(&self, document: &Value, kind: &str) {
        assert_eq!(document["@context"], "https://schema.org", "{document}");
        assert_eq!(document["@type"], kind, "{document}");
        let id = document["@id"].as_str().unwrap();
        assert!(id.starts_with(&format!("{PUBLIC}/")), "{id}");
        assert_eq!(document["url"], document["@id"]);
        let mut problems = Vec::new();
        self.check(document, &[], kind, &mut problems);
        assert!(problems.is_empty(), "{problems:#?}\nin {document:#}");
    }
}

const EVERYTHING: &str = r#"
query($locale: Locale, $edition: String!) {
  films(first: 100) { nodes { slug title(locale: $locale) jsonLd(locale: $locale)
    credits { person { jsonLd(locale: $locale) } }
    coProductions { organization { jsonLd(locale: $locale) } } } }
  pressMaterials(first: 100) { nodes { slug jsonLd(locale: $locale) } }
  festivalEdition(slug: $edition) { jsonLd(locale: $locale)
    screenings(first: 100) { nodes { jsonLd(locale: $locale) } } }
}"#;

#[tokio::test]
async fn every_json_ld_document_is_valid_schema_org() {
    let app = spawn().await;
    let vocabulary = Vocabulary::load();
    for locale in ["RU", "EN"] {
        let answer = app
            .query(
                EVERYTHING,
                json!({ "locale": locale, "edition": "sample-film-festival-2026" }),
            )
            .await
            .ok();
        let data = answer.data();
        let films = data["films"]["nodes"].as_array().unwrap();
        assert!(!films.is_empty());
        let mut counts = [0; 6];
        for film in films {
            vocabulary.assert_valid(&film["jsonLd"], "Movie");
            assert_eq!(film["jsonLd"]["name"], film["title"]);
            assert_eq!(
                film["jsonLd"]["@id"],
                format!("{PUBLIC}/films/{}", film["slug"].as_str().unwrap())
            );
            counts[0] += 1;
            for credit in film["credits"].as_array().unwrap() {
                vocabulary.assert_valid(&credit["person"]["jsonLd"], "Person");
                counts[1] += 1;
            }
            for part in film["coProductions"].as_array().unwrap() {
                vocabulary.assert_valid(&part["organization"]["jsonLd"], "Organization");
                counts[2] += 1;
            }
        }
        for press in data["pressMaterials"]["nodes"].as_array().unwrap() {
            vocabulary.assert_valid(&press["jsonLd"], "NewsArticle");
            counts[3] += 1;
        }
        let edition = &data["festivalEdition"];
        vocabulary.assert_valid(&edition["jsonLd"], "Festival");
        counts[4] += 1;
        for screening in edition["screenings"]["nodes"].as_array().unwrap() {
            vocabulary.assert_valid(&screening["jsonLd"], "ScreeningEvent");
            counts[5] += 1;
        }
        assert!(counts.iter().all(|c| *c > 0), "{counts:?}");
    }
}

#[tokio::test]
async fn json_ld_carries_what_the_catalogue_knows_in_the_asked_language() {
    let app = spawn().await;
    let answer = app
        .query(
            r#"{ pressMaterial(slug: "gazprom-media-moskino-agreement-2025") { en: jsonLd(locale: EN) ru: jsonLd } 
                 festivalEdition(slug: "sample-film-festival-2026") {
                   screenings(first: 1) { nodes { startsAt jsonLd(locale: EN) film { slug } } } } }"#,
            json!({}),
        )
        .await
        .ok();
    let press = &answer.data()["pressMaterial"];
    assert_eq!(
        press["en"]["headline"],
        "Gazprom-Media Holding and Moskino sign a cooperation agreement"
    );
    // The press release's body exists in Russian only: the English document says so.
    assert_eq!(press["en"]["inLanguage"], "ru");
    assert_eq!(press["ru"]["inLanguage"], "ru");
    let about: Vec<&str> = press["ru"]["about"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["@type"].as_str().unwrap())
        .collect();
    for kind in ["Organization", "Person", "Festival", "Place"] {
        assert!(about.contains(&kind), "{about:?}");
    }
    assert!(
        answer.body["extensions"]["localeFallbacks"]
            .as_array()
            .is_some_and(|p| !p.is_empty()),
        "{}",
        answer.body
    );
    let screening = &answer.data()["festivalEdition"]["screenings"]["nodes"][0];
    let event = &screening["jsonLd"];
    assert!(
        event["startDate"].as_str().unwrap().ends_with("+03:00"),
        "{event}"
    );
    let start = chrono::DateTime::parse_from_rfc3339(event["startDate"].as_str().unwrap()).unwrap();
    let utc: chrono::DateTime<chrono::Utc> =
        screening["startsAt"].as_str().unwrap().parse().unwrap();
    assert_eq!(start, utc);
    assert_eq!(
        event["workPresented"]["@id"],
        format!(
            "{PUBLIC}/films/{}",
            screening["film"]["slug"].as_str().unwrap()
        )
    );
    assert_eq!(
        event["superEvent"]["@id"],
        format!("{PUBLIC}/festivals/sample-film-festival/sample-film-festival-2026")
    );
    assert!(event["location"]["geo"]["latitude"].is_number());
}
