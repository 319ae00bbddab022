//! `location`: a studio lot, sound stage, backlot, cinema, festival venue or other place.

use sea_orm::entity::prelude::*;

use crate::domain::enums::LocationKind;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "location")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub kind: LocationKind,
    pub name_ru: Option<String>,
    pub name_en: Option<String>,
    pub description_ru: Option<String>,
    pub description_en: Option<String>,
    pub address_ru: Option<String>,
    pub address_en: Option<String>,
    pub city_ru: Option<String>,
    pub city_en: Option<String>,
    /// IANA time zone name.
    pub time_zone: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// The organization owning the place.
    pub owner_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
