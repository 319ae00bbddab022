//! `organization`: a studio, media holding, film commission, distributor or other body.

use sea_orm::entity::prelude::*;

use crate::domain::enums::OrganizationKind;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "organization")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub kind: OrganizationKind,
    pub name_ru: Option<String>,
    pub name_en: Option<String>,
    pub description_ru: Option<String>,
    pub description_en: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    pub website: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
