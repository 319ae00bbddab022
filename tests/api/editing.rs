//! The editor flow of `tests/operations/EditorFlow.graphql`: editors write, anonymous and
//! partner callers are refused with the right code, bad input and stale versions change
//! nothing, and every write leaves its audit entry.

use kinograph::{
    domain::viewer::Role,
    entities::{audit_entry, film, press_material},
    graphql::types::id::NodeType,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use crate::common::{
    TestApp,
    editor::{CATALOGUE, assert_no_data, id_of, state},
};

const EDITOR_FLOW: &str = include_str!("../operations/EditorFlow.graphql");

fn new_film() -> Value {
    json!({ "input": {
        "slug": "the-northern-light",
        "title": { "ru": "Северное сияние" },
        "productionStatus": "DEVELOPMENT",
        "year": 2027,
        "countries": ["ru", "FR"],
        "originalLanguage": "ru",
        "genres": ["drama"],
    }})
}

fn in_a_week() -> String {
    (chrono::Utc::now() + chrono::Duration::days(7)).to_rfc3339()
}

#[tokio::test]
async fn an_editor_runs_the_whole_editor_flow_and_each_write_is_audited() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let key = Some(key.as_str());

    let created = app
        .operation_as(key, EDITOR_FLOW, "CreateFilm", new_film())
        .await
        .ok();
    let film = &created.data()["createFilm"]["film"];
    assert_eq!(film["slug"], "the-northern-light");
    assert_eq!(film["status"], "DRAFT");
    assert_eq!(film["productionStatus"], "DEVELOPMENT");
    assert_eq!(film["title"], "Северное сияние");
    assert_eq!(film["version"], 1);
    let film_id = film["id"].as_str().unwrap().to_string();

    let updated = app
        .operation_as(
            key,
            EDITOR_FLOW,
            "UpdateFilm",
            json!({ "input": { "id": film_id, "expectedVersion": 1, "title": { "en": "Northern Light" } } }),
        )
        .await
        .ok();
    let film = &updated.data()["updateFilm"]["film"];
    assert_eq!(film["version"], 2);
    assert_eq!(film["title"], "Northern Light");
    let stored = film::Entity::find()
        .filter(film::Column::Slug.eq("the-northern-light"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.title_ru.as_deref(),
        Some("Северное сияние"),
        "untouched language kept"
    );
    assert_eq!(stored.countries, "RU,FR");

    let moskino = id_of(&app, NodeType::Organization, "organization", "moskino").await;
    let added = app
        .operation_as(
            key,
            EDITOR_FLOW,
            "AddCoProduction",
            json!({ "input": { "film": film_id, "organization": moskino, "role": "LEAD_PRODUCER", "sharePercent": 60 } }),
        )
        .await
        .ok();
    let co = &added.data()["addCoProduction"]["coProduction"];
    assert_eq!(co["role"], "LEAD_PRODUCER");
    assert_eq!(co["sharePercent"], 60.0);
    assert_eq!(co["film"]["slug"], "the-northern-light");
    assert_eq!(co["organization"]["slug"], "moskino");

    let press = app
        .operation_as(
            key,
            EDITOR_FLOW,
            "CreatePressMaterial",
            json!({ "input": { "slug": "northern-light-announced", "kind": "NEWS", "title": { "ru": "Анонс", "en": "Announcement" } } }),
        )
        .await
        .ok();
    let material = &press.data()["createPressMaterial"]["pressMaterial"];
    assert_eq!(material["status"], "DRAFT");
    assert_eq!(material["kind"], "NEWS");
    let embargo = in_a_week();
    let published = app
        .operation_as(
            key,
            EDITOR_FLOW,
            "PublishPressMaterial",
            json!({ "input": { "id": material["id"], "embargoUntil": embargo } }),
        )
        .await
        .ok();
    let material = &published.data()["publishPressMaterial"]["pressMaterial"];
    assert_eq!(material["status"], "PUBLISHED");
    let shown =
        chrono::DateTime::parse_from_rfc3339(material["embargoUntil"].as_str().unwrap()).unwrap();
    let asked = chrono::DateTime::parse_from_rfc3339(&embargo).unwrap();
    assert!(
        (shown - asked).num_seconds().abs() < 1,
        "{shown} vs {asked}"
    );

    let trail = audit_entry::Entity::find()
        .order_by_asc(audit_entry::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    let summary: Vec<(&str, &str, &str)> = trail
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str(), e.entity_type.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("newsroom", "CREATE", "Film"),
            ("newsroom", "UPDATE", "Film"),
            ("newsroom", "CREATE", "CoProduction"),
            ("newsroom", "CREATE", "PressMaterial"),
            ("newsroom", "PUBLISH", "PressMaterial"),
        ]
    );
    let update: Value = serde_json::from_str(&trail[1].changes).unwrap();
    assert_eq!(
        update["titleEn"],
        json!({ "old": null, "new": "Northern Light" })
    );
    assert_eq!(update["version"], json!({ "old": 1, "new": 2 }));
}

/// Runs every EditorFlow operation with `key` and returns the codes of the answers.
async fn codes_of_every_operation(app: &TestApp, key: Option<&str>) -> Vec<String> {
    let film = film::Entity::find().one(&app.db).await.unwrap().unwrap();
    let film_id = NodeType::Film.id(film.id).to_string();
    let press = press_material::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let moskino = id_of(app, NodeType::Organization, "organization", "moskino").await;
    let runs = [
        ("CreateFilm", new_film()),
        (
            "UpdateFilm",
            json!({ "input": { "id": film_id, "expectedVersion": film.version, "year": 2030 } }),
        ),
        (
            "AddCoProduction",
            json!({ "input": { "film": film_id, "organization": moskino, "role": "DISTRIBUTOR" } }),
        ),
        (
            "CreatePressMaterial",
            json!({ "input": { "slug": "sneaky", "kind": "NEWS", "title": { "en": "Sneaky" } } }),
        ),
        (
            "PublishPressMaterial",
            json!({ "input": { "id": NodeType::PressMaterial.id(press.id) } }),
        ),
    ];
    let mut codes = Vec::new();
    for (name, variables) in runs {
        let answer = app.operation_as(key, EDITOR_FLOW, name, variables).await;
        assert_no_data(&answer, name);
        codes.push(answer.code().unwrap_or("none").to_string());
    }
    codes
}

#[tokio::test]
async fn anonymous_callers_are_unauthenticated_and_partners_forbidden_and_nothing_changes() {
    let app = TestApp::spawn().await;
    let partner = app.key("distributor", Role::Partner).await;
    let before = state(&app, CATALOGUE).await;
    assert_eq!(
        codes_of_every_operation(&app, None).await,
        ["UNAUTHENTICATED"; 5]
    );
    assert_eq!(
        codes_of_every_operation(&app, Some(&partner)).await,
        ["FORBIDDEN"; 5]
    );
    assert_eq!(state(&app, CATALOGUE).await, before);
}

#[tokio::test]
async fn unknown_and_revoked_keys_are_refused_before_anything_runs() {
    let app = TestApp::spawn().await;
    let key = app.key("old-newsroom", Role::Editor).await;
    kinograph::store::api_key::revoke(&app.db, "old-newsroom")
        .await
        .unwrap();
    let before = state(&app, CATALOGUE).await;
    for key in [key.as_str(), "kg_made-up"] {
        let answer = app
            .operation_as(Some(key), EDITOR_FLOW, "CreateFilm", new_film())
            .await;
        assert_eq!(answer.status, 401);
        assert_eq!(answer.code(), Some("UNAUTHENTICATED"));
        assert_eq!(
            answer.body["errors"][0]["message"],
            "unknown or revoked API key"
        );
    }
    assert_eq!(state(&app, CATALOGUE).await, before);
}

#[tokio::test]
async fn invalid_input_names_the_field_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let before = state(&app, CATALOGUE).await;
    let existing = film::Entity::find().one(&app.db).await.unwrap().unwrap();
    let cases = [
        (json!({ "slug": "Bad Slug!" }), "slug"),
        (json!({ "slug": existing.slug }), "slug"),
        (json!({ "title": { "ru": "  ", "en": null } }), "title"),
        (json!({ "year": 1700 }), "year"),
        (json!({ "countries": ["RU", "XX"] }), "countries[1]"),
        (json!({ "originalLanguage": "russian" }), "originalLanguage"),
        (json!({ "genres": ["drama", "no-such-genre"] }), "genres[1]"),
        (json!({ "imdbId": "12345" }), "imdbId"),
        (
            json!({ "eidrId": "10.5240/7791-8534-2C23-9030-8610-6" }),
            "eidrId",
        ),
        (json!({ "ageRating": "PG-13" }), "ageRating"),
    ];
    for (change, field) in cases {
        let mut input = new_film()["input"].clone();
        for (name, value) in change.as_object().unwrap() {
            input[name] = value.clone();
        }
        let answer = app
            .operation_as(
                Some(&key),
                EDITOR_FLOW,
                "CreateFilm",
                json!({ "input": input }),
            )
            .await;
        assert_eq!(
            answer.code(),
            Some("BAD_USER_INPUT"),
            "{field}: {}",
            answer.body
        );
        assert_eq!(
            answer.body["errors"][0]["extensions"]["field"], field,
            "{}",
            answer.body
        );
        let message = answer.body["errors"][0]["message"].as_str().unwrap();
        assert!(
            message.contains(field.split('[').next().unwrap()),
            "{message}"
        );
        assert!(!message.to_lowercase().contains("sql"), "{message}");
    }
    assert_eq!(state(&app, CATALOGUE).await, before);
}

#[tokio::test]
async fn a_stale_expected_version_is_a_conflict_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let film = film::Entity::find().one(&app.db).await.unwrap().unwrap();
    let before = state(&app, CATALOGUE).await;
    let answer = app
        .operation_as(
            Some(&key),
            EDITOR_FLOW,
            "UpdateFilm",
            json!({ "input": { "id": NodeType::Film.id(film.id), "expectedVersion": film.version - 1, "year": 2030 } }),
        )
        .await;
    assert_eq!(answer.code(), Some("CONFLICT"), "{}", answer.body);
    assert!(
        answer.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("version {}", film.version))
    );
    assert_eq!(state(&app, CATALOGUE).await, before);
}

#[tokio::test]
async fn of_two_concurrent_updates_from_the_same_version_exactly_one_wins() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let film = film::Entity::find().one(&app.db).await.unwrap().unwrap();
    let id = NodeType::Film.id(film.id).to_string();
    let update = |year: i32| {
        app.operation_as(
            Some(&key),
            EDITOR_FLOW,
            "UpdateFilm",
            json!({ "input": { "id": id, "expectedVersion": film.version, "year": year } }),
        )
    };
    let (first, second) = tokio::join!(update(2030), update(2031));
    let mut codes = [first.code(), second.code()];
    codes.sort();
    assert_eq!(
        codes,
        [None, Some("CONFLICT")],
        "{} / {}",
        first.body,
        second.body
    );
    let winner = if first.code().is_none() { 2030 } else { 2031 };
    let stored = film::Entity::find_by_id(film.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.year, Some(winner));
    assert_eq!(stored.version, film.version + 1);
    let updates = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("UPDATE"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(updates.len(), 1);
}

#[tokio::test]
async fn shares_beyond_the_convention_warn_and_shares_beyond_100_are_refused() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let created = app
        .operation_as(Some(&key), EDITOR_FLOW, "CreateFilm", new_film())
        .await
        .ok();
    let film_id = created.data()["createFilm"]["film"]["id"].clone();
    let add = |organization: &'static str, role: &'static str, share: f64| {
        add_co_production(&app, &key, &film_id, organization, role, share)
    };
    let first = add("moskino", "MAJORITY_CO_PRODUCER", 95.0).await.ok();
    assert!(
        first.body["extensions"].get("warnings").is_none(),
        "one party: no bounds"
    );
    let second = add("gazprom-media", "MINORITY_CO_PRODUCER", 5.0).await.ok();
    let warnings = second.body["extensions"]["warnings"].as_array().unwrap();
    assert_eq!(
        warnings.len(),
        2,
        "95 % above 90, 5 % below 10: {warnings:?}"
    );
    let before = state(&app, CATALOGUE).await;
    let over = add("gazprom-media", "DISTRIBUTOR", 1.0).await;
    assert_eq!(over.code(), Some("BAD_USER_INPUT"), "{}", over.body);
    assert_eq!(
        over.body["errors"][0]["extensions"]["field"],
        "sharePercent"
    );
    let twice = add("moskino", "MAJORITY_CO_PRODUCER", 0.0).await;
    assert_eq!(twice.code(), Some("BAD_USER_INPUT"), "{}", twice.body);
    assert_eq!(twice.body["errors"][0]["extensions"]["field"], "role");
    assert_eq!(state(&app, CATALOGUE).await, before);
}

async fn add_co_production(
    app: &TestApp,
    key: &str,
    film_id: &Value,
    organization: &str,
    role: &str,
    share: f64,
) -> crate::common::Answer {
    let organization = id_of(app, NodeType::Organization, "organization", organization).await;
    app.operation_as(
        Some(key),
        EDITOR_FLOW,
        "AddCoProduction",
        json!({ "input": { "film": film_id, "organization": organization, "role": role, "sharePercent": share } }),
    )
    .await
}

#[tokio::test]
async fn deleting_a_film_takes_its_parts_along_and_records_each_and_press_subjects_block_it() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let created = app
        .operation_as(Some(&key), EDITOR_FLOW, "CreateFilm", new_film())
        .await
        .ok();
    let film_id = created.data()["createFilm"]["film"]["id"].clone();
    let added = add_co_production(&app, &key, &film_id, "moskino", "LEAD_PRODUCER", 50.0)
        .await
        .ok();
    let co_id = added.data()["addCoProduction"]["coProduction"]["id"].clone();
    let delete = "mutation($id: ID!) { deleteFilm(input: { id: $id }) { deletedId } }";
    let deleted = app
        .query_with(
            delete,
            json!({ "id": film_id }),
            &[("authorization", &format!("Bearer {key}"))],
        )
        .await
        .ok();
    assert_eq!(deleted.data()["deleteFilm"]["deletedId"], film_id);
    let gone = app
        .query(
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": co_id }),
        )
        .await
        .ok();
    assert_eq!(gone.data()["node"], Value::Null);
    let deletions: Vec<(String, i32)> = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("DELETE"))
        .order_by_asc(audit_entry::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.entity_type, e.entity_id))
        .collect();
    let ids = |id: &Value| {
        kinograph::graphql::types::id::decode(id.as_str().unwrap())
            .unwrap()
            .1
    };
    assert_eq!(
        deletions,
        [
            ("Film".to_string(), ids(&film_id)),
            ("CoProduction".to_string(), ids(&co_id))
        ]
    );

    let talked_about = film::Entity::find()
        .filter(film::Column::Slug.eq("sample-northern-route"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let before = state(&app, CATALOGUE).await;
    let refused = app
        .query_with(
            delete,
            json!({ "id": NodeType::Film.id(talked_about.id) }),
            &[("authorization", &format!("Bearer {key}"))],
        )
        .await;
    assert_eq!(refused.code(), Some("CONFLICT"), "{}", refused.body);
    assert!(
        refused.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("press materials about it")
    );
    assert_eq!(state(&app, CATALOGUE).await, before);
}

#[tokio::test]
async fn a_co_production_is_changed_from_its_version_and_removed() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let bearer = format!("Bearer {key}");
    let auth = [("authorization", bearer.as_str())];
    let created = app
        .operation_as(Some(&key), EDITOR_FLOW, "CreateFilm", new_film())
        .await
        .ok();
    let film_id = created.data()["createFilm"]["film"]["id"].clone();
    add_co_production(&app, &key, &film_id, "gazprom-media", "CO_PRODUCER", 40.0)
        .await
        .ok();
    let added = add_co_production(&app, &key, &film_id, "moskino", "LEAD_PRODUCER", 50.0)
        .await
        .ok();
    let co_id = added.data()["addCoProduction"]["coProduction"]["id"].clone();
    let update = "mutation($input: UpdateCoProductionInput!) { updateCoProduction(input: $input) { coProduction { role sharePercent version } } }";

    let over = app
        .query_with(
            update,
            json!({ "input": { "id": co_id, "expectedVersion": 1, "sharePercent": 70 } }),
            &auth,
        )
        .await;
    assert_eq!(
        over.code(),
        Some("BAD_USER_INPUT"),
        "40 + 70 > 100: {}",
        over.body
    );
    let changed = app
        .query_with(update, json!({ "input": { "id": co_id, "expectedVersion": 1, "role": "MAJORITY_CO_PRODUCER", "sharePercent": 60 } }), &auth)
        .await
        .ok();
    assert_eq!(
        changed.data()["updateCoProduction"]["coProduction"],
        json!({ "role": "MAJORITY_CO_PRODUCER", "sharePercent": 60.0, "version": 2 })
    );
    let stale = app
        .query_with(
            update,
            json!({ "input": { "id": co_id, "expectedVersion": 1, "sharePercent": null } }),
            &auth,
        )
        .await;
    assert_eq!(stale.code(), Some("CONFLICT"));

    let remove = "mutation($id: ID!) { removeCoProduction(input: { id: $id }) { deletedId } }";
    app.query_with(remove, json!({ "id": co_id }), &auth)
        .await
        .ok();
    let film = app
        .query_as(
            Some(&key),
            "query($id: ID!) { film(id: $id) { coProductions { organization { slug } } } }",
            json!({ "id": film_id }),
        )
        .await
        .ok();
    assert_eq!(
        film.data()["film"]["coProductions"],
        json!([{ "organization": { "slug": "gazprom-media" } }])
    );
    let again = app.query_with(remove, json!({ "id": co_id }), &auth).await;
    assert_eq!(again.code(), Some("NOT_FOUND"), "{}", again.body);
}
