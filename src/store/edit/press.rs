//! Writing press materials: create, delete, and the publication status with its embargo.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait,
    IntoActiveModel, TransactionTrait,
};

use crate::{
    domain::{
        enums::{PressMaterialKind, PublicationStatus},
        rules::{self, BODY_MAX_CHARS, TITLE_MAX_CHARS},
        viewer::Caller,
    },
    entities::press_material,
    error::{AppError, AppResult},
    store::{
        audit::{self, Changes, Entry},
        edit::{claim_at, editor, film::status_action, row, unique_fields},
    },
};

/// A new press material, as given.
#[derive(Debug, Clone)]
pub struct NewPressMaterial {
    /// URL slug.
    pub slug: String,
    /// What kind of material.
    pub kind: PressMaterialKind,
    /// Title in Russian.
    pub title_ru: Option<String>,
    /// Title in English.
    pub title_en: Option<String>,
    /// Lead in Russian.
    pub lead_ru: Option<String>,
    /// Lead in English.
    pub lead_en: Option<String>,
    /// Body in Russian.
    pub body_ru: Option<String>,
    /// Body in English.
    pub body_en: Option<String>,
}

/// Creates a press material, as a draft.
pub async fn create(
    db: &DatabaseConnection,
    caller: &Caller,
    new: NewPressMaterial,
) -> AppResult<press_material::Model> {
    let actor = editor(caller, "createPressMaterial")?;
    let slug = rules::slug("slug", &new.slug)?;
    let title = rules::localized_text(
        "title",
        new.title_ru.as_deref(),
        new.title_en.as_deref(),
        TITLE_MAX_CHARS,
    )?;
    let (lead_ru, lead_en) = optional_text("lead", new.lead_ru, new.lead_en)?;
    let (body_ru, body_en) = optional_text("body", new.body_ru, new.body_en)?;
    let now = Utc::now();
    let txn = db.begin().await?;
    let created = press_material::ActiveModel {
        slug: Set(slug),
        kind: Set(new.kind),
        status: Set(PublicationStatus::Draft),
        title_ru: Set(title.ru),
        title_en: Set(title.en),
        lead_ru: Set(lead_ru),
        lead_en: Set(lead_en),
        body_ru: Set(body_ru),
        body_en: Set(body_en),
        published_at: Set(None),
        embargo_until: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(unique_fields(&[("slug", "slug")], "press material"))?;
    let mut changes = Changes::default();
    changes.created("slug", &created.slug);
    changes.created("kind", &created.kind.to_value());
    changes.created("titleRu", &created.title_ru);
    changes.created("titleEn", &created.title_en);
    changes.created("leadRu", &created.lead_ru);
    changes.created("leadEn", &created.lead_en);
    changes.created("bodyRu", &created.body_ru);
    changes.created("bodyEn", &created.body_en);
    audit::record(
        &txn,
        Entry {
            actor: &actor,
            action: audit::Action::Create,
            entity_type: "PressMaterial",
            entity_id: created.id,
            changes,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

/// Optional text in both languages: trimmed, blank as none, at most `BODY_MAX_CHARS` each.
fn optional_text(
    field: &str,
    ru: Option<String>,
    en: Option<String>,
) -> AppResult<(Option<String>, Option<String>)> {
    if ru.as_deref().is_none_or(|t| t.trim().is_empty())
        && en.as_deref().is_none_or(|t| t.trim().is_empty())
    {
        return Ok((None, None));
    }
    let text = rules::localized_text(field, ru.as_deref(), en.as_deref(), BODY_MAX_CHARS)?;
    Ok((text.ru, text.en))
}

/// Publishes the press material `id`, public from `embargo_until` (now when none; an
/// embargo must lie in the future); or takes it back to draft, or archives it.
pub async fn change_status(
    db: &DatabaseConnection,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
    status: PublicationStatus,
    embargo_until: Option<DateTime<Utc>>,
) -> AppResult<press_material::Model> {
    let what = match status {
        PublicationStatus::Published => "publishPressMaterial",
        PublicationStatus::Draft => "unpublishPressMaterial",
        PublicationStatus::Archived => "archivePressMaterial",
    };
    let actor = editor(caller, what)?;
    let now = Utc::now();
    if let Some(embargo) = embargo_until
        && embargo <= now
    {
        return Err(AppError::bad_input(
            "embargoUntil",
            "\"embargoUntil\" must lie in the future; publish without it to make the material public now",
        ));
    }
    let txn = db.begin().await?;
    claim_at(&txn, "press_material", "press material", id, expected).await?;
    let old = row::<press_material::Entity>(&txn, id, "press material").await?;
    let mut active = old.clone().into_active_model();
    active.status = Set(status);
    if status == PublicationStatus::Published {
        active.embargo_until = Set(embargo_until);
        // The press room orders by publication: an embargoed release is published when it
        // lifts.
        active.published_at = Set(Some(embargo_until.unwrap_or(now)));
    }
    let material = active.update(&txn).await?;
    let mut changes = Changes::default();
    changes.field(
        "status",
        &old.status.to_value(),
        &material.status.to_value(),
    );
    changes.field("publishedAt", &old.published_at, &material.published_at);
    changes.field("embargoUntil", &old.embargo_until, &material.embargo_until);
    audit::record(
        &txn,
        Entry {
            actor: &actor,
            action: status_action(status),
            entity_type: "PressMaterial",
            entity_id: id,
            changes,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(material)
}

/// Deletes the press material `id` with its quotes, assets and subjects.
pub async fn delete(
    db: &DatabaseConnection,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
) -> AppResult<()> {
    let actor = editor(caller, "deletePressMaterial")?;
    let txn = db.begin().await?;
    claim_at(&txn, "press_material", "press material", id, expected).await?;
    let old = row::<press_material::Entity>(&txn, id, "press material").await?;
    press_material::Entity::delete_by_id(id).exec(&txn).await?;
    let mut changes = Changes::default();
    changes.deleted("slug", &old.slug);
    changes.deleted("kind", &old.kind.to_value());
    changes.deleted("status", &old.status.to_value());
    changes.deleted("titleRu", &old.title_ru);
    changes.deleted("titleEn", &old.title_en);
    audit::record(
        &txn,
        Entry {
            actor: &actor,
            action: audit::Action::Delete,
            entity_type: "PressMaterial",
            entity_id: id,
            changes,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
