//! `agreement_scope`: an area of cooperation an agreement covers.

use sea_orm::entity::prelude::*;

use crate::domain::enums::AgreementScope;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "agreement_scope")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub agreement_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub scope: AgreementScope,
    pub sort_order: i32,
}

impl ActiveModelBehavior for ActiveModel {}
