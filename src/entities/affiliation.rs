//! `affiliation`: a person's position at an organization, optionally over a period.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "affiliation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub organization_id: i32,
    pub position_ru: Option<String>,
    pub position_en: Option<String>,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    pub sort_order: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
