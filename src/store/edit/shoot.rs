//! Writing shoots, a film's bookings of locations: add, update, remove. Each write first
//! marks the film changed, so writes to one film's shoots run one after the other.

use super::Writer;
use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel};

use crate::{
    domain::{rules, viewer::Caller},
    entities::{location, shoot},
    error::{AppError, AppResult},
    store::{
        audit::{Action, Changes},
        edit::{audited, claim, claim_at, editor, row, settle, touch, touch_owner},
        shoot::ShootRow,
    },
};

/// A film's new booking of a location.
#[derive(Debug, Clone)]
pub struct NewShoot {
    /// The film.
    pub film_id: i32,
    /// The location.
    pub location_id: i32,
    /// First shooting day.
    pub starts_on: NaiveDate,
    /// Last shooting day.
    pub ends_on: NaiveDate,
}

/// Changes to a shoot; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ShootPatch {
    /// The location.
    pub location_id: Option<i32>,
    /// First shooting day.
    pub starts_on: Option<NaiveDate>,
    /// Last shooting day.
    pub ends_on: Option<NaiveDate>,
}

/// Books a location for a film's shoot.
pub async fn add(db: &impl Writer, caller: &Caller, new: NewShoot) -> AppResult<ShootRow> {
    let actor = editor(caller, "addShoot")?;
    rules::date_order("endsOn", new.starts_on, new.ends_on)?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        touch(&txn, "film", "film", "film", new.film_id).await?;
        let location = location_named(&txn, new.location_id).await?;
        let now = Utc::now();
        let shoot = shoot::ActiveModel {
            film_id: Set(new.film_id),
            location_id: Set(new.location_id),
            starts_on: Set(new.starts_on),
            ends_on: Set(new.ends_on),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let changes = diff(None, Some(&shoot));
        audited(&txn, &actor, Action::Create, "Shoot", shoot.id, changes).await?;
        Ok(ShootRow { shoot, location })
    }
    .await;
    settle(txn, result).await
}

/// Applies `patch` to the shoot `id` if it is still at version `expected`.
pub async fn update(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: i32,
    patch: ShootPatch,
) -> AppResult<ShootRow> {
    let actor = editor(caller, "updateShoot")?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        touch_film_of(&txn, id).await?;
        claim(&txn, "shoot", "shoot", id, expected).await?;
        let old = row::<shoot::Entity>(&txn, id, "shoot").await?;
        let mut new = old.clone();
        new.location_id = patch.location_id.unwrap_or(old.location_id);
        new.starts_on = patch.starts_on.unwrap_or(old.starts_on);
        new.ends_on = patch.ends_on.unwrap_or(old.ends_on);
        rules::date_order("endsOn", new.starts_on, new.ends_on)?;
        let location = location_named(&txn, new.location_id).await?;
        let shoot = new.into_active_model().reset_all().update(&txn).await?;
        let mut changes = diff(Some(&old), Some(&shoot));
        changes.field("version", &expected, &shoot.version);
        audited(&txn, &actor, Action::Update, "Shoot", id, changes).await?;
        Ok(ShootRow { shoot, location })
    }
    .await;
    settle(txn, result).await
}

/// Removes the shoot `id`.
pub async fn remove(
    db: &impl Writer,
    caller: &Caller,
    id: i32,
    expected: Option<i32>,
) -> AppResult<()> {
    let actor = editor(caller, "removeShoot")?;
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        touch_film_of(&txn, id).await?;
        claim_at(&txn, "shoot", "shoot", id, expected).await?;
        let old = row::<shoot::Entity>(&txn, id, "shoot").await?;
        shoot::Entity::delete_by_id(id).exec(&txn).await?;
        let changes = diff(Some(&old), None);
        audited(&txn, &actor, Action::Delete, "Shoot", id, changes).await?;
        Ok(())
    }
    .await;
    settle(txn, result).await
}

/// The audited changes between two states of a shoot; `None` is none (created, deleted).
fn diff(old: Option<&shoot::Model>, new: Option<&shoot::Model>) -> Changes {
    let mut changes = Changes::default();
    let film = |s: Option<&shoot::Model>| s.map(|s| s.film_id);
    changes.field("film", &film(old), &film(new));
    let location = |s: Option<&shoot::Model>| s.map(|s| s.location_id);
    changes.field("location", &location(old), &location(new));
    let starts = |s: Option<&shoot::Model>| s.map(|s| s.starts_on);
    changes.field("startsOn", &starts(old), &starts(new));
    let ends = |s: Option<&shoot::Model>| s.map(|s| s.ends_on);
    changes.field("endsOn", &ends(old), &ends(new));
    changes
}

/// Marks the film of shoot `id` changed; `NOT_FOUND` when there is no such shoot.
async fn touch_film_of(db: &impl ConnectionTrait, id: i32) -> AppResult<()> {
    touch_owner(db, "film", "shoot", "film_id", "shoot", id).await
}

/// The location `id`, which the input field `location` named.
async fn location_named(db: &impl ConnectionTrait, id: i32) -> AppResult<location::Model> {
    location::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::bad_input("location", "\"location\" names no location"))
}
