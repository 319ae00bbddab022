//! Editing agreements with their parties, scopes and signatories: editors write and read back
//! through the API, other callers are refused, bad input, stale versions and deletions of
//! referenced agreements change nothing, and every write is audited.

use kinograph::{domain::viewer::Role, graphql::types::id::NodeType};
use serde_json::{Value, json};

use crate::common::{
    TestApp,
    editor::{assert_refusals, id_of, mutate, row_id, rows_of, trail, with},
};

const AGREEMENT: &str = "agreement { id slug version title(locale: EN) summary(locale: RU) \
                         signedOn signingEvent { slug } scopes parties { slug } \
                         signatories { person { slug } organization { slug } position(locale: EN) } }";
const DELETED: &str = "deletedId";
const TABLES: [&str; 4] = [
    "agreement",
    "agreement_party",
    "agreement_signatory",
    "agreement_scope",
];
const DEMO: &str = "gazprom-media-moskino-2025";

/// Global ids of the demo rows the tests write about.
struct Ids {
    demo: String,
    film_week: String,
    moskino: String,
    gazprom: String,
    organizer: String,
    prokopov: String,
    khanchalyan: String,
}

async fn ids(app: &TestApp) -> Ids {
    let org = |slug| id_of(app, NodeType::Organization, "organization", slug);
    let person = |slug| id_of(app, NodeType::Person, "person", slug);
    Ids {
        demo: id_of(app, NodeType::Agreement, "agreement", DEMO).await,
        film_week: id_of(
            app,
            NodeType::FestivalEdition,
            "festival_edition",
            "moscow-international-film-week-2025",
        )
        .await,
        moskino: org("moskino").await,
        gazprom: org("gazprom-media").await,
        organizer: org("sample-festival-organizer").await,
        prokopov: person("georgy-prokopov").await,
        khanchalyan: person("boris-khanchalyan").await,
    }
}

fn new_agreement(ids: &Ids) -> Value {
    json!({
        "slug": "moskino-gazprom-2026", "title": { "en": "Festival agreement" },
        "summary": { "ru": "Стороны проводят фестиваль." }, "signedOn": "2026-01-15",
        "signingEvent": ids.film_week, "parties": [ids.moskino, ids.gazprom],
        "scopes": ["PROMOTION", "FESTIVALS"],
        "signatories": [{ "person": ids.prokopov, "organization": ids.moskino,
                          "position": { "en": "Director General" } }],
    })
}

#[tokio::test]
async fn an_editor_creates_updates_and_deletes_an_agreement_with_its_lists() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let key = Some(key.as_str());
    let ids = ids(&app).await;
    let created = mutate(&app, key, "createAgreement", AGREEMENT, new_agreement(&ids))
        .await
        .ok();
    let agreement = &created.data()["createAgreement"]["agreement"];
    assert_eq!(agreement["version"], 1);
    assert_eq!(agreement["summary"], "Стороны проводят фестиваль.");
    let id = agreement["id"].clone();
    let read = app
        .query(
            "{ agreement(slug: \"moskino-gazprom-2026\") { title(locale: EN) signedOn signingEvent { slug } scopes parties { slug } signatories { person { slug } organization { slug } position(locale: EN) } } }",
            json!({}),
        )
        .await
        .ok();
    assert_eq!(
        read.data()["agreement"],
        json!({
            "title": "Festival agreement", "signedOn": "2026-01-15",
            "signingEvent": { "slug": "moscow-international-film-week-2025" },
            "scopes": ["PROMOTION", "FESTIVALS"],
            "parties": [{ "slug": "moskino" }, { "slug": "gazprom-media" }],
            "signatories": [{ "person": { "slug": "georgy-prokopov" },
                              "organization": { "slug": "moskino" }, "position": "Director General" }],
        })
    );

    let update = json!({
        "id": id, "expectedVersion": 1, "title": { "ru": "Соглашение" }, "signingEvent": null,
        "parties": [ids.gazprom, ids.moskino, ids.organizer], "scopes": ["CO_PRODUCTION"],
        "signatories": [{ "person": ids.khanchalyan, "organization": ids.gazprom }],
    });
    let updated = mutate(&app, key, "updateAgreement", AGREEMENT, update)
        .await
        .ok();
    let agreement = &updated.data()["updateAgreement"]["agreement"];
    assert_eq!(agreement["version"], 2);
    assert_eq!(
        agreement["title"], "Festival agreement",
        "English title kept"
    );
    assert_eq!(agreement["signingEvent"], Value::Null);
    assert_eq!(agreement["scopes"], json!(["CO_PRODUCTION"]));
    assert_eq!(
        agreement["signatories"],
        json!([{ "person": { "slug": "boris-khanchalyan" },
                 "organization": { "slug": "gazprom-media" }, "position": null }])
    );
    let fewer = json!({ "id": id, "expectedVersion": 2, "parties": [ids.gazprom, ids.organizer] });
    let updated = mutate(&app, key, "updateAgreement", AGREEMENT, fewer)
        .await
        .ok();
    assert_eq!(
        updated.data()["updateAgreement"]["agreement"]["parties"],
        json!([{ "slug": "gazprom-media" }, { "slug": "sample-festival-organizer" }])
    );

    let deleted = mutate(
        &app,
        key,
        "deleteAgreement",
        DELETED,
        json!({ "id": id, "expectedVersion": 3 }),
    )
    .await
    .ok();
    assert_eq!(deleted.data()["deleteAgreement"]["deletedId"], id);
    let gone = app
        .query(
            "{ agreement(slug: \"moskino-gazprom-2026\") { id } }",
            json!({}),
        )
        .await
        .ok();
    assert_eq!(gone.data()["agreement"], Value::Null);

    let trail = trail(&app, &["Agreement"]).await;
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["CREATE", "UPDATE", "UPDATE", "DELETE"]);
    assert!(
        trail
            .iter()
            .all(|e| e.actor == "newsroom" && e.entity_id == row_id(&id))
    );
    let [moskino, gazprom, organizer] =
        [&ids.moskino, &ids.gazprom, &ids.organizer].map(|id| row_id(&json!(id)));
    assert_eq!(
        trail[0].changes["parties"],
        json!({ "old": [], "new": [moskino, gazprom] })
    );
    assert_eq!(
        trail[1].changes["scopes"],
        json!({ "old": ["PROMOTION", "FESTIVALS"], "new": ["CO_PRODUCTION"] })
    );
    assert_eq!(
        trail[1].changes["signatories"]["new"][0]["organization"],
        gazprom
    );
    assert_eq!(trail[1].changes["version"], json!({ "old": 1, "new": 2 }));
    assert_eq!(
        trail[2].changes["parties"],
        json!({ "old": [gazprom, moskino, organizer], "new": [gazprom, organizer] })
    );
    assert_eq!(
        trail[3].changes["scopes"],
        json!({ "old": ["CO_PRODUCTION"], "new": null })
    );
    for table in &TABLES[1..] {
        let left = rows_of(&app, table, "agreement_id", row_id(&id)).await;
        assert_eq!(left, 0, "the {table} rows went with it");
    }
}

/// What the refusal tests select from the payload of mutation `name`.
fn selection(name: &str) -> &'static str {
    if name.starts_with("delete") {
        DELETED
    } else {
        AGREEMENT
    }
}

#[tokio::test]
async fn anonymous_callers_are_unauthenticated_and_partners_forbidden_and_nothing_changes() {
    let app = TestApp::spawn().await;
    let partner = app.key("distributor", Role::Partner).await;
    let ids = ids(&app).await;
    #[rustfmt::skip]
    let calls = [
        ("createAgreement", new_agreement(&ids), ""),
        ("updateAgreement", json!({ "id": ids.demo, "expectedVersion": 1, "scopes": [] }), ""),
        ("deleteAgreement", json!({ "id": ids.demo }), ""),
    ];
    for (key, code) in [
        (None, "UNAUTHENTICATED"),
        (Some(partner.as_str()), "FORBIDDEN"),
    ] {
        assert_refusals(&app, key, code, &TABLES, selection, &calls).await;
    }
}

#[tokio::test]
async fn invalid_input_names_the_field_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let ids = ids(&app).await;
    let create = |change: Value| with(new_agreement(&ids), change);
    let update = |change: Value| with(json!({ "id": ids.demo, "expectedVersion": 1 }), change);
    let signatory = |person: &str, organization: &str, position: &str| {
        json!({ "signatories": [{ "person": person, "organization": organization,
                                  "position": { "en": position } }] })
    };
    let nowhere = NodeType::Organization.id(999_999).to_string();
    let nobody = NodeType::Person.id(999_999).to_string();
    let no_edition = NodeType::FestivalEdition.id(999_999).to_string();
    let long = "x".repeat(301);
    let (m, g, o, p) = (&ids.moskino, &ids.gazprom, &ids.organizer, &ids.prokopov);
    #[rustfmt::skip]
    let cases = [
        ("createAgreement", create(json!({ "slug": "Bad Slug" })), "slug"),
        ("createAgreement", create(json!({ "slug": DEMO })), "slug"),
        ("createAgreement", create(json!({ "title": { "ru": " " } })), "title"),
        ("createAgreement", create(json!({ "parties": [m] })), "parties"),
        ("createAgreement", create(json!({ "parties": [m, m] })), "parties"),
        ("createAgreement", create(json!({ "parties": [m, g, m] })), "parties[2]"),
        ("createAgreement", create(json!({ "parties": [m, nowhere] })), "parties[1]"),
        ("createAgreement", create(json!({ "parties": [m, p] })), "parties[1]"),
        ("createAgreement", create(json!({ "signingEvent": no_edition })), "signingEvent"),
        ("createAgreement", create(json!({ "signingEvent": m })), "signingEvent"),
        ("createAgreement", create(json!({ "scopes": ["PROMOTION", "PROMOTION"] })), "scopes[1]"),
        ("createAgreement", create(signatory(p, o, "Director")), "signatories[0].organization"),
        ("createAgreement", create(signatory(&nobody, m, "Director")), "signatories[0].person"),
        ("createAgreement", create(signatory(p, m, &long)), "signatories[0].position"),
        ("updateAgreement", update(json!({ "parties": [m, o] })), "parties"),
        ("updateAgreement", update(signatory(p, o, "Director")), "signatories[0].organization"),
        ("updateAgreement", update(json!({ "title": { "ru": null, "en": null } })), "title"),
        ("updateAgreement", update(json!({ "signingEvent": no_edition })), "signingEvent"),
    ];
    assert_refusals(
        &app,
        Some(&key),
        "BAD_USER_INPUT",
        &TABLES,
        selection,
        &cases,
    )
    .await;
}

#[tokio::test]
async fn stale_versions_are_conflicts_and_agreements_in_use_are_not_deleted() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let ids = ids(&app).await;
    #[rustfmt::skip]
    let cases = [
        ("updateAgreement", json!({ "id": ids.demo, "expectedVersion": 0, "scopes": [] }), "version 1"),
        ("deleteAgreement", json!({ "id": ids.demo, "expectedVersion": 2 }), "version 1"),
        ("deleteAgreement", json!({ "id": ids.demo }), "co-productions"),
        ("deleteAgreement", json!({ "id": ids.demo }), "press materials about it"),
    ];
    assert_refusals(&app, Some(&key), "CONFLICT", &TABLES, selection, &cases).await;
}
