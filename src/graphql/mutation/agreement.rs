//! Agreement mutations: create, update and delete, with parties, scopes and signatories.

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result, SimpleObject};

use crate::{
    domain::enums::AgreementScope,
    entities::agreement,
    graphql::{
        context::ContextExt,
        mutation::{DeleteInput, DeletePayload, LocalizedTextInput, delete, ids, patch, texts},
        types::{
            agreement::Agreement,
            id::{NodeType, expect},
            scalars::Date,
        },
    },
    store::edit::{self, agreement::AgreementPatch, agreement_part::SignatoryValues},
};

/// A signature under an agreement.
#[derive(InputObject, Debug, Clone)]
pub struct SignatoryInput {
    /// The person who signed.
    pub person: ID,
    /// The party they signed for: one of the agreement's parties.
    pub organization: ID,
    /// The position they signed in.
    pub position: Option<LocalizedTextInput>,
}

/// The lists of an agreement; each one given replaces the list, one left out keeps it.
#[derive(InputObject, Debug, Clone, Default)]
pub struct AgreementListsInput {
    /// Areas of cooperation the agreement covers, each at most once.
    pub scopes: Option<Vec<AgreementScope>>,
    /// Who signed it, in display order, each for one of the parties.
    pub signatories: Option<Vec<SignatoryInput>>,
}

impl AgreementListsInput {
    /// The patch of these lists, with the rest set by the caller.
    fn into_patch(self) -> Result<AgreementPatch> {
        let signatories = self
            .signatories
            .map(|list| {
                (0..)
                    .zip(list)
                    .map(|(i, s): (usize, SignatoryInput)| {
                        let at = format!("signatories[{i}]");
                        Ok(SignatoryValues {
                            person_id: expect(
                                NodeType::Person,
                                &s.person,
                                &format!("{at}.person"),
                            )?,
                            organization_id: expect(
                                NodeType::Organization,
                                &s.organization,
                                &format!("{at}.organization"),
                            )?,
                            position: texts(s.position),
                        })
                    })
                    .collect::<Result<Vec<_>>>()
            })
            .transpose()?;
        Ok(AgreementPatch {
            scopes: self.scopes,
            signatories,
            ..AgreementPatch::default()
        })
    }
}

/// A new agreement between at least two organizations.
#[derive(InputObject, Debug, Clone)]
pub struct CreateAgreementInput {
    /// URL slug: lowercase latin letters, digits and single hyphens; unique among agreements.
    pub slug: String,
    /// Title, in at least one language.
    pub title: LocalizedTextInput,
    /// Summary of what the agreement provides for.
    pub summary: Option<LocalizedTextInput>,
    /// Day of signing.
    pub signed_on: Date,
    /// The festival edition at which it was signed, if any.
    pub signing_event: Option<ID>,
    /// The organizations party to it, in display order: at least two different ones.
    pub parties: Vec<ID>,
    /// Scopes and signatories.
    #[graphql(flatten)]
    pub lists: AgreementListsInput,
}

/// Changes to an agreement made from the version the editor read; a field left out keeps
/// its value and null clears it.
#[derive(InputObject, Debug, Clone)]
pub struct UpdateAgreementInput {
    /// The agreement.
    pub id: ID,
    /// The agreement's `version` when it was read; a stale version is a CONFLICT.
    pub expected_version: i32,
    /// New URL slug.
    pub slug: Option<String>,
    /// Title changes: a language left out keeps its title.
    pub title: Option<LocalizedTextInput>,
    /// Summary changes: a language left out keeps its text, null clears it.
    pub summary: Option<LocalizedTextInput>,
    /// Day of signing.
    pub signed_on: Option<Date>,
    /// The festival edition at which it was signed; null for none.
    pub signing_event: MaybeUndefined<ID>,
    /// The organizations party to it, in display order, replacing the list: at least two
    /// different ones, including every party a signatory signed for.
    pub parties: Option<Vec<ID>>,
    /// Scopes and signatories.
    #[graphql(flatten)]
    pub lists: AgreementListsInput,
}

/// The agreement written.
#[derive(SimpleObject)]
pub struct AgreementPayload {
    /// The agreement as it is now.
    pub agreement: Agreement,
}

/// Agreement writes.
#[derive(Default)]
pub struct AgreementMutation;

#[Object]
impl AgreementMutation {
    /// Creates an agreement. Editors only.
    async fn create_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new agreement.")] input: CreateAgreementInput,
    ) -> Result<AgreementPayload> {
        let patch = AgreementPatch {
            slug: Some(input.slug),
            title: input.title.patches(),
            summary: texts(input.summary),
            signed_on: Some(input.signed_on.0),
            signing_event_id: Some(
                input
                    .signing_event
                    .map(|id| expect(NodeType::FestivalEdition, &id, "signingEvent"))
                    .transpose()?,
            ),
            parties: Some(ids(NodeType::Organization, &input.parties, "parties")?),
            ..input.lists.into_patch()?
        };
        let agreement = edit::agreement::write(ctx.db()?, ctx.caller()?, None, patch).await?;
        Ok(AgreementPayload {
            agreement: Agreement(agreement),
        })
    }

    /// Changes an agreement, from the version the editor read. Editors only.
    async fn update_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agreement, its expected version, and the changes.")]
        input: UpdateAgreementInput,
    ) -> Result<AgreementPayload> {
        let id = expect(NodeType::Agreement, &input.id, "id")?;
        let patch = AgreementPatch {
            slug: input.slug,
            title: texts(input.title),
            summary: texts(input.summary),
            signed_on: input.signed_on.map(|d| d.0),
            signing_event_id: signing_event(input.signing_event)?,
            parties: input
                .parties
                .map(|list| ids(NodeType::Organization, &list, "parties"))
                .transpose()?,
            ..input.lists.into_patch()?
        };
        let (db, caller) = (ctx.db()?, ctx.caller()?);
        let at = Some((id, input.expected_version));
        let agreement = edit::agreement::write(db, caller, at, patch).await?;
        Ok(AgreementPayload {
            agreement: Agreement(agreement),
        })
    }

    /// Deletes an agreement with its parties, signatories and scopes; refused (CONFLICT)
    /// while co-productions fall under it or press materials are about it. Editors only.
    async fn delete_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agreement.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        delete::<agreement::Model>(ctx, NodeType::Agreement, input).await
    }
}

/// The change of the signing event: its row id, none, or left as it is.
fn signing_event(id: MaybeUndefined<ID>) -> Result<edit::Patch<i32>> {
    Ok(patch(id)
        .map(|id| {
            id.map(|id| expect(NodeType::FestivalEdition, &id, "signingEvent"))
                .transpose()
        })
        .transpose()?)
}
