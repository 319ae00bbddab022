//! Visibility by role, through real API keys: anonymous clients see published material past
//! its embargo; partners also see embargoed material (with `embargoUntil`); editors also see
//! drafts and archived material. Every path: lists, counts, look-ups, `node`, back-references
//! and identifier look-ups.

use kinograph::{
    domain::{enums::PublicationStatus, viewer::Role},
    entities::{film, press_material},
    graphql::types::id::NodeType,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter,
};
use serde_json::{Value, json};

use crate::common::TestApp;

const EMBARGOED: &str = "sample-embargoed-northern-route";

/// Every path to the embargoed release: the press room (with its count), the look-up,
/// `node`, and the press materials of its film, organization and another organization.
const PATHS: &str = r#"query($slug: String!, $id: ID!) {
  room: pressMaterials(first: 100) { totalCount nodes { slug } }
  one: pressMaterial(slug: $slug) { slug embargoUntil }
  node(id: $id) { id }
  film(slug: "sample-northern-route") { pressMaterials(first: 100) { totalCount nodes { slug } } }
  organization(slug: "gazprom-media") { pressMaterials(first: 100) { totalCount nodes { slug } } }
}"#;

fn places_seen(data: &Value) -> Vec<&'static str> {
    let has = |list: &Value| {
        list["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["slug"] == EMBARGOED)
    };
    let mut seen = Vec::new();
    if has(&data["room"]) {
        seen.push("room");
    }
    if !data["one"].is_null() {
        seen.push("one");
    }
    if !data["node"].is_null() {
        seen.push("node");
    }
    if has(&data["film"]["pressMaterials"]) {
        seen.push("film");
    }
    if has(&data["organization"]["pressMaterials"]) {
        seen.push("organization");
    }
    seen
}

#[tokio::test]
async fn the_embargoed_release_reaches_partners_everywhere_anonymous_clients_nowhere_and_all_once_it_lifts()
 {
    let app = TestApp::spawn().await;
    let partner = app.key("distributor", Role::Partner).await;
    let release = press_material::Entity::find()
        .filter(press_material::Column::Slug.eq(EMBARGOED))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let variables = json!({ "slug": EMBARGOED, "id": NodeType::PressMaterial.id(release.id) });
    let everywhere = ["room", "one", "node", "film", "organization"];

    let anonymous = app.query_as(None, PATHS, variables.clone()).await.ok();
    assert!(
        places_seen(anonymous.data()).is_empty(),
        "{}",
        anonymous.body
    );
    let keyed = app
        .query_as(Some(&partner), PATHS, variables.clone())
        .await
        .ok();
    assert_eq!(places_seen(keyed.data()), everywhere);
    assert!(
        keyed.data()["one"]["embargoUntil"]
            .as_str()
            .unwrap()
            .starts_with("2099-01-01")
    );
    let count = |answer: &Value| answer["room"]["totalCount"].as_i64().unwrap();
    assert_eq!(count(keyed.data()), count(anonymous.data()) + 1);

    // The embargo passes (the clock is not ours to move: the row is moved instead).
    let mut lifted = release.into_active_model();
    lifted.embargo_until = Set(Some(chrono::Utc::now() - chrono::Duration::minutes(1)));
    lifted.update(&app.db).await.unwrap();
    let after = app.query_as(None, PATHS, variables).await.ok();
    assert_eq!(places_seen(after.data()), everywhere);
}

#[tokio::test]
async fn drafts_and_archived_films_are_for_editors_only() {
    let app = TestApp::spawn().await;
    let partner = app.key("distributor", Role::Partner).await;
    let editor = app.key("newsroom", Role::Editor).await;
    let draft = film::Entity::find()
        .filter(film::Column::Status.eq(PublicationStatus::Draft))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let published = film::Entity::find()
        .filter(film::Column::Status.eq(PublicationStatus::Published))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut archived = published.clone().into_active_model();
    archived.status = Set(PublicationStatus::Archived);
    archived.update(&app.db).await.unwrap();
    let query = r#"query($ids: [ID!]!) {
      films(first: 100) { totalCount nodes { slug } }
      nodes(ids: $ids) { id }
    }"#;
    let ids = json!({ "ids": [NodeType::Film.id(draft.id), NodeType::Film.id(published.id)] });
    let total = film::Entity::find().all(&app.db).await.unwrap().len();
    for (key, sees_hidden) in [
        (None, false),
        (Some(partner.as_str()), false),
        (Some(editor.as_str()), true),
    ] {
        let answer = app.query_as(key, query, ids.clone()).await.ok();
        let films = answer.data()["films"].to_string();
        for slug in [&draft.slug, &published.slug] {
            assert_eq!(
                films.contains(&format!("\"{slug}\"")),
                sees_hidden,
                "{key:?} {slug}"
            );
        }
        let nodes = answer.data()["nodes"].as_array().unwrap();
        assert_eq!(nodes.iter().all(|n| !n.is_null()), sees_hidden, "{key:?}");
        let count = answer.data()["films"]["totalCount"].as_u64().unwrap() as usize;
        if sees_hidden {
            assert_eq!(count, total);
        } else {
            assert_eq!(count, total - 2);
        }
    }
}

#[tokio::test]
async fn films_are_found_by_their_registry_identifiers_with_the_format_checked() {
    let app = TestApp::spawn().await;
    let editor = app.key("newsroom", Role::Editor).await;
    let with_ids = film::Entity::find()
        .filter(film::Column::EidrId.is_not_null())
        .filter(film::Column::ImdbId.is_not_null())
        .filter(film::Column::DistributionCertificate.is_not_null())
        .one(&app.db)
        .await
        .unwrap()
        .expect("a demo film with all three identifiers");
    let query = "query($s: ExternalIdScheme!, $v: String!) { filmByExternalId(scheme: $s, value: $v) { slug } }";
    for (scheme, value) in [
        ("IMDB", with_ids.imdb_id.clone().unwrap()),
        ("EIDR", with_ids.eidr_id.clone().unwrap().to_lowercase()),
        (
            "CERTIFICATE",
            with_ids.distribution_certificate.clone().unwrap(),
        ),
    ] {
        let answer = app
            .query(query, json!({ "s": scheme, "v": value }))
            .await
            .ok();
        assert_eq!(
            answer.data()["filmByExternalId"]["slug"],
            with_ids.slug.as_str(),
            "{scheme}"
        );
    }
    let unknown = app
        .query(query, json!({ "s": "IMDB", "v": "tt0000001" }))
        .await
        .ok();
    assert_eq!(unknown.data()["filmByExternalId"], Value::Null);
    for (scheme, value) in [
        ("IMDB", "0111161"),
        ("EIDR", "10.5240/5AF1-0C3E-9B20-1D47-0001-0"),
        ("CERTIFICATE", "12-34"),
    ] {
        let answer = app.query(query, json!({ "s": scheme, "v": value })).await;
        assert_eq!(
            answer.code(),
            Some("BAD_USER_INPUT"),
            "{scheme}: {}",
            answer.body
        );
        assert_eq!(answer.body["errors"][0]["extensions"]["field"], "value");
    }

    // A draft's identifier finds it for editors only.
    let draft = film::Entity::find()
        .filter(film::Column::Status.eq(PublicationStatus::Draft))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut tagged = draft.into_active_model();
    tagged.imdb_id = Set(Some("tt9999999".to_string()));
    let draft = tagged.update(&app.db).await.unwrap();
    let variables = json!({ "s": "IMDB", "v": "tt9999999" });
    let anonymous = app.query_as(None, query, variables.clone()).await.ok();
    assert_eq!(anonymous.data()["filmByExternalId"], Value::Null);
    let editor = app.query_as(Some(&editor), query, variables).await.ok();
    assert_eq!(
        editor.data()["filmByExternalId"]["slug"],
        draft.slug.as_str()
    );
}

#[tokio::test]
async fn back_references_show_a_draft_film_to_editors_only() {
    let app = TestApp::spawn().await;
    let partner = app.key("distributor", Role::Partner).await;
    let editor = app.key("newsroom", Role::Editor).await;
    let draft = film::Entity::find()
        .filter(film::Column::Status.eq(PublicationStatus::Draft))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let query = r#"{
      a: organization(slug: "gazprom-media") { coProductions(first: 100) { totalCount nodes { film { slug } } } }
      b: organization(slug: "moskino") { coProductions(first: 100) { totalCount nodes { film { slug } } } }
      c: location(slug: "moskino-kinopark") { shoots(first: 100) { totalCount nodes { film { slug } } } }
      d: location(slug: "moskino-kinozavod") { shoots(first: 100) { totalCount nodes { film { slug } } } }
      p: pressMaterials(first: 100) { nodes { subjects { ... on Film { slug } } } }
    }"#;
    let mentions = |answer: &Value| answer.to_string().contains(&format!("\"{}\"", draft.slug));
    let totals = |answer: &Value| -> i64 {
        ["a", "b", "c", "d"]
            .iter()
            .map(|field| {
                let connection = answer[*field].as_object().unwrap().values().next().unwrap();
                connection["totalCount"].as_i64().unwrap()
            })
            .sum()
    };
    let as_editor = app.query_as(Some(&editor), query, json!({})).await.ok();
    assert!(
        mentions(as_editor.data()),
        "editors see the draft through its references"
    );
    let anonymous = app.query_as(None, query, json!({})).await.ok();
    let as_partner = app.query_as(Some(&partner), query, json!({})).await.ok();
    for answer in [&anonymous, &as_partner] {
        assert!(!mentions(answer.data()), "{}", answer.body);
    }
    assert_eq!(totals(anonymous.data()), totals(as_partner.data()));
    assert!(
        totals(as_editor.data()) > totals(anonymous.data()),
        "the draft's rows count for editors only"
    );
}
