//! Organizations, people and the affiliations between them.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};

use crate::{
    domain::enums::{OrganizationKind, SubjectType},
    entities::{affiliation, organization, person},
    graphql::{
        context::{load, load_list, load_page},
        loaders::{
            AffiliationsOfOrganization, AffiliationsOfPerson, AgreementsPage, ById,
            CoProductionsPage, CreditsOfPerson, FestivalsOfOrganizer, LocationsOfOwner,
        },
        types::json_ld::{self, Json},
        types::{
            agreement::Agreement,
            connection::{
                AgreementConnection, CoProductionConnection, PageArgs, PressMaterialConnection,
            },
            festival::Festival,
            film::{CoProduction, Credit, press_page},
            id::NodeType,
            locale::{Locale, localized},
            location::Location,
        },
    },
    store::{self, co_production::CoProductionParent},
};

/// A media holding, studio, film commission, distributor, festival organizer or broadcaster.
#[derive(Clone)]
pub struct Organization(pub organization::Model);

/// A media holding, studio, film commission, distributor, festival organizer or broadcaster.
#[Object]
impl Organization {
    /// Opaque global id (refetch with `node`).
    pub async fn id(&self) -> ID {
        NodeType::Organization.id(self.0.id)
    }
    /// URL slug, unique among organizations.
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
    /// What kind of organization it is.
    async fn kind(&self) -> OrganizationKind {
        self.0.kind
    }
    /// Country (ISO 3166-1 alpha-2).
    async fn country(&self) -> Option<&str> {
        self.0.country.as_deref()
    }
    /// Website URL.
    async fn website(&self) -> Option<&str> {
        self.0.website.as_deref()
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
    /// schema.org JSON-LD (`Organization`) for the public page, in the asked language: canonical
    /// `@id`/`url` and what the catalogue knows; embed it in `<script type="application/ld+json">`.
    async fn json_ld(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Result<Json> {
        Ok(json_ld::organization(ctx, locale, &self.0)?)
    }
    /// People holding positions at the organization.
    async fn affiliations(&self, ctx: &Context<'_>) -> Result<Vec<Affiliation>> {
        Ok(load_list(ctx, AffiliationsOfOrganization(self.0.id))
            .await?
            .into_iter()
            .map(Affiliation)
            .collect())
    }
    /// Locations the organization owns (studio lots, backlots, venues).
    async fn locations(&self, ctx: &Context<'_>) -> Result<Vec<Location>> {
        Ok(load_list(ctx, LocationsOfOwner(self.0.id))
            .await?
            .into_iter()
            .map(Location)
            .collect())
    }
    /// Agreements the organization is a party to, latest signed first.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, last, 10, child_complexity)")]
    async fn agreements(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size from the start (at most 100; 10 when omitted).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor after which the page starts.")] after: Option<String>,
        #[graphql(desc = "Page size from the end (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Cursor before which the page ends.")] before: Option<String>,
    ) -> Result<AgreementConnection> {
        let list = store::agreement::LIST;
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .resolve(list, 10)?;
        let page = load_page(
            ctx,
            AgreementsPage {
                id: self.0.id,
                page,
            },
        )
        .await?;
        Ok(AgreementConnection::from_page(list, page, Agreement))
    }
    /// The organization's part in films.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, last, 20, child_complexity)")]
    async fn co_productions(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size from the start (at most 100; 20 when omitted).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor after which the page starts.")] after: Option<String>,
        #[graphql(desc = "Page size from the end (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Cursor before which the page ends.")] before: Option<String>,
    ) -> Result<CoProductionConnection> {
        co_production_page(
            ctx,
            CoProductionParent::Organization,
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
    /// Festivals the organization organizes.
    async fn festivals(&self, ctx: &Context<'_>) -> Result<Vec<Festival>> {
        Ok(load_list(ctx, FestivalsOfOrganizer(self.0.id))
            .await?
            .into_iter()
            .map(Festival)
            .collect())
    }
    /// Press materials about the organization, newest first.
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
            SubjectType::Organization,
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
    /// When the record last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// The co-productions of an organization or agreement, as a connection.
pub async fn co_production_page(
    ctx: &Context<'_>,
    parent: CoProductionParent,
    id: i32,
    args: PageArgs,
) -> Result<CoProductionConnection> {
    let list = store::co_production::LIST;
    let page = args.resolve(list, 20)?;
    let page = load_page(ctx, CoProductionsPage { parent, id, page }).await?;
    Ok(CoProductionConnection::from_page(list, page, CoProduction))
}

/// A person: executive, director, producer, cast member.
#[derive(Clone)]
pub struct Person(pub person::Model);

/// A person: executive, director, producer, cast member.
#[Object]
impl Person {
    /// Opaque global id (refetch with `node`).
    pub async fn id(&self) -> ID {
        NodeType::Person.id(self.0.id)
    }
    /// URL slug, unique among people.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Full name in the asked language.
    async fn name(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.name_ru, &self.0.name_en)
    }
    /// Short biography in the asked language.
    async fn biography(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.biography_ru, &self.0.biography_en)
    }
    /// schema.org JSON-LD (`Person`) for the public page, in the asked language: canonical
    /// `@id`/`url` and what the catalogue knows; embed it in `<script type="application/ld+json">`.
    async fn json_ld(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Result<Json> {
        Ok(json_ld::person(ctx, locale, &self.0).await?)
    }
    /// Positions the person holds or held at organizations.
    async fn affiliations(&self, ctx: &Context<'_>) -> Result<Vec<Affiliation>> {
        Ok(load_list(ctx, AffiliationsOfPerson(self.0.id))
            .await?
            .into_iter()
            .map(Affiliation)
            .collect())
    }
    /// The person's film credits.
    async fn credits(&self, ctx: &Context<'_>) -> Result<Vec<Credit>> {
        Ok(load_list(ctx, CreditsOfPerson(self.0.id))
            .await?
            .into_iter()
            .map(Credit)
            .collect())
    }
    /// Press materials about the person, newest first.
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
            SubjectType::Person,
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
    /// When the record last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A person's position at an organization over a period.
#[derive(Clone)]
pub struct Affiliation(pub affiliation::Model);

/// A person's position at an organization over a period.
#[Object]
impl Affiliation {
    /// Position title in the asked language.
    async fn position(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.position_ru, &self.0.position_en)
    }
    /// The person.
    async fn person(&self, ctx: &Context<'_>) -> Result<Option<Person>> {
        Ok(load(ctx, ById::<person::Entity>::new(self.0.person_id))
            .await?
            .map(Person))
    }
    /// The organization.
    async fn organization(&self, ctx: &Context<'_>) -> Result<Option<Organization>> {
        Ok(load(
            ctx,
            ById::<organization::Entity>::new(self.0.organization_id),
        )
        .await?
        .map(Organization))
    }
    /// First day in the position, if known.
    async fn starts_on(&self) -> Option<crate::graphql::types::scalars::Date> {
        self.0.starts_on.map(Into::into)
    }
    /// Last day in the position; null while current.
    async fn ends_on(&self) -> Option<crate::graphql::types::scalars::Date> {
        self.0.ends_on.map(Into::into)
    }
}
