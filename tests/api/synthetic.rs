//! `kinograph seed --synthetic`: a small synthetic catalogue has the planned shape, is the
//! same for the same seed, answers the contract operations, inflects its Russian text, and
//! leaves the id sequences ready for ordinary inserts.

use std::collections::{HashMap, HashSet};

use chrono::{Days, Utc};
use kinograph::{
    domain::enums::{ProductionStatus, PublicationStatus},
    entities::{
        co_production, credit, festival, festival_edition, film, genre, location, media_asset,
        organization, person, press_material, press_subject, quote, screening, shoot,
    },
    seed::synthetic::{self, Options, SyntheticError},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, Statement,
};
use serde_json::json;

use crate::common::TestApp;

const FILM_CATALOGUE: &str = include_str!("../operations/FilmCatalogue.graphql");
const FILM_PAGE: &str = include_str!("../operations/FilmPage.graphql");

const FILMS: usize = 200;

async fn loaded(seed: u64) -> (TestApp, synthetic::Report) {
    let app = TestApp::empty().await;
    let options = Options {
        films: FILMS,
        seed,
        progress: false,
    };
    let report = synthetic::load(&app.db, &options).await.unwrap();
    (app, report)
}

async fn count<E: EntityTrait>(app: &TestApp) -> usize
where
    E::Model: Sync,
{
    E::find().count(&app.db).await.unwrap() as usize
}

#[tokio::test]
async fn synthetic_catalogue_follows_the_planned_ratios() {
    let (app, report) = loaded(7).await;
    // Exact: per 100,000 films 2,000 organizations, 50,000 people, 200 festivals with 10
    // editions, 2,000 locations, 1,000,000 screenings, 100,000 press materials.
    assert_eq!(count::<film::Entity>(&app).await, FILMS);
    assert_eq!(count::<organization::Entity>(&app).await, 4);
    assert_eq!(count::<person::Entity>(&app).await, 100);
    assert_eq!(count::<festival::Entity>(&app).await, 1);
    assert_eq!(count::<festival_edition::Entity>(&app).await, 10);
    assert_eq!(count::<location::Entity>(&app).await, 4);
    assert_eq!(count::<screening::Entity>(&app).await, 10 * FILMS);
    assert_eq!(count::<press_material::Entity>(&app).await, FILMS);
    assert_eq!(count::<genre::Entity>(&app).await, 8);
    // Drawn per film: about 3 co-productions, 8 credits, 1 shoot.
    let within = |n: usize, per_film: f64| {
        let expected = per_film * FILMS as f64;
        (n as f64) > expected * 0.8 && (n as f64) < expected * 1.2
    };
    let co_productions = count::<co_production::Entity>(&app).await;
    assert!(
        within(co_productions, 3.0),
        "{co_productions} co-productions"
    );
    let credits = count::<credit::Entity>(&app).await;
    assert!(within(credits, 8.0), "{credits} credits");
    let shoots = count::<shoot::Entity>(&app).await;
    assert!(within(shoots, 1.0), "{shoots} shoots");
    let subjects = count::<press_subject::Entity>(&app).await;
    assert!(within(subjects, 2.45), "{subjects} press subjects");
    let quotes = count::<quote::Entity>(&app).await;
    assert!(within(quotes, 1.5), "{quotes} quotes");
    let assets = count::<media_asset::Entity>(&app).await;
    assert!(within(assets, 2.7), "{assets} media assets");
    // The report tells what is in the database, table by table.
    for table in &report.tables {
        let counted = app
            .db
            .query_one_raw(Statement::from_string(
                app.db.get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM \"{}\"", table.table),
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get::<i64>("", "n")
            .unwrap();
        assert_eq!(table.rows as i64, counted, "{} rows reported", table.table);
    }
    assert!(report.rows() >= co_productions + credits + 10 * FILMS);

    let films = film::Entity::find().all(&app.db).await.unwrap();
    let published = films
        .iter()
        .filter(|f| f.status == PublicationStatus::Published)
        .count();
    assert!(
        (150..=195).contains(&published),
        "{published} of {FILMS} published"
    );
    for f in &films {
        assert!(f.slug.starts_with("syn-film-"), "{}", f.slug);
        assert!(
            f.synopsis_ru
                .as_deref()
                .unwrap()
                .starts_with("Синтетические данные. ")
        );
        assert!(
            f.synopsis_en
                .as_deref()
                .unwrap()
                .starts_with("Synthetic data. ")
        );
        assert_eq!(f.version, 1);
        assert!(f.updated_at < Utc::now() && f.created_at <= f.updated_at);
        if f.year.unwrap() >= 2026 {
            assert_ne!(f.production_status, ProductionStatus::Released);
        }
    }
    // Shares of one film never exceed 100 %.
    let mut shares: HashMap<i32, f64> = HashMap::new();
    for row in co_production::Entity::find().all(&app.db).await.unwrap() {
        *shares.entry(row.film_id).or_default() += row.share_percent.unwrap_or(0.0);
    }
    assert!(shares.values().all(|s| *s <= 100.0), "{shares:?}");
    // Screenings fall within their edition's days (local dates, so allow a day either side).
    let editions: HashMap<i32, festival_edition::Model> = festival_edition::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    for s in screening::Entity::find().all(&app.db).await.unwrap() {
        let e = &editions[&s.edition_id];
        let day = s.starts_at.date_naive();
        assert!(day >= e.starts_on - Days::new(1) && day <= e.ends_on + Days::new(1));
    }
    let press = press_material::Entity::find().all(&app.db).await.unwrap();
    assert!(press.iter().all(|p| {
        p.lead_ru
            .as_deref()
            .unwrap()
            .starts_with("Синтетические данные.")
    }));
    let drafts = press
        .iter()
        .filter(|p| p.status == PublicationStatus::Draft)
        .count();
    assert!(drafts < FILMS / 5, "{drafts} draft press materials");
}

#[tokio::test]
async fn the_same_seed_gives_the_same_rows_and_a_second_load_is_refused() {
    let ((a, _), (b, _)) = (loaded(11).await, loaded(11).await);
    macro_rules! same {
        ($entity:ident, $id:expr) => {{
            let rows_a = $entity::Entity::find()
                .order_by_asc($id)
                .all(&a.db)
                .await
                .unwrap();
            let rows_b = $entity::Entity::find()
                .order_by_asc($id)
                .all(&b.db)
                .await
                .unwrap();
            assert!(!rows_a.is_empty());
            assert!(rows_a == rows_b, "{} differs", stringify!($entity));
        }};
    }
    same!(film, film::Column::Id);
    same!(person, person::Column::Id);
    same!(co_production, co_production::Column::Id);
    same!(screening, screening::Column::Id);
    same!(press_material, press_material::Column::Id);
    same!(media_asset, media_asset::Column::Id);

    let (c, _) = loaded(12).await;
    let title = |db| async move {
        film::Entity::find_by_id(1)
            .one(db)
            .await
            .unwrap()
            .unwrap()
            .title_ru
    };
    assert_ne!(
        title(&a.db).await,
        title(&c.db).await,
        "another seed, another catalogue"
    );

    let again = synthetic::load(
        &a.db,
        &Options {
            films: FILMS,
            seed: 11,
            progress: false,
        },
    )
    .await;
    assert!(
        matches!(again, Err(SyntheticError::AlreadyLoaded)),
        "{again:?}"
    );
    assert!(
        again
            .unwrap_err()
            .to_string()
            .contains("already holds synthetic data")
    );

    // The id sequences continue after the explicit ids (PostgreSQL runs of the suite;
    // SQLite takes the largest id plus one by itself).
    let now = Utc::now();
    let row = organization::ActiveModel {
        slug: Set("after-synthetic".to_owned()),
        kind: Set(kinograph::domain::enums::OrganizationKind::Other),
        name_ru: Set(Some("Организация после синтетических данных".to_owned())),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
    .insert(&a.db)
    .await
    .unwrap();
    assert_eq!(row.id, 5);
}

#[tokio::test]
async fn the_catalogue_and_film_pages_answer_on_synthetic_data() {
    let (app, _) = loaded(3).await;
    let answer = app.query(FILM_CATALOGUE, json!({ "first": 24 })).await.ok();
    let films = &answer.data()["films"];
    let total = films["totalCount"].as_i64().unwrap();
    assert!(total > 150 && total < FILMS as i64, "{total} visible films");
    assert_eq!(films["edges"].as_array().unwrap().len(), 24);
    let filtered = app
        .query(
            FILM_CATALOGUE,
            json!({
                "first": 10,
                "filter": { "yearFrom": 2015, "genres": ["drama"], "countries": ["RU"] },
                "orderBy": [{ "field": "YEAR", "direction": "DESC" }, { "field": "TITLE", "direction": "ASC" }],
                "locale": "EN"
            }),
        )
        .await
        .ok();
    assert!(filtered.data()["films"]["totalCount"].as_i64().unwrap() > 0);

    // The page of the published film with the most screenings.
    let published: HashSet<i32> = film::Entity::find()
        .filter(film::Column::Status.eq(PublicationStatus::Published))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|f| f.id)
        .collect();
    let mut shown: HashMap<i32, usize> = HashMap::new();
    for s in screening::Entity::find().all(&app.db).await.unwrap() {
        if published.contains(&s.film_id) {
            *shown.entry(s.film_id).or_default() += 1;
        }
    }
    let (&id, _) = shown.iter().max_by_key(|(id, n)| (**n, -**id)).unwrap();
    let slug = film::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .slug;
    for locale in ["RU", "EN"] {
        let answer = app
            .query(FILM_PAGE, json!({ "slug": slug, "locale": locale }))
            .await
            .ok();
        let page = &answer.data()["film"];
        assert_eq!(page["slug"], slug.as_str());
        assert!(page["screenings"]["totalCount"].as_i64().unwrap() > 0);
        assert!(!page["credits"].as_array().unwrap().is_empty());
        assert!(!page["coProductions"].as_array().unwrap().is_empty());
    }
}

#[tokio::test]
async fn russian_text_has_inflected_forms_of_the_same_nouns() {
    let (app, _) = loaded(5).await;
    let mut text = String::new();
    for f in film::Entity::find().all(&app.db).await.unwrap() {
        for part in [f.title_ru, f.logline_ru, f.synopsis_ru]
            .into_iter()
            .flatten()
        {
            text.push_str(&part.to_lowercase());
            text.push(' ');
        }
    }
    for p in press_material::Entity::find().all(&app.db).await.unwrap() {
        text.push_str(&p.body_ru.unwrap_or_default().to_lowercase());
        text.push(' ');
    }
    let words: HashSet<&str> = text.split(|c: char| !c.is_alphabetic()).collect();
    let paradigms: [&[&str]; 4] = [
        &[
            "город",
            "города",
            "городу",
            "городом",
            "городе",
            "городов",
            "городам",
            "городами",
            "городах",
        ],
        &[
            "письмо",
            "письма",
            "письму",
            "письмом",
            "письме",
            "писем",
            "письмам",
            "письмами",
            "письмах",
        ],
        &[
            "сестра",
            "сестры",
            "сестре",
            "сестру",
            "сестрой",
            "сестер",
            "сестрам",
            "сестрами",
            "сестрах",
        ],
        &[
            "фильм",
            "фильма",
            "фильму",
            "фильмом",
            "фильме",
            "фильмы",
            "фильмов",
            "фильмам",
            "фильмах",
        ],
    ];
    for forms in paradigms {
        let found: Vec<&&str> = forms.iter().filter(|f| words.contains(**f)).collect();
        assert!(found.len() >= 3, "only {found:?} of {forms:?}");
    }
}

#[tokio::test]
async fn synthetic_data_follows_the_demo_data_and_reuses_its_genres() {
    let app = TestApp::spawn().await;
    let demo_films = count::<film::Entity>(&app).await;
    let options = Options {
        films: 50,
        seed: 1,
        progress: false,
    };
    synthetic::load(&app.db, &options).await.unwrap();
    assert_eq!(
        count::<genre::Entity>(&app).await,
        8,
        "the demo's genres are reused"
    );
    let first = film::Entity::find()
        .filter(film::Column::Slug.eq("syn-film-000001"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.id as usize, demo_films + 1);
    let answer = app.query(FILM_CATALOGUE, json!({ "first": 5 })).await.ok();
    assert!(answer.data()["films"]["totalCount"].as_i64().unwrap() > 40);
}
