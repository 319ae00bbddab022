//! Media assets: posters, stills and files attached to press materials.

use async_graphql::{Context, Object};

use crate::{
    domain::enums::{AssetPurpose, MediaKind},
    entities::media_asset,
    graphql::types::locale::{Locale, localized},
};

/// A media file: image, video, audio or document, with its rights.
#[derive(Clone)]
pub struct MediaAsset(pub media_asset::Model);

/// A media file: image, video, audio or document, with its rights.
#[Object]
impl MediaAsset {
    /// Kind of media.
    async fn kind(&self) -> MediaKind {
        self.0.kind
    }
    /// What the asset is used as (poster, still, attachment).
    async fn purpose(&self) -> AssetPurpose {
        self.0.purpose
    }
    /// Absolute URL of the file.
    async fn url(&self) -> &str {
        &self.0.url
    }
    /// MIME type, e.g. `image/jpeg`.
    async fn mime_type(&self) -> &str {
        &self.0.mime_type
    }
    /// Width in pixels (images and video).
    async fn width(&self) -> Option<i32> {
        self.0.width
    }
    /// Height in pixels (images and video).
    async fn height(&self) -> Option<i32> {
        self.0.height
    }
    /// Alternative text describing the asset.
    async fn alt(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.alt_ru, &self.0.alt_en)
    }
    /// Credit line (photographer, studio).
    async fn credit(&self) -> Option<&str> {
        self.0.credit.as_deref()
    }
    /// License or usage terms.
    async fn license(&self) -> Option<&str> {
        self.0.license.as_deref()
    }
}
