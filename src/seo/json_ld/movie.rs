//! `Movie`: a film with its genres, countries, credits, producing companies and poster.

use serde_json::Value;

use super::{Lang, Node, duration};
use crate::{
    domain::enums::{AssetPurpose, CoProductionRole, CreditRole, MediaKind, ProductionStatus},
    entities::{film, genre, media_asset},
    graphql::types::scalars::code_list,
    seo::{json_ld::party, urls::PublicUrl},
    store::{co_production::CoProductionRow, credit::CreditRow},
};

/// A film and the rows hanging off it that its document shows.
#[derive(Debug, Clone, Copy)]
pub struct FilmParts<'a> {
    /// The film.
    pub film: &'a film::Model,
    /// Its genres, in display order.
    pub genres: &'a [genre::Model],
    /// Its credits, in billing order.
    pub credits: &'a [CreditRow],
    /// Its co-productions.
    pub co_productions: &'a [CoProductionRow],
    /// Its poster and stills.
    pub assets: &'a [media_asset::Model],
}

/// The film's title in the asked language, else its original title.
pub(super) fn title(lang: &Lang, film: &film::Model) -> String {
    lang.text(&film.title_ru, &film.title_en)
        .unwrap_or_else(|| film.original_title.clone())
}

/// A reference to a film: type, id, URL and name.
pub(super) fn movie_ref(urls: &PublicUrl, lang: &Lang, film: &film::Model) -> Value {
    Node::new("Movie", Some(urls.film(&film.slug)))
        .set("name", title(lang, film))
        .build()
}

/// The `Movie` document of a film.
pub fn movie(urls: &PublicUrl, lang: &Lang, parts: FilmParts<'_>) -> Value {
    let film = parts.film;
    let name = title(lang, film);
    let alternate = (film.original_title != name).then(|| film.original_title.clone());
    let year = film.year.map(|y| format!("{y:04}"));
    let released = film.production_status == ProductionStatus::Released;
    let people = |role: CreditRole| -> Vec<Value> {
        parts
            .credits
            .iter()
            .filter(|c| c.credit.role == role)
            .map(|c| party::person_ref(urls, lang, &c.person))
            .collect()
    };
    let companies = |roles: &[CoProductionRole]| -> Vec<Value> {
        parts
            .co_productions
            .iter()
            .filter(|c| roles.contains(&c.co_production.role))
            .map(|c| party::organization_ref(urls, lang, &c.organization))
            .collect()
    };
    let mut pictures: Vec<&media_asset::Model> = parts
        .assets
        .iter()
        .filter(|a| a.kind == MediaKind::Image && a.purpose != AssetPurpose::Attachment)
        .collect();
    pictures.sort_by_key(|a| a.purpose != AssetPurpose::Poster);
    let images = pictures
        .into_iter()
        .map(|a| Value::String(a.url.clone()))
        .collect();
    let mut same_as = Vec::new();
    if let Some(imdb) = &film.imdb_id {
        same_as.push(Value::String(format!("https://www.imdb.com/title/{imdb}/")));
    }
    if let Some(eidr) = &film.eidr_id {
        same_as.push(Value::String(format!("https://doi.org/{eidr}")));
    }
    Node::new("Movie", Some(urls.film(&film.slug)))
        .set("name", name)
        .opt("alternateName", alternate)
        .opt(
            "description",
            lang.text(&film.logline_ru, &film.logline_en)
                .or_else(|| lang.text(&film.synopsis_ru, &film.synopsis_en)),
        )
        .opt("dateCreated", year.clone())
        .opt("datePublished", year.filter(|_| released))
        .opt("duration", film.runtime_minutes.and_then(duration))
        .list(
            "genre",
            parts
                .genres
                .iter()
                .filter_map(|g| lang.text(&g.name_ru, &g.name_en))
                .map(Value::String)
                .collect(),
        )
        .list(
            "countryOfOrigin",
            code_list(&film.countries)
                .into_iter()
                .map(|code| Node::new("Country", None).set("name", code).build())
                .collect(),
        )
        .opt("inLanguage", film.original_language.clone())
        .opt("contentRating", film.age_rating.clone())
        .list("director", people(CreditRole::Director))
        .list("actor", people(CreditRole::Actor))
        .list("producer", people(CreditRole::Producer))
        .list("author", people(CreditRole::Screenwriter))
        .list("musicBy", people(CreditRole::Composer))
        .list(
            "productionCompany",
            companies(&[
                CoProductionRole::LeadProducer,
                CoProductionRole::CoProducer,
                CoProductionRole::MajorityCoProducer,
                CoProductionRole::MinorityCoProducer,
            ]),
        )
        .list("funder", companies(&[CoProductionRole::SupportedBy]))
        .list("image", images)
        .opt("titleEIDR", film.eidr_id.clone())
        .list("sameAs", same_as)
        .document()
}
