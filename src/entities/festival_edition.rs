//! `festival_edition`: one edition of a festival.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "festival_edition")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    #[sea_orm(unique_key = "festival_number")]
    pub festival_id: i32,
    #[sea_orm(unique_key = "festival_number")]
    pub number: i32,
    pub year: i32,
    pub name_ru: Option<String>,
    pub name_en: Option<String>,
    pub starts_on: Date,
    pub ends_on: Date,
    pub city_ru: Option<String>,
    pub city_en: Option<String>,
    /// IANA time zone name.
    pub time_zone: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
