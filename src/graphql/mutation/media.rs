//! The media assets mutation: a film's poster and stills, a press material's attachments.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use crate::{
    domain::enums::{AssetPurpose, MediaKind},
    error::AppError,
    graphql::{
        context::ContextExt,
        mutation::LocalizedTextInput,
        types::{
            id::{NodeType, decode},
            media::MediaAsset,
        },
    },
    store::edit::{
        self,
        media::{AssetOwner, NewAsset},
    },
};

/// A media file to attach.
#[derive(InputObject, Debug, Clone)]
pub struct MediaAssetInput {
    /// What it is used as: a film's POSTER (at most one) or STILL, a press material's
    /// ATTACHMENT.
    pub purpose: AssetPurpose,
    /// Kind of media.
    pub kind: MediaKind,
    /// Absolute http(s) URL of the file.
    pub url: String,
    /// MIME type, e.g. `image/jpeg`.
    pub mime_type: String,
    /// Width in pixels.
    pub width: Option<i32>,
    /// Height in pixels.
    pub height: Option<i32>,
    /// Text describing the image for people who cannot see it.
    pub alt: Option<LocalizedTextInput>,
    /// Credit line (photographer, studio).
    pub credit: Option<String>,
    /// License or terms of use.
    pub license: Option<String>,
}

/// The media assets of a film or a press material, replacing the list.
#[derive(InputObject, Debug, Clone)]
pub struct SetMediaAssetsInput {
    /// The film or press material.
    pub owner: ID,
    /// The owner's `version` when it was read; when given, a stale version is a CONFLICT.
    pub expected_version: Option<i32>,
    /// The assets, in display order.
    pub assets: Vec<MediaAssetInput>,
}

/// The assets as stored.
#[derive(SimpleObject)]
pub struct MediaAssetsPayload {
    /// The owner's assets now, in display order.
    pub assets: Vec<MediaAsset>,
}

/// Media asset writes.
#[derive(Default)]
pub struct MediaMutation;

#[Object]
impl MediaMutation {
    /// Sets the media assets of a film or a press material. Editors only.
    async fn set_media_assets(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The owner and its assets.")] input: SetMediaAssetsInput,
    ) -> Result<MediaAssetsPayload> {
        let owner = match decode(&input.owner) {
            Some((NodeType::Film, id)) => AssetOwner::Film(id),
            Some((NodeType::PressMaterial, id)) => AssetOwner::PressMaterial(id),
            _ => {
                return Err(AppError::bad_input(
                    "owner",
                    "\"owner\" must be the id of a film or a press material",
                )
                .into());
            }
        };
        let assets = input
            .assets
            .into_iter()
            .map(|asset| {
                let (alt_ru, alt_en) = asset.alt.unwrap_or_default().values();
                NewAsset {
                    purpose: asset.purpose,
                    kind: asset.kind,
                    url: asset.url,
                    mime_type: asset.mime_type,
                    width: asset.width,
                    height: asset.height,
                    alt_ru,
                    alt_en,
                    credit: asset.credit,
                    license: asset.license,
                }
            })
            .collect();
        let stored = edit::media::set_assets(
            ctx.db()?,
            ctx.caller()?,
            owner,
            input.expected_version,
            assets,
        )
        .await?;
        Ok(MediaAssetsPayload {
            assets: stored.into_iter().map(MediaAsset).collect(),
        })
    }
}
