//! Locations (studio lots, backlots, cinemas, venues) and the shoots booked there.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};

use crate::{
    domain::enums::LocationKind,
    entities::{film, location, organization},
    graphql::{
        context::{load, load_page},
        loaders::{ById, ShootsPage},
        types::{
            connection::{PageArgs, ScreeningConnection, ShootConnection},
            festival::screening_page,
            film::Film,
            id::NodeType,
            locale::{Locale, localized},
            organization::Organization,
            scalars::Date,
        },
    },
    store::{
        self,
        screening::{ScreeningParent, ScreeningQuery},
        shoot::ShootRow,
    },
};

/// A place: studio lot, sound stage, backlot, cinema or festival venue.
#[derive(Clone)]
pub struct Location(pub location::Model);

/// A place: studio lot, sound stage, backlot, cinema or festival venue.
#[Object]
impl Location {
    /// Opaque global id (refetch with `node`).
    pub async fn id(&self) -> ID {
        NodeType::Location.id(self.0.id)
    }
    /// URL slug, unique among locations.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Name in the asked language.
    async fn name(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.name_ru, &self.0.name_en)
    }
    /// What kind of place it is.
    async fn kind(&self) -> LocationKind {
        self.0.kind
    }
    /// Description in the asked language.
    async fn description(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.description_ru, &self.0.description_en)
    }
    /// Street address in the asked language.
    async fn address(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.address_ru, &self.0.address_en)
    }
    /// City in the asked language.
    async fn city(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.city_ru, &self.0.city_en)
    }
    /// IANA time zone of the place, e.g. `Europe/Moscow`.
    async fn time_zone(&self) -> &str {
        &self.0.time_zone
    }
    /// Latitude in degrees (WGS 84).
    async fn latitude(&self) -> Option<f64> {
        self.0.latitude
    }
    /// Longitude in degrees (WGS 84).
    async fn longitude(&self) -> Option<f64> {
        self.0.longitude
    }
    /// The organization that owns the place.
    async fn owner(&self, ctx: &Context<'_>) -> Result<Option<Organization>> {
        let Some(id) = self.0.owner_id else {
            return Ok(None);
        };
        Ok(load(ctx, ById::<organization::Entity>::new(id))
            .await?
            .map(Organization))
    }
    /// Shoots booked here, by start date.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, last, 20, child_complexity)")]
    async fn shoots(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size from the start (at most 100; 20 when omitted).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor after which the page starts.")] after: Option<String>,
        #[graphql(desc = "Page size from the end (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Cursor before which the page ends.")] before: Option<String>,
    ) -> Result<ShootConnection> {
        let list = store::shoot::LIST;
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .resolve(list, 20)?;
        let page = load_page(
            ctx,
            ShootsPage {
                id: self.0.id,
                page,
            },
        )
        .await?;
        Ok(ShootConnection::from_page(list, page, Shoot))
    }
    /// Screenings held here, by start time.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, last, 20, child_complexity)")]
    async fn screenings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size from the start (at most 100; 20 when omitted).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor after which the page starts.")] after: Option<String>,
        #[graphql(desc = "Page size from the end (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Cursor before which the page ends.")] before: Option<String>,
    ) -> Result<ScreeningConnection> {
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        screening_page(
            ctx,
            ScreeningParent::Venue,
            self.0.id,
            args,
            ScreeningQuery::default(),
        )
        .await
    }
    /// Version of the record; grows by one on every change.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// When the record last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A film's booking of a location over a range of days.
#[derive(Clone)]
pub struct Shoot(pub ShootRow);

/// A film's booking of a location over a range of days.
#[Object]
impl Shoot {
    /// Opaque global id.
    pub async fn id(&self) -> ID {
        NodeType::Shoot.id(self.0.shoot.id)
    }
    /// First shooting day.
    async fn starts_on(&self) -> Date {
        self.0.shoot.starts_on.into()
    }
    /// Last shooting day.
    async fn ends_on(&self) -> Date {
        self.0.shoot.ends_on.into()
    }
    /// Where the shoot takes place.
    async fn location(&self) -> Location {
        Location(self.0.location.clone())
    }
    /// The film being shot.
    async fn film(&self, ctx: &Context<'_>) -> Result<Option<Film>> {
        Ok(load(ctx, ById::<film::Entity>::new(self.0.shoot.film_id))
            .await?
            .map(Film))
    }
    /// Version of the record; grows by one on every change.
    async fn version(&self) -> i32 {
        self.0.shoot.version
    }
    /// When the record last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.shoot.updated_at
    }
}
