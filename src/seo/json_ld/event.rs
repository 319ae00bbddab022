//! `ScreeningEvent` and `Festival`: a screening of a film, and a festival edition.

use chrono::Duration;
use serde_json::Value;

use super::{Lang, Node, local_time, movie, party};
use crate::{
    entities::{festival, festival_edition, film, organization},
    graphql::types::scalars::code_list,
    seo::urls::PublicUrl,
    store::screening::ScreeningRow,
};

/// The edition's name in the asked language, else the festival's.
fn edition_name(
    lang: &Lang,
    edition: &festival_edition::Model,
    festival: &festival::Model,
) -> Option<String> {
    lang.text(&edition.name_ru, &edition.name_en)
        .or_else(|| lang.text(&festival.name_ru, &festival.name_en))
}

/// A reference to a festival edition: type, id, URL and name.
pub(super) fn festival_ref(
    urls: &PublicUrl,
    lang: &Lang,
    edition: &festival_edition::Model,
    festival: &festival::Model,
) -> Value {
    Node::new(
        "Festival",
        Some(urls.edition(&festival.slug, &edition.slug)),
    )
    .opt("name", edition_name(lang, edition, festival))
    .build()
}

/// The `ScreeningEvent` document of a screening of `film` at an edition of `festival`.
pub fn screening_event(
    urls: &PublicUrl,
    lang: &Lang,
    row: &ScreeningRow,
    film: &film::Model,
    festival: &festival::Model,
) -> Value {
    let screening = &row.screening;
    let zone = &row.venue.time_zone;
    let ends = film
        .runtime_minutes
        .filter(|m| *m > 0)
        .map(|m| local_time(screening.starts_at + Duration::minutes(i64::from(m)), zone));
    let offer = screening
        .ticket_url
        .as_ref()
        .map(|url| Node::new("Offer", None).set("url", url.clone()).build());
    let url = urls.screening(&festival.slug, &row.edition.slug, screening.id);
    Node::new("ScreeningEvent", Some(url))
        .set("name", movie::title(lang, film))
        .set("startDate", local_time(screening.starts_at, zone))
        .opt("endDate", ends)
        .set("location", party::place(urls, lang, &row.venue))
        .set("workPresented", movie::movie_ref(urls, lang, film))
        .set(
            "superEvent",
            festival_ref(urls, lang, &row.edition, festival),
        )
        .opt("inLanguage", screening.language.clone())
        .list(
            "subtitleLanguage",
            code_list(&screening.subtitle_languages)
                .into_iter()
                .map(Value::String)
                .collect(),
        )
        .opt("offers", offer)
        .document()
}

/// The `Festival` document of an edition of `festival`, run by `organizers`.
pub fn festival(
    urls: &PublicUrl,
    lang: &Lang,
    edition: &festival_edition::Model,
    festival: &festival::Model,
    organizers: &[organization::Model],
) -> Value {
    let city = lang.text(&edition.city_ru, &edition.city_en);
    let location = city.map(|city| {
        Node::new("Place", None)
            .set("name", city.clone())
            .set(
                "address",
                Node::new("PostalAddress", None)
                    .set("addressLocality", city)
                    .build(),
            )
            .build()
    });
    Node::new(
        "Festival",
        Some(urls.edition(&festival.slug, &edition.slug)),
    )
    .opt("name", edition_name(lang, edition, festival))
    .opt(
        "description",
        lang.text(&festival.description_ru, &festival.description_en),
    )
    .set(
        "startDate",
        edition.starts_on.format("%Y-%m-%d").to_string(),
    )
    .set("endDate", edition.ends_on.format("%Y-%m-%d").to_string())
    .opt("location", location)
    .list(
        "organizer",
        organizers
            .iter()
            .map(|org| party::organization_ref(urls, lang, org))
            .collect(),
    )
    .document()
}
