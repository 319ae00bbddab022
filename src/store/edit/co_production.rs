//! Writing co-productions: an organization's part in a film, added, changed, removed.

use super::Writer;
use chrono::Utc;
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel,
    QueryFilter,
};

use crate::{
    domain::{enums::CoProductionRole, rules, viewer::Caller},
    entities::{agreement, co_production, organization},
    error::{AppError, AppResult},
    store::{
        audit::{Action, Changes},
        co_production::CoProductionRow,
        edit::{Patch, audited, claim, claim_at, editor, is_unique_violation, row, settle, touch},
    },
};

/// An organization's new part in a film.
#[derive(Debug, Clone)]
pub struct NewCoProduction {
    /// The film.
    pub film_id: i32,
    /// The organization.
    pub organization_id: i32,
    /// Its role.
    pub role: CoProductionRole,
    /// Its share of the film, in percent.
    pub share_percent: Option<f64>,
    /// The agreement the co-production falls under.
    pub agreement_id: Option<i32>,
}

/// The added co-production, and the warnings it deserves (shares outside the European
/// convention's bounds: allowed, since national rules differ).
#[derive(Debug, Clone)]
pub struct Added {
    /// The co-production with its organization.
    pub row: CoProductionRow,
    /// Human-readable warnings.
    pub warnings: Vec<String>,
}

/// Adds a co-production to a film. The film's shares may add up to at most 100 %.
pub async fn add(db: &impl Writer, caller: &Caller, new: NewCoProduction) -> AppResult<Added> {
    let actor = editor(caller, "addCoProduction")?;
    let share = new
        .share_percent
        .map(|share| rules::share_percent("sharePercent", share))
        .transpose()?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        touch(&txn, "film", "film", "film", new.film_id).await?;
        let organization = organization::Entity::find_by_id(new.organization_id)
            .one(&txn)
            .await?
            .ok_or_else(|| {
                AppError::bad_input("organization", "\"organization\" names no organization")
            })?;
        if let Some(agreement_id) = new.agreement_id
            && agreement::Entity::find_by_id(agreement_id)
                .one(&txn)
                .await?
                .is_none()
        {
            return Err(AppError::bad_input(
                "agreement",
                "\"agreement\" names no agreement",
            ));
        }
        let siblings = co_production::Entity::find()
            .filter(co_production::Column::FilmId.eq(new.film_id))
            .all(&txn)
            .await?;
        let warnings = shares_with(&siblings, None, share)?;
        let now = Utc::now();
        let sort_order = siblings.iter().map(|c| c.sort_order + 1).max().unwrap_or(0);
        let created = co_production::ActiveModel {
            film_id: Set(new.film_id),
            organization_id: Set(new.organization_id),
            role: Set(new.role),
            share_percent: Set(share),
            agreement_id: Set(new.agreement_id),
            sort_order: Set(sort_order),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(duplicate_role)?;
        let mut changes = Changes::default();
        changes.created("film", &created.film_id);
        changes.created("organization", &created.organization_id);
        changes.created("role", &created.role.to_value());
        changes.created("sharePercent", &created.share_percent);
        changes.created("agreement", &created.agreement_id);
        audited(
            &txn,
            &actor,
            Action::Create,
            "CoProduction",
            created.id,
            changes,
        )
        .await?;
        Ok(Added {
            row: CoProductionRow {
                co_production: created,
                organization,
            },
            warnings,
        })
    }
    .await;
    settle(txn, result).await
}

/// Checks a film's shares with co-production `replacing` (if any) given `share`: at most
/// 100 % in all; returns the convention's warnings when a share was given.
fn shares_with(
    siblings: &[co_production::Model],
    replacing: Option<i32>,
    share: Option<f64>,
) -> AppResult<Vec<String>> {
    let mut shares: Vec<f64> = siblings
        .iter()
        .filter(|c| Some(c.id) != replacing)
        .filter_map(|c| c.share_percent)
        .collect();
    shares.extend(share);
    rules::shares_total("sharePercent", &shares)?;
    Ok(if share.is_some() {
        rules::share_warnings(&shares)
    } else {
        Vec::new()
    })
}

/// Changes to a co-production.
#[derive(Debug, Clone, Default)]
pub struct CoProductionPatch {
    /// A new role.
    pub role: Option<CoProductionRole>,
    /// A new share (or none).
    pub share_percent: Patch<f64>,
    /// A new agreement (or none).
    pub agreement_id: Patch<i32>,
}

/// Changes the co-production `id`, from version `expected`.
pub async fn update(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: i32,
    patch: CoProductionPatch,
) -> AppResult<Added> {
    let actor = editor(caller, "updateCoProduction")?;
    let share = match patch.share_percent {
        Some(Some(share)) => Some(Some(rules::share_percent("sharePercent", share)?)),
        other => other,
    };
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        claim(&txn, "co_production", "co-production", id, expected).await?;
        let old = row::<co_production::Entity>(&txn, id, "co-production").await?;
        touch(&txn, "film", "film", "id", old.film_id).await?;
        if let Some(Some(agreement_id)) = patch.agreement_id {
            exists::<agreement::Entity>(&txn, agreement_id, "agreement").await?;
        }
        let siblings = co_production::Entity::find()
            .filter(co_production::Column::FilmId.eq(old.film_id))
            .all(&txn)
            .await?;
        let mut new = old.clone();
        if let Some(role) = patch.role {
            new.role = role;
        }
        if let Some(share) = share {
            new.share_percent = share;
        }
        if let Some(agreement) = patch.agreement_id {
            new.agreement_id = agreement;
        }
        let warnings = shares_with(&siblings, Some(id), new.share_percent)?;
        let updated = new
            .clone()
            .into_active_model()
            .reset_all()
            .update(&txn)
            .await
            .map_err(duplicate_role)?;
        let organization =
            row::<organization::Entity>(&txn, updated.organization_id, "organization").await?;
        let mut changes = Changes::default();
        changes.field("role", &old.role.to_value(), &updated.role.to_value());
        changes.field("sharePercent", &old.share_percent, &updated.share_percent);
        changes.field("agreement", &old.agreement_id, &updated.agreement_id);
        changes.field("version", &expected, &updated.version);
        audited(&txn, &actor, Action::Update, "CoProduction", id, changes).await?;
        Ok(Added {
            row: CoProductionRow {
                co_production: updated,
                organization,
            },
            warnings,
        })
    }
    .await;
    settle(txn, result).await
}

/// Removes the co-production `id` from its film.
pub async fn remove(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
) -> AppResult<()> {
    let actor = editor(caller, "removeCoProduction")?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        claim_at(&txn, "co_production", "co-production", id, expected).await?;
        let old = row::<co_production::Entity>(&txn, id, "co-production").await?;
        touch(&txn, "film", "film", "id", old.film_id).await?;
        co_production::Entity::delete_by_id(id).exec(&txn).await?;
        let mut changes = Changes::default();
        changes.deleted("film", &old.film_id);
        changes.deleted("organization", &old.organization_id);
        changes.deleted("role", &old.role.to_value());
        changes.deleted("sharePercent", &old.share_percent);
        audited(&txn, &actor, Action::Delete, "CoProduction", id, changes).await?;
        Ok(())
    }
    .await;
    settle(txn, result).await
}

/// A unique violation of (film, organization, role), reported on the role.
fn duplicate_role(err: sea_orm::DbErr) -> AppError {
    if is_unique_violation(&err) {
        AppError::bad_input(
            "role",
            "the organization already has this role in the film; change its share instead",
        )
    } else {
        err.into()
    }
}

/// `BAD_USER_INPUT` on `field` unless row `id` of `E` exists.
async fn exists<E: EntityTrait>(
    db: &impl sea_orm::ConnectionTrait,
    id: i32,
    field: &str,
) -> AppResult<E::Model>
where
    E::PrimaryKey: sea_orm::PrimaryKeyTrait<ValueType = i32>,
{
    E::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::bad_input(field, format!("\"{field}\" names no {field}")))
}
