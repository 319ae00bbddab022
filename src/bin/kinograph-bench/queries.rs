//! The GraphQL documents discovery sends (named `Bench…`, apart from the contract ones).

/// Films in slug order, which (unlike the default, newest first) spreads over the years.
pub const FILMS: &str = "query BenchFilms($after: String) {
  films(first: 100, after: $after, orderBy: [{ field: SLUG, direction: ASC }]) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id slug year countries updatedAt genres { slug }
      coProductions { organization { id slug } agreement { id slug } }
      shoots { location { id slug } }
    }
  }
}";

pub const PRESS: &str = "query BenchPress($after: String) {
  pressMaterials(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id kind publishedAt
      subjects {
        __typename
        ... on Film { id slug }
        ... on Organization { id slug }
        ... on Agreement { id slug }
        ... on FestivalEdition { id slug }
        ... on Person { id slug }
        ... on Location { id slug }
      }
    }
  }
}";

pub const ORGANIZATION: &str = "query BenchOrganization($slug: String!) {
  organization(slug: $slug) {
    locations { id slug }
    agreements(first: 100) { nodes { id slug } }
    affiliations { person { id slug } }
    festivals { editions { slug } }
  }
}";

pub const EDITION: &str = "query BenchEdition($slug: String!) {
  festivalEdition(slug: $slug) {
    id slug startsOn endsOn
    screenings(first: 100, orderBy: [{ field: STARTS_AT, direction: ASC }]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id venue { id slug } }
    }
  }
}";

pub const CURSORS: &str =
    "query BenchCursors($after: String, $orderBy: [FilmOrder!], $locale: Locale) {
  films(first: 24, after: $after, orderBy: $orderBy) {
    pageInfo { hasNextPage endCursor }
    nodes { title(locale: $locale) }
  }
}";

/// The years the catalogue spans.
pub const YEARS: &str = "query BenchYears {
  oldest: films(first: 1, filter: { yearFrom: 1 }, orderBy: [{ field: YEAR, direction: ASC }]) {
    nodes { year }
  }
  newest: films(first: 1, orderBy: [{ field: YEAR, direction: DESC }]) { nodes { year } }
}";
