//! Writing a film's cast and crew: the whole list of credits at once, in billing order.

use super::Writer;
use std::collections::HashSet;

use chrono::Utc;
use sea_orm::{ActiveEnum, ActiveValue::Set};
use serde::Serialize;

use crate::{
    domain::{enums::CreditRole, rules::TITLE_MAX_CHARS, viewer::Caller},
    entities::{credit, film},
    error::{AppError, AppResult},
    store::edit::{
        parts::{Item, List},
        values::{TextPatch, text},
    },
};

/// A person's credit on a film, as given.
#[derive(Debug, Clone)]
pub struct NewCredit {
    /// The person.
    pub person_id: i32,
    /// Their role.
    pub role: CreditRole,
    /// The character played (actors only), in Russian and English.
    pub character: TextPatch,
}

/// A credit as the audit trail lists it: the person and role, and the character played.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListedCredit {
    person: i32,
    role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    character_ru: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    character_en: Option<String>,
}

impl Item for credit::Model {
    type Listed = ListedCredit;
    const OWNER: credit::Column = credit::Column::FilmId;
    const SORT_ORDER: credit::Column = credit::Column::SortOrder;

    fn listed(&self) -> ListedCredit {
        ListedCredit {
            person: self.person_id,
            role: self.role.to_value(),
            character_ru: self.character_ru.clone(),
            character_en: self.character_en.clone(),
        }
    }
}

/// A film's credits.
const CREDITS: List<film::Entity> = List {
    mutation: "setFilmCredits",
    field: "credits",
    owner: ("film", "film", "Film"),
    target: ("person", "person", "person"),
    version: |film| film.version,
};

/// Replaces the credits of film `id` with `credits`, in billing order. Only actors play
/// characters; a person holds each other role once, and plays each character once.
pub async fn set(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
    credits: Vec<NewCredit>,
) -> AppResult<film::Model> {
    let actor = CREDITS.editor(caller)?;
    let now = Utc::now();
    let mut seen = HashSet::with_capacity(credits.len());
    let mut rows = Vec::with_capacity(credits.len());
    let mut targets = Vec::with_capacity(credits.len());
    for (i, new) in credits.into_iter().enumerate() {
        let field = CREDITS.at(i, "character");
        let (character_ru, character_en) =
            text(&field, (None, None), new.character, TITLE_MAX_CHARS, false)?;
        let plays = character_ru.is_some() || character_en.is_some();
        if plays && new.role != CreditRole::Actor {
            return Err(AppError::bad_input(
                &field,
                format!("\"{field}\" is for actors; leave it out for other roles"),
            ));
        }
        let key = (
            new.person_id,
            new.role,
            character_ru.clone(),
            character_en.clone(),
        );
        if !seen.insert(key) {
            let field = CREDITS.at(i, "person");
            return Err(AppError::bad_input(
                &field,
                format!(
                    "\"{field}\" repeats an earlier credit of the same person and role; list each once"
                ),
            ));
        }
        targets.push(new.person_id);
        rows.push(credit::ActiveModel {
            film_id: Set(id),
            person_id: Set(new.person_id),
            role: Set(new.role),
            character_ru: Set(character_ru),
            character_en: Set(character_en),
            sort_order: Set(i as i32),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        });
    }
    CREDITS
        .replace::<credit::Model>(db, &actor, id, expected, rows, &targets)
        .await
}
