//! `screening`: a screening of a film at a festival edition.

use sea_orm::entity::prelude::*;

use crate::domain::enums::PremiereStatus;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "screening")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub edition_id: i32,
    pub section_id: Option<i32>,
    pub film_id: i32,
    /// The location where it takes place.
    pub venue_id: i32,
    pub starts_at: DateTimeUtc,
    pub premiere_status: PremiereStatus,
    /// ISO 639-1 code of the spoken language.
    pub language: Option<String>,
    /// Comma-separated ISO 639-1 codes (`"en,fr"`), empty for none.
    pub subtitle_languages: String,
    pub ticket_url: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
