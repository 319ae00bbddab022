//! Discovery: before measuring, learn real slugs, global ids, filter values and cursors
//! through the API itself (operations named `Bench…`, so `/metrics` keeps them apart).

use std::collections::BTreeSet;

use anyhow::bail;
use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::{
    catalogue::{Catalogue, CatalogueCursor, Edition, Registry, distinct},
    client::Client,
    queries::{CURSORS, EDITION, FILMS, ORGANIZATION, PRESS, YEARS},
    workload::{FILM_ORDERS, film_order},
};

/// Most organizations and editions looked at one by one.
const MAX_LOOKUPS: usize = 40;
/// Catalogue pages read per ordering and locale for `after` cursors.
const CURSOR_PAGES: usize = 4;

fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Records the object `value` (with `slug` and `id`) as seen once more.
fn note(registry: &mut Registry, value: &Value) {
    if let Some(slug) = text(value, "slug") {
        registry.see(slug, text(value, "id"));
    }
}

/// The connection at `data.<field>`: its nodes and, when there is a next page, its end cursor.
fn page<'a>(data: &'a Value, field: &str) -> (&'a [Value], Option<String>) {
    let connection = &data[field];
    let info = &connection["pageInfo"];
    let next = info["hasNextPage"]
        .as_bool()
        .unwrap_or(false)
        .then(|| text(info, "endCursor").map(str::to_string))
        .flatten();
    (list(connection, "nodes"), next)
}

/// Everything the workload needs, read from the server at `client`; `pages` bounds the
/// pages of 100 films (and of 100 press materials) read.
pub async fn discover(client: &Client, pages: usize) -> anyhow::Result<Catalogue> {
    let mut films = Registry::default();
    let (mut orgs, mut agreements, mut locations, mut people, mut edition_slugs) = (
        Registry::default(),
        Registry::default(),
        Registry::default(),
        Registry::default(),
        BTreeSet::new(),
    );
    let (mut genres, mut countries, mut years, mut updates) = (
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
        BTreeSet::new(),
    );
    let (mut press_ids, mut edition_ids, mut screening_ids) = (Vec::new(), Vec::new(), Vec::new());

    let mut after = Value::Null;
    for _ in 0..pages.max(1) {
        let data = client
            .query("BenchFilms", FILMS, &json!({ "after": after }))
            .await?;
        let (nodes, next) = page(&data, "films");
        for film in nodes {
            let Some(slug) = text(film, "slug") else {
                continue;
            };
            films.know(slug, text(film, "id"));
            years.extend(film["year"].as_i64());
            updates.extend(text(film, "updatedAt").map(str::to_string));
            countries.extend(
                list(film, "countries")
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string),
            );
            genres.extend(
                list(film, "genres")
                    .iter()
                    .filter_map(|g| text(g, "slug"))
                    .map(str::to_string),
            );
            for co in list(film, "coProductions") {
                note(&mut orgs, &co["organization"]);
                note(&mut agreements, &co["agreement"]);
            }
            for shoot in list(film, "shoots") {
                note(&mut locations, &shoot["location"]);
            }
            let relations = list(film, "coProductions").len() + list(film, "shoots").len();
            films.add_weight(slug, relations);
        }
        match next {
            Some(cursor) => after = Value::String(cursor),
            None => break,
        }
    }
    if films.len() == 0 {
        bail!("the server lists no films; load data first (`kinograph seed --demo`)");
    }
    let span = client.query("BenchYears", YEARS, &json!({})).await?;
    let year = |key: &str| span[key]["nodes"][0]["year"].as_i64();
    if let (Some(oldest), Some(newest)) = (year("oldest"), year("newest")) {
        years.extend((oldest.max(newest - 200))..=newest);
    }

    let (mut press_kinds, mut press_subjects, mut press_times) =
        (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    let mut after = Value::Null;
    for _ in 0..pages.max(1) {
        let data = client
            .query("BenchPress", PRESS, &json!({ "after": after }))
            .await?;
        let (nodes, next) = page(&data, "pressMaterials");
        for material in nodes {
            press_ids.extend(text(material, "id").map(str::to_string));
            press_kinds.extend(text(material, "kind").map(str::to_string));
            press_times.extend(text(material, "publishedAt").map(str::to_string));
            for subject in list(material, "subjects") {
                let (Some(slug), id) = (text(subject, "slug"), text(subject, "id")) else {
                    continue;
                };
                press_subjects.extend(id.map(str::to_string));
                match text(subject, "__typename") {
                    Some("Organization") => orgs.see(slug, id),
                    Some("Agreement") => agreements.see(slug, id),
                    Some("Person") => people.see(slug, id),
                    Some("Location") => locations.see(slug, id),
                    Some("FestivalEdition") => {
                        edition_slugs.insert(slug.to_string());
                    }
                    _ => {}
                }
            }
        }
        match next {
            Some(cursor) => after = Value::String(cursor),
            None => break,
        }
    }

    let org_slugs: Vec<String> = orgs.slugs().take(MAX_LOOKUPS).cloned().collect();
    for slug in org_slugs {
        let data = client
            .query("BenchOrganization", ORGANIZATION, &json!({ "slug": slug }))
            .await?;
        let org = &data["organization"];
        list(org, "locations")
            .iter()
            .for_each(|l| note(&mut locations, l));
        list(&org["agreements"], "nodes")
            .iter()
            .for_each(|a| note(&mut agreements, a));
        list(org, "affiliations")
            .iter()
            .for_each(|a| note(&mut people, &a["person"]));
        for festival in list(org, "festivals") {
            edition_slugs.extend(
                list(festival, "editions")
                    .iter()
                    .filter_map(|e| text(e, "slug"))
                    .map(str::to_string),
            );
        }
        let weight = list(org, "locations").len() + list(org, "affiliations").len();
        orgs.add_weight(&slug, weight);
    }

    let mut editions = Vec::new();
    for slug in edition_slugs.into_iter().take(MAX_LOOKUPS) {
        let data = client
            .query("BenchEdition", EDITION, &json!({ "slug": slug }))
            .await?;
        let edition = &data["festivalEdition"];
        let date =
            |key| text(edition, key).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let (Some(starts_on), Some(ends_on)) = (date("startsOn"), date("endsOn")) else {
            continue;
        };
        edition_ids.extend(text(edition, "id").map(str::to_string));
        let (screenings, second_page) = page(edition, "screenings");
        for screening in screenings {
            screening_ids.extend(text(screening, "id").map(str::to_string));
            note(&mut locations, &screening["venue"]);
        }
        editions.push(Edition {
            slug,
            starts_on,
            ends_on,
            screenings: edition["screenings"]["totalCount"].as_u64().unwrap_or(0) as usize,
            second_page,
        });
    }

    let mut cursors = Vec::new();
    for order in 0..FILM_ORDERS.len() {
        for locale in ["RU", "EN"] {
            let mut after = Value::Null;
            for _ in 0..CURSOR_PAGES {
                let variables =
                    json!({ "after": after, "orderBy": film_order(order), "locale": locale });
                let data = client.query("BenchCursors", CURSORS, &variables).await?;
                let Some(cursor) = page(&data, "films").1 else {
                    break;
                };
                cursors.push(CatalogueCursor {
                    order,
                    locale,
                    cursor: cursor.clone(),
                });
                after = Value::String(cursor);
            }
        }
    }

    let mut catalogue = Catalogue {
        films: films.into_named(),
        organizations: orgs.into_named(),
        agreements: agreements.into_named(),
        locations: locations.into_named(),
        people: people.into_named(),
        editions,
        press_kinds: distinct(press_kinds),
        press_subjects: distinct(press_subjects),
        press_times: distinct(press_times),
        genres: distinct(genres),
        countries: distinct(countries),
        years: distinct(years),
        update_times: distinct(updates),
        cursors,
        node_ids: Vec::new(),
        node_kinds: Vec::new(),
    };
    catalogue.gather_node_ids([press_ids, edition_ids, screening_ids]);
    Ok(catalogue)
}
