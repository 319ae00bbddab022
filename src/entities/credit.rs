//! `credit`: a person's credit on a film.

use sea_orm::entity::prelude::*;

use crate::domain::enums::CreditRole;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "credit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub film_id: i32,
    pub person_id: i32,
    pub role: CreditRole,
    pub character_ru: Option<String>,
    pub character_en: Option<String>,
    pub sort_order: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
