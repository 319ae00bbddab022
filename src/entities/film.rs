//! `film`: a film project, from announcement to release.

use sea_orm::entity::prelude::*;

use crate::domain::enums::{ProductionStatus, PublicationStatus};

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "film")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub status: PublicationStatus,
    pub production_status: ProductionStatus,
    pub title_ru: Option<String>,
    pub title_en: Option<String>,
    pub original_title: String,
    /// ISO 639-1 code.
    pub original_language: Option<String>,
    pub year: Option<i32>,
    pub runtime_minutes: Option<i32>,
    /// Production countries: comma-separated ISO 3166-1 alpha-2 codes (`"RU,FR"`), empty
    /// for none.
    pub countries: String,
    pub age_rating: Option<String>,
    pub logline_ru: Option<String>,
    pub logline_en: Option<String>,
    pub synopsis_ru: Option<String>,
    pub synopsis_en: Option<String>,
    #[sea_orm(unique)]
    pub imdb_id: Option<String>,
    #[sea_orm(unique)]
    pub eidr_id: Option<String>,
    #[sea_orm(unique)]
    pub distribution_certificate: Option<String>,
    pub published_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
