//! The index behind search: visibility by role, following writes, the synthetic load, the
//! import and the migration, statement counts, and PostgreSQL's lexemes.

use kinograph::{domain::viewer::Role, graphql::types::id::NodeType};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::json;

use super::{FULL, found, found_as, slugs, status};
use crate::common::{
    TestApp,
    editor::{id_of, mutate},
};

#[tokio::test]
async fn drafts_and_embargoed_material_are_found_only_by_the_keys_that_may_see_them() {
    let app = TestApp::spawn().await;
    let partner = app.key("distributor", Role::Partner).await;
    let editor = app.key("newsroom", Role::Editor).await;
    let search = |key: Option<String>, query: &'static str| {
        let app = &app;
        async move {
            let answer = app
                .query_as(
                    key.as_deref(),
                    FULL,
                    json!({ "query": query, "first": 100 }),
                )
                .await
                .ok();
            let search = &answer.data()["search"];
            let found = slugs(&search["edges"]);
            assert_eq!(search["totalCount"], found.len(), "the count agrees");
            found
        }
    };
    let embargoed = "sample-embargoed-northern-route";
    let draft_press = "sample-draft-unannounced-project".to_string();
    let draft_film = "sample-unannounced-project".to_string();

    assert_eq!(search(None, "эмбарго").await, Vec::<String>::new());
    assert_eq!(search(Some(partner.clone()), "эмбарго").await, [embargoed]);
    assert_eq!(search(Some(editor.clone()), "эмбарго").await, [embargoed]);

    assert_eq!(search(None, "черновик").await, Vec::<String>::new());
    assert_eq!(
        search(Some(partner.clone()), "черновик").await,
        Vec::<String>::new()
    );
    let mut editors = search(Some(editor.clone()), "черновик").await;
    editors.sort();
    assert_eq!(editors, [draft_press, draft_film]);

    // A word every demo text has: the anonymous count leaves out exactly those three.
    let anonymous = search(None, "демонстрационные").await;
    let everything = search(Some(editor), "демонстрационные").await;
    assert_eq!(anonymous.len() + 3, everything.len());
    assert!(!anonymous.contains(&embargoed.to_string()));
}

#[tokio::test]
async fn the_index_follows_creation_renaming_publication_and_deletion() {
    let app = TestApp::spawn().await;
    let key = app.key("newsroom", Role::Editor).await;
    let key = Some(key.as_str());
    let created = mutate(
        &app,
        key,
        "createOrganization",
        "organization { id version }",
        json!({ "slug": "romashka", "kind": "STUDIO", "name": { "ru": "Студия «Ромашка»", "en": "Romashka Studio" } }),
    )
    .await
    .ok();
    let org = &created.data()["createOrganization"]["organization"];
    assert_eq!(found(&app, "ромашки").await, ["romashka"]);
    assert_eq!(found(&app, "Romashka studios").await, ["romashka"]);

    mutate(
        &app,
        key,
        "updateOrganization",
        "organization { version }",
        json!({ "id": org["id"], "expectedVersion": org["version"], "name": { "ru": "Студия «Берёзка»" } }),
    )
    .await
    .ok();
    assert_eq!(found(&app, "ромашка").await, Vec::<String>::new());
    assert_eq!(found(&app, "березкой").await, ["romashka"]);

    mutate(
        &app,
        key,
        "deleteOrganization",
        "deletedId",
        json!({ "id": org["id"] }),
    )
    .await
    .ok();
    assert_eq!(found(&app, "берёзка").await, Vec::<String>::new());

    // A film starts as a draft: editors find it at once, everyone once it is published.
    let film = mutate(
        &app,
        key,
        "createFilm",
        "film { id }",
        json!({ "slug": "the-lighthouse-keeper", "title": { "ru": "Хроники кочегара" } }),
    )
    .await
    .ok();
    let film_id = film.data()["createFilm"]["film"]["id"].clone();
    assert_eq!(found(&app, "кочегар").await, Vec::<String>::new());
    let editors = found_as(&app, key, json!({ "query": "кочегар", "first": 100 })).await;
    assert_eq!(editors, ["the-lighthouse-keeper"]);
    status(&app, key, "publishFilm", &film_id).await;
    assert_eq!(found(&app, "кочегары").await, ["the-lighthouse-keeper"]);
    status(&app, key, "archiveFilm", &film_id).await;
    assert_eq!(found(&app, "кочегары").await, Vec::<String>::new());
}

#[tokio::test]
async fn an_index_created_over_existing_rows_is_filled_by_the_migration() {
    let app = TestApp::spawn().await;
    let before = found(&app, "кинопарка").await;
    use migration::MigratorTrait as _;
    migration::Migrator::down(&app.db, Some(1)).await.unwrap();
    kinograph::db::migrate(&app.db).await.unwrap();
    assert_eq!(found(&app, "кинопарка").await, before);
    let id = id_of(&app, NodeType::Location, "location", "moskino-kinopark").await;
    assert!(!id.is_empty());
}

#[tokio::test]
async fn a_synthetic_catalogue_is_indexed_as_it_is_loaded() {
    let app = TestApp::empty().await;
    let options = kinograph::seed::synthetic::Options {
        films: 200,
        seed: 3,
        progress: false,
    };
    kinograph::seed::synthetic::load(&app.db, &options)
        .await
        .unwrap();
    // Every synthetic synopsis starts "Синтетические данные.": the published films.
    let published = app.query("{ films { totalCount } }", json!({})).await.ok();
    let answer = app
        .query(
            FULL,
            json!({ "query": "синтетических", "types": ["FILM"], "first": 1 }),
        )
        .await
        .ok();
    assert_eq!(
        answer.data()["search"]["totalCount"],
        published.data()["films"]["totalCount"]
    );
    let all = app
        .query(FULL, json!({ "query": "синтетические", "first": 1 }))
        .await
        .ok();
    assert!(all.data()["search"]["totalCount"].as_i64().unwrap() > 400);
}

#[tokio::test]
async fn an_imported_catalogue_is_searchable() {
    let demo = TestApp::spawn().await;
    let mut file = Vec::new();
    kinograph::transfer::export::export(&demo.db, &mut file)
        .await
        .unwrap();
    let app = TestApp::empty().await;
    kinograph::transfer::import::import(
        &app.db,
        std::str::from_utf8(&file).unwrap(),
        false,
        |_| {},
    )
    .await
    .unwrap();
    for query in ["соглашения", "кинопарка", "Moscow"] {
        assert_eq!(
            found(&app, query).await,
            found(&demo, query).await,
            "{query}"
        );
    }
}

#[tokio::test]
async fn search_statements_do_not_depend_on_how_many_rows_are_found() {
    let query = r#"query($query: String!) { search(query: $query, first: 100) {
        totalCount edges { score highlight node { __typename ... on Film { slug title } ... on Location { slug name } ... on Organization { slug name } } } } }"#;
    let mut counts = Vec::new();
    for extra in [1, 30] {
        let app = TestApp::spawn().await;
        let key = app.key("newsroom", Role::Editor).await;
        for i in 0..extra {
            let film = mutate(
                &app,
                Some(&key),
                "createFilm",
                "film { id }",
                json!({ "slug": format!("kinopark-{i}"), "title": { "ru": format!("Кинопарк {i}") } }),
            )
            .await
            .ok();
            let id = film.data()["createFilm"]["film"]["id"].clone();
            status(&app, Some(&key), "publishFilm", &id).await;
        }
        let (count, answer) = app
            .count_statements(query, json!({ "query": "кинопарк" }))
            .await;
        assert_eq!(answer.data()["search"]["totalCount"], 7 + extra);
        counts.push(count);
    }
    // The page, its count, and one statement per kind found (films, locations,
    // organizations, press materials, agreements).
    assert_eq!(counts, [7, 7]);
}

/// On PostgreSQL: the lexemes this application computes for SQLite are the ones
/// PostgreSQL's own analysis gives, for every demo document.
#[tokio::test]
async fn rust_lexemes_are_postgresqls_on_the_demo_data() {
    let app = TestApp::spawn().await;
    if app.db.get_database_backend() != DbBackend::Postgres {
        return;
    }
    let rows = app
        .db
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT kind, entity_id, title_lexemes || body_lexemes AS ours, \
             array_to_string(tsvector_to_array(tsv), ' ') AS theirs FROM search_document",
        ))
        .await
        .unwrap();
    assert!(rows.len() > 40);
    for row in rows {
        let ours: String = row.try_get("", "ours").unwrap();
        let theirs: String = row.try_get("", "theirs").unwrap();
        let mut ours: Vec<&str> = ours.split_whitespace().collect();
        ours.sort_unstable();
        ours.dedup();
        // PostgreSQL also indexes hyphenated compounds whole ("газпром-мед").
        let mut theirs: Vec<&str> = theirs.split(' ').filter(|l| !l.contains('-')).collect();
        theirs.sort_unstable();
        let kind: String = row.try_get("", "kind").unwrap();
        assert_eq!(ours, theirs, "{kind}");
    }
}
