//! Festivals: `festival`, `festival_organizer`, `festival_edition`, `section`, `screening`.

use sea_orm_migration::prelude::ForeignKeyAction::{Cascade, SetNull};
use sea_orm_migration::schema::{
    date, integer, integer_null, text, text_null, text_uniq, timestamp_with_time_zone,
};

use super::TableDef;
use super::values::PREMIERE_STATUS;

pub(super) fn festival() -> TableDef {
    TableDef::with_id("festival")
        .col(text_uniq("slug"))
        .localized("name")
        .localized("description")
        .col(text_null("website"))
        .common()
}

pub(super) fn festival_organizer() -> TableDef {
    TableDef::new("festival_organizer")
        .foreign_key(integer("festival_id"), "festival", Cascade)
        .foreign_key(integer("organization_id"), "organization", Cascade)
        .sort_order()
        .primary_key(&["festival_id", "organization_id"])
        .index(&["organization_id"])
}

pub(super) fn festival_edition() -> TableDef {
    TableDef::with_id("festival_edition")
        .col(text_uniq("slug"))
        .foreign_key(integer("festival_id"), "festival", Cascade)
        .col(integer("number"))
        .col(integer("year"))
        .localized("name")
        .col(date("starts_on"))
        .col(date("ends_on"))
        .localized("city")
        .col(text("time_zone"))
        .common()
        .unique(&["festival_id", "number"])
}

pub(super) fn section() -> TableDef {
    TableDef::with_id("section")
        .foreign_key(integer("edition_id"), "festival_edition", Cascade)
        .col(text("slug"))
        .localized("name")
        .sort_order()
        .common()
        .unique(&["edition_id", "slug"])
}

pub(super) fn screening() -> TableDef {
    TableDef::with_id("screening")
        .foreign_key(integer("edition_id"), "festival_edition", Cascade)
        .foreign_key(integer_null("section_id"), "section", SetNull)
        .foreign_key(integer("film_id"), "film", Cascade)
        .foreign_key(integer("venue_id"), "location", Cascade)
        .col(timestamp_with_time_zone("starts_at"))
        .enumeration("premiere_status", PREMIERE_STATUS)
        .col(text_null("language"))
        .col(text("subtitle_languages").default("").take())
        .col(text_null("ticket_url"))
        .common()
        .index(&["edition_id", "starts_at"])
        .index(&["film_id", "starts_at"])
        .index(&["venue_id", "starts_at"])
}
