//! Writing press materials: create, update, delete, and the publication status with its
//! embargo.

use super::Writer;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveEnum, ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel};

use crate::{
    domain::{
        enums::{PressMaterialKind, PublicationStatus},
        rules::{self, BODY_MAX_CHARS, TITLE_MAX_CHARS},
        viewer::Caller,
    },
    entities::press_material,
    error::{AppError, AppResult},
    store::{
        audit::{self, Changes},
        edit::{
            Patch, audited, claim, claim_at, editor, film::status_action, row, settle,
            unique_fields,
        },
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
    db: &impl Writer,
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
    let result: AppResult<_> = async {
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
        audited(
            &txn,
            &actor,
            audit::Action::Create,
            "PressMaterial",
            created.id,
            changes,
        )
        .await?;
        Ok(created)
    }
    .await;
    settle(txn, result).await
}

/// Changes to a press material's fields (`None` keeps a field; `Some(None)` clears a text).
#[derive(Debug, Clone, Default)]
pub struct PressPatch {
    /// URL slug.
    pub slug: Option<String>,
    /// What kind of material.
    pub kind: Option<PressMaterialKind>,
    /// Title in Russian.
    pub title_ru: Patch<String>,
    /// Title in English.
    pub title_en: Patch<String>,
    /// Lead in Russian.
    pub lead_ru: Patch<String>,
    /// Lead in English.
    pub lead_en: Patch<String>,
    /// Body in Russian.
    pub body_ru: Patch<String>,
    /// Body in English.
    pub body_en: Patch<String>,
}

/// Applies `patch` to the press material `id` if it is still at version `expected`.
pub async fn update(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: i32,
    patch: PressPatch,
) -> AppResult<press_material::Model> {
    let actor = editor(caller, "updatePressMaterial")?;
    let slug = patch
        .slug
        .as_deref()
        .map(|s| rules::slug("slug", s))
        .transpose()?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        claim(&txn, "press_material", "press material", id, expected).await?;
        let old = row::<press_material::Entity>(&txn, id, "press material").await?;
        let mut new = old.clone();
        if let Some(slug) = slug {
            new.slug = slug;
        }
        if let Some(kind) = patch.kind {
            new.kind = kind;
        }
        let merge = |patch: Patch<String>, current: &Option<String>| {
            patch.unwrap_or_else(|| current.clone())
        };
        let title = rules::localized_text(
            "title",
            merge(patch.title_ru, &old.title_ru).as_deref(),
            merge(patch.title_en, &old.title_en).as_deref(),
            TITLE_MAX_CHARS,
        )?;
        (new.title_ru, new.title_en) = (title.ru, title.en);
        (new.lead_ru, new.lead_en) = optional_text(
            "lead",
            merge(patch.lead_ru, &old.lead_ru),
            merge(patch.lead_en, &old.lead_en),
        )?;
        (new.body_ru, new.body_en) = optional_text(
            "body",
            merge(patch.body_ru, &old.body_ru),
            merge(patch.body_en, &old.body_en),
        )?;
        let material = new
            .clone()
            .into_active_model()
            .reset_all()
            .update(&txn)
            .await
            .map_err(unique_fields(&[("slug", "slug")], "press material"))?;
        let mut changes = Changes::default();
        changes.field("slug", &old.slug, &material.slug);
        changes.field("kind", &old.kind.to_value(), &material.kind.to_value());
        changes.field("titleRu", &old.title_ru, &material.title_ru);
        changes.field("titleEn", &old.title_en, &material.title_en);
        changes.field("leadRu", &old.lead_ru, &material.lead_ru);
        changes.field("leadEn", &old.lead_en, &material.lead_en);
        changes.field("bodyRu", &old.body_ru, &material.body_ru);
        changes.field("bodyEn", &old.body_en, &material.body_en);
        changes.field("version", &expected, &material.version);
        audited(
            &txn,
            &actor,
            audit::Action::Update,
            "PressMaterial",
            id,
            changes,
        )
        .await?;
        Ok(material)
    }
    .await;
    settle(txn, result).await
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
/// embargo must lie in the future); or takes it back to draft, or archives it. `published_at`,
/// when given, restores a recorded state (an import): the publication time and the embargo
/// are set exactly as given, in the past or not.
pub async fn change_status(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
    status: PublicationStatus,
    embargo_until: Option<DateTime<Utc>>,
    published_at: Option<DateTime<Utc>>,
) -> AppResult<press_material::Model> {
    let what = match status {
        PublicationStatus::Published => "publishPressMaterial",
        PublicationStatus::Draft => "unpublishPressMaterial",
        PublicationStatus::Archived => "archivePressMaterial",
    };
    let actor = editor(caller, what)?;
    let now = Utc::now();
    if let Some(embargo) = embargo_until
        && published_at.is_none()
        && embargo <= now
    {
        return Err(AppError::bad_input(
            "embargoUntil",
            "\"embargoUntil\" must lie in the future; publish without it to make the material public now",
        ));
    }
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        claim_at(&txn, "press_material", "press material", id, expected).await?;
        let old = row::<press_material::Entity>(&txn, id, "press material").await?;
        let mut active = old.clone().into_active_model();
        active.status = Set(status);
        if published_at.is_some() {
            active.embargo_until = Set(embargo_until);
            active.published_at = Set(published_at);
        } else if status == PublicationStatus::Published {
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
        audited(
            &txn,
            &actor,
            status_action(status),
            "PressMaterial",
            id,
            changes,
        )
        .await?;
        Ok(material)
    }
    .await;
    settle(txn, result).await
}

/// Deletes the press material `id` with its quotes, assets and subjects.
pub async fn delete(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
) -> AppResult<()> {
    let actor = editor(caller, "deletePressMaterial")?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        claim_at(&txn, "press_material", "press material", id, expected).await?;
        let old = row::<press_material::Entity>(&txn, id, "press material").await?;
        press_material::Entity::delete_by_id(id).exec(&txn).await?;
        let mut changes = Changes::default();
        changes.deleted("slug", &old.slug);
        changes.deleted("kind", &old.kind.to_value());
        changes.deleted("status", &old.status.to_value());
        changes.deleted("titleRu", &old.title_ru);
        changes.deleted("titleEn", &old.title_en);
        audited(
            &txn,
            &actor,
            audit::Action::Delete,
            "PressMaterial",
            id,
            changes,
        )
        .await?;
        Ok(())
    }
    .await;
    settle(txn, result).await
}
