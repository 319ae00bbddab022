//! sea-orm entities: one per table of docs/data-model.md, field names = column names.
//!
//! Plain data only: relations are resolved by the GraphQL layer's batched loaders.

pub mod affiliation;
pub mod agreement;
pub mod agreement_party;
pub mod agreement_scope;
pub mod agreement_signatory;
pub mod api_key;
pub mod audit_entry;
pub mod co_production;
pub mod credit;
pub mod festival;
pub mod festival_edition;
pub mod festival_organizer;
pub mod film;
pub mod film_genre;
pub mod genre;
pub mod location;
pub mod media_asset;
pub mod organization;
pub mod person;
pub mod press_material;
pub mod press_subject;
pub mod quote;
pub mod screening;
pub mod search_document;
pub mod section;
pub mod shoot;
