//! The query root, merged from one object per area.

mod catalogue;
mod lookup;
mod search;
mod trail;

use async_graphql::MergedObject;

/// Everything Kinograph answers: look-ups by slug or id, lists, and Relay refetching.
#[derive(MergedObject, Default)]
pub struct QueryRoot(
    lookup::LookupQuery,
    catalogue::CatalogueQuery,
    trail::TrailQuery,
    search::SearchQuery,
);
