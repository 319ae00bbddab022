//! People and organizations: `organization`, `person`, `affiliation`.

use sea_orm_migration::prelude::ForeignKeyAction::Cascade;
use sea_orm_migration::schema::{date_null, integer, text_null, text_uniq};

use super::TableDef;
use super::values::ORGANIZATION_KIND;

pub(super) fn organization() -> TableDef {
    TableDef::with_id("organization")
        .col(text_uniq("slug"))
        .enumeration("kind", ORGANIZATION_KIND)
        .localized("name")
        .localized("description")
        .col(text_null("country"))
        .col(text_null("website"))
        .common()
}

pub(super) fn person() -> TableDef {
    TableDef::with_id("person")
        .col(text_uniq("slug"))
        .localized("name")
        .localized("biography")
        .common()
}

pub(super) fn affiliation() -> TableDef {
    TableDef::with_id("affiliation")
        .foreign_key(integer("person_id"), "person", Cascade)
        .foreign_key(integer("organization_id"), "organization", Cascade)
        .localized("position")
        .col(date_null("starts_on"))
        .col(date_null("ends_on"))
        .sort_order()
        .common()
        .index(&["person_id"])
        .index(&["organization_id"])
}
