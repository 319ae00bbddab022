//! Writing co-productions: adding an organization's part in a film.

use chrono::Utc;
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    QueryFilter, TransactionTrait,
};

use crate::{
    domain::{enums::CoProductionRole, rules, viewer::Caller},
    entities::{agreement, co_production, organization},
    error::{AppError, AppResult},
    store::{
        audit::{self, Action, Changes, Entry},
        co_production::CoProductionRow,
        edit::{editor, is_unique_violation, touch},
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
pub async fn add(
    db: &DatabaseConnection,
    caller: &Caller,
    new: NewCoProduction,
) -> AppResult<Added> {
    let actor = editor(caller, "addCoProduction")?;
    let share = new
        .share_percent
        .map(|share| rules::share_percent("sharePercent", share))
        .transpose()?;
    let txn = db.begin().await?;
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
    let mut shares: Vec<f64> = siblings.iter().filter_map(|c| c.share_percent).collect();
    shares.extend(share);
    rules::shares_total("sharePercent", &shares)?;
    let warnings = if share.is_some() {
        rules::share_warnings(&shares)
    } else {
        Vec::new()
    };
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
    .map_err(|err| {
        if is_unique_violation(&err) {
            AppError::bad_input(
                "role",
                "the organization already has this role in the film; change its share instead",
            )
        } else {
            err.into()
        }
    })?;
    let mut changes = Changes::default();
    changes.created("film", &created.film_id);
    changes.created("organization", &created.organization_id);
    changes.created("role", &created.role.to_value());
    changes.created("sharePercent", &created.share_percent);
    changes.created("agreement", &created.agreement_id);
    audit::record(
        &txn,
        Entry {
            actor: &actor,
            action: Action::Create,
            entity_type: "CoProduction",
            entity_id: created.id,
            changes,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Added {
        row: CoProductionRow {
            co_production: created,
            organization,
        },
        warnings,
    })
}
