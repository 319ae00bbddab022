//! Co-production mutations: an organization's part in a film, added, changed, removed.

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result, SimpleObject};

use crate::{
    domain::enums::CoProductionRole,
    graphql::{
        context::ContextExt,
        mutation::{DeleteInput, DeletePayload, patch},
        types::{
            film::CoProduction,
            id::{NodeType, expect},
        },
    },
    store::edit::{
        self,
        co_production::{Added, CoProductionPatch, NewCoProduction},
    },
};

/// An organization's part in a film.
#[derive(InputObject, Debug, Clone)]
pub struct AddCoProductionInput {
    /// The film.
    pub film: ID,
    /// The organization.
    pub organization: ID,
    /// Its role; an organization has each role in a film at most once.
    pub role: CoProductionRole,
    /// Its share of the film, 0 to 100 %; a film's shares add up to at most 100 %. Shares
    /// outside the European convention's bounds are accepted with a warning in
    /// `extensions.warnings`.
    pub share_percent: Option<f64>,
    /// The agreement the co-production falls under.
    pub agreement: Option<ID>,
}

/// Changes to a co-production, from the version the editor read; a field left out keeps its
/// value, null clears it.
#[derive(InputObject, Debug, Clone)]
pub struct UpdateCoProductionInput {
    /// The co-production.
    pub id: ID,
    /// Its `version` when it was read; a stale version is a CONFLICT.
    pub expected_version: i32,
    /// A new role.
    pub role: Option<CoProductionRole>,
    /// A new share, 0 to 100 % (the film's shares add up to at most 100 %).
    pub share_percent: MaybeUndefined<f64>,
    /// A new agreement the co-production falls under.
    pub agreement: MaybeUndefined<ID>,
}

/// The co-production written.
#[derive(SimpleObject)]
pub struct CoProductionPayload {
    /// The co-production as it is now.
    pub co_production: CoProduction,
}

/// Co-production writes.
#[derive(Default)]
pub struct CoProductionMutation;

#[Object]
impl CoProductionMutation {
    /// Adds an organization's part in a film. Editors only.
    async fn add_co_production(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The film, the organization, its role and share.")]
        input: AddCoProductionInput,
    ) -> Result<CoProductionPayload> {
        let new = NewCoProduction {
            film_id: expect(NodeType::Film, &input.film, "film")?,
            organization_id: expect(NodeType::Organization, &input.organization, "organization")?,
            role: input.role,
            share_percent: input.share_percent,
            agreement_id: input
                .agreement
                .as_ref()
                .map(|id| expect(NodeType::Agreement, id, "agreement"))
                .transpose()?,
        };
        let added = edit::co_production::add(ctx.db()?, ctx.caller()?, new).await?;
        co_production_payload(ctx, added)
    }

    /// Changes a co-production's role, share or agreement. Editors only.
    async fn update_co_production(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The co-production, its expected version, and the changes.")]
        input: UpdateCoProductionInput,
    ) -> Result<CoProductionPayload> {
        let id = expect(NodeType::CoProduction, &input.id, "id")?;
        let agreement = match input.agreement {
            MaybeUndefined::Value(id) => {
                MaybeUndefined::Value(expect(NodeType::Agreement, &id, "agreement")?)
            }
            MaybeUndefined::Null => MaybeUndefined::Null,
            MaybeUndefined::Undefined => MaybeUndefined::Undefined,
        };
        let patch = CoProductionPatch {
            role: input.role,
            share_percent: patch(input.share_percent),
            agreement_id: patch(agreement),
        };
        let updated = edit::co_production::update(
            ctx.db()?,
            ctx.caller()?,
            id,
            input.expected_version,
            patch,
        )
        .await?;
        co_production_payload(ctx, updated)
    }

    /// Removes an organization's part in a film. Editors only.
    async fn remove_co_production(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The co-production.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        let id = expect(NodeType::CoProduction, &input.id, "id")?;
        edit::co_production::remove(ctx.db()?, ctx.caller()?, id, input.expected_version).await?;
        Ok(DeletePayload {
            deleted_id: input.id,
        })
    }
}

/// The payload of a written co-production, its warnings put in `extensions.warnings`.
fn co_production_payload(ctx: &Context<'_>, written: Added) -> Result<CoProductionPayload> {
    let warnings = &ctx.request()?.warnings;
    for warning in written.warnings {
        warnings.push(serde_json::Value::String(warning));
    }
    Ok(CoProductionPayload {
        co_production: CoProduction(written.row),
    })
}
