//! Stored values of the domain enumerations, as listed in the CHECK constraints.
//!
//! Copied from `src/domain/enums.rs` (the `string_value` of each variant, in declaration
//! order): this crate does not depend on the application crate. A migration is a snapshot,
//! so adding a value later takes a new migration, not an edit here.

/// `PublicationStatus`.
pub(super) const PUBLICATION_STATUS: &[&str] = &["DRAFT", "PUBLISHED", "ARCHIVED"];

/// `ProductionStatus`.
pub(super) const PRODUCTION_STATUS: &[&str] = &[
    "ANNOUNCED",
    "DEVELOPMENT",
    "PRODUCTION",
    "POST_PRODUCTION",
    "RELEASED",
];

/// `OrganizationKind`.
pub(super) const ORGANIZATION_KIND: &[&str] = &[
    "MEDIA_HOLDING",
    "STUDIO",
    "FILM_COMMISSION",
    "DISTRIBUTOR",
    "FESTIVAL_ORGANIZER",
    "BROADCASTER",
    "OTHER",
];

/// `CoProductionRole`.
pub(super) const CO_PRODUCTION_ROLE: &[&str] = &[
    "LEAD_PRODUCER",
    "CO_PRODUCER",
    "MAJORITY_CO_PRODUCER",
    "MINORITY_CO_PRODUCER",
    "DISTRIBUTOR",
    "SUPPORTED_BY",
];

/// `CreditRole`.
pub(super) const CREDIT_ROLE: &[&str] = &[
    "DIRECTOR",
    "PRODUCER",
    "SCREENWRITER",
    "CINEMATOGRAPHER",
    "COMPOSER",
    "EDITOR",
    "PRODUCTION_DESIGNER",
    "ACTOR",
];

/// `AgreementScope`.
pub(super) const AGREEMENT_SCOPE: &[&str] = &[
    "CO_PRODUCTION",
    "PROMOTION",
    "FACILITY_ACCESS",
    "FESTIVALS",
    "INFORMATION_SUPPORT",
];

/// `LocationKind`.
pub(super) const LOCATION_KIND: &[&str] = &[
    "STUDIO",
    "SOUND_STAGE",
    "BACKLOT",
    "CINEMA",
    "FESTIVAL_VENUE",
    "OTHER",
];

/// `PremiereStatus`.
pub(super) const PREMIERE_STATUS: &[&str] = &["WORLD", "INTERNATIONAL", "NATIONAL", "CITY", "NONE"];

/// `PressMaterialKind`.
pub(super) const PRESS_MATERIAL_KIND: &[&str] = &[
    "PRESS_RELEASE",
    "NEWS",
    "STATEMENT",
    "PHOTO",
    "POSTER",
    "TRAILER",
    "PRESS_KIT",
    "FACT_SHEET",
];

/// `SubjectType`.
pub(super) const SUBJECT_TYPE: &[&str] = &[
    "FILM",
    "ORGANIZATION",
    "AGREEMENT",
    "FESTIVAL_EDITION",
    "PERSON",
    "LOCATION",
];

/// `AssetPurpose`.
pub(super) const ASSET_PURPOSE: &[&str] = &["POSTER", "STILL", "ATTACHMENT"];

/// `MediaKind`.
pub(super) const MEDIA_KIND: &[&str] = &["IMAGE", "VIDEO", "AUDIO", "DOCUMENT"];
