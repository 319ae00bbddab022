//! `press_subject`: a record a press material is about.

use sea_orm::entity::prelude::*;

use crate::domain::enums::SubjectType;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "press_subject")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub press_material_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject_type: SubjectType,
    /// Id in the table `subject_type` names.
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject_id: i32,
    pub sort_order: i32,
}

impl ActiveModelBehavior for ActiveModel {}
