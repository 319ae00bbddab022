//! When the next embargo lifts: the query (`next_lift`) and the in-process `EmbargoClock`
//! that remembers its answer, so that a public response's max-age can stop short of the
//! moment a press release becomes public without a database statement per request.
//!
//! Press materials are the only rows with an embargo (`press_material.embargo_until`);
//! everything else hanging off a press material follows it through
//! [`super::visibility::press_material_ref`]. So what anonymous callers see changes without a
//! write exactly when a published press material's embargo passes.
//!
//! The clock reads the database again
//! - when the lift it knows of has come (the next one is then a different row);
//! - after any mutation on this instance ([`EmbargoClock::touch`]): a write may publish,
//!   unpublish or re-embargo a press material;
//! - otherwise at most every `refresh` (the configured max-age): writes by other instances,
//!   imports or SQL are unknown here until then. Any embargo set at least that long before it
//!   lifts is therefore always honoured; a shorter one set elsewhere may be seen late by at
//!   most one refresh interval plus one max-age.

use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::{domain::enums::PublicationStatus, entities::press_material, error::AppResult};

/// The earliest embargo after `now` of a published press material, if any.
pub async fn next_lift(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    let next = press_material::Entity::find()
        .select_only()
        .column(press_material::Column::EmbargoUntil)
        .filter(press_material::Column::Status.eq(PublicationStatus::Published))
        .filter(press_material::Column::EmbargoUntil.gt(now))
        .order_by_asc(press_material::Column::EmbargoUntil)
        .into_tuple::<Option<DateTime<Utc>>>()
        .one(db)
        .await?;
    Ok(next.flatten())
}

/// What the clock last read: the next lift, and until when that reading may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading {
    next: Option<DateTime<Utc>>,
    valid_until: DateTime<Utc>,
}

impl Reading {
    fn new(next: Option<DateTime<Utc>>, read_at: DateTime<Utc>, refresh: Duration) -> Self {
        let expiry = chrono::Duration::from_std(refresh)
            .ok()
            .and_then(|refresh| read_at.checked_add_signed(refresh))
            .unwrap_or(read_at);
        Self {
            next,
            valid_until: next.map_or(expiry, |next| next.min(expiry)),
        }
    }
}

/// `max_age` seconds, cut so that it ends no later than `next` (a lift after `now`).
pub fn capped(max_age: u32, next: Option<DateTime<Utc>>, now: DateTime<Utc>) -> u32 {
    match next {
        None => max_age,
        Some(next) => {
            let until = (next - now).num_seconds().max(0);
            u32::try_from(until).map_or(max_age, |until| until.min(max_age))
        }
    }
}

/// The next embargo lift, remembered in-process; cheap to clone (shared).
#[derive(Clone)]
pub struct EmbargoClock {
    db: DatabaseConnection,
    refresh: Duration,
    reading: Arc<Mutex<Option<Reading>>>,
    /// Bumped by [`EmbargoClock::touch`]: a read started before a touch is not kept.
    generation: Arc<AtomicU64>,
    /// One reader at a time: concurrent requests wait for it instead of all querying.
    reader: Arc<tokio::sync::Mutex<()>>,
}

impl EmbargoClock {
    /// A clock reading `db` (the primary: it sees this instance's writes at once) at most
    /// every `refresh` unless touched or passed.
    pub fn new(db: DatabaseConnection, refresh: Duration) -> Self {
        Self {
            db,
            refresh,
            reading: Arc::default(),
            generation: Arc::default(),
            reader: Arc::default(),
        }
    }

    /// `max_age` seconds, cut to end no later than the next embargo lift. This is the
    /// max-age a public response may carry. 0 when the next lift cannot be read (nothing is
    /// cached rather than something shown late).
    pub async fn cap(&self, max_age: u32) -> u32 {
        if max_age == 0 {
            return 0;
        }
        let now = Utc::now();
        match self.next(now).await {
            Ok(next) => capped(max_age, next, now),
            Err(_) => 0, // logged where classified as internal
        }
    }

    /// Forgets the reading: the next [`EmbargoClock::cap`] reads the database. Called after
    /// every mutation on this instance.
    pub fn touch(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.store(None);
    }

    /// The next lift after `now`, from the reading while it is valid, else from the database.
    async fn next(&self, now: DateTime<Utc>) -> AppResult<Option<DateTime<Utc>>> {
        if let Some(next) = self.current(now) {
            return Ok(next);
        }
        let _reader = self.reader.lock().await;
        if let Some(next) = self.current(now) {
            return Ok(next); // another request read it meanwhile
        }
        let generation = self.generation.load(Ordering::SeqCst);
        let next = next_lift(&self.db, now).await?;
        if self.generation.load(Ordering::SeqCst) == generation {
            self.store(Some(Reading::new(next, now, self.refresh)));
        }
        Ok(next)
    }

    fn current(&self, now: DateTime<Utc>) -> Option<Option<DateTime<Utc>>> {
        let reading = (*self.reading.lock().ok()?)?;
        (now < reading.valid_until).then_some(reading.next)
    }

    fn store(&self, reading: Option<Reading>) {
        if let Ok(mut slot) = self.reading.lock() {
            *slot = reading;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_800_000_000 + seconds, 0)
            .single()
            .expect("valid instant")
    }

    #[test]
    fn max_age_stops_at_the_next_lift() {
        assert_eq!(capped(60, None, at(0)), 60);
        assert_eq!(capped(60, Some(at(3600)), at(0)), 60);
        assert_eq!(capped(60, Some(at(25)), at(0)), 25);
        assert_eq!(capped(60, Some(at(0)), at(0)), 0);
        assert_eq!(capped(60, Some(at(-5)), at(0)), 0);
    }

    #[test]
    fn a_reading_is_used_until_its_lift_or_the_refresh_interval() {
        let refresh = Duration::from_secs(60);
        assert_eq!(
            Reading::new(None, at(0), refresh).valid_until,
            at(60),
            "no embargo pending: read again after the interval"
        );
        assert_eq!(
            Reading::new(Some(at(10)), at(0), refresh).valid_until,
            at(10),
            "a lift within the interval: read again when it comes"
        );
        assert_eq!(
            Reading::new(Some(at(500)), at(0), refresh).valid_until,
            at(60)
        );
    }
}
