//! Writing organizations: their fields, and what keeps one from being deleted.

use chrono::Utc;

use crate::{
    domain::{
        enums::OrganizationKind,
        rules::{self, BODY_MAX_CHARS},
    },
    entities::organization,
    error::AppResult,
    store::edit::{
        Patch, Reference,
        record::Record,
        values::{Naming, TextPatch, text},
    },
};

/// Changes to an organization; `None` leaves a field, `Some(None)` clears it. A new
/// organization is a patch of an empty one.
#[derive(Debug, Clone, Default)]
pub struct OrganizationPatch {
    /// Slug and name.
    pub naming: Naming,
    /// What kind of organization.
    pub kind: Option<OrganizationKind>,
    /// Description in Russian and English.
    pub description: TextPatch,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Patch<String>,
    /// Website address.
    pub website: Patch<String>,
}

impl Record for organization::Model {
    type Of = organization::Entity;
    type Patch = OrganizationPatch;
    const TYPE: &'static str = "Organization";
    const WHAT: &'static str = "organization";
    const REFERENCES: &'static [Reference] = &[
        Reference::new("co_production", "organization_id", "co-productions"),
        Reference::new(
            "agreement_party",
            "organization_id",
            "agreements it is party to",
        ),
        Reference::new(
            "agreement_signatory",
            "organization_id",
            "signatures on its behalf",
        ),
        Reference::new(
            "festival_organizer",
            "organization_id",
            "festivals it organizes",
        ),
        Reference::new("affiliation", "organization_id", "affiliations"),
        Reference::new("location", "owner_id", "locations it owns"),
        Reference::new("quote", "organization_id", "quotes on its behalf"),
        Reference::press_subjects("ORGANIZATION"),
    ];

    fn blank() -> Self {
        let now = Utc::now();
        Self {
            id: 0,
            slug: String::new(),
            kind: OrganizationKind::Studio,
            name_ru: None,
            name_en: None,
            description_ru: None,
            description_en: None,
            country: None,
            website: None,
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }

    fn patched(&self, patch: OrganizationPatch) -> AppResult<Self> {
        let mut new = self.clone();
        let name = (&mut new.name_ru, &mut new.name_en);
        patch.naming.apply(&mut new.slug, name)?;
        if let Some(kind) = patch.kind {
            new.kind = kind;
        }
        (new.description_ru, new.description_en) = text(
            "description",
            (new.description_ru, new.description_en),
            patch.description,
            BODY_MAX_CHARS,
            false,
        )?;
        if let Some(country) = patch.country {
            new.country = country.map(|c| rules::country("country", &c)).transpose()?;
        }
        if let Some(website) = patch.website {
            new.website = website.map(|w| rules::url("website", &w)).transpose()?;
        }
        Ok(new)
    }
}
