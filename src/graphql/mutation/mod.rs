//! The mutation root, merged from one object per area, and the input pieces they share.
//! Every mutation needs an editor's API key and runs in one transaction.

mod agreement;
mod co_production;
mod festival;
mod film;
mod location;
mod media;
mod organization;
mod person;
mod press;
mod press_parts;
mod screening;

use async_graphql::{Context, ID, InputObject, MaybeUndefined, MergedObject, Result, SimpleObject};

use crate::{
    error::AppResult,
    graphql::{
        context::ContextExt,
        types::id::{NodeType, expect},
    },
    store::edit::{
        Patch,
        record::{self, Record},
    },
};

/// Every write: films with their co-productions, credits and shoots; press materials with
/// their parts and publication; organizations, people with their affiliations, locations;
/// festivals with their editions, sections and screenings; agreements.
#[derive(MergedObject, Default)]
pub struct MutationRoot(
    film::FilmMutation,
    co_production::CoProductionMutation,
    press::PressMutation,
    press_parts::PressPartsMutation,
    media::MediaMutation,
    organization::OrganizationMutation,
    person::PersonMutation,
    location::LocationMutation,
    festival::FestivalMutation,
    screening::ScreeningMutation,
    agreement::AgreementMutation,
);

/// Text in Russian and English. Creating, give at least one language. Updating, a language
/// left out keeps its text, and null clears it (one language must remain).
#[derive(InputObject, Debug, Clone, Default)]
pub struct LocalizedTextInput {
    /// The Russian text.
    pub ru: MaybeUndefined<String>,
    /// The English text.
    pub en: MaybeUndefined<String>,
}

impl LocalizedTextInput {
    /// The change to each language, `(ru, en)`.
    pub fn patches(self) -> (Patch<String>, Patch<String>) {
        (patch(self.ru), patch(self.en))
    }

    /// The text of each language, `(ru, en)`, for a new record.
    pub fn values(self) -> (Option<String>, Option<String>) {
        (self.ru.take(), self.en.take())
    }
}

/// The change to each language of an optional text input: left out changes nothing.
pub fn texts(input: Option<LocalizedTextInput>) -> (Patch<String>, Patch<String>) {
    input.map(LocalizedTextInput::patches).unwrap_or_default()
}

/// The row ids of the global ids in the input list `field`, each of a `node_type`
/// (`BAD_USER_INPUT` on `field[i]` otherwise).
pub fn ids(node_type: NodeType, list: &[ID], field: &str) -> AppResult<Vec<i32>> {
    (0..)
        .zip(list)
        .map(|(i, id): (usize, &ID)| expect(node_type, id, &format!("{field}[{i}]")))
        .collect()
}

/// A patch from an optional input value: left out keeps, null clears.
pub fn patch<T>(value: MaybeUndefined<T>) -> Patch<T> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(value) => Some(Some(value)),
    }
}

/// Deletes one object.
#[derive(InputObject, Debug, Clone)]
pub struct DeleteInput {
    /// The object's global id.
    pub id: ID,
    /// The object's `version` when it was read; when given, a stale version is a CONFLICT.
    pub expected_version: Option<i32>,
}

/// What a deletion removed.
#[derive(SimpleObject, Debug, Clone)]
pub struct DeletePayload {
    /// The global id of the deleted object.
    pub deleted_id: ID,
}

/// Deletes the object of `input`, a `node_type` stored as an `R` (`delete<Type>`).
pub async fn delete<R: Record>(
    ctx: &Context<'_>,
    node_type: NodeType,
    input: DeleteInput,
) -> Result<DeletePayload> {
    let id = expect(node_type, &input.id, "id")?;
    record::delete::<R>(ctx.db()?, ctx.caller()?, id, input.expected_version).await?;
    Ok(DeletePayload {
        deleted_id: input.id,
    })
}
