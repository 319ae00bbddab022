//! Organization mutations: create, update, delete.

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result, SimpleObject};

use crate::{
    domain::enums::OrganizationKind,
    entities::organization,
    graphql::{
        context::ContextExt,
        mutation::{DeleteInput, DeletePayload, LocalizedTextInput, delete, patch, texts},
        types::{
            id::{NodeType, expect},
            organization::Organization,
        },
    },
    store::edit::{organization::OrganizationPatch, record, values::Naming},
};

/// The fields of an organization besides its slug, kind and name; in an update, a field
/// left out keeps its value and null clears it.
#[derive(InputObject, Debug, Clone, Default)]
pub struct OrganizationDetailsInput {
    /// What the organization does.
    pub description: Option<LocalizedTextInput>,
    /// Country (ISO 3166-1 alpha-2, e.g. `RU`).
    pub country: MaybeUndefined<String>,
    /// Website: an absolute http or https address.
    pub website: MaybeUndefined<String>,
}

impl OrganizationDetailsInput {
    /// The patch of these fields, with `naming` and `kind` set by the caller.
    fn into_patch(self) -> OrganizationPatch {
        OrganizationPatch {
            description: texts(self.description),
            country: patch(self.country),
            website: patch(self.website),
            ..OrganizationPatch::default()
        }
    }
}

/// A new organization.
#[derive(InputObject, Debug, Clone)]
pub struct CreateOrganizationInput {
    /// URL slug: lowercase latin letters, digits and single hyphens; unique among
    /// organizations.
    pub slug: String,
    /// What kind of organization it is.
    pub kind: OrganizationKind,
    /// Name, in at least one language.
    pub name: LocalizedTextInput,
    /// Everything else.
    #[graphql(flatten)]
    pub details: OrganizationDetailsInput,
}

/// Changes to an organization made from the version the editor read.
#[derive(InputObject, Debug, Clone)]
pub struct UpdateOrganizationInput {
    /// The organization.
    pub id: ID,
    /// The organization's `version` when it was read; a stale version is a CONFLICT.
    pub expected_version: i32,
    /// New URL slug.
    pub slug: Option<String>,
    /// New kind.
    pub kind: Option<OrganizationKind>,
    /// Name changes: a language left out keeps its name.
    pub name: Option<LocalizedTextInput>,
    /// Everything else.
    #[graphql(flatten)]
    pub details: OrganizationDetailsInput,
}

/// The organization written.
#[derive(SimpleObject)]
pub struct OrganizationPayload {
    /// The organization as it is now.
    pub organization: Organization,
}

/// Organization writes.
#[derive(Default)]
pub struct OrganizationMutation;

#[Object]
impl OrganizationMutation {
    /// Creates an organization. Editors only.
    async fn create_organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new organization.")] input: CreateOrganizationInput,
    ) -> Result<OrganizationPayload> {
        let patch = OrganizationPatch {
            naming: Naming {
                slug: Some(input.slug),
                name: input.name.patches(),
            },
            kind: Some(input.kind),
            ..input.details.into_patch()
        };
        let organization = record::write(ctx.db()?, ctx.caller()?, None, patch).await?;
        Ok(OrganizationPayload {
            organization: Organization(organization),
        })
    }

    /// Changes an organization's fields, from the version the editor read. Editors only.
    async fn update_organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The organization, its expected version, and the changes.")]
        input: UpdateOrganizationInput,
    ) -> Result<OrganizationPayload> {
        let id = expect(NodeType::Organization, &input.id, "id")?;
        let patch = OrganizationPatch {
            naming: Naming {
                slug: input.slug,
                name: texts(input.name),
            },
            kind: input.kind,
            ..input.details.into_patch()
        };
        let organization = record::write(
            ctx.db()?,
            ctx.caller()?,
            Some((id, input.expected_version)),
            patch,
        )
        .await?;
        Ok(OrganizationPayload {
            organization: Organization(organization),
        })
    }

    /// Deletes an organization; refused (CONFLICT) while co-productions, agreements,
    /// festivals, affiliations, locations, quotes or press materials refer to it. Editors
    /// only.
    async fn delete_organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The organization.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        delete::<organization::Model>(ctx, NodeType::Organization, input).await
    }
}
