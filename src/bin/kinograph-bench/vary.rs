//! Random choices shared by the generated requests: locale, slugs, value subsets, and the
//! catalogue grid's filters, orderings and cursors.

use rand::{Rng, seq::IndexedRandom};
use serde_json::{Value, json};

use crate::{
    catalogue::{Catalogue, Named},
    workload::{FILM_ORDERS, film_order},
};

const PRODUCTION_STATUSES: [&str; 5] = [
    "ANNOUNCED",
    "DEVELOPMENT",
    "PRODUCTION",
    "POST_PRODUCTION",
    "RELEASED",
];

/// `RU`, `EN`, or no locale (the request's `Accept-Language` decides).
pub fn locale(rng: &mut impl Rng) -> Value {
    match rng.random_range(0..20) {
        0..9 => json!("RU"),
        9..18 => json!("EN"),
        _ => Value::Null,
    }
}

pub fn slug<'a>(list: &'a [Named], rng: &mut impl Rng) -> &'a str {
    list.choose(rng).map_or("", |n| n.slug.as_str())
}

/// One to `most` distinct values of `values`.
pub fn some<'a, T>(values: &'a [T], rng: &mut impl Rng, most: usize) -> Vec<&'a T> {
    let count = rng.random_range(1..=most.max(1));
    values.choose_multiple(rng, count).collect()
}

/// A catalogue page: a fifth continue an ordering with a discovered `after` cursor; the rest
/// are first pages with one of a small, realistic set of filters and orderings.
pub fn catalogue_page(cat: &Catalogue, rng: &mut impl Rng, locale: Value) -> Value {
    if rng.random_bool(0.2)
        && let Some(cursor) = cat.cursors.choose(rng)
    {
        return json!({
            "first": 24,
            "after": cursor.cursor,
            "orderBy": film_order(cursor.order),
            "locale": cursor.locale,
        });
    }
    let year = cat.years.choose(rng).copied().unwrap_or(2025);
    let org = slug(&cat.organizations, rng);
    let filter = match rng.random_range(0..8) {
        0 => Value::Null,
        1 => json!({ "yearFrom": year - 2, "yearTo": year }),
        2 => json!({ "genres": some(&cat.genres, rng, 2) }),
        3 => json!({ "productionStatuses": some(&PRODUCTION_STATUSES, rng, 2) }),
        4 => json!({ "countries": some(&cat.countries, rng, 1) }),
        5 if !org.is_empty() => json!({ "organizationSlug": org }),
        6 => json!({
            "yearFrom": year - 2, "yearTo": year + 1,
            "genres": some(&cat.genres, rng, 1), "productionStatuses": ["RELEASED"],
        }),
        7 if !org.is_empty() => {
            json!({ "organizationSlug": org, "productionStatuses": ["RELEASED"] })
        }
        _ => json!({ "yearFrom": year }),
    };
    let order = rng.random_range(0..=FILM_ORDERS.len());
    let order_by = if order == FILM_ORDERS.len() {
        Value::Null
    } else {
        film_order(order)
    };
    json!({ "first": 24, "filter": filter, "orderBy": order_by, "locale": locale })
}
