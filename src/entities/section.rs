//! `section`: a section (competition, programme) of a festival edition.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "section")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique_key = "edition_slug")]
    pub edition_id: i32,
    /// Unique within the edition.
    #[sea_orm(unique_key = "edition_slug")]
    pub slug: String,
    pub name_ru: Option<String>,
    pub name_en: Option<String>,
    pub sort_order: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
