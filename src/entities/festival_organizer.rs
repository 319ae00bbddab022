//! `festival_organizer`: an organization organizing a festival.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "festival_organizer")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub festival_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub organization_id: i32,
    pub sort_order: i32,
}

impl ActiveModelBehavior for ActiveModel {}
