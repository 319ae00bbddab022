//! Film mutations: create, update, delete, publication status.

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result, SimpleObject};

use crate::{
    domain::enums::{ProductionStatus, PublicationStatus},
    graphql::{
        context::ContextExt,
        mutation::{DeleteInput, DeletePayload, LocalizedTextInput, patch},
        types::{
            film::Film,
            id::{NodeType, expect},
        },
    },
    store::edit::{self, film::FilmPatch},
};

/// The fields of a film besides its slug and title; in an update, a field left out keeps
/// its value and null clears it.
#[derive(InputObject, Debug, Clone, Default)]
pub struct FilmDetailsInput {
    /// Title in the original language; the Russian (else English) title when never given.
    pub original_title: Option<String>,
    /// Original language (ISO 639-1, e.g. `ru`).
    pub original_language: MaybeUndefined<String>,
    /// Production stage; a new film starts as ANNOUNCED.
    pub production_status: Option<ProductionStatus>,
    /// Year of release (or planned release), 1888 to ten years ahead.
    pub year: MaybeUndefined<i32>,
    /// Running time in minutes, 1 to 1000.
    pub runtime_minutes: MaybeUndefined<i32>,
    /// Production countries (ISO 3166-1 alpha-2, e.g. `RU`), replacing the list.
    pub countries: Option<Vec<String>>,
    /// Russian age rating: `0+`, `6+`, `12+`, `16+` or `18+`.
    pub age_rating: MaybeUndefined<String>,
    /// One-sentence pitch.
    pub logline: Option<LocalizedTextInput>,
    /// Synopsis.
    pub synopsis: Option<LocalizedTextInput>,
    /// Genre slugs in display order, replacing the list.
    pub genres: Option<Vec<String>>,
    /// IMDb title id (`tt` and at least 7 digits).
    pub imdb_id: MaybeUndefined<String>,
    /// EIDR content id (`10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C`, with its check character).
    pub eidr_id: MaybeUndefined<String>,
    /// National distribution certificate number (9 digits).
    pub distribution_certificate: MaybeUndefined<String>,
}

impl FilmDetailsInput {
    /// The patch of these fields, with `slug` and `title` set by the caller.
    fn into_patch(self) -> FilmPatch {
        let (logline_ru, logline_en) = self.logline.unwrap_or_default().patches();
        let (synopsis_ru, synopsis_en) = self.synopsis.unwrap_or_default().patches();
        FilmPatch {
            original_title: self.original_title,
            original_language: patch(self.original_language),
            production_status: self.production_status,
            year: patch(self.year),
            runtime_minutes: patch(self.runtime_minutes),
            countries: self.countries,
            age_rating: patch(self.age_rating),
            logline_ru,
            logline_en,
            synopsis_ru,
            synopsis_en,
            genres: self.genres,
            imdb_id: patch(self.imdb_id),
            eidr_id: patch(self.eidr_id),
            distribution_certificate: patch(self.distribution_certificate),
            ..FilmPatch::default()
        }
    }
}

/// A new film; it starts as a DRAFT, visible to editors only.
#[derive(InputObject, Debug, Clone)]
pub struct CreateFilmInput {
    /// URL slug: lowercase latin letters, digits and single hyphens; unique among films.
    pub slug: String,
    /// Title, in at least one language.
    pub title: LocalizedTextInput,
    /// Everything else.
    #[graphql(flatten)]
    pub details: FilmDetailsInput,
}

/// Changes to a film made from the version the editor read.
#[derive(InputObject, Debug, Clone)]
pub struct UpdateFilmInput {
    /// The film.
    pub id: ID,
    /// The film's `version` when it was read; a stale version is a CONFLICT.
    pub expected_version: i32,
    /// New URL slug.
    pub slug: Option<String>,
    /// Title changes: a language left out keeps its title.
    pub title: Option<LocalizedTextInput>,
    /// Everything else.
    #[graphql(flatten)]
    pub details: FilmDetailsInput,
}

/// Publishes, unpublishes or archives a film.
#[derive(InputObject, Debug, Clone)]
pub struct FilmStatusInput {
    /// The film.
    pub id: ID,
    /// The film's `version` when it was read; when given, a stale version is a CONFLICT.
    pub expected_version: Option<i32>,
}

/// The film written.
#[derive(SimpleObject)]
pub struct FilmPayload {
    /// The film as it is now.
    pub film: Film,
}

/// Film writes.
#[derive(Default)]
pub struct FilmMutation;

#[Object]
impl FilmMutation {
    /// Creates a film as a DRAFT. Editors only.
    async fn create_film(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new film.")] input: CreateFilmInput,
    ) -> Result<FilmPayload> {
        let (title_ru, title_en) = input.title.values();
        let patch = FilmPatch {
            slug: Some(input.slug),
            title_ru: Some(title_ru),
            title_en: Some(title_en),
            ..input.details.into_patch()
        };
        let film = edit::film::create(ctx.db()?, ctx.caller()?, patch).await?;
        Ok(FilmPayload { film: Film(film) })
    }

    /// Changes a film's fields, from the version the editor read. Editors only.
    async fn update_film(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The film, its expected version, and the changes.")]
        input: UpdateFilmInput,
    ) -> Result<FilmPayload> {
        let id = expect(NodeType::Film, &input.id, "id")?;
        let (title_ru, title_en) = input
            .title
            .map(LocalizedTextInput::patches)
            .unwrap_or_default();
        let patch = FilmPatch {
            slug: input.slug,
            title_ru,
            title_en,
            ..input.details.into_patch()
        };
        let film =
            edit::film::update(ctx.db()?, ctx.caller()?, id, input.expected_version, patch).await?;
        Ok(FilmPayload { film: Film(film) })
    }

    /// Publishes a film: visible to everyone. Editors only.
    async fn publish_film(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The film.")] input: FilmStatusInput,
    ) -> Result<FilmPayload> {
        film_status(ctx, input, PublicationStatus::Published).await
    }

    /// Takes a film back to DRAFT: visible to editors only. Editors only.
    async fn unpublish_film(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The film.")] input: FilmStatusInput,
    ) -> Result<FilmPayload> {
        film_status(ctx, input, PublicationStatus::Draft).await
    }

    /// Archives a film: kept for the record, visible to editors only. Editors only.
    async fn archive_film(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The film.")] input: FilmStatusInput,
    ) -> Result<FilmPayload> {
        film_status(ctx, input, PublicationStatus::Archived).await
    }

    /// Deletes a film with its genres, co-productions, credits, shoots, screenings and
    /// assets; refused (CONFLICT) while press materials are about it. Editors only.
    async fn delete_film(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The film.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        let id = expect(NodeType::Film, &input.id, "id")?;
        edit::film::delete(ctx.db()?, ctx.caller()?, id, input.expected_version).await?;
        Ok(DeletePayload {
            deleted_id: input.id,
        })
    }
}

async fn film_status(
    ctx: &Context<'_>,
    input: FilmStatusInput,
    status: PublicationStatus,
) -> Result<FilmPayload> {
    let id = expect(NodeType::Film, &input.id, "id")?;
    let film = edit::film::change_status(
        ctx.db()?,
        ctx.caller()?,
        id,
        input.expected_version,
        status,
        None,
    )
    .await?;
    Ok(FilmPayload { film: Film(film) })
}
