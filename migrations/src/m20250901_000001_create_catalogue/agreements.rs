//! Agreements between organizations: `agreement`, `agreement_party`, `agreement_signatory`,
//! `agreement_scope`.

use sea_orm_migration::prelude::ForeignKeyAction::{Cascade, SetNull};
use sea_orm_migration::schema::{date, integer, integer_null, text_uniq};

use super::TableDef;
use super::values::AGREEMENT_SCOPE;

pub(super) fn agreement() -> TableDef {
    TableDef::with_id("agreement")
        .col(text_uniq("slug"))
        .localized("title")
        .localized("summary")
        .col(date("signed_on"))
        .foreign_key(
            integer_null("signing_event_id"),
            "festival_edition",
            SetNull,
        )
        .common()
        .index(&["signed_on"])
        .index(&["signing_event_id"])
}

pub(super) fn agreement_party() -> TableDef {
    TableDef::new("agreement_party")
        .foreign_key(integer("agreement_id"), "agreement", Cascade)
        .foreign_key(integer("organization_id"), "organization", Cascade)
        .sort_order()
        .primary_key(&["agreement_id", "organization_id"])
        .index(&["organization_id"])
}

pub(super) fn agreement_signatory() -> TableDef {
    TableDef::with_id("agreement_signatory")
        .foreign_key(integer("agreement_id"), "agreement", Cascade)
        .foreign_key(integer("person_id"), "person", Cascade)
        .foreign_key(integer("organization_id"), "organization", Cascade)
        .localized("position")
        .sort_order()
        .common()
        .index(&["agreement_id"])
}

pub(super) fn agreement_scope() -> TableDef {
    TableDef::new("agreement_scope")
        .foreign_key(integer("agreement_id"), "agreement", Cascade)
        .enumeration("scope", AGREEMENT_SCOPE)
        .sort_order()
        .primary_key(&["agreement_id", "scope"])
}
