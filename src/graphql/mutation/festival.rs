//! Festival mutations: festivals with their organizers, editions, and editions' sections.

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result, SimpleObject};

use crate::{
    entities::{festival, festival_edition},
    graphql::{
        context::ContextExt,
        mutation::{DeleteInput, DeletePayload, LocalizedTextInput, delete, ids, patch, texts},
        types::{
            festival::{Festival, FestivalEdition},
            id::{NodeType, expect},
            scalars::Date,
        },
    },
    store::edit::{self, edition::EditionPatch, festival::FestivalPatch, section::SectionValues},
};

/// The fields of a festival besides its slug and name; in an update, a field left out keeps
/// its value and null clears it.
#[derive(InputObject, Debug, Clone, Default)]
pub struct FestivalDetailsInput {
    /// Description.
    pub description: Option<LocalizedTextInput>,
    /// Website: an absolute http or https address.
    pub website: MaybeUndefined<String>,
    /// The organizations that run the festival, in display order, replacing the list.
    pub organizers: Option<Vec<ID>>,
}

impl FestivalDetailsInput {
    /// The patch of these fields, with `slug` and `name` set by the caller.
    fn into_patch(self) -> Result<FestivalPatch> {
        Ok(FestivalPatch {
            description: texts(self.description),
            website: patch(self.website),
            organizers: self
                .organizers
                .map(|list| ids(NodeType::Organization, &list, "organizers"))
                .transpose()?,
            ..FestivalPatch::default()
        })
    }
}

/// A new festival.
#[derive(InputObject, Debug, Clone)]
pub struct CreateFestivalInput {
    /// URL slug: lowercase latin letters, digits and single hyphens; unique among festivals.
    pub slug: String,
    /// Name, in at least one language.
    pub name: LocalizedTextInput,
    /// Everything else.
    #[graphql(flatten)]
    pub details: FestivalDetailsInput,
}

/// Changes to a festival made from the version the editor read.
#[derive(InputObject, Debug, Clone)]
pub struct UpdateFestivalInput {
    /// The festival.
    pub id: ID,
    /// The festival's `version` when it was read; a stale version is a CONFLICT.
    pub expected_version: i32,
    /// New URL slug.
    pub slug: Option<String>,
    /// Name changes: a language left out keeps its name.
    pub name: Option<LocalizedTextInput>,
    /// Everything else.
    #[graphql(flatten)]
    pub details: FestivalDetailsInput,
}

/// A new edition of a festival.
#[derive(InputObject, Debug, Clone)]
pub struct CreateFestivalEditionInput {
    /// The festival.
    pub festival: ID,
    /// URL slug: lowercase latin letters, digits and single hyphens; unique among editions.
    pub slug: String,
    /// Ordinal number (2 for the 2nd), 1 or more; unique within the festival.
    pub number: i32,
    /// Year the edition is held.
    pub year: i32,
    /// Name of the edition, when it has one of its own.
    pub name: Option<LocalizedTextInput>,
    /// First day.
    pub starts_on: Date,
    /// Last day, on or after the first.
    pub ends_on: Date,
    /// City.
    pub city: Option<LocalizedTextInput>,
    /// IANA time zone of the city, e.g. `Europe/Moscow`; screenings fall within the
    /// edition's days in this zone.
    pub time_zone: String,
}

/// Changes to a festival edition made from the version the editor read; a field left out
/// keeps its value.
#[derive(InputObject, Debug, Clone)]
pub struct UpdateFestivalEditionInput {
    /// The edition.
    pub id: ID,
    /// The edition's `version` when it was read; a stale version is a CONFLICT.
    pub expected_version: i32,
    /// New URL slug.
    pub slug: Option<String>,
    /// Ordinal number, 1 or more; unique within the festival.
    pub number: Option<i32>,
    /// Year the edition is held.
    pub year: Option<i32>,
    /// Name changes: a language left out keeps its name, null clears it.
    pub name: Option<LocalizedTextInput>,
    /// First day; the edition's screenings must stay within its days.
    pub starts_on: Option<Date>,
    /// Last day, on or after the first; the edition's screenings must stay within its days.
    pub ends_on: Option<Date>,
    /// City changes: a language left out keeps its name, null clears it.
    pub city: Option<LocalizedTextInput>,
    /// IANA time zone of the city; the edition's screenings must stay within its days.
    pub time_zone: Option<String>,
}

/// A programme section of an edition.
#[derive(InputObject, Debug, Clone)]
pub struct SectionInput {
    /// Slug, unique within the edition; a listed slug keeps its section (and screenings).
    pub slug: String,
    /// Name, in at least one language.
    pub name: LocalizedTextInput,
}

/// The whole list of an edition's programme sections.
#[derive(InputObject, Debug, Clone)]
pub struct SetEditionSectionsInput {
    /// The edition.
    pub edition: ID,
    /// The edition's `version` when it was read; when given, a stale version is a CONFLICT.
    pub expected_version: Option<i32>,
    /// The sections in display order; a section left out is deleted, and its screenings
    /// stay in the edition with no section.
    pub sections: Vec<SectionInput>,
}

/// The festival written.
#[derive(SimpleObject)]
pub struct FestivalPayload {
    /// The festival as it is now.
    pub festival: Festival,
}

/// The festival edition written.
#[derive(SimpleObject)]
pub struct FestivalEditionPayload {
    /// The edition as it is now.
    pub festival_edition: FestivalEdition,
}

/// Festival writes.
#[derive(Default)]
pub struct FestivalMutation;

#[Object]
impl FestivalMutation {
    /// Creates a festival. Editors only.
    async fn create_festival(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new festival.")] input: CreateFestivalInput,
    ) -> Result<FestivalPayload> {
        let patch = FestivalPatch {
            slug: Some(input.slug),
            name: input.name.patches(),
            ..input.details.into_patch()?
        };
        let festival = edit::festival::write(ctx.db()?, ctx.caller()?, None, patch).await?;
        Ok(FestivalPayload {
            festival: Festival(festival),
        })
    }

    /// Changes a festival, from the version the editor read. Editors only.
    async fn update_festival(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The festival, its expected version, and the changes.")]
        input: UpdateFestivalInput,
    ) -> Result<FestivalPayload> {
        let id = expect(NodeType::Festival, &input.id, "id")?;
        let patch = FestivalPatch {
            slug: input.slug,
            name: texts(input.name),
            ..input.details.into_patch()?
        };
        let (db, caller) = (ctx.db()?, ctx.caller()?);
        let at = Some((id, input.expected_version));
        let festival = edit::festival::write(db, caller, at, patch).await?;
        Ok(FestivalPayload {
            festival: Festival(festival),
        })
    }

    /// Deletes a festival with its organizers; refused (CONFLICT) while it has editions.
    /// Editors only.
    async fn delete_festival(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The festival.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        delete::<festival::Model>(ctx, NodeType::Festival, input).await
    }

    /// Creates an edition of a festival. Editors only.
    async fn create_festival_edition(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new edition.")] input: CreateFestivalEditionInput,
    ) -> Result<FestivalEditionPayload> {
        let festival = expect(NodeType::Festival, &input.festival, "festival")?;
        let patch = EditionPatch {
            slug: Some(input.slug),
            number: Some(input.number),
            year: Some(input.year),
            name: texts(input.name),
            starts_on: Some(input.starts_on.0),
            ends_on: Some(input.ends_on.0),
            city: texts(input.city),
            time_zone: Some(input.time_zone),
        };
        let edition = edit::edition::create(ctx.db()?, ctx.caller()?, festival, patch).await?;
        Ok(FestivalEditionPayload {
            festival_edition: FestivalEdition(edition),
        })
    }

    /// Changes a festival edition, from the version the editor read. Editors only.
    async fn update_festival_edition(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The edition, its expected version, and the changes.")]
        input: UpdateFestivalEditionInput,
    ) -> Result<FestivalEditionPayload> {
        let id = expect(NodeType::FestivalEdition, &input.id, "id")?;
        let patch = EditionPatch {
            slug: input.slug,
            number: input.number,
            year: input.year,
            name: texts(input.name),
            starts_on: input.starts_on.map(|d| d.0),
            ends_on: input.ends_on.map(|d| d.0),
            city: texts(input.city),
            time_zone: input.time_zone,
        };
        let (db, caller) = (ctx.db()?, ctx.caller()?);
        let edition = edit::edition::update(db, caller, id, input.expected_version, patch).await?;
        Ok(FestivalEditionPayload {
            festival_edition: FestivalEdition(edition),
        })
    }

    /// Deletes a festival edition with its sections; refused (CONFLICT) while it has
    /// screenings, agreements were signed at it, or press materials are about it. Editors
    /// only.
    async fn delete_festival_edition(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The edition.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        delete::<festival_edition::Model>(ctx, NodeType::FestivalEdition, input).await
    }

    /// Sets an edition's programme sections, in order: listed slugs are kept or added, the
    /// rest deleted. Editors only.
    async fn set_edition_sections(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The edition and its sections.")] input: SetEditionSectionsInput,
    ) -> Result<FestivalEditionPayload> {
        let id = expect(NodeType::FestivalEdition, &input.edition, "edition")?;
        let sections = input
            .sections
            .into_iter()
            .map(|s| SectionValues {
                slug: s.slug,
                name: s.name.patches(),
            })
            .collect();
        let (db, caller) = (ctx.db()?, ctx.caller()?);
        let edition = edit::section::set(db, caller, id, input.expected_version, sections).await?;
        Ok(FestivalEditionPayload {
            festival_edition: FestivalEdition(edition),
        })
    }
}
