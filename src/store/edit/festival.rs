//! Writing festivals: create, update (a patch from a known version, organizers replaced
//! whole), and delete while the festival has no editions.

use super::Writer;
use chrono::Utc;
use sea_orm::DatabaseTransaction;

use crate::{
    domain::{
        rules::{self, BODY_MAX_CHARS, TITLE_MAX_CHARS},
        viewer::Caller,
    },
    entities::festival,
    error::AppResult,
    store::{
        audit::Changes,
        edit::{
            Patch, Reference, editor,
            record::{self, Record, Write},
            settle,
            values::{Links, TextPatch, distinct, text},
        },
    },
};

/// Changes to a festival; `None` leaves a field as it is, `Some(None)` clears it. A new
/// festival is a patch of an empty one.
#[derive(Debug, Clone, Default)]
pub struct FestivalPatch {
    /// URL slug.
    pub slug: Option<String>,
    /// Name in Russian and English.
    pub name: TextPatch,
    /// Description in Russian and English.
    pub description: TextPatch,
    /// Website.
    pub website: Patch<String>,
    /// Organizing organizations in display order, replacing the list.
    pub organizers: Option<Vec<i32>>,
}

/// The festival's organizers.
const ORGANIZERS: Links = Links {
    table: "festival_organizer",
    owner: "festival_id",
    target: "organization_id",
    target_table: "organization",
    what: "organization",
    field: "organizers",
};

impl Record for festival::Model {
    type Of = festival::Entity;
    type Patch = FestivalPatch;
    const TYPE: &'static str = "Festival";
    const WHAT: &'static str = "festival";
    /// Deleted only when it has no editions.
    const REFERENCES: &'static [Reference] = &[Reference::new(
        "festival_edition",
        "festival_id",
        "editions",
    )];

    fn blank() -> Self {
        let now = Utc::now();
        festival::Model {
            id: 0,
            slug: String::new(),
            name_ru: None,
            name_en: None,
            description_ru: None,
            description_en: None,
            website: None,
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }

    /// The festival with the validated `patch` applied (its organizers are written apart).
    fn patched(&self, patch: FestivalPatch) -> AppResult<Self> {
        let mut row = self.clone();
        row.slug = rules::slug("slug", patch.slug.as_deref().unwrap_or(&row.slug))?;
        (row.name_ru, row.name_en) = text(
            "name",
            (row.name_ru, row.name_en),
            patch.name,
            TITLE_MAX_CHARS,
            true,
        )?;
        (row.description_ru, row.description_en) = text(
            "description",
            (row.description_ru, row.description_en),
            patch.description,
            BODY_MAX_CHARS,
            false,
        )?;
        if let Some(website) = patch.website {
            row.website = website.map(|w| rules::url("website", &w)).transpose()?;
        }
        Ok(row)
    }

    async fn deleted_parts(
        db: &DatabaseTransaction,
        id: i32,
        changes: &mut Changes,
    ) -> AppResult<()> {
        changes.deleted("organizers", &ORGANIZERS.of(db, id).await?);
        Ok(())
    }
}

/// Creates a festival (`at` None) or applies `patch` to the festival `id` if it is still at
/// version `expected` (`at` = `(id, expected)`).
pub async fn write(
    db: &impl Writer,
    caller: &Caller,
    at: Option<(i32, i32)>,
    mut patch: FestivalPatch,
) -> AppResult<festival::Model> {
    let actor = editor(caller, &record::verb::<festival::Model>(at))?;
    let organizers = patch.organizers.take();
    if let Some(organizers) = &organizers {
        distinct("organizers", organizers, "organizer")?;
    }
    let write = Write::new(at, patch)?;
    let txn = db.begin().await?;
    let result = async {
        let mut written = write.apply(&txn).await?;
        ORGANIZERS
            .replace(
                &txn,
                written.id,
                organizers.as_deref(),
                &mut written.changes,
            )
            .await?;
        written.audit(&txn, &actor).await
    }
    .await;
    settle(txn, result).await
}
