//! Search across the catalogue's kinds of records.

use async_graphql::{Context, Object, Result};
use sha2::{Digest, Sha256};

use crate::{
    domain::{enums::SearchType, search},
    graphql::{
        context::ContextExt,
        types::{connection::PageArgs, search::SearchConnection},
    },
    store,
};

/// The list tag of a search's cursors: the query's words and the types, hashed.
fn list_tag(query: &search::SearchQuery, types: Option<&[SearchType]>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(query.normalized().as_bytes());
    if let Some(types) = types {
        for kind in types {
            hasher.update(format!("|{kind:?}").as_bytes());
        }
    }
    let digest = hasher.finalize();
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("search:{hex}")
}

/// Search.
#[derive(Default)]
pub struct SearchQuery;

#[Object(cache_control(max_age = 86400))]
impl SearchQuery {
    /// Films, press materials, organizations, people, festival editions, locations,
    /// agreements and festivals whose text holds every word of `query` in Russian or English,
    /// in any grammatical form (a Russian word in any case or number, an English word in
    /// singular or plural), best first: words in the title (or name) count more than words
    /// in the rest of the text (see `SearchEdge.score`). Anonymous clients never find drafts,
    /// archived films or embargoed press materials, partners also find embargoed material,
    /// editors everything. A query with no word, or over 200 characters or 10 words, is
    /// BAD_USER_INPUT; one of stop words only ("и", "the") finds nothing.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, last, 10, child_complexity)")]
    async fn search(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The words to find, in Russian or English.")] query: String,
        #[graphql(desc = "Only results of these kinds; all kinds when omitted.")] types: Option<
            Vec<SearchType>,
        >,
        #[graphql(desc = "Page size from the start (at most 100; 10 when omitted).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor after which the page starts.")] after: Option<String>,
        #[graphql(desc = "Page size from the end (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Cursor before which the page ends.")] before: Option<String>,
    ) -> Result<SearchConnection> {
        let query = search::SearchQuery::parse("query", &query)?;
        let types = types.map(|mut types| {
            types.sort_by_key(|kind| format!("{kind:?}"));
            types.dedup();
            types
        });
        let list = list_tag(&query, types.as_deref());
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .resolve(&list, 10)?;
        let look = ctx.look_ahead();
        let with_total = look.field("totalCount").exists();
        let nodes = look.field("nodes").exists() || look.field("edges").field("node").exists();
        let found = store::search::find(
            ctx.db()?,
            ctx.viewer()?,
            &query,
            types.as_deref(),
            &page,
            with_total,
        )
        .await?;
        SearchConnection::build(ctx, &list, query, found, nodes).await
    }
}
