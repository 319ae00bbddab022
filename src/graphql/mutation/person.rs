//! People mutations: create, update, delete; a person's affiliations and a film's credits,
//! each replaced as a whole list.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use crate::{
    domain::enums::CreditRole,
    entities::person,
    graphql::{
        context::ContextExt,
        mutation::{
            DeleteInput, DeletePayload, LocalizedTextInput, delete, film::FilmPayload, texts,
        },
        types::{
            film::Film,
            id::{NodeType, expect},
            organization::Person,
            scalars::Date,
        },
    },
    store::edit::{
        self,
        credit::NewCredit,
        person::{NewAffiliation, PersonPatch},
        record,
        values::Naming,
    },
};

/// A new person.
#[derive(InputObject, Debug, Clone)]
pub struct CreatePersonInput {
    /// URL slug: lowercase latin letters, digits and single hyphens; unique among people.
    pub slug: String,
    /// Full name, in at least one language.
    pub name: LocalizedTextInput,
    /// Short biography.
    pub biography: Option<LocalizedTextInput>,
}

/// Changes to a person made from the version the editor read.
#[derive(InputObject, Debug, Clone)]
pub struct UpdatePersonInput {
    /// The person.
    pub id: ID,
    /// The person's `version` when it was read; a stale version is a CONFLICT.
    pub expected_version: i32,
    /// New URL slug.
    pub slug: Option<String>,
    /// Name changes: a language left out keeps its name.
    pub name: Option<LocalizedTextInput>,
    /// Biography changes: a language left out keeps its text, null clears it.
    pub biography: Option<LocalizedTextInput>,
}

/// A person's position at an organization.
#[derive(InputObject, Debug, Clone)]
pub struct AffiliationInput {
    /// The organization.
    pub organization: ID,
    /// Position title.
    pub position: Option<LocalizedTextInput>,
    /// First day in the position, if known.
    pub starts_on: Option<Date>,
    /// Last day in the position (not before the first); left out while current.
    pub ends_on: Option<Date>,
}

/// A person's affiliations, replacing the ones they have.
#[derive(InputObject, Debug, Clone)]
pub struct SetPersonAffiliationsInput {
    /// The person.
    pub person: ID,
    /// The person's `version` when it was read; when given, a stale version is a CONFLICT.
    pub expected_version: Option<i32>,
    /// All the person's affiliations, in display order; an empty list removes them all.
    pub affiliations: Vec<AffiliationInput>,
}

/// A person's credit on a film.
#[derive(InputObject, Debug, Clone)]
pub struct CreditInput {
    /// The person.
    pub person: ID,
    /// Their role; a person holds each role once, except an actor playing several
    /// characters.
    pub role: CreditRole,
    /// The character played (actors only).
    pub character: Option<LocalizedTextInput>,
}

/// A film's cast and crew, replacing its credits.
#[derive(InputObject, Debug, Clone)]
pub struct SetFilmCreditsInput {
    /// The film.
    pub film: ID,
    /// The film's `version` when it was read; when given, a stale version is a CONFLICT.
    pub expected_version: Option<i32>,
    /// All the film's credits, in billing order; an empty list removes them all.
    pub credits: Vec<CreditInput>,
}

/// The person written.
#[derive(SimpleObject)]
pub struct PersonPayload {
    /// The person as they are now.
    pub person: Person,
}

/// People writes.
#[derive(Default)]
pub struct PersonMutation;

#[Object]
impl PersonMutation {
    /// Creates a person. Editors only.
    async fn create_person(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new person.")] input: CreatePersonInput,
    ) -> Result<PersonPayload> {
        let patch = PersonPatch {
            naming: Naming {
                slug: Some(input.slug),
                name: input.name.patches(),
            },
            biography: texts(input.biography),
        };
        let person = record::write(ctx.db()?, ctx.caller()?, None, patch).await?;
        Ok(PersonPayload {
            person: Person(person),
        })
    }

    /// Changes a person's fields, from the version the editor read. Editors only.
    async fn update_person(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The person, their expected version, and the changes.")]
        input: UpdatePersonInput,
    ) -> Result<PersonPayload> {
        let id = expect(NodeType::Person, &input.id, "id")?;
        let patch = PersonPatch {
            naming: Naming {
                slug: input.slug,
                name: texts(input.name),
            },
            biography: texts(input.biography),
        };
        let person = record::write(
            ctx.db()?,
            ctx.caller()?,
            Some((id, input.expected_version)),
            patch,
        )
        .await?;
        Ok(PersonPayload {
            person: Person(person),
        })
    }

    /// Deletes a person; refused (CONFLICT) while credits, agreement signatures,
    /// affiliations, quotes or press materials refer to them. Editors only.
    async fn delete_person(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The person.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        delete::<person::Model>(ctx, NodeType::Person, input).await
    }

    /// Replaces a person's affiliations with the given list. Editors only.
    async fn set_person_affiliations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The person and all their affiliations.")]
        input: SetPersonAffiliationsInput,
    ) -> Result<PersonPayload> {
        let id = expect(NodeType::Person, &input.person, "person")?;
        let mut affiliations = Vec::with_capacity(input.affiliations.len());
        for (i, item) in input.affiliations.into_iter().enumerate() {
            let field = format!("affiliations[{i}].organization");
            affiliations.push(NewAffiliation {
                organization_id: expect(NodeType::Organization, &item.organization, &field)?,
                position: texts(item.position),
                starts_on: item.starts_on.map(|d| d.0),
                ends_on: item.ends_on.map(|d| d.0),
            });
        }
        let person = edit::person::set_affiliations(
            ctx.db()?,
            ctx.caller()?,
            id,
            input.expected_version,
            affiliations,
        )
        .await?;
        Ok(PersonPayload {
            person: Person(person),
        })
    }

    /// Replaces a film's cast and crew with the given list, in billing order. Editors only.
    async fn set_film_credits(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The film and all its credits.")] input: SetFilmCreditsInput,
    ) -> Result<FilmPayload> {
        let id = expect(NodeType::Film, &input.film, "film")?;
        let mut credits = Vec::with_capacity(input.credits.len());
        for (i, item) in input.credits.into_iter().enumerate() {
            let field = format!("credits[{i}].person");
            credits.push(NewCredit {
                person_id: expect(NodeType::Person, &item.person, &field)?,
                role: item.role,
                character: texts(item.character),
            });
        }
        let film = edit::credit::set(
            ctx.db()?,
            ctx.caller()?,
            id,
            input.expected_version,
            credits,
        )
        .await?;
        Ok(FilmPayload { film: Film(film) })
    }
}
