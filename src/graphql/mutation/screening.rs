//! Screening mutations: add, update and remove a festival edition's screenings.

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use crate::{
    domain::enums::PremiereStatus,
    graphql::{
        context::ContextExt,
        mutation::{DeleteInput, DeletePayload, patch},
        types::{
            festival::Screening,
            id::{NodeType, expect},
        },
    },
    store::edit::{self, screening::ScreeningPatch},
};

/// A new screening in a festival edition's programme.
#[derive(InputObject, Debug, Clone)]
pub struct AddScreeningInput {
    /// The festival edition.
    pub edition: ID,
    /// The film screened.
    pub film: ID,
    /// The location where it is held.
    pub venue: ID,
    /// The slug of its programme section in the edition, if any.
    pub section: Option<String>,
    /// Start time, within the edition's days in its time zone.
    pub starts_at: DateTime<Utc>,
    /// Premiere status.
    #[graphql(default_with = "PremiereStatus::None")]
    pub premiere_status: PremiereStatus,
    /// Spoken language of the screened version (ISO 639-1, e.g. `ru`).
    pub language: Option<String>,
    /// Subtitle languages (ISO 639-1), each at most once.
    pub subtitle_languages: Option<Vec<String>>,
    /// Where to buy tickets: an absolute http or https address.
    pub ticket_url: Option<String>,
}

/// Changes to a screening made from the version the editor read; a field left out keeps its
/// value and null clears it.
#[derive(InputObject, Debug, Clone)]
pub struct UpdateScreeningInput {
    /// The screening.
    pub id: ID,
    /// The screening's `version` when it was read; a stale version is a CONFLICT.
    pub expected_version: i32,
    /// The film screened.
    pub film: Option<ID>,
    /// The location where it is held.
    pub venue: Option<ID>,
    /// The slug of its programme section in the edition; null for none.
    pub section: MaybeUndefined<String>,
    /// Start time, within the edition's days in its time zone.
    pub starts_at: Option<DateTime<Utc>>,
    /// Premiere status.
    pub premiere_status: Option<PremiereStatus>,
    /// Spoken language of the screened version (ISO 639-1).
    pub language: MaybeUndefined<String>,
    /// Subtitle languages (ISO 639-1), replacing the list.
    pub subtitle_languages: Option<Vec<String>>,
    /// Where to buy tickets.
    pub ticket_url: MaybeUndefined<String>,
}

/// The screening written.
#[derive(SimpleObject)]
pub struct ScreeningPayload {
    /// The screening as it is now.
    pub screening: Screening,
}

/// Screening writes.
#[derive(Default)]
pub struct ScreeningMutation;

#[Object]
impl ScreeningMutation {
    /// Adds a screening to a festival edition's programme. Editors only.
    async fn add_screening(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The edition, the film, the venue and the time.")]
        input: AddScreeningInput,
    ) -> Result<ScreeningPayload> {
        let edition = expect(NodeType::FestivalEdition, &input.edition, "edition")?;
        let patch = ScreeningPatch {
            film_id: Some(expect(NodeType::Film, &input.film, "film")?),
            venue_id: Some(expect(NodeType::Location, &input.venue, "venue")?),
            section: Some(input.section),
            starts_at: Some(input.starts_at),
            premiere_status: Some(input.premiere_status),
            language: Some(input.language),
            subtitle_languages: input.subtitle_languages,
            ticket_url: Some(input.ticket_url),
        };
        let row = edit::screening::add(ctx.db()?, ctx.caller()?, edition, patch).await?;
        Ok(ScreeningPayload {
            screening: Screening(row),
        })
    }

    /// Changes a screening, from the version the editor read. Editors only.
    async fn update_screening(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The screening, its expected version, and the changes.")]
        input: UpdateScreeningInput,
    ) -> Result<ScreeningPayload> {
        let id = expect(NodeType::Screening, &input.id, "id")?;
        let patch = ScreeningPatch {
            film_id: input
                .film
                .map(|film| expect(NodeType::Film, &film, "film"))
                .transpose()?,
            venue_id: input
                .venue
                .map(|venue| expect(NodeType::Location, &venue, "venue"))
                .transpose()?,
            section: patch(input.section),
            starts_at: input.starts_at,
            premiere_status: input.premiere_status,
            language: patch(input.language),
            subtitle_languages: input.subtitle_languages,
            ticket_url: patch(input.ticket_url),
        };
        let (db, caller) = (ctx.db()?, ctx.caller()?);
        let row = edit::screening::update(db, caller, id, input.expected_version, patch).await?;
        Ok(ScreeningPayload {
            screening: Screening(row),
        })
    }

    /// Removes a screening from its edition's programme. Editors only.
    async fn remove_screening(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The screening.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        let id = expect(NodeType::Screening, &input.id, "id")?;
        edit::screening::remove(ctx.db()?, ctx.caller()?, id, input.expected_version).await?;
        Ok(DeletePayload {
            deleted_id: input.id,
        })
    }
}
