//! Writing people: their fields, what keeps one from being deleted, and their affiliations.

use super::Writer;
use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use serde::Serialize;

use crate::{
    domain::{
        rules::{self, BODY_MAX_CHARS, TITLE_MAX_CHARS},
        viewer::Caller,
    },
    entities::{affiliation, person},
    error::AppResult,
    store::edit::{
        Reference,
        parts::{Item, List},
        record::Record,
        values::{Naming, TextPatch, text},
    },
};

/// Changes to a person; `None` leaves a field, `Some(None)` clears it. A new person is a
/// patch of an empty one.
#[derive(Debug, Clone, Default)]
pub struct PersonPatch {
    /// Slug and name.
    pub naming: Naming,
    /// Biography in Russian and English.
    pub biography: TextPatch,
}

impl Record for person::Model {
    type Of = person::Entity;
    type Patch = PersonPatch;
    const TYPE: &'static str = "Person";
    const WHAT: &'static str = "person";
    const REFERENCES: &'static [Reference] = &[
        Reference::new("credit", "person_id", "film credits"),
        Reference::new("agreement_signatory", "person_id", "agreement signatures"),
        Reference::new("affiliation", "person_id", "affiliations"),
        Reference::new("quote", "person_id", "quotes"),
        Reference::press_subjects("PERSON"),
    ];

    fn blank() -> Self {
        let now = Utc::now();
        Self {
            id: 0,
            slug: String::new(),
            name_ru: None,
            name_en: None,
            biography_ru: None,
            biography_en: None,
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }

    fn patched(&self, patch: PersonPatch) -> AppResult<Self> {
        let mut new = self.clone();
        let name = (&mut new.name_ru, &mut new.name_en);
        patch.naming.apply(&mut new.slug, name)?;
        (new.biography_ru, new.biography_en) = text(
            "biography",
            (new.biography_ru, new.biography_en),
            patch.biography,
            BODY_MAX_CHARS,
            false,
        )?;
        Ok(new)
    }
}

/// A person's position at an organization, as given.
#[derive(Debug, Clone)]
pub struct NewAffiliation {
    /// The organization.
    pub organization_id: i32,
    /// Position title in Russian and English.
    pub position: TextPatch,
    /// First day in the position.
    pub starts_on: Option<NaiveDate>,
    /// Last day in the position.
    pub ends_on: Option<NaiveDate>,
}

/// An affiliation as the audit trail lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListedAffiliation {
    organization: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    position_ru: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    position_en: Option<String>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
}

impl Item for affiliation::Model {
    type Listed = ListedAffiliation;
    const OWNER: affiliation::Column = affiliation::Column::PersonId;
    const SORT_ORDER: affiliation::Column = affiliation::Column::SortOrder;

    fn listed(&self) -> ListedAffiliation {
        ListedAffiliation {
            organization: self.organization_id,
            position_ru: self.position_ru.clone(),
            position_en: self.position_en.clone(),
            starts_on: self.starts_on,
            ends_on: self.ends_on,
        }
    }
}

/// A person's affiliations.
const AFFILIATIONS: List<person::Entity> = List {
    mutation: "setPersonAffiliations",
    field: "affiliations",
    owner: ("person", "person", "Person"),
    target: ("organization", "organization", "organization"),
    version: |person| person.version,
};

/// Replaces the affiliations of person `id` with `affiliations`, in display order.
pub async fn set_affiliations(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
    affiliations: Vec<NewAffiliation>,
) -> AppResult<person::Model> {
    let actor = AFFILIATIONS.editor(caller)?;
    let now = Utc::now();
    let mut rows = Vec::with_capacity(affiliations.len());
    let mut targets = Vec::with_capacity(affiliations.len());
    for (i, new) in affiliations.into_iter().enumerate() {
        let field = AFFILIATIONS.at(i, "position");
        let (position_ru, position_en) =
            text(&field, (None, None), new.position, TITLE_MAX_CHARS, false)?;
        if let (Some(starts), Some(ends)) = (new.starts_on, new.ends_on) {
            rules::date_order(&AFFILIATIONS.at(i, "endsOn"), starts, ends)?;
        }
        targets.push(new.organization_id);
        rows.push(affiliation::ActiveModel {
            person_id: Set(id),
            organization_id: Set(new.organization_id),
            position_ru: Set(position_ru),
            position_en: Set(position_en),
            starts_on: Set(new.starts_on),
            ends_on: Set(new.ends_on),
            sort_order: Set(i as i32),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        });
    }
    AFFILIATIONS
        .replace::<affiliation::Model>(db, &actor, id, expected, rows, &targets)
        .await
}
