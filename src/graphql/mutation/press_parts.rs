//! Mutations of a press material's own parts: its subjects and its quotes, each list
//! replaced whole.

use async_graphql::{Context, ID, InputObject, Object, Result};

use crate::{
    domain::enums::SubjectType,
    error::AppError,
    graphql::{
        context::ContextExt,
        mutation::{LocalizedTextInput, press::PressMaterialPayload},
        types::{
            id::{NodeType, decode, expect},
            press::PressMaterial,
        },
    },
    store::edit::{self, press_parts::NewQuote},
};

/// What a press material is about, replacing the list.
#[derive(InputObject, Debug, Clone)]
pub struct SetPressSubjectsInput {
    /// The press material.
    pub press_material: ID,
    /// The material's `version` when it was read; when given, a stale version is a CONFLICT.
    pub expected_version: Option<i32>,
    /// Global ids of films, organizations, agreements, festival editions, people and
    /// locations, in display order.
    pub subjects: Vec<ID>,
}

/// A quotation: what a person (or an organization) said, in which position.
#[derive(InputObject, Debug, Clone)]
pub struct QuoteInput {
    /// The person quoted.
    pub person: Option<ID>,
    /// The organization they speak for.
    pub organization: Option<ID>,
    /// Their position when they said it.
    pub position: Option<LocalizedTextInput>,
    /// The quotation, in at least one language.
    pub text: LocalizedTextInput,
}

/// A press material's quotes, replacing the list.
#[derive(InputObject, Debug, Clone)]
pub struct SetPressQuotesInput {
    /// The press material.
    pub press_material: ID,
    /// The material's `version` when it was read; when given, a stale version is a CONFLICT.
    pub expected_version: Option<i32>,
    /// The quotes, in display order.
    pub quotes: Vec<QuoteInput>,
}

/// Press material parts.
#[derive(Default)]
pub struct PressPartsMutation;

#[Object]
impl PressPartsMutation {
    /// Sets what a press material is about. Editors only.
    async fn set_press_subjects(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The press material and its subjects.")] input: SetPressSubjectsInput,
    ) -> Result<PressMaterialPayload> {
        let id = expect(
            NodeType::PressMaterial,
            &input.press_material,
            "pressMaterial",
        )?;
        let mut subjects = Vec::with_capacity(input.subjects.len());
        for (i, subject) in input.subjects.iter().enumerate() {
            let subject_type = match decode(subject) {
                Some((NodeType::Film, row)) => (SubjectType::Film, row),
                Some((NodeType::Organization, row)) => (SubjectType::Organization, row),
                Some((NodeType::Agreement, row)) => (SubjectType::Agreement, row),
                Some((NodeType::FestivalEdition, row)) => (SubjectType::FestivalEdition, row),
                Some((NodeType::Person, row)) => (SubjectType::Person, row),
                Some((NodeType::Location, row)) => (SubjectType::Location, row),
                _ => {
                    return Err(AppError::bad_input(
                        format!("subjects[{i}]"),
                        format!("\"subjects[{i}]\" must be the id of a film, organization, agreement, festival edition, person or location"),
                    )
                    .into());
                }
            };
            subjects.push(subject_type);
        }
        let material = edit::press_parts::set_subjects(
            ctx.db()?,
            ctx.caller()?,
            id,
            input.expected_version,
            subjects,
        )
        .await?;
        Ok(PressMaterialPayload {
            press_material: PressMaterial(material),
        })
    }

    /// Sets a press material's quotes. Editors only.
    async fn set_press_quotes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The press material and its quotes.")] input: SetPressQuotesInput,
    ) -> Result<PressMaterialPayload> {
        let id = expect(
            NodeType::PressMaterial,
            &input.press_material,
            "pressMaterial",
        )?;
        let mut quotes = Vec::with_capacity(input.quotes.len());
        for (i, quote) in input.quotes.into_iter().enumerate() {
            let (text_ru, text_en) = quote.text.values();
            let (position_ru, position_en) = quote.position.unwrap_or_default().values();
            quotes.push(NewQuote {
                person_id: quote
                    .person
                    .map(|p| expect(NodeType::Person, &p, &format!("quotes[{i}].person")))
                    .transpose()?,
                organization_id: quote
                    .organization
                    .map(|o| {
                        expect(
                            NodeType::Organization,
                            &o,
                            &format!("quotes[{i}].organization"),
                        )
                    })
                    .transpose()?,
                position_ru,
                position_en,
                text_ru,
                text_en,
            });
        }
        let material = edit::press_parts::set_quotes(
            ctx.db()?,
            ctx.caller()?,
            id,
            input.expected_version,
            quotes,
        )
        .await?;
        Ok(PressMaterialPayload {
            press_material: PressMaterial(material),
        })
    }
}
