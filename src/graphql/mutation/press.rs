//! Press material mutations: create and the publication status, with an optional embargo.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use crate::{
    domain::enums::{PressMaterialKind, PublicationStatus},
    graphql::{
        context::ContextExt,
        mutation::{DeleteInput, DeletePayload, LocalizedTextInput},
        types::{
            id::{NodeType, expect},
            press::PressMaterial,
        },
    },
    store::edit::{
        self,
        press::{NewPressMaterial, PressPatch},
    },
};

/// A new press material; it starts as a DRAFT, visible to editors only.
#[derive(InputObject, Debug, Clone)]
pub struct CreatePressMaterialInput {
    /// URL slug: lowercase latin letters, digits and single hyphens; unique among press
    /// materials.
    pub slug: String,
    /// What kind of material.
    pub kind: PressMaterialKind,
    /// Title, in at least one language.
    pub title: LocalizedTextInput,
    /// Lead paragraph.
    pub lead: Option<LocalizedTextInput>,
    /// Body text.
    pub body: Option<LocalizedTextInput>,
}

/// Changes to a press material made from the version the editor read; a field left out
/// keeps its value.
#[derive(InputObject, Debug, Clone)]
pub struct UpdatePressMaterialInput {
    /// The press material.
    pub id: ID,
    /// The material's `version` when it was read; a stale version is a CONFLICT.
    pub expected_version: i32,
    /// New URL slug.
    pub slug: Option<String>,
    /// New kind.
    pub kind: Option<PressMaterialKind>,
    /// Title changes: a language left out keeps its title.
    pub title: Option<LocalizedTextInput>,
    /// Lead changes.
    pub lead: Option<LocalizedTextInput>,
    /// Body changes.
    pub body: Option<LocalizedTextInput>,
}

/// Publishes a press material, now or when its embargo lifts.
#[derive(InputObject, Debug, Clone)]
pub struct PublishPressMaterialInput {
    /// The press material.
    pub id: ID,
    /// Keeps the material from anonymous clients until this instant (partners and editors
    /// see it before); must lie in the future. Without it the material is public at once.
    pub embargo_until: Option<DateTime<Utc>>,
    /// The material's `version` when it was read; when given, a stale version is a CONFLICT.
    pub expected_version: Option<i32>,
}

/// Unpublishes or archives a press material.
#[derive(InputObject, Debug, Clone)]
pub struct PressMaterialStatusInput {
    /// The press material.
    pub id: ID,
    /// The material's `version` when it was read; when given, a stale version is a CONFLICT.
    pub expected_version: Option<i32>,
}

/// The press material written.
#[derive(SimpleObject)]
pub struct PressMaterialPayload {
    /// The press material as it is now.
    pub press_material: PressMaterial,
}

/// Press material writes.
#[derive(Default)]
pub struct PressMutation;

#[Object]
impl PressMutation {
    /// Creates a press material as a DRAFT. Editors only.
    async fn create_press_material(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new press material.")] input: CreatePressMaterialInput,
    ) -> Result<PressMaterialPayload> {
        let (title_ru, title_en) = input.title.values();
        let (lead_ru, lead_en) = input.lead.unwrap_or_default().values();
        let (body_ru, body_en) = input.body.unwrap_or_default().values();
        let new = NewPressMaterial {
            slug: input.slug,
            kind: input.kind,
            title_ru,
            title_en,
            lead_ru,
            lead_en,
            body_ru,
            body_en,
        };
        let material = edit::press::create(ctx.db()?, ctx.caller()?, new).await?;
        Ok(PressMaterialPayload {
            press_material: PressMaterial(material),
        })
    }

    /// Changes a press material's fields, from the version the editor read. Editors only.
    async fn update_press_material(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The press material, its expected version, and the changes.")]
        input: UpdatePressMaterialInput,
    ) -> Result<PressMaterialPayload> {
        let id = expect(NodeType::PressMaterial, &input.id, "id")?;
        let (title_ru, title_en) = input.title.unwrap_or_default().patches();
        let (lead_ru, lead_en) = input.lead.unwrap_or_default().patches();
        let (body_ru, body_en) = input.body.unwrap_or_default().patches();
        let patch = PressPatch {
            slug: input.slug,
            kind: input.kind,
            title_ru,
            title_en,
            lead_ru,
            lead_en,
            body_ru,
            body_en,
        };
        let material =
            edit::press::update(ctx.db()?, ctx.caller()?, id, input.expected_version, patch)
                .await?;
        Ok(PressMaterialPayload {
            press_material: PressMaterial(material),
        })
    }

    /// Publishes a press material, optionally under an embargo. Editors only.
    async fn publish_press_material(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The press material and its embargo.")] input: PublishPressMaterialInput,
    ) -> Result<PressMaterialPayload> {
        let id = expect(NodeType::PressMaterial, &input.id, "id")?;
        press_status(
            ctx,
            id,
            input.expected_version,
            PublicationStatus::Published,
            input.embargo_until,
        )
        .await
    }

    /// Takes a press material back to DRAFT. Editors only.
    async fn unpublish_press_material(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The press material.")] input: PressMaterialStatusInput,
    ) -> Result<PressMaterialPayload> {
        let id = expect(NodeType::PressMaterial, &input.id, "id")?;
        press_status(
            ctx,
            id,
            input.expected_version,
            PublicationStatus::Draft,
            None,
        )
        .await
    }

    /// Deletes a press material with its quotes, assets and subjects. Editors only.
    async fn delete_press_material(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The press material.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        let id = expect(NodeType::PressMaterial, &input.id, "id")?;
        edit::press::delete(ctx.db()?, ctx.caller()?, id, input.expected_version).await?;
        Ok(DeletePayload {
            deleted_id: input.id,
        })
    }

    /// Archives a press material: kept for the record, visible to editors only. Editors only.
    async fn archive_press_material(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The press material.")] input: PressMaterialStatusInput,
    ) -> Result<PressMaterialPayload> {
        let id = expect(NodeType::PressMaterial, &input.id, "id")?;
        press_status(
            ctx,
            id,
            input.expected_version,
            PublicationStatus::Archived,
            None,
        )
        .await
    }
}

async fn press_status(
    ctx: &Context<'_>,
    id: i32,
    expected: Option<i32>,
    status: PublicationStatus,
    embargo_until: Option<DateTime<Utc>>,
) -> Result<PressMaterialPayload> {
    let material = edit::press::change_status(
        ctx.db()?,
        ctx.caller()?,
        id,
        expected,
        status,
        embargo_until,
        None,
    )
    .await?;
    Ok(PressMaterialPayload {
        press_material: PressMaterial(material),
    })
}
