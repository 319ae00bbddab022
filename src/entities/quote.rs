//! `quote`: a quote in a press material, from a person and/or on behalf of an organization.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "quote")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub press_material_id: i32,
    pub person_id: Option<i32>,
    pub organization_id: Option<i32>,
    pub position_ru: Option<String>,
    pub position_en: Option<String>,
    pub text_ru: Option<String>,
    pub text_en: Option<String>,
    pub sort_order: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
