//! Editors write organizations, people, affiliations and film credits; anonymous and
//! partner callers, bad input, stale versions and deletions of referenced rows are refused
//! and change nothing; every write leaves its audit entry.

use kinograph::{domain::viewer::Role, graphql::types::id::NodeType};
use serde_json::{Value, json};

use crate::common::{
    TestApp,
    editor::{actions, all_refused, id_of, refused_to_all_but_editors, trail, with},
};

const CREATE_ORGANIZATION: &str = "mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { organization { id slug kind name country website version } }
}";
const UPDATE_ORGANIZATION: &str = "mutation($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) { organization { id name(locale: EN) country website version } }
}";
const DELETE_ORGANIZATION: &str =
    "mutation($input: DeleteInput!) { deleteOrganization(input: $input) { deletedId } }";
const ORGANIZATION: &str = "query($slug: String!) {
  organization(slug: $slug) {
    slug kind nameRu: name(locale: RU) nameEn: name(locale: EN) description country website
    affiliations { person { slug } }
  }
}";
const CREATE_PERSON: &str = "mutation($input: CreatePersonInput!) {
  createPerson(input: $input) { person { id slug name biography version } }
}";
const UPDATE_PERSON: &str = "mutation($input: UpdatePersonInput!) {
  updatePerson(input: $input) { person { id slug name biography version } }
}";
const DELETE_PERSON: &str =
    "mutation($input: DeleteInput!) { deletePerson(input: $input) { deletedId } }";
const SET_AFFILIATIONS: &str = "mutation($input: SetPersonAffiliationsInput!) {
  setPersonAffiliations(input: $input) {
    person { slug version affiliations { organization { slug } position(locale: EN) startsOn endsOn } }
  }
}";
const SET_CREDITS: &str = "mutation($input: SetFilmCreditsInput!) {
  setFilmCredits(input: $input) { film { slug version credits { person { slug } role character(locale: EN) } } }
}";
const PERSON: &str = "query($slug: String!) {
  person(slug: $slug) {
    slug name biography
    affiliations { organization { slug } position startsOn endsOn }
    credits { film { slug } role character }
  }
}";

fn new_organization() -> Value {
    json!({ "input": {
        "slug": "nordic-lights",
        "kind": "DISTRIBUTOR",
        "name": { "ru": "Северные огни", "en": "Nordic Lights" },
        "description": { "en": "A distributor of Russian films in the Nordics." },
        "country": "fi",
        "website": "HTTPS://Nordic-Lights.example/",
    }})
}

fn new_person() -> Value {
    json!({ "input": {
        "slug": "olga-sidorova",
        "name": { "ru": "Ольга Сидорова" },
        "biography": { "ru": "Продюсер." },
    }})
}

#[tokio::test]
async fn an_editor_creates_updates_and_deletes_an_organization_read_back_through_the_api() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let key = Some(key.as_str());

    let created = app
        .query_as(key, CREATE_ORGANIZATION, new_organization())
        .await
        .ok();
    let organization = &created.data()["createOrganization"]["organization"];
    assert_eq!(organization["kind"], "DISTRIBUTOR");
    assert_eq!(organization["country"], "FI");
    assert_eq!(organization["website"], "https://nordic-lights.example/");
    assert_eq!(organization["version"], 1);
    let id = organization["id"].clone();

    let read = app
        .query(ORGANIZATION, json!({ "slug": "nordic-lights" }))
        .await
        .ok();
    let organization = &read.data()["organization"];
    assert_eq!(organization["nameRu"], "Северные огни");
    assert_eq!(organization["nameEn"], "Nordic Lights");
    assert_eq!(organization["affiliations"], json!([]));

    let update = json!({ "input": {
        "id": id, "expectedVersion": 1,
        "name": { "en": "Nordic Lights Distribution" }, "website": null, "country": "SE",
    }});
    let updated = app.query_as(key, UPDATE_ORGANIZATION, update).await.ok();
    let organization = &updated.data()["updateOrganization"]["organization"];
    assert_eq!(organization["name"], "Nordic Lights Distribution");
    assert_eq!(organization["website"], Value::Null);
    assert_eq!(organization["country"], "SE");
    assert_eq!(organization["version"], 2);
    let read = app
        .query(ORGANIZATION, json!({ "slug": "nordic-lights" }))
        .await
        .ok();
    assert_eq!(read.data()["organization"]["nameRu"], "Северные огни");

    let deleted = app
        .query_as(key, DELETE_ORGANIZATION, json!({ "input": { "id": id } }))
        .await
        .ok();
    assert_eq!(deleted.data()["deleteOrganization"]["deletedId"], id);
    let read = app
        .query(ORGANIZATION, json!({ "slug": "nordic-lights" }))
        .await
        .ok();
    assert_eq!(read.data()["organization"], Value::Null);

    let trail = trail(&app, &[]).await;
    assert_eq!(
        actions(&trail),
        [
            "CREATE Organization",
            "UPDATE Organization",
            "DELETE Organization"
        ]
    );
    assert_eq!(
        trail[0].changes["country"],
        json!({ "old": null, "new": "FI" })
    );
    assert_eq!(
        trail[1].changes["website"],
        json!({ "old": "https://nordic-lights.example/", "new": null })
    );
    assert_eq!(trail[1].changes["version"], json!({ "old": 1, "new": 2 }));
    assert!(
        trail[1].changes.get("nameRu").is_none(),
        "{}",
        trail[1].changes
    );
    assert_eq!(
        trail[2].changes["slug"],
        json!({ "old": "nordic-lights", "new": null })
    );
}

#[tokio::test]
async fn an_editor_creates_updates_and_deletes_a_person_read_back_through_the_api() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let key = Some(key.as_str());

    let created = app.query_as(key, CREATE_PERSON, new_person()).await.ok();
    let person = &created.data()["createPerson"]["person"];
    assert_eq!(person["name"], "Ольга Сидорова");
    let id = person["id"].clone();

    let update = json!({ "input": {
        "id": id, "expectedVersion": 1, "slug": "Olga-Sidorova-2", "biography": { "ru": null },
    }});
    let updated = app.query_as(key, UPDATE_PERSON, update).await.ok();
    let person = &updated.data()["updatePerson"]["person"];
    assert_eq!(person["slug"], "olga-sidorova-2");
    assert_eq!(person["biography"], Value::Null);
    assert_eq!(person["version"], 2);
    let read = app
        .query(PERSON, json!({ "slug": "olga-sidorova-2" }))
        .await
        .ok();
    assert_eq!(read.data()["person"]["name"], "Ольга Сидорова");

    app.query_as(
        key,
        DELETE_PERSON,
        json!({ "input": { "id": id, "expectedVersion": 2 } }),
    )
    .await
    .ok();
    let read = app
        .query(PERSON, json!({ "slug": "olga-sidorova-2" }))
        .await
        .ok();
    assert_eq!(read.data()["person"], Value::Null);
    assert_eq!(
        actions(&trail(&app, &[]).await),
        ["CREATE Person", "UPDATE Person", "DELETE Person"]
    );
}

#[tokio::test]
async fn affiliations_and_credits_are_replaced_as_whole_lists_and_audited_on_their_owner() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let key = Some(key.as_str());
    let created = app.query_as(key, CREATE_PERSON, new_person()).await.ok();
    let person = created.data()["createPerson"]["person"]["id"].clone();
    let moskino = id_of(&app, NodeType::Organization, "organization", "moskino").await;
    let gazprom = id_of(
        &app,
        NodeType::Organization,
        "organization",
        "gazprom-media",
    )
    .await;

    let set = json!({ "input": { "person": person, "expectedVersion": 1, "affiliations": [
        { "organization": moskino, "position": { "en": "Producer" }, "startsOn": "2020-01-01", "endsOn": "2024-12-31" },
        { "organization": gazprom, "startsOn": "2025-01-01" },
    ]}});
    let answer = app.query_as(key, SET_AFFILIATIONS, set).await.ok();
    let written = &answer.data()["setPersonAffiliations"]["person"];
    assert_eq!(written["version"], 2);
    assert_eq!(
        written["affiliations"],
        json!([
            { "organization": { "slug": "moskino" }, "position": "Producer", "startsOn": "2020-01-01", "endsOn": "2024-12-31" },
            { "organization": { "slug": "gazprom-media" }, "position": null, "startsOn": "2025-01-01", "endsOn": null },
        ])
    );

    let film = id_of(&app, NodeType::Film, "film", "sample-signal").await;
    let laurent = id_of(&app, NodeType::Person, "person", "sample-marie-laurent").await;
    let credits = json!({ "input": { "film": film, "credits": [
        { "person": laurent, "role": "DIRECTOR" },
        { "person": person, "role": "PRODUCER" },
        { "person": person, "role": "ACTOR", "character": { "en": "The neighbour" } },
    ]}});
    let answer = app.query_as(key, SET_CREDITS, credits).await.ok();
    let credits = &answer.data()["setFilmCredits"]["film"]["credits"];
    assert_eq!(
        credits,
        &json!([
            { "person": { "slug": "sample-marie-laurent" }, "role": "DIRECTOR", "character": null },
            { "person": { "slug": "olga-sidorova" }, "role": "PRODUCER", "character": null },
            { "person": { "slug": "olga-sidorova" }, "role": "ACTOR", "character": "The neighbour" },
        ])
    );
    let read = app
        .query(PERSON, json!({ "slug": "olga-sidorova" }))
        .await
        .ok();
    let read = &read.data()["person"];
    assert_eq!(read["affiliations"].as_array().unwrap().len(), 2);
    assert_eq!(read["credits"][1]["character"], "The neighbour");
    assert_eq!(read["credits"][0]["film"]["slug"], "sample-signal");

    let trail = &trail(&app, &[]).await[1..];
    assert_eq!(
        (trail[0].action.as_str(), trail[0].entity_type.as_str()),
        ("UPDATE", "Person")
    );
    assert_eq!(trail[0].changes["affiliations"]["old"], json!([]));
    assert_eq!(
        trail[0].changes["affiliations"]["new"][0]["positionEn"],
        "Producer"
    );
    assert_eq!(
        (trail[1].action.as_str(), trail[1].entity_type.as_str()),
        ("UPDATE", "Film")
    );
    let old = trail[1].changes["credits"]["old"].as_array().unwrap();
    assert_eq!(old.len(), 2, "the director and the radio amateur");
    assert_eq!(old[0]["role"], "DIRECTOR");
    assert_eq!(
        trail[1].changes["credits"]["new"][2]["characterEn"],
        "The neighbour"
    );

    let cleared = json!({ "input": { "person": person, "affiliations": [] } });
    let answer = app.query_as(key, SET_AFFILIATIONS, cleared).await.ok();
    assert_eq!(
        answer.data()["setPersonAffiliations"]["person"]["affiliations"],
        json!([])
    );
}

#[tokio::test]
async fn anonymous_callers_and_partners_cannot_write_organizations_people_or_credits() {
    let app = TestApp::spawn().await;
    let moskino = id_of(&app, NodeType::Organization, "organization", "moskino").await;
    let person = id_of(&app, NodeType::Person, "person", "sample-anna-volkova").await;
    let film = id_of(&app, NodeType::Film, "film", "sample-signal").await;
    let runs = [
        (CREATE_ORGANIZATION, new_organization()),
        (
            UPDATE_ORGANIZATION,
            json!({ "input": { "id": moskino, "expectedVersion": 1, "country": "FR" } }),
        ),
        (DELETE_ORGANIZATION, json!({ "input": { "id": moskino } })),
        (CREATE_PERSON, new_person()),
        (
            UPDATE_PERSON,
            json!({ "input": { "id": person, "expectedVersion": 1, "slug": "anna" } }),
        ),
        (DELETE_PERSON, json!({ "input": { "id": person } })),
        (
            SET_AFFILIATIONS,
            json!({ "input": { "person": person, "affiliations": [] } }),
        ),
        (
            SET_CREDITS,
            json!({ "input": { "film": film, "credits": [] } }),
        ),
    ];
    refused_to_all_but_editors(&app, &runs).await;
}

#[tokio::test]
async fn invalid_input_names_the_field_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let moskino = id_of(&app, NodeType::Organization, "organization", "moskino").await;
    let person = id_of(&app, NodeType::Person, "person", "sample-anna-volkova").await;
    let film = id_of(&app, NodeType::Film, "film", "sample-signal").await;
    let nobody = NodeType::Person.id(999_999).to_string();
    let nowhere = NodeType::Organization.id(999_999).to_string();
    let organization =
        |change: Value| json!({ "input": with(new_organization()["input"].clone(), change) });
    let person_with =
        |change: Value| json!({ "input": with(new_person()["input"].clone(), change) });
    let affiliations = |list: Value| json!({ "input": { "person": person, "affiliations": list } });
    let credits = |list: Value| json!({ "input": { "film": film, "credits": list } });
    let long = "я".repeat(301);
    let cases = [
        (
            CREATE_ORGANIZATION,
            organization(json!({ "slug": "Nordic Lights" })),
            "slug",
        ),
        (
            CREATE_ORGANIZATION,
            organization(json!({ "slug": "moskino" })),
            "slug",
        ),
        (
            CREATE_ORGANIZATION,
            organization(json!({ "name": { "ru": " " } })),
            "name",
        ),
        (
            CREATE_ORGANIZATION,
            organization(json!({ "name": { "en": long } })),
            "name",
        ),
        (
            CREATE_ORGANIZATION,
            organization(json!({ "country": "XX" })),
            "country",
        ),
        (
            CREATE_ORGANIZATION,
            organization(json!({ "website": "ftp://example.org/" })),
            "website",
        ),
        (
            UPDATE_ORGANIZATION,
            json!({ "input": { "id": moskino, "expectedVersion": 1, "name": { "ru": null, "en": null } } }),
            "name",
        ),
        (
            UPDATE_ORGANIZATION,
            json!({ "input": { "id": person, "expectedVersion": 1 } }),
            "id",
        ),
        (
            CREATE_PERSON,
            person_with(json!({ "slug": "-anna" })),
            "slug",
        ),
        (
            CREATE_PERSON,
            person_with(json!({ "slug": "sample-anna-volkova" })),
            "slug",
        ),
        (CREATE_PERSON, person_with(json!({ "name": {} })), "name"),
        (
            SET_AFFILIATIONS,
            affiliations(json!([{ "organization": moskino }, { "organization": person }])),
            "affiliations[1].organization",
        ),
        (
            SET_AFFILIATIONS,
            affiliations(json!([{ "organization": moskino }, { "organization": nowhere }])),
            "affiliations[1].organization",
        ),
        (
            SET_AFFILIATIONS,
            affiliations(
                json!([{ "organization": moskino, "startsOn": "2025-02-01", "endsOn": "2025-01-31" }]),
            ),
            "affiliations[0].endsOn",
        ),
        (
            SET_AFFILIATIONS,
            affiliations(json!([{ "organization": moskino, "position": { "ru": long } }])),
            "affiliations[0].position",
        ),
        (
            SET_CREDITS,
            credits(
                json!([{ "person": person, "role": "DIRECTOR" }, { "person": nobody, "role": "ACTOR" }]),
            ),
            "credits[1].person",
        ),
        (
            SET_CREDITS,
            credits(
                json!([{ "person": person, "role": "DIRECTOR", "character": { "en": "Herself" } }]),
            ),
            "credits[0].character",
        ),
        (
            SET_CREDITS,
            credits(
                json!([{ "person": person, "role": "DIRECTOR" }, { "person": person, "role": "DIRECTOR" }]),
            ),
            "credits[1].person",
        ),
    ];
    all_refused(&app, &key, "BAD_USER_INPUT", cases.to_vec()).await;
}

#[tokio::test]
async fn stale_versions_are_conflicts_and_change_nothing() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let moskino = id_of(&app, NodeType::Organization, "organization", "moskino").await;
    let person = id_of(&app, NodeType::Person, "person", "sample-anna-volkova").await;
    let film = id_of(&app, NodeType::Film, "film", "sample-signal").await;
    let cases = vec![
        (
            UPDATE_ORGANIZATION,
            json!({ "input": { "id": moskino, "expectedVersion": 7, "country": "FR" } }),
            "not 7",
        ),
        (
            UPDATE_PERSON,
            json!({ "input": { "id": person, "expectedVersion": 7, "slug": "anna" } }),
            "not 7",
        ),
        (
            DELETE_PERSON,
            json!({ "input": { "id": person, "expectedVersion": 7 } }),
            "not 7",
        ),
        (
            SET_AFFILIATIONS,
            json!({ "input": { "person": person, "expectedVersion": 7, "affiliations": [] } }),
            "not 7",
        ),
        (
            SET_CREDITS,
            json!({ "input": { "film": film, "expectedVersion": 7, "credits": [] } }),
            "not 7",
        ),
    ];
    all_refused(&app, &key, "CONFLICT", cases).await;
}

#[tokio::test]
async fn organizations_and_people_still_referenced_are_not_deleted() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let moskino = id_of(&app, NodeType::Organization, "organization", "moskino").await;
    let director = id_of(&app, NodeType::Person, "person", "sample-anna-volkova").await;
    let signatory = id_of(&app, NodeType::Person, "person", "georgy-prokopov").await;
    let delete = |id: &str| json!({ "input": { "id": id } });
    let cases = vec![
        (DELETE_ORGANIZATION, delete(&moskino), "co-productions"),
        (DELETE_ORGANIZATION, delete(&moskino), "locations it owns"),
        (
            DELETE_ORGANIZATION,
            delete(&moskino),
            "festivals it organizes",
        ),
        (DELETE_PERSON, delete(&director), "film credits"),
        (DELETE_PERSON, delete(&signatory), "agreement signatures"),
        (
            DELETE_PERSON,
            delete(&signatory),
            "press materials about it",
        ),
    ];
    all_refused(&app, &key, "CONFLICT", cases).await;
}
