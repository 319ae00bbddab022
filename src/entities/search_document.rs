//! `search_document`: one searchable record (film, press material, organization, person,
//! festival, festival edition, location, agreement) as the search index holds it. Written by
//! `store::search` only; PostgreSQL adds a generated `tsv` column that is not read here.

use sea_orm::entity::prelude::*;

use crate::domain::enums::SearchType;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "search_document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// What the record is; with `entity_id`, unique.
    pub kind: SearchType,
    /// The record's id in its own table.
    pub entity_id: i32,
    /// Title or name in Russian.
    pub title_ru: Option<String>,
    /// Title or name in English.
    pub title_en: Option<String>,
    /// The other searchable text in Russian (descriptions, lead and body, ...).
    pub body_ru: Option<String>,
    /// The other searchable text in English.
    pub body_en: Option<String>,
    /// The title's lexemes in both languages, space-separated with a space at either end.
    pub title_lexemes: String,
    /// The body's lexemes, likewise.
    pub body_lexemes: String,
    /// Number of title lexemes (a shorter title ranks first among equal scores).
    pub title_words: i32,
}

impl ActiveModelBehavior for ActiveModel {}
