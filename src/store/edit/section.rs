//! Writing an edition's programme sections: the whole list replaced at once, by slug.

use super::Writer;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter,
};
use serde::Serialize;

use crate::{
    domain::{
        rules::{self, TITLE_MAX_CHARS},
        viewer::Caller,
    },
    entities::{festival_edition, section},
    error::{AppError, AppResult},
    store::{
        audit::{Action, Changes},
        edit::{
            audited, editor,
            record::{Record, claimed},
            settle,
            values::{TextPatch, repeated, text},
        },
        festival,
    },
};

/// A section as given: its slug and name.
#[derive(Debug, Clone)]
pub struct SectionValues {
    /// Slug, unique within the edition.
    pub slug: String,
    /// Name in Russian and English.
    pub name: TextPatch,
}

/// A section as audited.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listed {
    slug: String,
    name_ru: Option<String>,
    name_en: Option<String>,
}

/// The sections of the edition `edition_id`, in display order, as audited.
pub async fn listed(db: &impl ConnectionTrait, edition_id: i32) -> AppResult<Vec<Listed>> {
    Ok(of(db, edition_id).await?.iter().map(Listed::from).collect())
}

impl From<&section::Model> for Listed {
    fn from(section: &section::Model) -> Self {
        Listed {
            slug: section.slug.clone(),
            name_ru: section.name_ru.clone(),
            name_en: section.name_en.clone(),
        }
    }
}

async fn of(db: &impl ConnectionTrait, edition_id: i32) -> AppResult<Vec<section::Model>> {
    let sections = festival::sections_of(db, [edition_id])
        .await?
        .remove(&edition_id);
    Ok(sections.unwrap_or_default())
}

/// Sets the programme sections of the edition `edition_id`, in order: a section whose slug
/// is listed keeps its place in the programme (and its screenings) with the new name, a new
/// slug adds a section, and a section left out is deleted (its screenings stay in the
/// edition with no section). Audited as one change of the edition's `sections`.
pub async fn set(
    db: &impl Writer,
    caller: &Caller,
    edition_id: i32,
    expected: Option<i32>,
    sections: Vec<SectionValues>,
) -> AppResult<festival_edition::Model> {
    let actor = editor(caller, "setEditionSections")?;
    let mut wanted = Vec::with_capacity(sections.len());
    for (i, given) in sections.into_iter().enumerate() {
        let slug = rules::slug(&format!("sections[{i}].slug"), &given.slug)?;
        let field = format!("sections[{i}].name");
        let (name_ru, name_en) = text(&field, (None, None), given.name, TITLE_MAX_CHARS, true)?;
        wanted.push(Listed {
            slug,
            name_ru,
            name_en,
        });
    }
    let slugs: Vec<&str> = wanted.iter().map(|s| s.slug.as_str()).collect();
    if let Some(i) = repeated(&slugs) {
        let field = format!("sections[{i}].slug");
        return Err(AppError::bad_input(
            &field,
            format!("\"{field}\" repeats an earlier section's slug; give each section its own"),
        ));
    }
    let txn = db.begin().await?;
    let result = async {
        let edition: festival_edition::Model = claimed(&txn, edition_id, expected).await?;
        let old = replace(&txn, edition_id, &wanted).await?;
        let mut changes = Changes::default();
        changes.field("sections", &old, &wanted);
        changes.field("version", &(edition.version - 1), &edition.version);
        let what = <festival_edition::Model as Record>::TYPE;
        audited(&txn, &actor, Action::Update, what, edition_id, changes).await?;
        Ok(edition)
    }
    .await;
    settle(txn, result).await
}

/// Makes the sections of the edition `edition_id` those `wanted`, in order, keeping the rows
/// of the slugs it had; returns the sections it had.
async fn replace(
    db: &impl ConnectionTrait,
    edition_id: i32,
    wanted: &[Listed],
) -> AppResult<Vec<Listed>> {
    let current = of(db, edition_id).await?;
    let old: Vec<Listed> = current.iter().map(Listed::from).collect();
    let slugs: Vec<&str> = wanted.iter().map(|s| s.slug.as_str()).collect();
    let gone = current.iter().filter(|s| !slugs.contains(&s.slug.as_str()));
    section::Entity::delete_many()
        .filter(section::Column::Id.is_in(gone.map(|s| s.id)))
        .exec(db)
        .await?;
    let now = Utc::now();
    for (order, new) in (0..).zip(wanted) {
        match current.iter().find(|s| s.slug == new.slug) {
            Some(kept) => {
                let unchanged = kept.sort_order == order
                    && kept.name_ru == new.name_ru
                    && kept.name_en == new.name_en;
                if unchanged {
                    continue;
                }
                let mut active = kept.clone().into_active_model();
                active.name_ru = Set(new.name_ru.clone());
                active.name_en = Set(new.name_en.clone());
                active.sort_order = Set(order);
                active.updated_at = Set(now);
                active.version = Set(kept.version + 1);
                active.update(db).await?;
            }
            None => {
                section::ActiveModel {
                    edition_id: Set(edition_id),
                    slug: Set(new.slug.clone()),
                    name_ru: Set(new.name_ru.clone()),
                    name_en: Set(new.name_en.clone()),
                    sort_order: Set(order),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(1),
                    ..Default::default()
                }
                .insert(db)
                .await?;
            }
        }
    }
    Ok(old)
}
