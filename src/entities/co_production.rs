//! `co_production`: an organization's part in making or bringing out a film.

use sea_orm::entity::prelude::*;

use crate::domain::enums::CoProductionRole;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "co_production")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique_key = "film_organization_role")]
    pub film_id: i32,
    #[sea_orm(unique_key = "film_organization_role")]
    pub organization_id: i32,
    #[sea_orm(unique_key = "film_organization_role")]
    pub role: CoProductionRole,
    pub share_percent: Option<f64>,
    pub agreement_id: Option<i32>,
    pub sort_order: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
