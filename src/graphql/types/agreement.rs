//! Cooperation agreements, their signatories and scope.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};

use crate::{
    domain::enums::{AgreementScope, SubjectType},
    entities::{agreement, agreement_signatory, festival_edition, organization, person},
    graphql::{
        context::{load, load_list},
        loaders::{ById, PartiesOfAgreement, ScopesOfAgreement, SignatoriesOfAgreement},
        types::{
            connection::{CoProductionConnection, PageArgs, PressMaterialConnection},
            festival::FestivalEdition,
            film::press_page,
            id::NodeType,
            locale::{Locale, localized},
            organization::{Organization, Person, co_production_page},
            scalars::Date,
        },
    },
    store::co_production::CoProductionParent,
};

/// A cooperation agreement between organizations.
#[derive(Clone)]
pub struct Agreement(pub agreement::Model);

/// A cooperation agreement between organizations.
#[Object]
impl Agreement {
    /// Opaque global id (refetch with `node`).
    pub async fn id(&self) -> ID {
        NodeType::Agreement.id(self.0.id)
    }
    /// URL slug, unique among agreements.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Title in the asked language.
    async fn title(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.title_ru, &self.0.title_en)
    }
    /// Summary of what the agreement provides for.
    async fn summary(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.summary_ru, &self.0.summary_en)
    }
    /// Day of signing.
    async fn signed_on(&self) -> Date {
        self.0.signed_on.into()
    }
    /// The event (festival edition) at which it was signed, if any.
    async fn signing_event(&self, ctx: &Context<'_>) -> Result<Option<FestivalEdition>> {
        let Some(id) = self.0.signing_event_id else {
            return Ok(None);
        };
        Ok(load(ctx, ById::<festival_edition::Entity>::new(id))
            .await?
            .map(FestivalEdition))
    }
    /// Areas of cooperation the agreement covers.
    async fn scopes(&self, ctx: &Context<'_>) -> Result<Vec<AgreementScope>> {
        Ok(load_list(ctx, ScopesOfAgreement(self.0.id))
            .await?
            .into_iter()
            .map(|s| s.scope)
            .collect())
    }
    /// The organizations that are parties to it.
    async fn parties(&self, ctx: &Context<'_>) -> Result<Vec<Organization>> {
        Ok(load_list(ctx, PartiesOfAgreement(self.0.id))
            .await?
            .into_iter()
            .map(Organization)
            .collect())
    }
    /// Who signed it, in which position, for which party.
    async fn signatories(&self, ctx: &Context<'_>) -> Result<Vec<Signatory>> {
        Ok(load_list(ctx, SignatoriesOfAgreement(self.0.id))
            .await?
            .into_iter()
            .map(Signatory)
            .collect())
    }
    /// Co-productions falling under the agreement.
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
            CoProductionParent::Agreement,
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
    /// Press materials about the agreement, newest first.
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
            SubjectType::Agreement,
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

/// A signature under an agreement: the person, the position they signed in, and the party.
#[derive(Clone)]
pub struct Signatory(pub agreement_signatory::Model);

/// A signature under an agreement: the person, the position they signed in, and the party.
#[Object]
impl Signatory {
    /// Position the person signed in, in the asked language.
    async fn position(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.position_ru, &self.0.position_en)
    }
    /// The person who signed.
    async fn person(&self, ctx: &Context<'_>) -> Result<Option<Person>> {
        Ok(load(ctx, ById::<person::Entity>::new(self.0.person_id))
            .await?
            .map(Person))
    }
    /// The party the person signed for.
    async fn organization(&self, ctx: &Context<'_>) -> Result<Option<Organization>> {
        Ok(load(
            ctx,
            ById::<organization::Entity>::new(self.0.organization_id),
        )
        .await?
        .map(Organization))
    }
}
