//! Anonymous clients see only published films and press materials whose embargo has passed,
//! on every path: lists, counts, look-ups, `node` and back-references.

use kinograph::{
    domain::enums::PublicationStatus,
    entities::{film, press_material},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::common::TestApp;

async fn hidden_film(app: &TestApp) -> film::Model {
    film::Entity::find()
        .filter(film::Column::Status.eq(PublicationStatus::Draft))
        .one(&app.db)
        .await
        .unwrap()
        .expect("a draft film in the demo data")
}

fn contains_slug(value: &Value, slug: &str) -> bool {
    value.to_string().contains(&format!("\"{slug}\""))
}

#[tokio::test]
async fn draft_films_are_invisible_to_anonymous_clients_everywhere() {
    let app = TestApp::spawn().await;
    let draft = hidden_film(&app).await;
    let global_id = kinograph::graphql::types::id::NodeType::Film.id(draft.id);

    let by_slug = app
        .query(
            "query($s: String!) { film(slug: $s) { slug } }",
            json!({ "s": draft.slug }),
        )
        .await
        .ok();
    assert_eq!(by_slug.data()["film"], Value::Null);
    let by_id = app.query("query($id: ID!) { film(id: $id) { slug } node(id: $id) { id } nodes(ids: [$id]) { id } }", json!({ "id": global_id })).await.ok();
    assert_eq!(
        by_id.data(),
        &json!({ "film": null, "node": null, "nodes": [null] })
    );

    let list = app
        .query(
            "{ films(first: 100) { totalCount nodes { slug } } }",
            json!({}),
        )
        .await
        .ok();
    assert!(!contains_slug(list.data(), &draft.slug));
    let public = film::Entity::find()
        .filter(film::Column::Status.eq(PublicationStatus::Published))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(list.data()["films"]["totalCount"], public.len());

    // Back-references: co-productions, shoots and screenings of the draft are hidden too.
    let back = app
        .query(
            r#"{ a: organization(slug: "gazprom-media") { coProductions(first: 100) { totalCount nodes { film { slug } } } }
                 b: organization(slug: "moskino") { coProductions(first: 100) { totalCount nodes { film { slug } } } }
                 c: location(slug: "moskino-kinopark") { shoots(first: 100) { totalCount nodes { film { slug } } } }
                 d: location(slug: "moskino-kinozavod") { shoots(first: 100) { totalCount nodes { film { slug } } } }
                 e: festivalEdition(slug: "sample-film-festival-2026") { screenings(first: 100) { totalCount nodes { film { slug } } } } }"#,
            json!({}),
        )
        .await
        .ok();
    assert!(!contains_slug(back.data(), &draft.slug), "{}", back.body);
    for key in ["a", "b", "c", "d", "e"] {
        let connection = back.data()[key]
            .as_object()
            .unwrap()
            .values()
            .next()
            .unwrap();
        assert_eq!(
            connection["totalCount"],
            connection["nodes"].as_array().unwrap().len(),
            "{key}: counts match what is shown"
        );
        for node in connection["nodes"].as_array().unwrap() {
            assert!(
                node["film"]["slug"].is_string(),
                "{key}: every row has its (visible) film"
            );
        }
    }
}

#[tokio::test]
async fn draft_and_embargoed_press_materials_are_invisible_to_anonymous_clients() {
    let app = TestApp::spawn().await;
    let all = press_material::Entity::find().all(&app.db).await.unwrap();
    let now = chrono::Utc::now();
    let hidden: Vec<&press_material::Model> = all
        .iter()
        .filter(|p| {
            p.status != PublicationStatus::Published || p.embargo_until.is_some_and(|e| e > now)
        })
        .collect();
    assert!(
        hidden.iter().any(|p| p.status == PublicationStatus::Draft),
        "the demo data has a draft"
    );
    assert!(
        hidden
            .iter()
            .any(|p| p.embargo_until.is_some_and(|e| e > now)),
        "the demo data has an embargo"
    );

    let list = app
        .query(
            "{ pressMaterials(first: 100) { totalCount nodes { slug } } }",
            json!({}),
        )
        .await
        .ok();
    assert_eq!(
        list.data()["pressMaterials"]["totalCount"],
        all.len() - hidden.len()
    );
    let subjects = app
        .query(
            r#"{ film(slug: "sample-northern-route") { pressMaterials(first: 100) { totalCount nodes { slug } } }
                 organization(slug: "gazprom-media") { pressMaterials(first: 100) { totalCount nodes { slug } } }
                 agreement(slug: "gazprom-media-moskino-2025") { pressMaterials(first: 100) { totalCount nodes { slug } } } }"#,
            json!({}),
        )
        .await
        .ok();
    for p in hidden {
        assert!(!contains_slug(list.data(), &p.slug));
        assert!(!contains_slug(subjects.data(), &p.slug));
        let one = app
            .query(
                "query($s: String!) { pressMaterial(slug: $s) { slug } }",
                json!({ "s": p.slug }),
            )
            .await
            .ok();
        assert_eq!(one.data()["pressMaterial"], Value::Null);
        let id = kinograph::graphql::types::id::NodeType::PressMaterial.id(p.id);
        let node = app
            .query(
                "query($id: ID!) { node(id: $id) { id } }",
                json!({ "id": id }),
            )
            .await
            .ok();
        assert_eq!(node.data()["node"], Value::Null);
    }
}

#[tokio::test]
async fn press_subjects_never_reveal_a_draft_film() {
    let app = TestApp::spawn().await;
    let draft = hidden_film(&app).await;
    let answer = app
        .query(
            "{ pressMaterials(first: 100) { nodes { subjects { ... on Film { slug } } } } }",
            json!({}),
        )
        .await
        .ok();
    assert!(!contains_slug(answer.data(), &draft.slug));
}
