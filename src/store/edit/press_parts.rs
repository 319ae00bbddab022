//! Writing a press material's own parts: what it is about (subjects) and its quotes, each
//! list replaced whole.

use super::Writer;
use std::collections::HashSet;

use chrono::Utc;
use sea_orm::{
    ActiveEnum, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};

use crate::{
    domain::{
        enums::SubjectType,
        rules::{self, BODY_MAX_CHARS, TITLE_MAX_CHARS},
        viewer::Caller,
    },
    entities::{press_material, press_subject, quote},
    error::{AppError, AppResult},
    store::{
        audit::{Action, Changes},
        edit::{audited, claim_at, editor, row, settle, values::existing},
    },
};

/// The table holding subjects of a type.
fn table(subject_type: SubjectType) -> &'static str {
    match subject_type {
        SubjectType::Film => "film",
        SubjectType::Organization => "organization",
        SubjectType::Agreement => "agreement",
        SubjectType::FestivalEdition => "festival_edition",
        SubjectType::Person => "person",
        SubjectType::Location => "location",
    }
}

/// `BAD_USER_INPUT` on `field[i]` for the first of `ids` (rows of `table`) that does not exist;
/// one statement.
async fn all_exist(
    db: &impl ConnectionTrait,
    field: &str,
    table: &'static str,
    ids: &[(usize, i32)],
) -> AppResult<()> {
    let fields: Vec<(String, i32)> = ids
        .iter()
        .map(|(i, id)| (format!("{field}[{i}]"), *id))
        .collect();
    existing(db, table, &table.replace('_', " "), &fields).await
}

/// Replaces what the press material `id` is about with `subjects`, in order.
pub async fn set_subjects(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
    subjects: Vec<(SubjectType, i32)>,
) -> AppResult<press_material::Model> {
    let actor = editor(caller, "setPressSubjects")?;
    let mut seen = HashSet::new();
    for (i, subject) in subjects.iter().enumerate() {
        if !seen.insert(*subject) {
            return Err(AppError::bad_input(
                format!("subjects[{i}]"),
                format!("\"subjects[{i}]\" repeats a subject; list each once"),
            ));
        }
    }
    let txn = db.begin().await?;
    let result = async {
        claim_at(&txn, "press_material", "press material", id, expected).await?;
        let mut by_type: Vec<(SubjectType, Vec<(usize, i32)>)> = Vec::new();
        for (i, (subject_type, subject_id)) in subjects.iter().enumerate() {
            match by_type.iter_mut().find(|(t, _)| t == subject_type) {
                Some((_, ids)) => ids.push((i, *subject_id)),
                None => by_type.push((*subject_type, vec![(i, *subject_id)])),
            }
        }
        for (subject_type, ids) in &by_type {
            all_exist(&txn, "subjects", table(*subject_type), ids).await?;
        }
        let old: Vec<String> = press_subject::Entity::find()
            .filter(press_subject::Column::PressMaterialId.eq(id))
            .order_by_asc(press_subject::Column::SortOrder)
            .all(&txn)
            .await?
            .iter()
            .map(|s| format!("{}:{}", s.subject_type.to_value(), s.subject_id))
            .collect();
        press_subject::Entity::delete_many()
            .filter(press_subject::Column::PressMaterialId.eq(id))
            .exec(&txn)
            .await?;
        if !subjects.is_empty() {
            let rows = subjects
                .iter()
                .enumerate()
                .map(
                    |(i, (subject_type, subject_id))| press_subject::ActiveModel {
                        press_material_id: Set(id),
                        subject_type: Set(*subject_type),
                        subject_id: Set(*subject_id),
                        sort_order: Set(i as i32),
                    },
                );
            press_subject::Entity::insert_many(rows).exec(&txn).await?;
        }
        let new: Vec<String> = subjects
            .iter()
            .map(|(t, id)| format!("{}:{id}", t.to_value()))
            .collect();
        finish(&txn, &actor, id, "subjects", &old, &new).await
    }
    .await;
    settle(txn, result).await
}

/// A quotation to add to a press material.
#[derive(Debug, Clone, Default)]
pub struct NewQuote {
    /// The person quoted.
    pub person_id: Option<i32>,
    /// The organization they speak for.
    pub organization_id: Option<i32>,
    /// Their position, in Russian.
    pub position_ru: Option<String>,
    /// Their position, in English.
    pub position_en: Option<String>,
    /// The quotation, in Russian.
    pub text_ru: Option<String>,
    /// The quotation, in English.
    pub text_en: Option<String>,
}

/// Replaces the quotes of the press material `id` with `quotes`, in order.
pub async fn set_quotes(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
    quotes: Vec<NewQuote>,
) -> AppResult<press_material::Model> {
    let actor = editor(caller, "setPressQuotes")?;
    let now = Utc::now();
    let mut rows = Vec::with_capacity(quotes.len());
    let mut new = Vec::with_capacity(quotes.len());
    for (i, quote) in quotes.iter().enumerate() {
        let text = rules::localized_text(
            &format!("quotes[{i}].text"),
            quote.text_ru.as_deref(),
            quote.text_en.as_deref(),
            BODY_MAX_CHARS,
        )?;
        let (position_ru, position_en) = match (&quote.position_ru, &quote.position_en) {
            (None, None) => (None, None),
            (ru, en) => {
                let position = rules::localized_text(
                    &format!("quotes[{i}].position"),
                    ru.as_deref(),
                    en.as_deref(),
                    TITLE_MAX_CHARS,
                )?;
                (position.ru, position.en)
            }
        };
        if quote.person_id.is_none() && quote.organization_id.is_none() {
            return Err(AppError::bad_input(
                format!("quotes[{i}].person"),
                format!("\"quotes[{i}]\" needs a person or an organization to attribute it to"),
            ));
        }
        new.push(text.ru.clone().or_else(|| text.en.clone()));
        rows.push(quote::ActiveModel {
            press_material_id: Set(id),
            person_id: Set(quote.person_id),
            organization_id: Set(quote.organization_id),
            position_ru: Set(position_ru),
            position_en: Set(position_en),
            text_ru: Set(text.ru),
            text_en: Set(text.en),
            sort_order: Set(i as i32),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        });
    }
    let txn = db.begin().await?;
    let result = async {
        claim_at(&txn, "press_material", "press material", id, expected).await?;
        let people: Vec<(usize, i32)> = quotes
            .iter()
            .enumerate()
            .filter_map(|(i, q)| q.person_id.map(|p| (i, p)))
            .collect();
        let organizations: Vec<(usize, i32)> = quotes
            .iter()
            .enumerate()
            .filter_map(|(i, q)| q.organization_id.map(|o| (i, o)))
            .collect();
        all_exist(&txn, "quotes", "person", &people).await?;
        all_exist(&txn, "quotes", "organization", &organizations).await?;
        let old: Vec<Option<String>> = quote::Entity::find()
            .filter(quote::Column::PressMaterialId.eq(id))
            .order_by_asc(quote::Column::SortOrder)
            .all(&txn)
            .await?
            .into_iter()
            .map(|q| q.text_ru.or(q.text_en))
            .collect();
        quote::Entity::delete_many()
            .filter(quote::Column::PressMaterialId.eq(id))
            .exec(&txn)
            .await?;
        if !rows.is_empty() {
            quote::Entity::insert_many(rows).exec(&txn).await?;
        }
        finish(&txn, &actor, id, "quotes", &old, &new).await
    }
    .await;
    settle(txn, result).await
}

/// Records the replaced list as an UPDATE of the press material and returns the material as
/// it is now.
async fn finish<T: serde::Serialize + PartialEq>(
    txn: &sea_orm::DatabaseTransaction,
    actor: &str,
    id: i32,
    field: &str,
    old: &T,
    new: &T,
) -> AppResult<press_material::Model> {
    let mut changes = Changes::default();
    changes.field(field, old, new);
    audited(txn, actor, Action::Update, "PressMaterial", id, changes).await?;
    row::<press_material::Entity>(txn, id, "press material").await
}
