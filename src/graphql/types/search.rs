//! Search results: the union of what search finds and its Relay connection, whose edges
//! carry a relevance score and a highlight snippet. The found objects are loaded through the
//! batched loaders (one statement per kind found), so they pass the visibility rule again.

use std::{collections::HashMap, sync::Arc};

use async_graphql::{Context, Object, Result, SimpleObject, Union, dataloader::Loader};

use crate::{
    domain::{
        enums::SearchType,
        search::{Config, SearchQuery, snippet},
    },
    entities::{
        agreement, festival, festival_edition, film, location, organization, person, press_material,
    },
    error::{AppError, AppResult},
    graphql::{
        context::ContextExt,
        loaders::{AppLoader, ById},
        types::{
            agreement::Agreement,
            connection::{PageInfo, encode_cursor},
            festival::{Festival, FestivalEdition},
            film::Film,
            locale::{Locale, asked, record_fallback},
            location::Location,
            organization::{Organization, Person},
            press::PressMaterial,
        },
    },
    store::{
        lookup::Lookup,
        page::Page,
        search::{Hit, TITLE_POINTS},
    },
};

/// Something search finds.
#[derive(Union, Clone)]
pub enum SearchResult {
    /// A film.
    Film(Film),
    /// A press material.
    PressMaterial(PressMaterial),
    /// An organization.
    Organization(Organization),
    /// A person.
    Person(Person),
    /// A festival edition.
    FestivalEdition(FestivalEdition),
    /// A location.
    Location(Location),
    /// An agreement.
    Agreement(Agreement),
    /// A festival.
    Festival(Festival),
}

/// One page of search results, best first: at most 100 items, paged with cursors.
#[derive(SimpleObject, Clone)]
pub struct SearchConnection {
    /// Number of results (all pages) that the caller may see.
    pub total_count: i64,
    /// Where this page sits in the list.
    pub page_info: PageInfo,
    /// The results of this page with their cursors, scores and highlights.
    pub edges: Vec<SearchEdge>,
    /// The results of this page, without cursors.
    pub nodes: Vec<SearchResult>,
}

/// One search result with its cursor, score and highlight.
#[derive(Clone)]
pub struct SearchEdge {
    cursor: String,
    hit: Hit,
    query: Arc<SearchQuery>,
    node: Option<SearchResult>,
}

/// One search result with its cursor, score and highlight.
#[Object]
impl SearchEdge {
    /// Opaque cursor of this result, for `after` or `before` (only with the same query and
    /// types).
    async fn cursor(&self) -> &str {
        &self.cursor
    }
    /// Relevance from 0 to 1, which orders the results: each word of the query counts 1
    /// when the title (or name) holds it in some form and 0.4 when only the rest of the
    /// text does, averaged over the words (stop words such as "и" or "the" left out).
    /// Among equal scores shorter titles come first.
    async fn score(&self) -> f64 {
        let words = self.query.terms().len().max(1) as f64;
        f64::from(self.hit.points) / (f64::from(TITLE_POINTS) * words)
    }
    /// An excerpt of the result's text (of its body, else its title) in the asked language,
    /// as HTML: the words that matched the query, in whatever form they appear, are wrapped
    /// in `<mark>` and `</mark>`, everything else is HTML-escaped (`&amp;`, `&lt;`, `&gt;`,
    /// `&quot;`, `&#39;`), whitespace is collapsed, and `…` shows where the text was cut
    /// (at most 24 words). When nothing matched in the asked language the other language's
    /// text is used, as localized fields fall back (listed in `extensions.localeFallbacks`);
    /// when nothing matched in either, the start of the text, unmarked.
    async fn highlight(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        let doc = &self.hit.document;
        let excerpt = |locale: Locale| match locale {
            Locale::Ru => snippet(
                &self.query,
                Config::Russian,
                doc.title_ru.as_deref(),
                doc.body_ru.as_deref(),
            ),
            Locale::En => snippet(
                &self.query,
                Config::English,
                doc.title_en.as_deref(),
                doc.body_en.as_deref(),
            ),
        };
        let locale = asked(ctx, locale);
        let own = excerpt(locale);
        if own.as_ref().is_some_and(|s| s.marked) {
            return own.map(|s| s.text);
        }
        let other = excerpt(locale.other());
        let use_other = match (&own, &other) {
            (_, Some(other)) if other.marked => true,
            (None, Some(_)) => true,
            _ => false,
        };
        if use_other {
            record_fallback(ctx);
            return other.map(|s| s.text);
        }
        own.map(|s| s.text)
    }
    /// The found object.
    async fn node(&self) -> AppResult<&SearchResult> {
        self.node
            .as_ref()
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("search result node not loaded")))
    }
}

/// The rows of `E` with these ids that the caller may see, through the batched loader.
async fn loaded<E>(
    ctx: &Context<'_>,
    hits: &[Hit],
    kind: SearchType,
) -> AppResult<HashMap<i32, E::Model>>
where
    E: Lookup,
    E::Model: Send + Sync + Clone + 'static,
    AppLoader: Loader<ById<E>, Value = E::Model, Error = AppError>,
{
    let ids: Vec<ById<E>> = hits
        .iter()
        .filter(|h| h.document.kind == kind)
        .map(|h| ById::new(h.document.entity_id))
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let found = ctx.loader()?.load_many(ids).await?;
    Ok(found.into_iter().map(|(key, row)| (key.0, row)).collect())
}

impl SearchConnection {
    /// Builds the connection from a page of list `list`; with `nodes`, loads the found
    /// objects (one batched statement per kind on the page) and drops a result whose
    /// object the caller can no longer see (unpublished meanwhile).
    pub async fn build(
        ctx: &Context<'_>,
        list: &str,
        query: SearchQuery,
        page: Page<Hit>,
        nodes: bool,
    ) -> Result<Self> {
        let query = Arc::new(query);
        let hits: Vec<Hit> = page.items.iter().map(|k| k.row.clone()).collect();
        let mut found = if nodes {
            Some(futures::try_join!(
                loaded::<film::Entity>(ctx, &hits, SearchType::Film),
                loaded::<press_material::Entity>(ctx, &hits, SearchType::PressMaterial),
                loaded::<organization::Entity>(ctx, &hits, SearchType::Organization),
                loaded::<person::Entity>(ctx, &hits, SearchType::Person),
                loaded::<festival_edition::Entity>(ctx, &hits, SearchType::FestivalEdition),
                loaded::<location::Entity>(ctx, &hits, SearchType::Location),
                loaded::<agreement::Entity>(ctx, &hits, SearchType::Agreement),
                loaded::<festival::Entity>(ctx, &hits, SearchType::Festival),
            )?)
        } else {
            None
        };
        let mut edges = Vec::with_capacity(page.items.len());
        for item in page.items {
            let node = match &mut found {
                None => None,
                Some((films, press, orgs, people, editions, locations, agreements, festivals)) => {
                    let id = item.row.document.entity_id;
                    let node = match item.row.document.kind {
                        SearchType::Film => films.remove(&id).map(|m| SearchResult::Film(Film(m))),
                        SearchType::PressMaterial => press
                            .remove(&id)
                            .map(|m| SearchResult::PressMaterial(PressMaterial(m))),
                        SearchType::Organization => orgs
                            .remove(&id)
                            .map(|m| SearchResult::Organization(Organization(m))),
                        SearchType::Person => {
                            people.remove(&id).map(|m| SearchResult::Person(Person(m)))
                        }
                        SearchType::FestivalEdition => editions
                            .remove(&id)
                            .map(|m| SearchResult::FestivalEdition(FestivalEdition(m))),
                        SearchType::Location => locations
                            .remove(&id)
                            .map(|m| SearchResult::Location(Location(m))),
                        SearchType::Agreement => agreements
                            .remove(&id)
                            .map(|m| SearchResult::Agreement(Agreement(m))),
                        SearchType::Festival => festivals
                            .remove(&id)
                            .map(|m| SearchResult::Festival(Festival(m))),
                    };
                    let Some(node) = node else { continue };
                    Some(node)
                }
            };
            edges.push(SearchEdge {
                cursor: encode_cursor(list, &item.key),
                hit: item.row,
                query: query.clone(),
                node,
            });
        }
        Ok(SearchConnection {
            total_count: page.total.unwrap_or(0),
            page_info: PageInfo {
                has_next_page: page.has_next,
                has_previous_page: page.has_previous,
                start_cursor: edges.first().map(|e| e.cursor.clone()),
                end_cursor: edges.last().map(|e| e.cursor.clone()),
            },
            nodes: edges.iter().filter_map(|e| e.node.clone()).collect(),
            edges,
        })
    }
}
