//! Films and their making: `genre`, `film`, `film_genre`, `co_production`, `credit`,
//! `location`, `shoot`.

use sea_orm_migration::prelude::ForeignKeyAction::{Cascade, SetNull};
use sea_orm_migration::schema::{
    date, double_null, integer, integer_null, text, text_null, text_uniq,
    timestamp_with_time_zone_null,
};

use super::TableDef;
use super::values::{
    CO_PRODUCTION_ROLE, CREDIT_ROLE, LOCATION_KIND, PRODUCTION_STATUS, PUBLICATION_STATUS,
};

pub(super) fn genre() -> TableDef {
    TableDef::with_id("genre")
        .col(text_uniq("slug"))
        .localized("name")
        .common()
}

pub(super) fn film() -> TableDef {
    TableDef::with_id("film")
        .col(text_uniq("slug"))
        .enumeration("status", PUBLICATION_STATUS)
        .enumeration("production_status", PRODUCTION_STATUS)
        .localized("title")
        .col(text("original_title"))
        .col(text_null("original_language"))
        .col(integer_null("year"))
        .col(integer_null("runtime_minutes"))
        .col(text("countries").default("").take())
        .col(text_null("age_rating"))
        .localized("logline")
        .localized("synopsis")
        .col(text_null("imdb_id").unique_key().take())
        .col(text_null("eidr_id").unique_key().take())
        .col(text_null("distribution_certificate").unique_key().take())
        .col(timestamp_with_time_zone_null("published_at"))
        .common()
        .index(&["status", "year"])
        .index(&["status", "updated_at"])
        .index(&["production_status"])
}

pub(super) fn film_genre() -> TableDef {
    TableDef::new("film_genre")
        .foreign_key(integer("film_id"), "film", Cascade)
        .foreign_key(integer("genre_id"), "genre", Cascade)
        .sort_order()
        .primary_key(&["film_id", "genre_id"])
        .index(&["genre_id"])
}

pub(super) fn co_production() -> TableDef {
    TableDef::with_id("co_production")
        .foreign_key(integer("film_id"), "film", Cascade)
        .foreign_key(integer("organization_id"), "organization", Cascade)
        .enumeration("role", CO_PRODUCTION_ROLE)
        .col(double_null("share_percent"))
        .foreign_key(integer_null("agreement_id"), "agreement", SetNull)
        .sort_order()
        .common()
        .unique(&["film_id", "organization_id", "role"])
        .index(&["organization_id"])
        .index(&["agreement_id"])
}

pub(super) fn credit() -> TableDef {
    TableDef::with_id("credit")
        .foreign_key(integer("film_id"), "film", Cascade)
        .foreign_key(integer("person_id"), "person", Cascade)
        .enumeration("role", CREDIT_ROLE)
        .localized("character")
        .sort_order()
        .common()
        .index(&["film_id"])
        .index(&["person_id"])
}

pub(super) fn location() -> TableDef {
    TableDef::with_id("location")
        .col(text_uniq("slug"))
        .enumeration("kind", LOCATION_KIND)
        .localized("name")
        .localized("description")
        .localized("address")
        .localized("city")
        .col(text("time_zone"))
        .col(double_null("latitude"))
        .col(double_null("longitude"))
        .foreign_key(integer_null("owner_id"), "organization", SetNull)
        .common()
        .index(&["owner_id"])
}

pub(super) fn shoot() -> TableDef {
    TableDef::with_id("shoot")
        .foreign_key(integer("film_id"), "film", Cascade)
        .foreign_key(integer("location_id"), "location", Cascade)
        .col(date("starts_on"))
        .col(date("ends_on"))
        .common()
        .index(&["film_id", "starts_on"])
        .index(&["location_id", "starts_on"])
}
