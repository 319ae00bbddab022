//! Editing festivals, editions, sections and screenings: editors write and read back through
//! the API, other callers are refused, bad input, stale versions and deletions of referenced
//! rows change nothing, and every write is audited.

use kinograph::{domain::viewer::Role, graphql::types::id::NodeType};
use serde_json::{Value, json};

use crate::common::{
    TestApp,
    editor::{assert_refusals, id_of, mutate, row_id, rows_of, trail, with},
};

const FESTIVAL: &str = "festival { id slug version name(locale: RU) website \
                        description(locale: EN) organizers { slug } }";
const EDITION: &str = "festivalEdition { id slug version number year name(locale: EN) \
                       startsOn endsOn city(locale: RU) timeZone festival { slug } \
                       sections { slug name(locale: EN) } }";
const SCREENING: &str = "screening { id version startsAt premiereStatus language \
                         subtitleLanguages ticketUrl section { slug } venue { slug } \
                         film { slug } edition { slug } }";
const DELETED: &str = "deletedId";
const TABLES: [&str; 5] = [
    "festival",
    "festival_organizer",
    "festival_edition",
    "section",
    "screening",
];
const EDITION_2026: &str = "sample-film-festival-2026";

/// Global ids of the demo rows the tests write about.
struct Ids {
    festival: String,
    edition: String,
    film: String,
    venue: String,
    moskino: String,
    gazprom: String,
}

async fn ids(app: &TestApp) -> Ids {
    Ids {
        festival: id_of(app, NodeType::Festival, "festival", "sample-film-festival").await,
        edition: id_of(
            app,
            NodeType::FestivalEdition,
            "festival_edition",
            EDITION_2026,
        )
        .await,
        film: id_of(app, NodeType::Film, "film", "sample-architect").await,
        venue: id_of(
            app,
            NodeType::Location,
            "location",
            "sample-cinema-premiere-hall",
        )
        .await,
        moskino: id_of(app, NodeType::Organization, "organization", "moskino").await,
        gazprom: id_of(app, NodeType::Organization, "organization", "gazprom-media").await,
    }
}

fn new_edition(festival: &str) -> Value {
    json!({
        "festival": festival, "slug": "sample-film-festival-2027", "number": 2, "year": 2027,
        "name": { "en": "2nd Sample Film Festival" }, "startsOn": "2027-06-03",
        "endsOn": "2027-06-09", "city": { "ru": "Москва" }, "timeZone": "Europe/Moscow",
    })
}

fn new_screening(ids: &Ids) -> Value {
    json!({
        "edition": ids.edition, "film": ids.film, "venue": ids.venue, "section": "panorama",
        "startsAt": "2026-06-03T21:00:00Z", "language": "RU", "subtitleLanguages": ["en"],
        "ticketUrl": "https://example.org/tickets/1",
    })
}

/// The id of one screening of the 2026 edition, with its version.
async fn a_screening(app: &TestApp, key: Option<&str>) -> (String, i64) {
    let answer = app
        .query_as(
            key,
            "{ festivalEdition(slug: \"sample-film-festival-2026\") { screenings(first: 1) { nodes { id version } } } }",
            json!({}),
        )
        .await
        .ok();
    let node = &answer.data()["festivalEdition"]["screenings"]["nodes"][0];
    (
        node["id"].as_str().unwrap().to_string(),
        node["version"].as_i64().unwrap(),
    )
}

#[tokio::test]
async fn an_editor_creates_updates_and_deletes_a_festival_with_its_organizers() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let key = Some(key.as_str());
    let ids = ids(&app).await;
    let input = json!({
        "slug": "winter-nights", "name": { "ru": " Зимние ночи ", "en": "Winter Nights" },
        "description": { "en": "A festival of long nights." },
        "website": "HTTPS://Example.org/winter", "organizers": [ids.moskino, ids.gazprom],
    });
    let created = mutate(&app, key, "createFestival", FESTIVAL, input)
        .await
        .ok();
    let festival = &created.data()["createFestival"]["festival"];
    assert_eq!(festival["name"], "Зимние ночи");
    assert_eq!(festival["website"], "https://example.org/winter");
    assert_eq!(festival["version"], 1);
    let id = festival["id"].clone();

    let update = json!({
        "id": id, "expectedVersion": 1, "name": { "en": "Winter Nights Festival" },
        "website": null, "organizers": [ids.gazprom],
    });
    mutate(&app, key, "updateFestival", FESTIVAL, update)
        .await
        .ok();
    let read = app
        .query(
            "{ festival(slug: \"winter-nights\") { version name(locale: EN) nameRu: name(locale: RU) website organizers { slug } } }",
            json!({}),
        )
        .await
        .ok();
    assert_eq!(
        read.data()["festival"],
        json!({ "version": 2, "name": "Winter Nights Festival", "nameRu": "Зимние ночи",
                "website": null, "organizers": [{ "slug": "gazprom-media" }] })
    );

    let deleted = mutate(
        &app,
        key,
        "deleteFestival",
        DELETED,
        json!({ "id": id, "expectedVersion": 2 }),
    )
    .await
    .ok();
    assert_eq!(deleted.data()["deleteFestival"]["deletedId"], id);
    let gone = app
        .query("{ festival(slug: \"winter-nights\") { id } }", json!({}))
        .await
        .ok();
    assert_eq!(gone.data()["festival"], Value::Null);
    let organizers = rows_of(&app, "festival_organizer", "festival_id", row_id(&id)).await;
    assert_eq!(organizers, 0, "the organizers went with it");

    let trail = trail(&app, &["Festival"]).await;
    let (moskino, gazprom) = (row_id(&json!(ids.moskino)), row_id(&json!(ids.gazprom)));
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["CREATE", "UPDATE", "DELETE"]);
    assert!(
        trail
            .iter()
            .all(|e| e.actor == "newsroom" && e.entity_id == row_id(&id))
    );
    assert_eq!(
        trail[0].changes["organizers"],
        json!({ "old": [], "new": [moskino, gazprom] })
    );
    assert_eq!(
        trail[1].changes["organizers"],
        json!({ "old": [moskino, gazprom], "new": [gazprom] })
    );
    assert_eq!(trail[1].changes["version"], json!({ "old": 1, "new": 2 }));
    assert_eq!(
        trail[2].changes["organizers"],
        json!({ "old": [gazprom], "new": null })
    );
    assert_eq!(
        trail[2].changes["slug"],
        json!({ "old": "winter-nights", "new": null })
    );
}

#[tokio::test]
async fn an_editor_builds_an_edition_with_sections_and_screenings_and_takes_it_down() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let key = Some(key.as_str());
    let ids = ids(&app).await;
    let created = mutate(
        &app,
        key,
        "createFestivalEdition",
        EDITION,
        new_edition(&ids.festival),
    )
    .await
    .ok();
    let edition = &created.data()["createFestivalEdition"]["festivalEdition"];
    assert_eq!(edition["festival"]["slug"], "sample-film-festival");
    assert_eq!(
        (&edition["number"], &edition["city"]),
        (&json!(2), &json!("Москва"))
    );
    let id = edition["id"].clone();
    let read = app
        .query(
            "{ festival(slug: \"sample-film-festival\") { editions { slug timeZone startsOn } } }",
            json!({}),
        )
        .await
        .ok();
    assert_eq!(
        read.data()["festival"]["editions"][0],
        json!({ "slug": "sample-film-festival-2027", "timeZone": "Europe/Moscow", "startsOn": "2027-06-03" })
    );

    let sections = json!({ "edition": id, "expectedVersion": 1, "sections": [
        { "slug": "competition", "name": { "en": "Competition" } },
        { "slug": "Shorts", "name": { "en": "Shorts", "ru": "Короткий метр" } },
    ]});
    let set = mutate(&app, key, "setEditionSections", EDITION, sections)
        .await
        .ok();
    let edition = &set.data()["setEditionSections"]["festivalEdition"];
    assert_eq!(edition["version"], 2);
    assert_eq!(
        edition["sections"],
        json!([{ "slug": "competition", "name": "Competition" }, { "slug": "shorts", "name": "Shorts" }])
    );

    // 00:30 on the first day, Moscow time.
    let screening = json!({ "edition": id, "film": ids.film, "venue": ids.venue,
        "section": "shorts", "startsAt": "2027-06-02T21:30:00Z", "language": "RU",
        "subtitleLanguages": ["en", "FR"], "ticketUrl": "https://example.org/t/1" });
    let added = mutate(&app, key, "addScreening", SCREENING, screening)
        .await
        .ok();
    let screening = &added.data()["addScreening"]["screening"];
    assert_eq!(screening["section"]["slug"], "shorts");
    assert_eq!(screening["premiereStatus"], "NONE");
    assert_eq!(screening["language"], "ru");
    assert_eq!(screening["subtitleLanguages"], json!(["en", "fr"]));
    assert_eq!(screening["edition"]["slug"], "sample-film-festival-2027");
    let screening_id = screening["id"].clone();
    let update = json!({ "id": screening_id, "expectedVersion": 1, "premiereStatus": "WORLD",
        "ticketUrl": null, "startsAt": "2027-06-09T20:59:59Z" });
    let updated = mutate(&app, key, "updateScreening", SCREENING, update)
        .await
        .ok();
    let screening = &updated.data()["updateScreening"]["screening"];
    assert_eq!(
        (&screening["premiereStatus"], &screening["ticketUrl"]),
        (&json!("WORLD"), &Value::Null)
    );
    assert_eq!(screening["version"], 2);

    let fewer = json!({ "edition": id, "sections": [
        { "slug": "competition", "name": { "en": "Main Competition" } } ]});
    mutate(&app, key, "setEditionSections", EDITION, fewer)
        .await
        .ok();
    let programme = app
        .query_as(
            key,
            "{ festivalEdition(slug: \"sample-film-festival-2027\") { sections { name(locale: EN) } screenings { nodes { section { slug } premiereStatus } } } }",
            json!({}),
        )
        .await
        .ok();
    assert_eq!(
        programme.data()["festivalEdition"],
        json!({ "sections": [{ "name": "Main Competition" }],
                "screenings": { "nodes": [{ "section": null, "premiereStatus": "WORLD" }] } }),
        "the screening of a deleted section stays, with no section"
    );

    let removed = mutate(
        &app,
        key,
        "removeScreening",
        DELETED,
        json!({ "id": screening_id }),
    )
    .await
    .ok();
    assert_eq!(removed.data()["removeScreening"]["deletedId"], screening_id);
    mutate(
        &app,
        key,
        "deleteFestivalEdition",
        DELETED,
        json!({ "id": id }),
    )
    .await
    .ok();
    let gone = app
        .query(
            "{ festivalEdition(slug: \"sample-film-festival-2027\") { id } }",
            json!({}),
        )
        .await
        .ok();
    assert_eq!(gone.data()["festivalEdition"], Value::Null);
    let sections = rows_of(&app, "section", "edition_id", row_id(&id)).await;
    assert_eq!(sections, 0, "the sections went with it");

    let trail = trail(&app, &["FestivalEdition", "Screening"]).await;
    let summary: Vec<(&str, &str)> = trail
        .iter()
        .map(|e| (e.action.as_str(), e.entity_type.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("CREATE", "FestivalEdition"),
            ("UPDATE", "FestivalEdition"),
            ("CREATE", "Screening"),
            ("UPDATE", "Screening"),
            ("UPDATE", "FestivalEdition"),
            ("DELETE", "Screening"),
            ("DELETE", "FestivalEdition"),
        ]
    );
    assert_eq!(trail[1].changes["sections"]["old"], json!([]));
    assert_eq!(
        trail[1].changes["sections"]["new"][1],
        json!({ "slug": "shorts", "nameRu": "Короткий метр", "nameEn": "Shorts" })
    );
    assert_eq!(
        trail[3].changes["premiereStatus"],
        json!({ "old": "NONE", "new": "WORLD" })
    );
    assert_eq!(
        trail[6].changes["sections"]["old"][0]["nameEn"],
        "Main Competition"
    );
}

/// What the refusal tests select from the payload of mutation `name`.
fn selection(name: &str) -> &'static str {
    match name {
        "createFestival" | "updateFestival" => FESTIVAL,
        "addScreening" | "updateScreening" => SCREENING,
        _ if name.starts_with("delete") || name.starts_with("remove") => DELETED,
        _ => EDITION,
    }
}

#[tokio::test]
async fn anonymous_callers_are_unauthenticated_and_partners_forbidden_and_nothing_changes() {
    let app = TestApp::spawn().await;
    let partner = app.key("distributor", Role::Partner).await;
    let ids = ids(&app).await;
    let (screening, version) = a_screening(&app, None).await;
    let (festival, edition) = (&ids.festival, &ids.edition);
    #[rustfmt::skip]
    let calls = [
        ("createFestival", json!({ "slug": "x-fest", "name": { "en": "X" } }), ""),
        ("updateFestival", json!({ "id": festival, "expectedVersion": 1, "website": null }), ""),
        ("deleteFestival", json!({ "id": festival }), ""),
        ("createFestivalEdition", new_edition(festival), ""),
        ("updateFestivalEdition", json!({ "id": edition, "expectedVersion": 1, "year": 2026 }), ""),
        ("deleteFestivalEdition", json!({ "id": edition }), ""),
        ("setEditionSections", json!({ "edition": edition, "sections": [] }), ""),
        ("addScreening", new_screening(&ids), ""),
        ("updateScreening", json!({ "id": screening, "expectedVersion": version, "language": null }), ""),
        ("removeScreening", json!({ "id": screening }), ""),
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
    let (screening, version) = a_screening(&app, Some(&key)).await;
    let festival = |change: Value| with(json!({ "slug": "x-fest", "name": { "en": "X" } }), change);
    let edition = |change: Value| with(new_edition(&ids.festival), change);
    let edited = |change: Value| with(json!({ "id": ids.edition, "expectedVersion": 1 }), change);
    let sections = |list: Value| json!({ "edition": ids.edition, "sections": list });
    let add = |change: Value| with(new_screening(&ids), change);
    let moved = |change: Value| {
        with(
            json!({ "id": screening, "expectedVersion": version }),
            change,
        )
    };
    let (m, nowhere) = (&ids.moskino, NodeType::Organization.id(999_999).to_string());
    #[rustfmt::skip]
    let cases = [
        ("createFestival", festival(json!({ "slug": "Bad Slug!" })), "slug"),
        ("createFestival", festival(json!({ "slug": "sample-film-festival" })), "slug"),
        ("createFestival", festival(json!({ "name": { "ru": "  " } })), "name"),
        ("createFestival", festival(json!({ "website": "ftp://example.org" })), "website"),
        ("createFestival", festival(json!({ "organizers": [m, "forged"] })), "organizers[1]"),
        ("createFestival", festival(json!({ "organizers": [m, nowhere] })), "organizers[1]"),
        ("createFestival", festival(json!({ "organizers": [m, m] })), "organizers[1]"),
        ("createFestivalEdition", edition(json!({ "number": 0 })), "number"),
        ("createFestivalEdition", edition(json!({ "number": 1 })), "number"),
        ("createFestivalEdition", edition(json!({ "slug": EDITION_2026 })), "slug"),
        ("createFestivalEdition", edition(json!({ "year": 1700 })), "year"),
        ("createFestivalEdition", edition(json!({ "endsOn": "2027-06-02" })), "endsOn"),
        ("createFestivalEdition", edition(json!({ "timeZone": "Moscow" })), "timeZone"),
        ("createFestivalEdition", edition(json!({ "festival": NodeType::Festival.id(999_999) })), "festival"),
        ("updateFestivalEdition", edited(json!({ "startsOn": "2026-06-05" })), "startsOn"),
        ("updateFestivalEdition", edited(json!({ "endsOn": "2026-06-09" })), "endsOn"),
        ("setEditionSections", sections(json!([{ "slug": "a", "name": { "en": "A" } }, { "slug": "A", "name": { "en": "B" } }])), "sections[1].slug"),
        ("setEditionSections", sections(json!([{ "slug": "a b", "name": { "en": "A" } }])), "sections[0].slug"),
        ("setEditionSections", sections(json!([{ "slug": "a", "name": { "ru": "" } }])), "sections[0].name"),
        ("addScreening", add(json!({ "section": "shorts" })), "section"),
        ("addScreening", add(json!({ "startsAt": "2026-06-03T20:59:59Z" })), "startsAt"),
        ("addScreening", add(json!({ "startsAt": "2026-06-10T21:00:00Z" })), "startsAt"),
        ("addScreening", add(json!({ "language": "russian" })), "language"),
        ("addScreening", add(json!({ "subtitleLanguages": ["en", "xx"] })), "subtitleLanguages[1]"),
        ("addScreening", add(json!({ "ticketUrl": "tickets" })), "ticketUrl"),
        ("addScreening", add(json!({ "film": NodeType::Film.id(999_999) })), "film"),
        ("addScreening", add(json!({ "venue": NodeType::Location.id(999_999) })), "venue"),
        ("addScreening", add(json!({ "venue": ids.film })), "venue"),
        ("addScreening", add(json!({ "edition": NodeType::FestivalEdition.id(999_999) })), "edition"),
        ("updateScreening", moved(json!({ "startsAt": "2026-07-01T10:00:00Z" })), "startsAt"),
        ("updateScreening", moved(json!({ "section": "nope" })), "section"),
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
async fn stale_versions_are_conflicts_and_referenced_rows_are_not_deleted() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let ids = ids(&app).await;
    let (screening, version) = a_screening(&app, Some(&key)).await;
    let film_week = "moscow-international-film-week-2025";
    let film_week = id_of(
        &app,
        NodeType::FestivalEdition,
        "festival_edition",
        film_week,
    )
    .await;
    let (festival, edition) = (&ids.festival, &ids.edition);
    let stale = json!({ "id": screening, "expectedVersion": version + 1 });
    #[rustfmt::skip]
    let conflicts = [
        ("updateFestival", json!({ "id": festival, "expectedVersion": 0, "website": null }), "version 1"),
        ("updateFestivalEdition", json!({ "id": edition, "expectedVersion": 7, "year": 2026 }), "version 1"),
        ("setEditionSections", json!({ "edition": edition, "expectedVersion": 0, "sections": [] }), "version 1"),
        ("updateScreening", with(stale.clone(), json!({ "language": null })), "version"),
        ("removeScreening", stale, "version"),
        ("deleteFestival", json!({ "id": festival }), "1 editions"),
        ("deleteFestivalEdition", json!({ "id": edition }), "42 screenings"),
        ("deleteFestivalEdition", json!({ "id": film_week }), "1 agreements signed at it"),
        ("deleteFestivalEdition", json!({ "id": film_week }), "press materials about it"),
    ];
    assert_refusals(&app, Some(&key), "CONFLICT", &TABLES, selection, &conflicts).await;
    let missing = [(
        "updateFestival",
        json!({ "id": NodeType::Festival.id(999_999), "expectedVersion": 1 }),
        "no festival",
    )];
    assert_refusals(&app, Some(&key), "NOT_FOUND", &TABLES, selection, &missing).await;
}
