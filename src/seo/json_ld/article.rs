//! `NewsArticle`: a press material with what it is about, its images and its publisher.

use serde_json::Value;

use super::{Lang, Node, event, movie, party};
use crate::{
    domain::enums::MediaKind,
    entities::{
        agreement, festival, festival_edition, film, location, media_asset, organization, person,
        press_material,
    },
    seo::{SITE_NAME, urls::PublicUrl},
};

/// Something a press material is about, as read (the caller may see it).
#[derive(Debug, Clone)]
pub enum Subject {
    /// A film.
    Film(film::Model),
    /// An organization.
    Organization(organization::Model),
    /// A person.
    Person(person::Model),
    /// A festival edition with its festival.
    Edition(festival_edition::Model, festival::Model),
    /// A location.
    Location(location::Model),
    /// An agreement (schema.org has no type for it: a `Thing`).
    Agreement(agreement::Model),
}

fn about(urls: &PublicUrl, lang: &Lang, subject: &Subject) -> Value {
    match subject {
        Subject::Film(film) => movie::movie_ref(urls, lang, film),
        Subject::Organization(org) => party::organization_ref(urls, lang, org),
        Subject::Person(person) => party::person_ref(urls, lang, person),
        Subject::Edition(edition, festival) => event::festival_ref(urls, lang, edition, festival),
        Subject::Location(location) => party::place(urls, lang, location),
        Subject::Agreement(agreement) => Node::new("Thing", Some(urls.agreement(&agreement.slug)))
            .opt("name", lang.text(&agreement.title_ru, &agreement.title_en))
            .build(),
    }
}

fn image(lang: &Lang, asset: &media_asset::Model) -> Value {
    Node::new("ImageObject", None)
        .set("contentUrl", asset.url.clone())
        .set("url", asset.url.clone())
        .set("encodingFormat", asset.mime_type.clone())
        .opt("width", asset.width.map(pixels))
        .opt("height", asset.height.map(pixels))
        .opt("caption", lang.text(&asset.alt_ru, &asset.alt_en))
        .opt("creditText", asset.credit.clone())
        .build()
}

/// A length in pixels (UN/CEFACT unit code `E37`).
fn pixels(count: i32) -> Value {
    Node::new("QuantitativeValue", None)
        .set("value", count)
        .set("unitCode", "E37")
        .build()
}

/// The site that publishes the press room, as the articles' publisher.
pub(crate) fn publisher(urls: &PublicUrl) -> Value {
    Node::new("Organization", None)
        .set("name", SITE_NAME)
        .set("url", urls.home())
        .build()
}

/// The `NewsArticle` document of a press material.
pub fn news_article(
    urls: &PublicUrl,
    lang: &Lang,
    press: &press_material::Model,
    subjects: &[Subject],
    assets: &[media_asset::Model],
) -> Value {
    let headline = lang.text_in(&press.title_ru, &press.title_en);
    let body = lang.text_in(&press.body_ru, &press.body_en);
    let language = body
        .as_ref()
        .or(headline.as_ref())
        .map_or(lang.locale(), |(_, language)| *language);
    Node::new("NewsArticle", Some(urls.press(&press.slug)))
        .opt("headline", headline.map(|(text, _)| text))
        .opt("datePublished", press.published_at.map(|t| t.to_rfc3339()))
        .set("dateModified", press.updated_at.to_rfc3339())
        .set("inLanguage", language.tag())
        .opt("description", lang.text(&press.lead_ru, &press.lead_en))
        .opt("articleBody", body.map(|(text, _)| text))
        .list(
            "about",
            subjects.iter().map(|s| about(urls, lang, s)).collect(),
        )
        .list(
            "image",
            assets
                .iter()
                .filter(|a| a.kind == MediaKind::Image)
                .map(|a| image(lang, a))
                .collect(),
        )
        .set("publisher", publisher(urls))
        .set("mainEntityOfPage", urls.press(&press.slug))
        .document()
}
