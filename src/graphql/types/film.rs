//! Films and what hangs off them: genres, external ids, co-productions, credits.

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use crate::{
    domain::enums::{
        CoProductionRole, CreditRole, ProductionStatus, PublicationStatus, SubjectType,
    },
    entities::{agreement, film, genre},
    graphql::{
        context::{load, load_list, load_page},
        loaders::{
            AssetsOfFilm, ById, CoProductionsOfFilm, CreditsOfFilm, GenresOfFilm, PressPage,
            ShootsOfFilm,
        },
        types::json_ld::{self, Json},
        types::{
            agreement::Agreement,
            connection::{PageArgs, PressMaterialConnection, ScreeningConnection},
            festival::screening_page,
            id::NodeType,
            locale::{Locale, localized},
            location::Shoot,
            media::MediaAsset,
            organization::{Organization, Person},
            press::PressMaterial,
            scalars::code_list,
        },
    },
    store::{
        co_production::CoProductionRow,
        credit::CreditRow,
        press,
        screening::{ScreeningParent, ScreeningQuery},
    },
};

/// A film or series project of the partnership's catalogue.
#[derive(Clone)]
pub struct Film(pub film::Model);

/// A film or series project of the partnership's catalogue.
#[Object]
impl Film {
    /// Opaque global id (refetch with `node`).
    pub async fn id(&self) -> ID {
        NodeType::Film.id(self.0.id)
    }
    /// URL slug, unique among films.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Title in the asked language (falls back to the other language).
    async fn title(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.title_ru, &self.0.title_en)
    }
    /// Title in the original language of the film.
    async fn original_title(&self) -> &str {
        &self.0.original_title
    }
    /// Original language (ISO 639-1).
    async fn original_language(&self) -> Option<&str> {
        self.0.original_language.as_deref()
    }
    /// Year of release (or planned release).
    async fn year(&self) -> Option<i32> {
        self.0.year
    }
    /// Publication status; anonymous clients only ever see PUBLISHED.
    async fn status(&self) -> PublicationStatus {
        self.0.status
    }
    /// Production stage.
    async fn production_status(&self) -> ProductionStatus {
        self.0.production_status
    }
    /// Running time in minutes.
    async fn runtime_minutes(&self) -> Option<i32> {
        self.0.runtime_minutes
    }
    /// Genres, in display order.
    async fn genres(&self, ctx: &Context<'_>) -> Result<Vec<Genre>> {
        Ok(load_list(ctx, GenresOfFilm(self.0.id))
            .await?
            .into_iter()
            .map(Genre)
            .collect())
    }
    /// Production countries (ISO 3166-1 alpha-2).
    async fn countries(&self) -> Vec<String> {
        code_list(&self.0.countries)
    }
    /// Age rating, e.g. `12+`.
    async fn age_rating(&self) -> Option<&str> {
        self.0.age_rating.as_deref()
    }
    /// One-sentence pitch.
    async fn logline(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.logline_ru, &self.0.logline_en)
    }
    /// Synopsis.
    async fn synopsis(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.synopsis_ru, &self.0.synopsis_en)
    }
    /// Identifiers in other registries.
    async fn external_ids(&self) -> ExternalIds {
        ExternalIds {
            imdb: self.0.imdb_id.clone(),
            eidr: self.0.eidr_id.clone(),
            distribution_certificate: self.0.distribution_certificate.clone(),
        }
    }
    /// The poster, if there is one.
    async fn poster(&self, ctx: &Context<'_>) -> Result<Option<MediaAsset>> {
        let assets = load_list(ctx, AssetsOfFilm(self.0.id)).await?;
        Ok(assets
            .into_iter()
            .find(|a| a.purpose == crate::domain::enums::AssetPurpose::Poster)
            .map(MediaAsset))
    }
    /// Stills, in display order.
    async fn stills(&self, ctx: &Context<'_>) -> Result<Vec<MediaAsset>> {
        let assets = load_list(ctx, AssetsOfFilm(self.0.id)).await?;
        Ok(assets
            .into_iter()
            .filter(|a| a.purpose == crate::domain::enums::AssetPurpose::Still)
            .map(MediaAsset)
            .collect())
    }
    /// Organizations producing, co-producing, distributing or supporting the film.
    async fn co_productions(&self, ctx: &Context<'_>) -> Result<Vec<CoProduction>> {
        Ok(load_list(ctx, CoProductionsOfFilm(self.0.id))
            .await?
            .into_iter()
            .map(CoProduction)
            .collect())
    }
    /// Cast and crew, in billing order.
    async fn credits(&self, ctx: &Context<'_>) -> Result<Vec<Credit>> {
        Ok(load_list(ctx, CreditsOfFilm(self.0.id))
            .await?
            .into_iter()
            .map(Credit)
            .collect())
    }
    /// Bookings of locations for the film's shoots, by start date.
    async fn shoots(&self, ctx: &Context<'_>) -> Result<Vec<Shoot>> {
        Ok(load_list(ctx, ShootsOfFilm(self.0.id))
            .await?
            .into_iter()
            .map(Shoot)
            .collect())
    }
    /// Screenings of the film at festivals and events, by start time.
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
            ScreeningParent::Film,
            self.0.id,
            args,
            ScreeningQuery::default(),
        )
        .await
    }
    /// Press materials about the film, newest first.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, last, 10, child_complexity)")]
    async fn press_materials(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size from the start (at most 100; 10 when omitted).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor after which the page starts.")] after: Option<String>,
        #[graphql(desc = "Page size from the end (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Cursor before which the page ends.")] before: Option<String>,
    ) -> Result<PressMaterialConnection> {
        press_page(
            ctx,
            SubjectType::Film,
            self.0.id,
            PageArgs {
                first,
                after,
                last,
                before,
            },
        )
        .await
    }
    /// Version of the record; grows by one on every change.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// When the record was created.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// When the record last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// When the film was published.
    async fn published_at(&self) -> Option<DateTime<Utc>> {
        self.0.published_at
    }
    /// schema.org JSON-LD (`Movie`) for the public page, in the asked language: canonical
    /// `@id`/`url` and what the catalogue knows; embed it in `<script type="application/ld+json">`.
    async fn json_ld(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Result<Json> {
        Ok(json_ld::film(ctx, locale, &self.0).await?)
    }
}

/// The press materials about a subject, as a connection (shared by every subject type).
pub async fn press_page(
    ctx: &Context<'_>,
    subject: SubjectType,
    id: i32,
    args: PageArgs,
) -> Result<PressMaterialConnection> {
    let page = args.resolve(press::LIST, 10)?;
    let page = load_page(ctx, PressPage { subject, id, page }).await?;
    Ok(PressMaterialConnection::from_page(
        press::LIST,
        page,
        PressMaterial,
    ))
}

/// A film genre.
#[derive(Clone)]
pub struct Genre(pub genre::Model);

/// A film genre.
#[Object]
impl Genre {
    /// URL slug, used in catalogue filters.
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
}

/// A film's identifiers in other registries.
#[derive(SimpleObject, Clone)]
pub struct ExternalIds {
    /// IMDb title id (`tt` and digits).
    pub imdb: Option<String>,
    /// EIDR content id (`10.5240/…`).
    pub eidr: Option<String>,
    /// National distribution certificate number.
    pub distribution_certificate: Option<String>,
}

/// An organization's part in a film: producer, co-producer, distributor or supporter.
#[derive(Clone)]
pub struct CoProduction(pub CoProductionRow);

/// An organization's part in a film: producer, co-producer, distributor or supporter.
#[Object]
impl CoProduction {
    /// Opaque global id.
    pub async fn id(&self) -> ID {
        NodeType::CoProduction.id(self.0.co_production.id)
    }
    /// The organization's role.
    async fn role(&self) -> CoProductionRole {
        self.0.co_production.role
    }
    /// The organization's share of the production, in percent.
    async fn share_percent(&self) -> Option<f64> {
        self.0.co_production.share_percent
    }
    /// The organization.
    async fn organization(&self) -> Organization {
        Organization(self.0.organization.clone())
    }
    /// The film.
    async fn film(&self, ctx: &Context<'_>) -> Result<Option<Film>> {
        Ok(
            load(ctx, ById::<film::Entity>::new(self.0.co_production.film_id))
                .await?
                .map(Film),
        )
    }
    /// The agreement the co-production falls under, if any.
    async fn agreement(&self, ctx: &Context<'_>) -> Result<Option<Agreement>> {
        let Some(id) = self.0.co_production.agreement_id else {
            return Ok(None);
        };
        Ok(load(ctx, ById::<agreement::Entity>::new(id))
            .await?
            .map(Agreement))
    }
    /// Version of the record; grows by one on every change (send it as `expectedVersion`).
    async fn version(&self) -> i32 {
        self.0.co_production.version
    }
}

/// A person's credit on a film.
#[derive(Clone)]
pub struct Credit(pub CreditRow);

/// A person's credit on a film.
#[Object]
impl Credit {
    /// The person's role.
    async fn role(&self) -> CreditRole {
        self.0.credit.role
    }
    /// The character played (cast only).
    async fn character(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(
            ctx,
            locale,
            &self.0.credit.character_ru,
            &self.0.credit.character_en,
        )
    }
    /// The person credited.
    async fn person(&self) -> Person {
        Person(self.0.person.clone())
    }
    /// The film.
    async fn film(&self, ctx: &Context<'_>) -> Result<Option<Film>> {
        Ok(load(ctx, ById::<film::Entity>::new(self.0.credit.film_id))
            .await?
            .map(Film))
    }
}
