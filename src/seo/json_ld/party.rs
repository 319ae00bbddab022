//! `Organization`, `Person` and `Place`: the parties and places other documents refer to.

use serde_json::Value;

use super::{Lang, Node};
use crate::{
    entities::{location, organization, person},
    seo::urls::PublicUrl,
};

/// A reference to an organization: type, id, URL and name.
pub(super) fn organization_ref(urls: &PublicUrl, lang: &Lang, org: &organization::Model) -> Value {
    Node::new("Organization", Some(urls.organization(&org.slug)))
        .opt("name", lang.text(&org.name_ru, &org.name_en))
        .build()
}

/// A reference to a person: type, id, URL and name.
pub(super) fn person_ref(urls: &PublicUrl, lang: &Lang, person: &person::Model) -> Value {
    Node::new("Person", Some(urls.person(&person.slug)))
        .opt("name", lang.text(&person.name_ru, &person.name_en))
        .build()
}

/// The `Organization` document of an organization.
pub fn organization(urls: &PublicUrl, lang: &Lang, org: &organization::Model) -> Value {
    let address = org.country.as_ref().map(|country| {
        Node::new("PostalAddress", None)
            .set("addressCountry", country.clone())
            .build()
    });
    Node::new("Organization", Some(urls.organization(&org.slug)))
        .opt("name", lang.text(&org.name_ru, &org.name_en))
        .opt(
            "description",
            lang.text(&org.description_ru, &org.description_en),
        )
        .opt("address", address)
        .list(
            "sameAs",
            org.website
                .iter()
                .map(|w| Value::String(w.clone()))
                .collect(),
        )
        .document()
}

/// The `Person` document of a person; `employers` are the organizations of the person's
/// current positions, with the position titles.
pub fn person(
    urls: &PublicUrl,
    lang: &Lang,
    person: &person::Model,
    employers: &[(organization::Model, Option<String>, Option<String>)],
) -> Value {
    let job_titles = employers
        .iter()
        .filter_map(|(_, ru, en)| lang.text(ru, en))
        .map(Value::String)
        .collect();
    Node::new("Person", Some(urls.person(&person.slug)))
        .opt("name", lang.text(&person.name_ru, &person.name_en))
        .opt(
            "description",
            lang.text(&person.biography_ru, &person.biography_en),
        )
        .list("jobTitle", job_titles)
        .list(
            "worksFor",
            employers
                .iter()
                .map(|(org, _, _)| organization_ref(urls, lang, org))
                .collect(),
        )
        .document()
}

/// A `Place`: a location with its address and coordinates.
pub(super) fn place(urls: &PublicUrl, lang: &Lang, location: &location::Model) -> Value {
    let street = lang.text(&location.address_ru, &location.address_en);
    let city = lang.text(&location.city_ru, &location.city_en);
    let address = (street.is_some() || city.is_some()).then(|| {
        Node::new("PostalAddress", None)
            .opt("streetAddress", street)
            .opt("addressLocality", city)
            .build()
    });
    let geo = match (location.latitude, location.longitude) {
        (Some(latitude), Some(longitude)) => Some(
            Node::new("GeoCoordinates", None)
                .set("latitude", latitude)
                .set("longitude", longitude)
                .build(),
        ),
        _ => None,
    };
    Node::new("Place", Some(urls.location(&location.slug)))
        .opt("name", lang.text(&location.name_ru, &location.name_en))
        .opt("address", address)
        .opt("geo", geo)
        .build()
}
