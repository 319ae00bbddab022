//! Look-ups of single objects by slug or global id, and Relay `node`/`nodes`.

use async_graphql::{Context, Enum, ID, Object, Result};

use crate::{
    domain::rules,
    entities::{
        agreement, festival, festival_edition, film, location, organization, person, press_material,
    },
    error::{AppError, AppResult},
    graphql::{
        context::{ContextExt, load},
        loaders::ById,
        types::{
            agreement::Agreement,
            festival::{Festival, FestivalEdition},
            film::Film,
            id::{NodeType, decode},
            location::Location,
            node::{self, Node},
            organization::{Organization, Person},
            press::PressMaterial,
        },
    },
    store::{self, film::ExternalScheme, lookup::Lookup},
};

/// The most ids `nodes` takes at once.
const MAX_NODES: usize = 100;

/// Finds one `E` by exactly one of `slug` or `id`; unknown or malformed gives None.
async fn find<E: Lookup>(
    ctx: &Context<'_>,
    node_type: NodeType,
    slug: Option<String>,
    id: Option<ID>,
) -> AppResult<Option<E::Model>>
where
    E::Model: Send + Sync + Clone + 'static,
{
    match (slug, id) {
        (Some(slug), None) => store::lookup::by_slug::<E>(ctx.db()?, ctx.viewer()?, &slug).await,
        (None, Some(id)) => match decode(&id) {
            Some((found, row)) if found == node_type => load(ctx, ById::<E>::new(row)).await,
            _ => Ok(None),
        },
        _ => Err(AppError::bad_input(
            "slug",
            "give exactly one of \"slug\" or \"id\"",
        )),
    }
}

/// A registry of film identifiers.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ExternalIdScheme {
    /// IMDb title id (`tt` and digits).
    #[graphql(name = "IMDB")]
    Imdb,
    /// EIDR content id (`10.5240/…` with its check character).
    #[graphql(name = "EIDR")]
    Eidr,
    /// National distribution certificate number (9 digits).
    #[graphql(name = "CERTIFICATE")]
    Certificate,
}

/// Look-ups by slug or id.
#[derive(Default)]
pub struct LookupQuery;

// Public catalogue reads: a generous hint, cut to `--cache-max-age` and to the next embargo
// lift by the HTTP layer (src/http/caching.rs).
#[Object(cache_control(max_age = 86400))]
impl LookupQuery {
    /// The film carrying this identifier of another registry, or null when there is none the
    /// caller may see. A value that is not an identifier of the scheme is BAD_USER_INPUT.
    async fn film_by_external_id(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The registry the identifier belongs to.")] scheme: ExternalIdScheme,
        #[graphql(desc = "The identifier, as the registry writes it.")] value: String,
    ) -> Result<Option<Film>> {
        let (scheme, value) = match scheme {
            ExternalIdScheme::Imdb => (ExternalScheme::Imdb, rules::imdb_id("value", &value)?),
            ExternalIdScheme::Eidr => (ExternalScheme::Eidr, rules::eidr_id("value", &value)?),
            ExternalIdScheme::Certificate => (
                ExternalScheme::Certificate,
                rules::distribution_certificate("value", &value)?,
            ),
        };
        let film = store::film::by_external_id(ctx.db()?, ctx.viewer()?, scheme, &value).await?;
        Ok(film.map(Film))
    }

    /// The film with this slug or id, or null when there is none the caller may see.
    async fn film(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "URL slug of the film.")] slug: Option<String>,
        #[graphql(desc = "Global id of the film.")] id: Option<ID>,
    ) -> Result<Option<Film>> {
        Ok(find::<film::Entity>(ctx, NodeType::Film, slug, id)
            .await?
            .map(Film))
    }
    /// The organization with this slug or id, or null.
    async fn organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "URL slug of the organization.")] slug: Option<String>,
        #[graphql(desc = "Global id of the organization.")] id: Option<ID>,
    ) -> Result<Option<Organization>> {
        Ok(
            find::<organization::Entity>(ctx, NodeType::Organization, slug, id)
                .await?
                .map(Organization),
        )
    }
    /// The person with this slug or id, or null.
    async fn person(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "URL slug of the person.")] slug: Option<String>,
        #[graphql(desc = "Global id of the person.")] id: Option<ID>,
    ) -> Result<Option<Person>> {
        Ok(find::<person::Entity>(ctx, NodeType::Person, slug, id)
            .await?
            .map(Person))
    }
    /// The agreement with this slug or id, or null.
    async fn agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "URL slug of the agreement.")] slug: Option<String>,
        #[graphql(desc = "Global id of the agreement.")] id: Option<ID>,
    ) -> Result<Option<Agreement>> {
        Ok(
            find::<agreement::Entity>(ctx, NodeType::Agreement, slug, id)
                .await?
                .map(Agreement),
        )
    }
    /// The festival with this slug or id, or null.
    async fn festival(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "URL slug of the festival.")] slug: Option<String>,
        #[graphql(desc = "Global id of the festival.")] id: Option<ID>,
    ) -> Result<Option<Festival>> {
        Ok(find::<festival::Entity>(ctx, NodeType::Festival, slug, id)
            .await?
            .map(Festival))
    }
    /// The festival edition with this slug or id, or null.
    async fn festival_edition(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "URL slug of the edition.")] slug: Option<String>,
        #[graphql(desc = "Global id of the edition.")] id: Option<ID>,
    ) -> Result<Option<FestivalEdition>> {
        Ok(
            find::<festival_edition::Entity>(ctx, NodeType::FestivalEdition, slug, id)
                .await?
                .map(FestivalEdition),
        )
    }
    /// The location with this slug or id, or null.
    async fn location(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "URL slug of the location.")] slug: Option<String>,
        #[graphql(desc = "Global id of the location.")] id: Option<ID>,
    ) -> Result<Option<Location>> {
        Ok(find::<location::Entity>(ctx, NodeType::Location, slug, id)
            .await?
            .map(Location))
    }
    /// The press material with this slug or id, or null when there is none the caller may see.
    async fn press_material(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "URL slug of the press material.")] slug: Option<String>,
        #[graphql(desc = "Global id of the press material.")] id: Option<ID>,
    ) -> Result<Option<PressMaterial>> {
        Ok(
            find::<press_material::Entity>(ctx, NodeType::PressMaterial, slug, id)
                .await?
                .map(PressMaterial),
        )
    }
    /// Any object by its global id; null when the id is unknown, malformed or not visible.
    async fn node(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A global id.")] id: ID,
    ) -> Result<Option<Node>> {
        Ok(node::resolve(ctx, &id).await?)
    }
    /// Objects by global ids, in the same order; null in the place of an unknown, malformed or
    /// invisible id. At most 100 ids.
    async fn nodes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Global ids (at most 100).")] ids: Vec<ID>,
    ) -> Result<Vec<Option<Node>>> {
        if ids.len() > MAX_NODES {
            return Err(AppError::bad_input(
                "ids",
                format!("\"ids\" takes at most {MAX_NODES} ids, got {}", ids.len()),
            )
            .into());
        }
        Ok(futures::future::try_join_all(ids.iter().map(|id| node::resolve(ctx, id))).await?)
    }
}
