//! Press: `press_material`, `press_subject`, `quote`, `media_asset`.

use sea_orm_migration::prelude::ForeignKeyAction::{Cascade, SetNull};
use sea_orm_migration::schema::{
    integer, integer_null, text, text_null, text_uniq, timestamp_with_time_zone_null,
};

use super::TableDef;
use super::values::{
    ASSET_PURPOSE, MEDIA_KIND, PRESS_MATERIAL_KIND, PUBLICATION_STATUS, SUBJECT_TYPE,
};

pub(super) fn press_material() -> TableDef {
    TableDef::with_id("press_material")
        .col(text_uniq("slug"))
        .enumeration("kind", PRESS_MATERIAL_KIND)
        .enumeration("status", PUBLICATION_STATUS)
        .localized("title")
        .localized("lead")
        .localized("body")
        .col(timestamp_with_time_zone_null("published_at"))
        .col(timestamp_with_time_zone_null("embargo_until"))
        .common()
        .index(&["status", "published_at"])
}

/// What a press material is about: a (type, id) pair, so `subject_id` has no foreign key.
pub(super) fn press_subject() -> TableDef {
    TableDef::new("press_subject")
        .foreign_key(integer("press_material_id"), "press_material", Cascade)
        .enumeration("subject_type", SUBJECT_TYPE)
        .col(integer("subject_id"))
        .sort_order()
        .primary_key(&["press_material_id", "subject_type", "subject_id"])
        .index(&["subject_type", "subject_id"])
}

pub(super) fn quote() -> TableDef {
    TableDef::with_id("quote")
        .foreign_key(integer("press_material_id"), "press_material", Cascade)
        .foreign_key(integer_null("person_id"), "person", SetNull)
        .foreign_key(integer_null("organization_id"), "organization", SetNull)
        .localized("position")
        .localized("text")
        .sort_order()
        .common()
        .index(&["press_material_id"])
}

/// A media file of a film or of a press material; deleted with its owner.
pub(super) fn media_asset() -> TableDef {
    TableDef::with_id("media_asset")
        .foreign_key(integer_null("film_id"), "film", Cascade)
        .foreign_key(integer_null("press_material_id"), "press_material", Cascade)
        .enumeration("purpose", ASSET_PURPOSE)
        .enumeration("kind", MEDIA_KIND)
        .col(text("url"))
        .col(text("mime_type"))
        .col(integer_null("width"))
        .col(integer_null("height"))
        .localized("alt")
        .col(text_null("credit"))
        .col(text_null("license"))
        .sort_order()
        .common()
        .index(&["film_id"])
        .index(&["press_material_id"])
}
