//! Writing locations: their fields, and what keeps one from being deleted.

use chrono::Utc;

use crate::{
    domain::{
        enums::LocationKind,
        rules::{self, BODY_MAX_CHARS, TITLE_MAX_CHARS},
    },
    entities::location,
    error::AppResult,
    store::edit::{
        Patch, Reference,
        record::Record,
        values::{Naming, TextPatch, text},
    },
};

/// The time zone of a new location given none.
pub const DEFAULT_TIME_ZONE: &str = "Europe/Moscow";

/// Changes to a location; `None` leaves a field, `Some(None)` clears it. A new location is
/// a patch of an empty one.
#[derive(Debug, Clone, Default)]
pub struct LocationPatch {
    /// Slug and name.
    pub naming: Naming,
    /// What kind of place.
    pub kind: Option<LocationKind>,
    /// Description in Russian and English.
    pub description: TextPatch,
    /// Street address in Russian and English.
    pub address: TextPatch,
    /// City in Russian and English.
    pub city: TextPatch,
    /// IANA time zone name.
    pub time_zone: Option<String>,
    /// Latitude in degrees.
    pub latitude: Patch<f64>,
    /// Longitude in degrees.
    pub longitude: Patch<f64>,
    /// The owning organization.
    pub owner_id: Patch<i32>,
}

impl Record for location::Model {
    type Of = location::Entity;
    type Patch = LocationPatch;
    const TYPE: &'static str = "Location";
    const WHAT: &'static str = "location";
    const FOREIGN_KEY: Option<(&'static str, &'static str)> = Some(("owner", "organization"));
    const REFERENCES: &'static [Reference] = &[
        Reference::new("shoot", "location_id", "shoots"),
        Reference::new("screening", "venue_id", "screenings"),
        Reference::press_subjects("LOCATION"),
    ];

    fn blank() -> Self {
        let now = Utc::now();
        Self {
            id: 0,
            slug: String::new(),
            kind: LocationKind::Studio,
            name_ru: None,
            name_en: None,
            description_ru: None,
            description_en: None,
            address_ru: None,
            address_en: None,
            city_ru: None,
            city_en: None,
            time_zone: DEFAULT_TIME_ZONE.to_owned(),
            latitude: None,
            longitude: None,
            owner_id: None,
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }

    fn patched(&self, patch: LocationPatch) -> AppResult<Self> {
        let mut new = self.clone();
        let name = (&mut new.name_ru, &mut new.name_en);
        patch.naming.apply(&mut new.slug, name)?;
        if let Some(kind) = patch.kind {
            new.kind = kind;
        }
        for (field, ru, en, patch, max) in [
            (
                "description",
                &mut new.description_ru,
                &mut new.description_en,
                patch.description,
                BODY_MAX_CHARS,
            ),
            (
                "address",
                &mut new.address_ru,
                &mut new.address_en,
                patch.address,
                TITLE_MAX_CHARS,
            ),
            (
                "city",
                &mut new.city_ru,
                &mut new.city_en,
                patch.city,
                TITLE_MAX_CHARS,
            ),
        ] {
            (*ru, *en) = text(field, (ru.take(), en.take()), patch, max, false)?;
        }
        if let Some(zone) = patch.time_zone {
            new.time_zone = rules::time_zone("timeZone", &zone)?;
        }
        if let Some(latitude) = patch.latitude {
            new.latitude = latitude;
        }
        if let Some(longitude) = patch.longitude {
            new.longitude = longitude;
        }
        rules::coordinates(new.latitude, new.longitude)?;
        if let Some(owner) = patch.owner_id {
            new.owner_id = owner;
        }
        Ok(new)
    }
}
