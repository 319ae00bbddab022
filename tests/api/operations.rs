//! Each contract operation of `tests/operations/` answers as its header says.

use serde_json::{Value, json};

use crate::common::TestApp;

const AGREEMENT_PAGE: &str = include_str!("../operations/AgreementPage.graphql");
const FESTIVAL_PROGRAMME: &str = include_str!("../operations/FestivalProgramme.graphql");
const FILM_CATALOGUE: &str = include_str!("../operations/FilmCatalogue.graphql");
const FILM_PAGE: &str = include_str!("../operations/FilmPage.graphql");
const LOCATION_PAGE: &str = include_str!("../operations/LocationPage.graphql");
const NODE_LOOKUP: &str = include_str!("../operations/NodeLookup.graphql");
const ORGANIZATION_PAGE: &str = include_str!("../operations/OrganizationPage.graphql");
const PARTNER_SYNC: &str = include_str!("../operations/PartnerSync.graphql");
const PRESS_ROOM: &str = include_str!("../operations/PressRoom.graphql");
const SEARCH: &str = include_str!("../operations/Search.graphql");

fn slugs(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|v| v["slug"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn agreement_page_shows_the_seed_agreement() {
    let app = TestApp::spawn().await;
    let answer = app
        .query(
            AGREEMENT_PAGE,
            json!({ "slug": "gazprom-media-moskino-2025" }),
        )
        .await
        .ok();
    let agreement = &answer.data()["agreement"];
    assert_eq!(agreement["signedOn"], "2025-08-25");
    assert_eq!(
        agreement["signingEvent"]["slug"],
        "moscow-international-film-week-2025"
    );
    assert_eq!(
        agreement["signingEvent"]["festival"]["slug"],
        "moscow-international-film-week"
    );
    assert_eq!(slugs(&agreement["parties"]), ["gazprom-media", "moskino"]);
    let scopes: Vec<&str> = agreement["scopes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    for scope in [
        "CO_PRODUCTION",
        "PROMOTION",
        "FACILITY_ACCESS",
        "FESTIVALS",
        "INFORMATION_SUPPORT",
    ] {
        assert!(scopes.contains(&scope), "{scope} missing from {scopes:?}");
    }
    let signatories = agreement["signatories"].as_array().unwrap();
    assert_eq!(signatories.len(), 2);
    assert_eq!(signatories[0]["person"]["name"], "Борис Ханчалян");
    assert_eq!(
        signatories[0]["position"],
        "заместитель генерального директора"
    );
    assert_eq!(signatories[0]["organization"]["slug"], "gazprom-media");
    assert_eq!(signatories[1]["person"]["name"], "Георгий Прокопов");
    assert_eq!(signatories[1]["position"], "генеральный директор");
    assert_eq!(signatories[1]["organization"]["slug"], "moskino");
    let press = agreement["pressMaterials"]["nodes"].as_array().unwrap();
    let release = press
        .iter()
        .find(|p| p["slug"] == "gazprom-media-moskino-agreement-2025")
        .expect("the press release is among the agreement's press materials");
    let quoted: Vec<&str> = release["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["person"]["slug"].as_str().unwrap())
        .collect();
    assert_eq!(quoted, ["boris-khanchalyan", "georgy-prokopov"]);
    assert!(agreement["coProductions"]["totalCount"].as_i64().unwrap() > 0);
    assert_eq!(
        agreement["coProductions"]["nodes"]
            .as_array()
            .unwrap()
            .len() as i64,
        agreement["coProductions"]["totalCount"]
            .as_i64()
            .unwrap()
            .min(20)
    );
}

#[tokio::test]
async fn agreement_page_answers_in_english_when_asked() {
    let app = TestApp::spawn().await;
    let answer = app
        .query(
            AGREEMENT_PAGE,
            json!({ "slug": "gazprom-media-moskino-2025", "locale": "EN" }),
        )
        .await
        .ok();
    let agreement = &answer.data()["agreement"];
    assert_eq!(
        agreement["signatories"][0]["person"]["name"],
        "Boris Khanchalyan"
    );
    assert_eq!(agreement["parties"][1]["slug"], "moskino");
    assert!(
        agreement["title"].as_str().unwrap().is_ascii(),
        "English title: {}",
        agreement["title"]
    );
}

#[tokio::test]
async fn festival_programme_lists_screenings_in_start_order_and_by_day() {
    let app = TestApp::spawn().await;
    let all = app
        .query(
            FESTIVAL_PROGRAMME,
            json!({ "edition": "sample-film-festival-2026" }),
        )
        .await
        .ok();
    let edition = &all.data()["festivalEdition"];
    assert_eq!(edition["timeZone"], "Europe/Moscow");
    assert!(!edition["sections"].as_array().unwrap().is_empty());
    let screenings = &edition["screenings"];
    let total = screenings["totalCount"].as_i64().unwrap();
    assert!(total >= 40, "at least 40 screenings, got {total}");
    let starts: Vec<&str> = screenings["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["startsAt"].as_str().unwrap())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted, "screenings come in start order");
    let first = &screenings["nodes"][0];
    assert!(first["venue"]["slug"].is_string() && first["film"]["slug"].is_string());

    // One day of the programme, in Moscow time.
    let day = chrono::DateTime::parse_from_rfc3339(starts[0])
        .unwrap()
        .with_timezone(&chrono_tz::Europe::Moscow)
        .date_naive();
    let one_day = app
        .query(
            FESTIVAL_PROGRAMME,
            json!({ "edition": "sample-film-festival-2026", "day": day.to_string() }),
        )
        .await
        .ok();
    let nodes = one_day.data()["festivalEdition"]["screenings"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    assert!(!nodes.is_empty());
    assert!((nodes.len() as i64) < total);
    for screening in &nodes {
        let local = chrono::DateTime::parse_from_rfc3339(screening["startsAt"].as_str().unwrap())
            .unwrap()
            .with_timezone(&chrono_tz::Europe::Moscow);
        assert_eq!(local.date_naive(), day);
    }
}

#[tokio::test]
async fn festival_programme_of_the_film_week_lists_the_agreement_signed_there() {
    let app = TestApp::spawn().await;
    let answer = app
        .query(
            FESTIVAL_PROGRAMME,
            json!({ "edition": "moscow-international-film-week-2025" }),
        )
        .await
        .ok();
    let edition = &answer.data()["festivalEdition"];
    assert_eq!(edition["number"], 2);
    assert_eq!(edition["year"], 2025);
    assert_eq!(edition["city"], "Москва");
    assert_eq!(
        slugs(&edition["agreements"]),
        ["gazprom-media-moskino-2025"]
    );
    assert_eq!(slugs(&edition["festival"]["organizers"]), ["moskino"]);
}

#[tokio::test]
async fn film_catalogue_filters_orders_and_pages() {
    let app = TestApp::spawn().await;
    let answer = app.query(FILM_CATALOGUE, json!({ "first": 24 })).await.ok();
    let films = &answer.data()["films"];
    let total = films["totalCount"].as_i64().unwrap();
    assert!(total >= 12, "at least 12 public films, got {total}");
    assert_eq!(
        films["edges"].as_array().unwrap().len() as i64,
        total.min(24)
    );

    let typical = json!({
        "first": 24,
        "filter": { "yearFrom": 2024, "yearTo": 2026, "productionStatuses": ["RELEASED"], "organizationSlug": "moskino", "countries": ["RU"] },
        "orderBy": [{ "field": "YEAR", "direction": "DESC" }, { "field": "TITLE", "direction": "ASC" }]
    });
    let filtered = app.query(FILM_CATALOGUE, typical).await.ok();
    let edges = filtered.data()["films"]["edges"]
        .as_array()
        .unwrap()
        .clone();
    assert!(!edges.is_empty(), "the typical filter finds demo films");
    let mut previous: Option<(i64, String)> = None;
    for edge in &edges {
        let film = &edge["node"];
        let year = film["year"].as_i64().unwrap();
        assert!((2024..=2026).contains(&year));
        assert_eq!(film["productionStatus"], "RELEASED");
        let orgs: Vec<&str> = film["coProductions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["organization"]["slug"].as_str().unwrap())
            .collect();
        assert!(orgs.contains(&"moskino"));
        let key = (-year, film["title"].as_str().unwrap().to_string());
        if let Some(prev) = &previous {
            assert!(prev <= &key, "ordered by year desc, title asc");
        }
        previous = Some(key);
    }

    let drama = app
        .query(FILM_CATALOGUE, json!({ "filter": { "genres": ["drama"] } }))
        .await
        .ok();
    for edge in drama.data()["films"]["edges"].as_array().unwrap() {
        assert!(slugs(&edge["node"]["genres"]).contains(&"drama".to_string()));
    }
}

#[tokio::test]
async fn film_page_answers_for_every_demo_film_and_null_for_unknown() {
    let app = TestApp::spawn().await;
    let list = app
        .query("{ films(first: 100) { nodes { slug } } }", json!({}))
        .await
        .ok();
    let all = slugs(&list.data()["films"]["nodes"]);
    assert!(all.len() >= 12);
    for slug in &all {
        let answer = app.query(FILM_PAGE, json!({ "slug": slug })).await.ok();
        let film = &answer.data()["film"];
        assert_eq!(&film["slug"], slug);
        assert_eq!(film["status"], "PUBLISHED");
        assert!(film["screenings"]["totalCount"].is_i64());
    }
    let unknown = app
        .query(FILM_PAGE, json!({ "slug": "no-such-film" }))
        .await
        .ok();
    assert_eq!(unknown.data()["film"], Value::Null);
}

#[tokio::test]
async fn film_page_shows_co_productions_under_the_agreement_and_shoots_at_moskino() {
    let app = TestApp::spawn().await;
    let answer = app
        .query(
            "{ films(first: 100) { nodes { slug coProductions { agreement { slug } } shoots { location { slug } } } } }",
            json!({}),
        )
        .await
        .ok();
    let films = answer.data()["films"]["nodes"].as_array().unwrap().clone();
    let under_agreement = films.iter().any(|f| {
        f["coProductions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["agreement"]["slug"] == "gazprom-media-moskino-2025")
    });
    assert!(
        under_agreement,
        "some co-production falls under the agreement"
    );
    let shot_at: Vec<String> = films
        .iter()
        .flat_map(|f| {
            f["shoots"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["location"]["slug"].as_str().unwrap().to_string())
        })
        .collect();
    assert!(shot_at.contains(&"moskino-kinopark".to_string()));
    assert!(shot_at.contains(&"moskino-kinozavod".to_string()));
}

#[tokio::test]
async fn location_page_lists_shoots_and_screenings() {
    let app = TestApp::spawn().await;
    let answer = app
        .query(LOCATION_PAGE, json!({ "slug": "moskino-kinopark" }))
        .await
        .ok();
    let location = &answer.data()["location"];
    assert_eq!(location["kind"], "BACKLOT");
    assert_eq!(location["owner"]["slug"], "moskino");
    assert_eq!(location["timeZone"], "Europe/Moscow");
    assert!(location["shoots"]["totalCount"].as_i64().unwrap() >= 1);
    assert!(location["shoots"]["nodes"][0]["film"]["slug"].is_string());

    let venue_slug = {
        let programme = app
            .query(
                FESTIVAL_PROGRAMME,
                json!({ "edition": "sample-film-festival-2026" }),
            )
            .await
            .ok();
        programme.data()["festivalEdition"]["screenings"]["nodes"][0]["venue"]["slug"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let venue = app
        .query(LOCATION_PAGE, json!({ "slug": venue_slug }))
        .await
        .ok();
    assert!(
        venue.data()["location"]["screenings"]["totalCount"]
            .as_i64()
            .unwrap()
            >= 1
    );
}

#[tokio::test]
async fn node_lookup_refetches_every_type_and_nulls_bad_ids() {
    let app = TestApp::spawn().await;
    let ids = app
        .query(
            r#"{ film(slug: "sample-architect") { id }
                 organization(slug: "moskino") { id }
                 person(slug: "georgy-prokopov") { id }
                 agreement(slug: "gazprom-media-moskino-2025") { id }
                 festivalEdition(slug: "sample-film-festival-2026") { id screenings(first: 1) { nodes { id } } }
                 location(slug: "moskino-kinozavod") { id }
                 pressMaterial(slug: "gazprom-media-moskino-agreement-2025") { id } }"#,
            json!({}),
        )
        .await
        .ok();
    let d = ids.data();
    let list = vec![
        d["film"]["id"].clone(),
        d["organization"]["id"].clone(),
        d["person"]["id"].clone(),
        d["agreement"]["id"].clone(),
        d["festivalEdition"]["id"].clone(),
        d["festivalEdition"]["screenings"]["nodes"][0]["id"].clone(),
        d["location"]["id"].clone(),
        d["pressMaterial"]["id"].clone(),
        json!("not-an-id"),
        json!("RmlsbTo5OTk5OTk"),
    ];
    let answer = app.query(NODE_LOOKUP, json!({ "ids": list })).await.ok();
    let nodes = answer.data()["nodes"].as_array().unwrap().clone();
    let types: Vec<&str> = nodes
        .iter()
        .map(|n| n["__typename"].as_str().unwrap_or("null"))
        .collect();
    assert_eq!(
        types,
        [
            "Film",
            "Organization",
            "Person",
            "Agreement",
            "FestivalEdition",
            "Screening",
            "Location",
            "PressMaterial",
            "null",
            "null"
        ]
    );
    assert_eq!(nodes[0]["slug"], "sample-architect");
    assert_eq!(nodes[1]["slug"], "moskino");
    assert!(nodes[5]["startsAt"].is_string());
}

#[tokio::test]
async fn organization_page_shows_moskino() {
    let app = TestApp::spawn().await;
    let answer = app
        .query(ORGANIZATION_PAGE, json!({ "slug": "moskino" }))
        .await
        .ok();
    let org = &answer.data()["organization"];
    let locations = org["locations"].as_array().unwrap();
    let kind_of = |slug: &str| {
        locations
            .iter()
            .find(|l| l["slug"] == slug)
            .map(|l| l["kind"].clone())
    };
    assert_eq!(kind_of("moskino-kinopark"), Some(json!("BACKLOT")));
    assert_eq!(kind_of("moskino-kinozavod"), Some(json!("STUDIO")));
    let director = org["affiliations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["person"]["slug"] == "georgy-prokopov")
        .expect("Prokopov is affiliated with Moskino");
    assert_eq!(director["position"], "генеральный директор");
    assert!(slugs(&org["agreements"]["nodes"]).contains(&"gazprom-media-moskino-2025".to_string()));
    assert!(org["coProductions"]["totalCount"].as_i64().unwrap() > 0);
    assert!(slugs(&org["festivals"]).contains(&"moscow-international-film-week".to_string()));
}

#[tokio::test]
async fn partner_sync_pages_through_changed_films_oldest_first() {
    let app = TestApp::spawn().await;
    let mut after: Option<String> = None;
    let mut seen: Vec<String> = Vec::new();
    let mut last_updated = String::new();
    loop {
        let answer = app
            .query(
                PARTNER_SYNC,
                json!({ "since": "2000-01-01T00:00:00Z", "first": 5, "after": after }),
            )
            .await
            .ok();
        let films = &answer.data()["films"];
        for film in films["nodes"].as_array().unwrap() {
            let updated = film["updatedAt"].as_str().unwrap().to_string();
            assert!(updated >= last_updated, "oldest change first");
            last_updated = updated;
            assert!(film["version"].as_i64().unwrap() >= 1);
            assert!(film["titleRu"].is_string());
            seen.push(film["slug"].as_str().unwrap().to_string());
        }
        if films["pageInfo"]["hasNextPage"] == false {
            break;
        }
        after = films["pageInfo"]["endCursor"].as_str().map(str::to_string);
    }
    let total = app
        .query("{ films { totalCount } }", json!({}))
        .await
        .ok()
        .data()["films"]["totalCount"]
        .as_i64()
        .unwrap();
    assert_eq!(seen.len() as i64, total);
    let future = app
        .query(PARTNER_SYNC, json!({ "since": "2100-01-01T00:00:00Z" }))
        .await
        .ok();
    assert_eq!(future.data()["films"]["nodes"], json!([]));
}

#[tokio::test]
async fn press_room_shows_the_press_release_newest_first() {
    let app = TestApp::spawn().await;
    let answer = app.query(PRESS_ROOM, json!({ "first": 100 })).await.ok();
    let nodes = answer.data()["pressMaterials"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let release = nodes
        .iter()
        .find(|p| p["slug"] == "gazprom-media-moskino-agreement-2025")
        .expect("the seed press release is public");
    assert_eq!(release["kind"], "PRESS_RELEASE");
    assert_eq!(release["status"], "PUBLISHED");
    assert!(
        release["publishedAt"]
            .as_str()
            .unwrap()
            .starts_with("2025-08-26")
    );
    assert!(
        release["body"]
            .as_str()
            .unwrap()
            .contains("Газпром-Медиа Холдинг")
    );
    assert_eq!(release["quotes"].as_array().unwrap().len(), 2);
    let subject_types: Vec<&str> = release["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["__typename"].as_str().unwrap())
        .collect();
    for t in [
        "Agreement",
        "Organization",
        "Person",
        "FestivalEdition",
        "Location",
    ] {
        assert!(
            subject_types.contains(&t),
            "{t} among subjects {subject_types:?}"
        );
    }
    let published: Vec<&str> = nodes
        .iter()
        .map(|p| p["publishedAt"].as_str().unwrap())
        .collect();
    let mut newest_first = published.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(published, newest_first);
    for p in &nodes {
        assert_eq!(p["status"], "PUBLISHED");
        assert!(p["embargoUntil"].is_null() || p["embargoUntil"].as_str().unwrap() < "2026");
    }

    let agreement_id = app
        .query(
            r#"{ agreement(slug: "gazprom-media-moskino-2025") { id } }"#,
            json!({}),
        )
        .await
        .ok()
        .data()["agreement"]["id"]
        .clone();
    let filtered = app
        .query(
            PRESS_ROOM,
            json!({ "filter": { "kinds": ["PRESS_RELEASE"], "subject": agreement_id, "publishedAfter": "2025-01-01T00:00:00Z" } }),
        )
        .await
        .ok();
    assert_eq!(
        slugs(&filtered.data()["pressMaterials"]["nodes"]),
        ["gazprom-media-moskino-agreement-2025"]
    );
}

#[tokio::test]
async fn press_release_in_english_falls_back_to_russian_body_and_says_so() {
    let app = TestApp::spawn().await;
    let answer = app
        .query_with(
            PRESS_ROOM,
            json!({ "first": 100 }),
            &[("accept-language", "en-GB,en;q=0.9")],
        )
        .await
        .ok();
    assert_eq!(answer.headers["content-language"], "en");
    let nodes = answer.data()["pressMaterials"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let index = nodes
        .iter()
        .position(|p| p["slug"] == "gazprom-media-moskino-agreement-2025")
        .unwrap();
    let release = &nodes[index];
    assert!(
        release["title"].as_str().unwrap().is_ascii(),
        "English title"
    );
    assert!(
        release["body"].as_str().unwrap().contains("Москино"),
        "body falls back to Russian"
    );
    let fallbacks = answer.body["extensions"]["localeFallbacks"]
        .as_array()
        .expect("fallbacks listed")
        .clone();
    assert!(
        fallbacks.contains(&json!(["pressMaterials", "nodes", index, "body"])),
        "{fallbacks:?}"
    );
    assert!(!fallbacks.contains(&json!(["pressMaterials", "nodes", index, "title"])));
}

#[tokio::test]
async fn the_search_operation_answers_as_its_header_says() {
    let app = TestApp::spawn().await;
    let answer = app
        .query(SEARCH, json!({ "query": "соглашения" }))
        .await
        .ok();
    let search = &answer.data()["search"];
    assert_eq!(search["totalCount"], 7);
    let edges = search["edges"].as_array().unwrap();
    let release = edges
        .iter()
        .find(|e| e["node"]["slug"] == "gazprom-media-moskino-agreement-2025")
        .expect("the seed press release is found");
    assert_eq!(release["node"]["__typename"], "PressMaterial");
    assert!(
        release["highlight"]
            .as_str()
            .unwrap()
            .contains("<mark>соглашение</mark>"),
        "{release}"
    );
    assert!(release["score"].as_f64().unwrap() > 0.0);

    let kinopark = app
        .query(
            SEARCH,
            json!({ "query": "кинопарка", "types": ["LOCATION"] }),
        )
        .await
        .ok();
    let edges = &kinopark.data()["search"]["edges"];
    assert_eq!(edges.as_array().unwrap().len(), 1);
    assert_eq!(edges[0]["node"]["slug"], "moskino-kinopark");
    assert_eq!(edges[0]["node"]["__typename"], "Location");
    assert_eq!(edges[0]["node"]["name"], "Кинопарк «Москино»");

    let english = app
        .query(
            SEARCH,
            json!({ "query": "cooperation agreement", "locale": "EN" }),
        )
        .await
        .ok();
    let edges = &english.data()["search"]["edges"];
    assert_eq!(
        [&edges[0]["node"]["title"], &edges[1]["node"]["title"]],
        [
            "Cooperation agreement between Gazprom-Media Holding and Moskino",
            "Gazprom-Media Holding and Moskino sign a cooperation agreement"
        ]
    );

    for hidden in ["эмбарго", "черновик", "Неанонсированный"] {
        let answer = app.query(SEARCH, json!({ "query": hidden })).await.ok();
        assert_eq!(answer.data()["search"]["totalCount"], 0, "{hidden}");
        assert_eq!(answer.data()["search"]["edges"], json!([]), "{hidden}");
    }
}
