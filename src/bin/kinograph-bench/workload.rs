//! The varying, realistic variables each request of a contract operation sends, drawn from
//! what discovery found.

use chrono::{Duration as Days, Utc};
use rand::{Rng, seq::IndexedRandom};
use serde_json::{Value, json};

pub use kinograph::contract::Operation;

use crate::{
    catalogue::{Catalogue, Named},
    vary::{catalogue_page, locale, slug, some},
};

/// Catalogue orderings the workload uses: (field, direction) terms.
pub const FILM_ORDERS: [&[(&str, &str)]; 4] = [
    &[("YEAR", "DESC"), ("TITLE", "ASC")],
    &[("TITLE", "ASC")],
    &[("CREATED_AT", "DESC")],
    &[("UPDATED_AT", "DESC")],
];

/// The `orderBy` value of `FILM_ORDERS[index]`.
pub fn film_order(index: usize) -> Value {
    let terms = FILM_ORDERS.get(index).copied().unwrap_or_default();
    Value::Array(
        terms
            .iter()
            .map(|(field, direction)| json!({ "field": field, "direction": direction }))
            .collect(),
    )
}

/// Variables for one request, with a label saying what they are (for the shape check).
pub type Labelled = (String, Value);

/// What the load generator draws for each contract operation.
pub trait Workload {
    /// Why the operation cannot run on what was discovered, if it cannot.
    fn missing(self, cat: &Catalogue) -> Option<&'static str>;
    /// Variables for one request.
    fn variables(self, cat: &Catalogue, rng: &mut impl Rng) -> Value;
    /// A small and a large request of the same shape, for the shape check.
    fn shape_pair(self, cat: &Catalogue) -> Option<[Labelled; 2]>;
}

impl Workload for Operation {
    fn missing(self, cat: &Catalogue) -> Option<&'static str> {
        let empty = match self {
            Operation::OrganizationPage => cat.organizations.is_empty(),
            Operation::AgreementPage => cat.agreements.is_empty(),
            Operation::LocationPage => cat.locations.is_empty(),
            Operation::FestivalProgramme => cat.editions.is_empty(),
            Operation::NodeLookup => cat.node_ids.is_empty(),
            _ => cat.films.is_empty(),
        };
        empty.then_some("no suitable values were discovered")
    }

    fn variables(self, cat: &Catalogue, rng: &mut impl Rng) -> Value {
        let locale = locale(rng);
        match self {
            Operation::FilmCatalogue => catalogue_page(cat, rng, locale),
            Operation::FilmPage => json!({ "slug": slug(&cat.films, rng), "locale": locale }),
            Operation::OrganizationPage => {
                json!({ "slug": slug(&cat.organizations, rng), "locale": locale })
            }
            Operation::AgreementPage => {
                json!({ "slug": slug(&cat.agreements, rng), "locale": locale })
            }
            Operation::LocationPage => {
                json!({ "slug": slug(&cat.locations, rng), "locale": locale })
            }
            Operation::FestivalProgramme => {
                let Some(edition) = cat.editions.choose(rng) else {
                    return Value::Null;
                };
                let span = (edition.ends_on - edition.starts_on).num_days().max(0);
                let day = rng.random_bool(0.6).then(|| {
                    (edition.starts_on + Days::days(rng.random_range(0..=span))).to_string()
                });
                let after = match (&day, &edition.second_page) {
                    (None, Some(cursor)) if rng.random_bool(0.3) => Value::String(cursor.clone()),
                    _ => Value::Null,
                };
                json!({ "edition": edition.slug, "day": day, "after": after, "locale": locale })
            }
            Operation::PressRoom => {
                let first = [5, 10, 10, 20].choose(rng).copied().unwrap_or(10);
                let filter = match rng.random_range(0..10) {
                    0..4 => Value::Null,
                    4..7 => json!({ "kinds": some(&cat.press_kinds, rng, 2) }),
                    7..9 => json!({ "subject": cat.press_subjects.choose(rng) }),
                    _ => json!({ "publishedAfter": cat.press_times.choose(rng) }),
                };
                json!({ "first": first, "filter": filter, "locale": locale })
            }
            Operation::PartnerSync => {
                let since = match rng.random_range(0..10) {
                    0..2 => "1970-01-01T00:00:00Z".to_string(),
                    2..9 => cat.update_times.choose(rng).cloned().unwrap_or_default(),
                    _ => (Utc::now() - Days::hours(1)).to_rfc3339(),
                };
                json!({ "since": since })
            }
            Operation::NodeLookup => {
                let count = rng.random_range(1..=20);
                let ids: Vec<&String> = cat.node_ids.choose_multiple(rng, count).collect();
                json!({ "ids": ids, "locale": locale })
            }
        }
    }

    /// `first: 5` against `first: 100` where the operation pages, else two different objects.
    fn shape_pair(self, cat: &Catalogue) -> Option<[Labelled; 2]> {
        let sized = |first: u32, vars: Value| {
            let mut vars = vars;
            vars["first"] = json!(first);
            (format!("first: {first}"), vars)
        };
        let by_slug = |list: &[Named]| {
            let (small, large) = Catalogue::extremes(list)?;
            let label = |n: &Named| format!("{} ({} relations)", n.slug, n.weight);
            Some([
                (label(small), json!({ "slug": small.slug, "locale": "EN" })),
                (label(large), json!({ "slug": large.slug, "locale": "EN" })),
            ])
        };
        match self {
            Operation::FilmCatalogue | Operation::PressRoom => Some([
                sized(5, json!({ "locale": "EN" })),
                sized(100, json!({ "locale": "EN" })),
            ]),
            Operation::PartnerSync => {
                let vars = json!({ "since": "1970-01-01T00:00:00Z" });
                Some([sized(5, vars.clone()), sized(100, vars)])
            }
            Operation::NodeLookup => {
                // One id of each kind against up to 100: one statement per kind either way.
                let kinds = cat.node_kinds.len();
                let (small, large) = (cat.node_sample(kinds), cat.node_sample(100));
                Some([
                    (
                        format!("{} ids of {kinds} kinds", small.len()),
                        json!({ "ids": small, "locale": "EN" }),
                    ),
                    (
                        format!("{} ids of {kinds} kinds", large.len()),
                        json!({ "ids": large, "locale": "EN" }),
                    ),
                ])
            }
            Operation::FilmPage => by_slug(&cat.films),
            Operation::OrganizationPage => by_slug(&cat.organizations),
            Operation::AgreementPage => by_slug(&cat.agreements),
            Operation::LocationPage => by_slug(&cat.locations),
            Operation::FestivalProgramme => {
                let small = cat.editions.iter().min_by_key(|e| e.screenings)?;
                let large = cat.editions.iter().rev().max_by_key(|e| e.screenings)?;
                let vars = |slug: &str, day: Option<String>| json!({ "edition": slug, "day": day, "locale": "EN" });
                if small.slug != large.slug {
                    let label = |e: &crate::catalogue::Edition| {
                        format!("{} ({} screenings)", e.slug, e.screenings)
                    };
                    Some([
                        (label(small), vars(&small.slug, None)),
                        (label(large), vars(&large.slug, None)),
                    ])
                } else {
                    let day = large.starts_on.to_string();
                    Some([
                        (
                            format!("{} day {day}", large.slug),
                            vars(&large.slug, Some(day.clone())),
                        ),
                        (format!("{} whole", large.slug), vars(&large.slug, None)),
                    ])
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Edition;
    use chrono::NaiveDate;
    use rand::{SeedableRng, rngs::StdRng};

    #[test]
    fn every_operation_embeds_its_document_and_gets_variables() {
        let named = |slug: &str| Named {
            slug: slug.into(),
            id: Some(format!("id-{slug}")),
            weight: 1,
        };
        let date = |d| NaiveDate::from_ymd_opt(2026, 6, d).unwrap_or_default();
        let mut cat = Catalogue {
            films: vec![named("a"), named("b")],
            organizations: vec![named("moskino")],
            agreements: vec![named("deal")],
            locations: vec![named("lot")],
            editions: vec![Edition {
                slug: "fest".into(),
                starts_on: date(4),
                ends_on: date(10),
                screenings: 3,
                second_page: None,
            }],
            years: vec![2025],
            ..Catalogue::default()
        };
        cat.gather_node_ids([vec!["p1".into()], vec![], vec![]]);
        assert_eq!(cat.node_sample(3).len(), 3);
        let mut rng = StdRng::seed_from_u64(7);
        for op in Operation::ALL {
            assert!(op.document().contains(&format!("query {}(", op.name())));
            assert_eq!(op.missing(&cat), None, "{}", op.name());
            for _ in 0..50 {
                assert!(op.variables(&cat, &mut rng).is_object(), "{}", op.name());
            }
        }
        let programme = Operation::FestivalProgramme.variables(&cat, &mut rng);
        assert_eq!(programme["edition"], "fest");
    }
}
