//! Editors write locations and the shoots booked there; anonymous and partner callers, bad
//! input, stale versions and deletions of referenced locations are refused and change
//! nothing; every write leaves its audit entry.

use kinograph::{
    domain::viewer::Role,
    entities::film,
    graphql::types::id::{NodeType, decode},
};
use sea_orm::EntityTrait;
use serde_json::{Value, json};

use crate::common::{
    TestApp,
    editor::{actions, all_refused, id_of, refused_to_all_but_editors, trail, with},
};

const CREATE_LOCATION: &str = "mutation($input: CreateLocationInput!) {
  createLocation(input: $input) { location { id slug kind name timeZone latitude longitude owner { slug } } }
}";
const UPDATE_LOCATION: &str = "mutation($input: UpdateLocationInput!) {
  updateLocation(input: $input) { location { id city(locale: EN) timeZone latitude longitude owner { slug } } }
}";
const DELETE_LOCATION: &str =
    "mutation($input: DeleteInput!) { deleteLocation(input: $input) { deletedId } }";
const LOCATION: &str = "query($slug: String!) {
  location(slug: $slug) {
    slug kind name description address city timeZone latitude longitude owner { slug }
    shoots { nodes { film { slug } startsOn endsOn } }
  }
}";
const ADD_SHOOT: &str = "mutation($input: AddShootInput!) {
  addShoot(input: $input) { shoot { id startsOn endsOn location { slug } film { slug } } }
}";
const UPDATE_SHOOT: &str = "mutation($input: UpdateShootInput!) {
  updateShoot(input: $input) { shoot { id startsOn endsOn location { slug } } }
}";
const REMOVE_SHOOT: &str =
    "mutation($input: DeleteInput!) { removeShoot(input: $input) { deletedId } }";
const FILM_SHOOTS: &str = "query($slug: String!) {
  film(slug: $slug) { shoots { location { slug } startsOn endsOn } }
}";

fn new_location() -> Value {
    json!({ "input": {
        "slug": "riverside-stage",
        "kind": "SOUND_STAGE",
        "name": { "ru": "Павильон у реки", "en": "Riverside Stage" },
        "address": { "ru": "Москва, набережная, 1" },
        "city": { "ru": "Москва", "en": "Moscow" },
        "latitude": 55.75,
        "longitude": 37.61,
    }})
}

fn row_id(id: &Value) -> i32 {
    decode(id.as_str().unwrap()).unwrap().1
}

#[tokio::test]
async fn an_editor_creates_updates_and_deletes_a_location_read_back_through_the_api() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let key = Some(key.as_str());

    let created = app
        .query_as(key, CREATE_LOCATION, new_location())
        .await
        .ok();
    let location = &created.data()["createLocation"]["location"];
    assert_eq!(location["timeZone"], "Europe/Moscow", "the default zone");
    assert_eq!(location["owner"], Value::Null);
    let id = location["id"].clone();
    let read = app
        .query(LOCATION, json!({ "slug": "riverside-stage" }))
        .await
        .ok();
    let location = &read.data()["location"];
    assert_eq!(location["kind"], "SOUND_STAGE");
    assert_eq!(location["name"], "Павильон у реки");
    assert_eq!(location["address"], "Москва, набережная, 1");
    assert_eq!(location["latitude"], 55.75);
    assert_eq!(location["shoots"]["nodes"], json!([]));

    let moskino = id_of(&app, NodeType::Organization, "organization", "moskino").await;
    let update = json!({ "input": {
        "id": id, "expectedVersion": 1, "owner": moskino, "timeZone": "Europe/Kaliningrad",
        "latitude": null, "longitude": null, "city": { "en": "Moscow City" },
    }});
    let updated = app.query_as(key, UPDATE_LOCATION, update).await.ok();
    let location = &updated.data()["updateLocation"]["location"];
    assert_eq!(location["owner"]["slug"], "moskino");
    assert_eq!(location["timeZone"], "Europe/Kaliningrad");
    assert_eq!(location["latitude"], Value::Null);
    assert_eq!(location["city"], "Moscow City");

    let deleted = app
        .query_as(
            key,
            DELETE_LOCATION,
            json!({ "input": { "id": id, "expectedVersion": 2 } }),
        )
        .await
        .ok();
    assert_eq!(deleted.data()["deleteLocation"]["deletedId"], id);
    let read = app
        .query(LOCATION, json!({ "slug": "riverside-stage" }))
        .await
        .ok();
    assert_eq!(read.data()["location"], Value::Null);

    let trail = trail(&app, &[]).await;
    assert_eq!(
        actions(&trail),
        ["CREATE Location", "UPDATE Location", "DELETE Location"]
    );
    assert_eq!(
        trail[0].changes["kind"],
        json!({ "old": null, "new": "SOUND_STAGE" })
    );
    assert_eq!(
        trail[0].changes["timeZone"],
        json!({ "old": null, "new": "Europe/Moscow" })
    );
    assert_eq!(
        trail[1].changes["latitude"],
        json!({ "old": 55.75, "new": null })
    );
    assert_eq!(trail[1].changes["owner"]["old"], Value::Null);
    assert_eq!(
        trail[2].changes["nameEn"],
        json!({ "old": "Riverside Stage", "new": null })
    );
    assert_eq!(trail[2].changes["owner"]["new"], Value::Null);
    assert_eq!(trail[1].changes["version"], json!({ "old": 1, "new": 2 }));
}

#[tokio::test]
async fn an_editor_books_moves_and_removes_a_shoot_and_the_film_shows_it() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let key = Some(key.as_str());
    let film = id_of(&app, NodeType::Film, "film", "sample-signal").await;
    let kinopark = id_of(&app, NodeType::Location, "location", "moskino-kinopark").await;
    let kinozavod = id_of(&app, NodeType::Location, "location", "moskino-kinozavod").await;
    let touched = || async {
        film::Entity::find_by_id(row_id(&json!(film)))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .updated_at
    };
    let untouched = touched().await;

    let add = json!({ "input": {
        "film": film, "location": kinozavod, "startsOn": "2026-08-03", "endsOn": "2026-08-14",
    }});
    let added = app.query_as(key, ADD_SHOOT, add).await.ok();
    let shoot = &added.data()["addShoot"]["shoot"];
    assert_eq!(shoot["location"]["slug"], "moskino-kinozavod");
    assert_eq!(shoot["film"]["slug"], "sample-signal");
    let id = shoot["id"].clone();
    assert!(touched().await > untouched, "the film is marked changed");
    let read = app
        .query(FILM_SHOOTS, json!({ "slug": "sample-signal" }))
        .await
        .ok();
    assert_eq!(
        read.data()["film"]["shoots"],
        json!([
            { "location": { "slug": "moskino-kinopark" }, "startsOn": "2026-07-01", "endsOn": "2026-07-01" },
            { "location": { "slug": "moskino-kinozavod" }, "startsOn": "2026-08-03", "endsOn": "2026-08-14" },
        ])
    );

    let update = json!({ "input": {
        "id": id, "expectedVersion": 1, "location": kinopark, "endsOn": "2026-08-21",
    }});
    let updated = app.query_as(key, UPDATE_SHOOT, update).await.ok();
    let shoot = &updated.data()["updateShoot"]["shoot"];
    assert_eq!(shoot["location"]["slug"], "moskino-kinopark");
    assert_eq!(shoot["startsOn"], "2026-08-03");
    assert_eq!(shoot["endsOn"], "2026-08-21");

    app.query_as(key, REMOVE_SHOOT, json!({ "input": { "id": id } }))
        .await
        .ok();
    let read = app
        .query(FILM_SHOOTS, json!({ "slug": "sample-signal" }))
        .await
        .ok();
    assert_eq!(read.data()["film"]["shoots"].as_array().unwrap().len(), 1);

    let trail = trail(&app, &[]).await;
    assert_eq!(
        actions(&trail),
        ["CREATE Shoot", "UPDATE Shoot", "DELETE Shoot"]
    );
    assert_eq!(
        trail[0].changes["startsOn"],
        json!({ "old": null, "new": "2026-08-03" })
    );
    assert_eq!(
        trail[1].changes["location"],
        json!({ "old": row_id(&json!(kinozavod)), "new": row_id(&json!(kinopark)) })
    );
    assert!(
        trail[1].changes.get("startsOn").is_none(),
        "{}",
        trail[1].changes
    );
    assert_eq!(
        trail[2].changes["endsOn"],
        json!({ "old": "2026-08-21", "new": null })
    );
}

#[tokio::test]
async fn anonymous_callers_and_partners_cannot_write_locations_or_shoots() {
    let app = TestApp::spawn().await;
    let kinopark = id_of(&app, NodeType::Location, "location", "moskino-kinopark").await;
    let film = id_of(&app, NodeType::Film, "film", "sample-signal").await;
    let shoot = NodeType::Shoot.id(1).to_string();
    let runs = [
        (CREATE_LOCATION, new_location()),
        (
            UPDATE_LOCATION,
            json!({ "input": { "id": kinopark, "expectedVersion": 1, "timeZone": "UTC" } }),
        ),
        (DELETE_LOCATION, json!({ "input": { "id": kinopark } })),
        (
            ADD_SHOOT,
            json!({ "input": { "film": film, "location": kinopark, "startsOn": "2026-01-01", "endsOn": "2026-01-02" } }),
        ),
        (
            UPDATE_SHOOT,
            json!({ "input": { "id": shoot, "expectedVersion": 1, "endsOn": "2030-01-01" } }),
        ),
        (REMOVE_SHOOT, json!({ "input": { "id": shoot } })),
    ];
    refused_to_all_but_editors(&app, &runs).await;
}

#[tokio::test]
async fn invalid_input_names_the_field_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let kinopark = id_of(&app, NodeType::Location, "location", "moskino-kinopark").await;
    let film = id_of(&app, NodeType::Film, "film", "sample-signal").await;
    let shoot = first_shoot_of(&app, "sample-signal").await;
    let location =
        |change: Value| json!({ "input": with(new_location()["input"].clone(), change) });
    let shoot_of = |film: &str, location: &str, starts: &str, ends: &str| json!({ "input": { "film": film, "location": location, "startsOn": starts, "endsOn": ends } });
    let nowhere = NodeType::Location.id(999_999).to_string();
    let no_film = NodeType::Film.id(999_999).to_string();
    let no_owner = NodeType::Organization.id(999_999).to_string();
    let cases = [
        (
            CREATE_LOCATION,
            location(json!({ "slug": "riverside stage" })),
            "slug",
        ),
        (
            CREATE_LOCATION,
            location(json!({ "slug": "moskino-kinopark" })),
            "slug",
        ),
        (
            CREATE_LOCATION,
            location(json!({ "name": { "en": "" } })),
            "name",
        ),
        (
            CREATE_LOCATION,
            location(json!({ "city": { "en": "x".repeat(301) } })),
            "city",
        ),
        (
            CREATE_LOCATION,
            location(json!({ "timeZone": "Moscow" })),
            "timeZone",
        ),
        (
            CREATE_LOCATION,
            location(json!({ "longitude": null })),
            "longitude",
        ),
        (
            CREATE_LOCATION,
            location(json!({ "latitude": 91.0 })),
            "latitude",
        ),
        (
            CREATE_LOCATION,
            location(json!({ "longitude": -180.5 })),
            "longitude",
        ),
        (
            CREATE_LOCATION,
            location(json!({ "owner": no_owner })),
            "owner",
        ),
        (CREATE_LOCATION, location(json!({ "owner": film })), "owner"),
        (
            UPDATE_LOCATION,
            json!({ "input": { "id": kinopark, "expectedVersion": 1, "latitude": null } }),
            "latitude",
        ),
        (
            ADD_SHOOT,
            shoot_of(&film, &kinopark, "2026-08-14", "2026-08-03"),
            "endsOn",
        ),
        (
            ADD_SHOOT,
            shoot_of(&no_film, &kinopark, "2026-08-03", "2026-08-14"),
            "film",
        ),
        (
            ADD_SHOOT,
            shoot_of(&film, &nowhere, "2026-08-03", "2026-08-14"),
            "location",
        ),
        (
            UPDATE_SHOOT,
            json!({ "input": { "id": shoot, "expectedVersion": 1, "endsOn": "2026-06-30" } }),
            "endsOn",
        ),
        (
            UPDATE_SHOOT,
            json!({ "input": { "id": shoot, "expectedVersion": 1, "location": nowhere } }),
            "location",
        ),
    ];
    all_refused(&app, &key, "BAD_USER_INPUT", cases.to_vec()).await;
}

#[tokio::test]
async fn stale_versions_are_conflicts_and_unknown_shoots_are_not_found() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let kinopark = id_of(&app, NodeType::Location, "location", "moskino-kinopark").await;
    let shoot = first_shoot_of(&app, "sample-signal").await;
    let gone = NodeType::Shoot.id(999_999).to_string();
    let stale = vec![
        (
            UPDATE_LOCATION,
            json!({ "input": { "id": kinopark, "expectedVersion": 7, "timeZone": "UTC" } }),
            "not 7",
        ),
        (
            UPDATE_SHOOT,
            json!({ "input": { "id": shoot, "expectedVersion": 7, "endsOn": "2026-07-02" } }),
            "not 7",
        ),
        (
            REMOVE_SHOOT,
            json!({ "input": { "id": shoot, "expectedVersion": 7 } }),
            "not 7",
        ),
    ];
    all_refused(&app, &key, "CONFLICT", stale).await;
    let unknown = vec![
        (
            UPDATE_SHOOT,
            json!({ "input": { "id": gone, "expectedVersion": 1, "endsOn": "2026-07-02" } }),
            "no shoot",
        ),
        (REMOVE_SHOOT, json!({ "input": { "id": gone } }), "no shoot"),
    ];
    all_refused(&app, &key, "NOT_FOUND", unknown).await;
}

#[tokio::test]
async fn a_location_with_shoots_screenings_or_press_is_not_deleted() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let location = |slug: &'static str| id_of(&app, NodeType::Location, "location", slug);
    let kinopark = location("moskino-kinopark").await;
    let kinozavod = location("moskino-kinozavod").await;
    let venue = location("sample-cinema-premiere-hall").await;
    let delete = |id: &str| json!({ "input": { "id": id } });
    let cases = vec![
        (DELETE_LOCATION, delete(&kinopark), "shoots"),
        (
            DELETE_LOCATION,
            delete(&kinozavod),
            "press materials about it",
        ),
        (DELETE_LOCATION, delete(&venue), "screenings"),
    ];
    all_refused(&app, &key, "CONFLICT", cases).await;
}

/// The global id of the film's first shoot.
async fn first_shoot_of(app: &TestApp, film: &str) -> String {
    let query = "query($slug: String!) { film(slug: $slug) { shoots { id } } }";
    let answer = app.query(query, json!({ "slug": film })).await.ok();
    answer.data()["film"]["shoots"][0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}
