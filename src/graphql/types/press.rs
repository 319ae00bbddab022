//! Press materials, their quotes and subjects.

use async_graphql::{Context, ID, Object, Result, Union};
use chrono::{DateTime, Utc};

use crate::{
    domain::enums::{PressMaterialKind, PublicationStatus, SubjectType},
    entities::{
        agreement, festival_edition, film, location, organization, person, press_material,
        press_subject, quote,
    },
    error::AppResult,
    graphql::{
        context::{load, load_list},
        loaders::{AssetsOfPress, ById, QuotesOfPress, SubjectsOfPress},
        types::json_ld::{self, Json},
        types::{
            agreement::Agreement,
            festival::FestivalEdition,
            film::Film,
            id::NodeType,
            locale::{Locale, localized},
            location::Location,
            media::MediaAsset,
            organization::{Organization, Person},
        },
    },
};

/// A press release, news item, statement, photo or trailer release, press kit or fact sheet.
#[derive(Clone)]
pub struct PressMaterial(pub press_material::Model);

/// A press release, news item, statement, photo or trailer release, press kit or fact sheet.
#[Object]
impl PressMaterial {
    /// Opaque global id (refetch with `node`).
    pub async fn id(&self) -> ID {
        NodeType::PressMaterial.id(self.0.id)
    }
    /// URL slug, unique among press materials.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Kind of material.
    async fn kind(&self) -> PressMaterialKind {
        self.0.kind
    }
    /// Publication status; anonymous clients only ever see PUBLISHED.
    async fn status(&self) -> PublicationStatus {
        self.0.status
    }
    /// Headline in the asked language.
    async fn title(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.title_ru, &self.0.title_en)
    }
    /// Lead paragraph in the asked language.
    async fn lead(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.lead_ru, &self.0.lead_en)
    }
    /// Full text in the asked language (plain text, paragraphs separated by blank lines).
    async fn body(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.body_ru, &self.0.body_en)
    }
    /// When it was published.
    async fn published_at(&self) -> Option<DateTime<Utc>> {
        self.0.published_at
    }
    /// Until when it is embargoed; only keyed clients see material whose embargo has not passed.
    async fn embargo_until(&self) -> Option<DateTime<Utc>> {
        self.0.embargo_until
    }
    /// schema.org JSON-LD (`NewsArticle`) for the public page, in the asked language: canonical
    /// `@id`/`url` and what the catalogue knows; embed it in `<script type="application/ld+json">`.
    async fn json_ld(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Result<Json> {
        Ok(json_ld::press(ctx, locale, &self.0).await?)
    }
    /// Quotations, in order.
    async fn quotes(&self, ctx: &Context<'_>) -> Result<Vec<Quote>> {
        Ok(load_list(ctx, QuotesOfPress(self.0.id))
            .await?
            .into_iter()
            .map(Quote)
            .collect())
    }
    /// Attached media: photos, posters, trailers, documents.
    async fn assets(&self, ctx: &Context<'_>) -> Result<Vec<MediaAsset>> {
        Ok(load_list(ctx, AssetsOfPress(self.0.id))
            .await?
            .into_iter()
            .map(MediaAsset)
            .collect())
    }
    /// What the material is about: films, organizations, agreements, editions, people, locations.
    async fn subjects(&self, ctx: &Context<'_>) -> Result<Vec<PressSubject>> {
        let links = load_list(ctx, SubjectsOfPress(self.0.id)).await?;
        let found =
            futures::future::try_join_all(links.iter().map(|link| subject(ctx, link))).await?;
        Ok(found.into_iter().flatten().collect())
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

/// The subject a link points at, if the caller may see it.
async fn subject(
    ctx: &Context<'_>,
    link: &press_subject::Model,
) -> AppResult<Option<PressSubject>> {
    let id = link.subject_id;
    Ok(match link.subject_type {
        SubjectType::Film => load(ctx, ById::<film::Entity>::new(id))
            .await?
            .map(|m| PressSubject::Film(Film(m))),
        SubjectType::Organization => load(ctx, ById::<organization::Entity>::new(id))
            .await?
            .map(|m| PressSubject::Organization(Organization(m))),
        SubjectType::Agreement => load(ctx, ById::<agreement::Entity>::new(id))
            .await?
            .map(|m| PressSubject::Agreement(Agreement(m))),
        SubjectType::FestivalEdition => load(ctx, ById::<festival_edition::Entity>::new(id))
            .await?
            .map(|m| PressSubject::FestivalEdition(FestivalEdition(m))),
        SubjectType::Person => load(ctx, ById::<person::Entity>::new(id))
            .await?
            .map(|m| PressSubject::Person(Person(m))),
        SubjectType::Location => load(ctx, ById::<location::Entity>::new(id))
            .await?
            .map(|m| PressSubject::Location(Location(m))),
    })
}

/// Something a press material is about.
#[derive(Union, Clone)]
pub enum PressSubject {
    /// A film.
    Film(Film),
    /// An organization.
    Organization(Organization),
    /// An agreement.
    Agreement(Agreement),
    /// A festival edition.
    FestivalEdition(FestivalEdition),
    /// A person.
    Person(Person),
    /// A location.
    Location(Location),
}

/// A quotation in a press material, attributed to a person in a position.
#[derive(Clone)]
pub struct Quote(pub quote::Model);

/// A quotation in a press material, attributed to a person in a position.
#[Object]
impl Quote {
    /// The quoted words in the asked language.
    async fn text(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.text_ru, &self.0.text_en)
    }
    /// The speaker's position, in the asked language.
    async fn position(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.position_ru, &self.0.position_en)
    }
    /// The speaker.
    async fn person(&self, ctx: &Context<'_>) -> Result<Option<Person>> {
        let Some(id) = self.0.person_id else {
            return Ok(None);
        };
        Ok(load(ctx, ById::<person::Entity>::new(id))
            .await?
            .map(Person))
    }
    /// The organization the speaker spoke for.
    async fn organization(&self, ctx: &Context<'_>) -> Result<Option<Organization>> {
        let Some(id) = self.0.organization_id else {
            return Ok(None);
        };
        Ok(load(ctx, ById::<organization::Entity>::new(id))
            .await?
            .map(Organization))
    }
}
