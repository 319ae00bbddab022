//! What discovery found on the server: the slugs, global ids, filter values and cursors the
//! generated requests draw from.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

/// An object known by slug (and global id, when seen); `weight` counts how many relations
/// discovery saw it in, which the shape check uses to pick a small and a large one.
#[derive(Debug, Clone)]
pub struct Named {
    pub slug: String,
    pub id: Option<String>,
    pub weight: usize,
}

/// A festival edition and its programme.
#[derive(Debug, Clone)]
pub struct Edition {
    pub slug: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Screenings in the whole programme.
    pub screenings: usize,
    /// `endCursor` of the first programme page when there is a second one.
    pub second_page: Option<String>,
}

/// A cursor of the film catalogue, valid for one ordering (index into
/// `workload::FILM_ORDERS`) shown in one locale.
#[derive(Debug, Clone)]
pub struct CatalogueCursor {
    pub order: usize,
    pub locale: &'static str,
    pub cursor: String,
}

/// Everything discovered.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub films: Vec<Named>,
    pub organizations: Vec<Named>,
    pub agreements: Vec<Named>,
    pub locations: Vec<Named>,
    pub people: Vec<Named>,
    pub editions: Vec<Edition>,
    pub press_kinds: Vec<String>,
    /// Global ids of objects press materials are about.
    pub press_subjects: Vec<String>,
    /// `publishedAt` of press materials.
    pub press_times: Vec<String>,
    pub genres: Vec<String>,
    pub countries: Vec<String>,
    pub years: Vec<i64>,
    /// `updatedAt` of films.
    pub update_times: Vec<String>,
    pub cursors: Vec<CatalogueCursor>,
    /// Global ids of every kind of node, for NodeLookup.
    pub node_ids: Vec<String>,
    /// The same ids, one list per kind of node.
    pub node_kinds: Vec<Vec<String>>,
}

/// Objects of one kind while discovery runs, by slug.
#[derive(Debug, Clone, Default)]
pub struct Registry(BTreeMap<String, (Option<String>, usize)>);

impl Registry {
    /// Records that `slug` (with global `id`, if known) was seen in one more relation.
    pub fn see(&mut self, slug: &str, id: Option<&str>) {
        let entry = self.0.entry(slug.to_string()).or_insert((None, 0));
        entry.1 += 1;
        if entry.0.is_none() {
            entry.0 = id.map(str::to_string);
        }
    }

    /// Records a slug without counting a relation (weight stays as it is).
    pub fn know(&mut self, slug: &str, id: Option<&str>) {
        self.see(slug, id);
        if let Some(entry) = self.0.get_mut(slug) {
            entry.1 -= 1;
        }
    }

    /// Adds `weight` relations to an already known slug.
    pub fn add_weight(&mut self, slug: &str, weight: usize) {
        if let Some(entry) = self.0.get_mut(slug) {
            entry.1 += weight;
        }
    }

    pub fn slugs(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The final list, in slug order.
    pub fn into_named(self) -> Vec<Named> {
        self.0
            .into_iter()
            .map(|(slug, (id, weight))| Named { slug, id, weight })
            .collect()
    }
}

/// Sorted distinct values.
pub fn distinct<T: Ord>(values: BTreeSet<T>) -> Vec<T> {
    values.into_iter().collect()
}

impl Catalogue {
    /// The lightest and the heaviest object of a list (by relations seen), when they differ.
    pub fn extremes(list: &[Named]) -> Option<(&Named, &Named)> {
        let small = list.iter().min_by_key(|n| n.weight)?;
        let large = list.iter().rev().max_by_key(|n| n.weight)?;
        (small.slug != large.slug).then_some((small, large))
    }

    /// Collects the global ids of every list, and of the `extra` kinds, into `node_kinds`
    /// (one list per kind of node) and `node_ids` (all of them).
    pub fn gather_node_ids(&mut self, extra: [Vec<String>; 3]) {
        let named = [
            &self.films,
            &self.organizations,
            &self.agreements,
            &self.locations,
            &self.people,
        ];
        let mut kinds: Vec<Vec<String>> = named
            .into_iter()
            .map(|list| list.iter().filter_map(|n| n.id.clone()).collect())
            .collect();
        kinds.extend(extra);
        for kind in &mut kinds {
            kind.sort();
            kind.dedup();
        }
        kinds.retain(|kind| !kind.is_empty());
        self.node_ids = kinds.concat();
        self.node_kinds = kinds;
    }

    /// Up to `most` ids taking each kind in turn, so that every kind is represented.
    pub fn node_sample(&self, most: usize) -> Vec<&String> {
        let mut sample = Vec::new();
        for round in 0.. {
            let before = sample.len();
            for kind in &self.node_kinds {
                if sample.len() < most
                    && let Some(id) = kind.get(round)
                {
                    sample.push(id);
                }
            }
            if sample.len() == before || sample.len() >= most {
                break;
            }
        }
        sample
    }

    /// One line per kind of value found.
    pub fn summary(&self) -> String {
        format!(
            "{} films, {} organizations, {} agreements, {} locations, {} people, {} festival \
             editions, {} node ids of {} kinds, {} genres, {} countries, {} years, {} press kinds, \
             {} catalogue cursors",
            self.films.len(),
            self.organizations.len(),
            self.agreements.len(),
            self.locations.len(),
            self.people.len(),
            self.editions.len(),
            self.node_ids.len(),
            self.node_kinds.len(),
            self.genres.len(),
            self.countries.len(),
            self.years.len(),
            self.press_kinds.len(),
            self.cursors.len(),
        )
    }
}
