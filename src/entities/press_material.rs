//! `press_material`: a press release, news item, statement, press kit or other release.

use sea_orm::entity::prelude::*;

use crate::domain::enums::{PressMaterialKind, PublicationStatus};

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "press_material")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub kind: PressMaterialKind,
    pub status: PublicationStatus,
    pub title_ru: Option<String>,
    pub title_en: Option<String>,
    pub lead_ru: Option<String>,
    pub lead_en: Option<String>,
    pub body_ru: Option<String>,
    pub body_en: Option<String>,
    pub published_at: Option<DateTimeUtc>,
    /// Not public before this instant, even when published.
    pub embargo_until: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
