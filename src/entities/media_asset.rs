//! `media_asset`: a media file, a film's poster or still or a press material's attachment.

use sea_orm::entity::prelude::*;

use crate::domain::enums::{AssetPurpose, MediaKind};

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "media_asset")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub film_id: Option<i32>,
    pub press_material_id: Option<i32>,
    pub purpose: AssetPurpose,
    pub kind: MediaKind,
    pub url: String,
    pub mime_type: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub alt_ru: Option<String>,
    pub alt_en: Option<String>,
    pub credit: Option<String>,
    pub license: Option<String>,
    pub sort_order: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
