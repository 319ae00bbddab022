//! The Relay `Node` interface and refetching any object by its global id.

use async_graphql::{Context, ID, Interface};

use crate::{
    entities::{
        agreement, festival, festival_edition, film, location, organization, person, press_material,
    },
    error::AppResult,
    graphql::{
        context::load,
        loaders::{ById, CoProductionById, ScreeningById, ShootById},
        types::{
            agreement::Agreement,
            festival::{Festival, FestivalEdition, Screening},
            film::{CoProduction, Film},
            id::{NodeType, decode},
            location::{Location, Shoot},
            organization::{Organization, Person},
            press::PressMaterial,
        },
    },
};

/// An object with an opaque, stable global id, refetchable with `node(id:)`.
#[derive(Interface, Clone)]
#[expect(
    clippy::large_enum_variant,
    reason = "a resolver's short-lived return value"
)]
#[graphql(field(name = "id", ty = "ID", desc = "Opaque global id of the object."))]
pub enum Node {
    /// A film.
    Film(Film),
    /// An organization.
    Organization(Organization),
    /// A person.
    Person(Person),
    /// An agreement.
    Agreement(Agreement),
    /// A festival.
    Festival(Festival),
    /// A festival edition.
    FestivalEdition(FestivalEdition),
    /// A screening.
    Screening(Screening),
    /// A location.
    Location(Location),
    /// A press material.
    PressMaterial(PressMaterial),
    /// A co-production.
    CoProduction(CoProduction),
    /// A shoot.
    Shoot(Shoot),
}

/// The object behind a global id, if the id is ours and the caller may see the object.
pub async fn resolve(ctx: &Context<'_>, id: &str) -> AppResult<Option<Node>> {
    let Some((node_type, id)) = decode(id) else {
        return Ok(None);
    };
    Ok(match node_type {
        NodeType::Film => load(ctx, ById::<film::Entity>::new(id))
            .await?
            .map(|m| Node::Film(Film(m))),
        NodeType::Organization => load(ctx, ById::<organization::Entity>::new(id))
            .await?
            .map(|m| Node::Organization(Organization(m))),
        NodeType::Person => load(ctx, ById::<person::Entity>::new(id))
            .await?
            .map(|m| Node::Person(Person(m))),
        NodeType::Agreement => load(ctx, ById::<agreement::Entity>::new(id))
            .await?
            .map(|m| Node::Agreement(Agreement(m))),
        NodeType::Festival => load(ctx, ById::<festival::Entity>::new(id))
            .await?
            .map(|m| Node::Festival(Festival(m))),
        NodeType::FestivalEdition => load(ctx, ById::<festival_edition::Entity>::new(id))
            .await?
            .map(|m| Node::FestivalEdition(FestivalEdition(m))),
        NodeType::Screening => load(ctx, ScreeningById(id))
            .await?
            .map(|r| Node::Screening(Screening(r))),
        NodeType::Location => load(ctx, ById::<location::Entity>::new(id))
            .await?
            .map(|m| Node::Location(Location(m))),
        NodeType::PressMaterial => load(ctx, ById::<press_material::Entity>::new(id))
            .await?
            .map(|m| Node::PressMaterial(PressMaterial(m))),
        NodeType::CoProduction => load(ctx, CoProductionById(id))
            .await?
            .map(|r| Node::CoProduction(CoProduction(r))),
        NodeType::Shoot => load(ctx, ShootById(id))
            .await?
            .map(|r| Node::Shoot(Shoot(r))),
    })
}
