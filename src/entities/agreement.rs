//! `agreement`: an agreement (of cooperation, co-production...) between organizations.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "agreement")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub title_ru: Option<String>,
    pub title_en: Option<String>,
    pub summary_ru: Option<String>,
    pub summary_en: Option<String>,
    pub signed_on: Date,
    /// The festival edition at which it was signed.
    pub signing_event_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
