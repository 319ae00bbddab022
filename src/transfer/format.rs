//! The records of the transfer file, as serialized: one struct per line type.

use serde::{Deserialize, Serialize};

/// Text in both languages; a missing language is left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Text {
    /// Russian.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ru: Option<String>,
    /// English.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub en: Option<String>,
}

impl Text {
    /// The pair, or None when both languages are missing.
    pub fn of(ru: &Option<String>, en: &Option<String>) -> Option<Self> {
        (ru.is_some() || en.is_some()).then(|| Text {
            ru: ru.clone(),
            en: en.clone(),
        })
    }
}

/// One line of the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[expect(
    clippy::large_enum_variant,
    reason = "one line at a time is built, written and dropped"
)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Line {
    /// An organization.
    Organization(Organization),
    /// A person with their affiliations.
    Person(Person),
    /// A festival with its organizers.
    Festival(Festival),
    /// A festival edition with its sections.
    FestivalEdition(FestivalEdition),
    /// An agreement with its scopes, parties and signatories.
    Agreement(Agreement),
    /// A location.
    Location(Location),
    /// A film with its genres, co-productions, credits, shoots, screenings and assets.
    Film(Film),
    /// A press material with its subjects, quotes and assets.
    PressMaterial(PressMaterial),
}

/// An organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub slug: String,
    pub kind: String,
    pub name: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub website: Option<String>,
}

/// A person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub slug: String,
    pub name: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub biography: Option<Text>,
    #[serde(default)]
    pub affiliations: Vec<Affiliation>,
}

/// A person's position in an organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Affiliation {
    pub organization: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub position: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub starts_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ends_on: Option<String>,
}

/// A festival.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Festival {
    pub slug: String,
    pub name: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub website: Option<String>,
    #[serde(default)]
    pub organizers: Vec<String>,
}

/// A festival edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FestivalEdition {
    pub slug: String,
    pub festival: String,
    pub number: i32,
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<Text>,
    pub starts_on: String,
    pub ends_on: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub city: Option<Text>,
    pub time_zone: String,
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// A programme section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    pub slug: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<Text>,
}

/// An agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    pub slug: String,
    pub title: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub summary: Option<Text>,
    pub signed_on: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub signing_event: Option<String>,
    #[serde(default)]
    pub scopes: Vec<String>,
    #[serde(default)]
    pub parties: Vec<String>,
    #[serde(default)]
    pub signatories: Vec<Signatory>,
}

/// Who signed for a party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Signatory {
    pub person: String,
    pub organization: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub position: Option<Text>,
}

/// A location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub slug: String,
    pub kind: String,
    pub name: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub address: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub city: Option<Text>,
    pub time_zone: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub longitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub owner: Option<String>,
}

/// A film.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Film {
    pub slug: String,
    pub status: String,
    pub production_status: String,
    pub title: Option<Text>,
    pub original_title: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub original_language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub runtime_minutes: Option<i32>,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub age_rating: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub logline: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub synopsis: Option<Text>,
    #[serde(default)]
    pub genres: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub imdb_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub eidr_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub distribution_certificate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published_at: Option<String>,
    #[serde(default)]
    pub co_productions: Vec<CoProduction>,
    #[serde(default)]
    pub credits: Vec<Credit>,
    #[serde(default)]
    pub shoots: Vec<Shoot>,
    #[serde(default)]
    pub screenings: Vec<Screening>,
    #[serde(default)]
    pub assets: Vec<Asset>,
}

/// An organization's part in a film.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CoProduction {
    pub organization: String,
    pub role: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub share_percent: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub agreement: Option<String>,
}

/// A person's credit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Credit {
    pub person: String,
    pub role: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub character: Option<Text>,
}

/// A booking of a location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Shoot {
    pub location: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// A media file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Asset {
    pub purpose: String,
    pub kind: String,
    pub url: String,
    pub mime_type: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub width: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub height: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub alt: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub credit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub license: Option<String>,
}

/// A screening of the film (it has no slug: the edition, venue and start tell it apart).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Screening {
    pub edition: String,
    pub venue: String,
    pub starts_at: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub section: Option<String>,
    pub premiere_status: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub language: Option<String>,
    #[serde(default)]
    pub subtitle_languages: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ticket_url: Option<String>,
}

/// A press material.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PressMaterial {
    pub slug: String,
    pub kind: String,
    pub status: String,
    pub title: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lead: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub body: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub embargo_until: Option<String>,
    #[serde(default)]
    pub subjects: Vec<Subject>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub assets: Vec<Asset>,
}

/// What a press material is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Subject {
    /// `FILM`, `ORGANIZATION`, `AGREEMENT`, `FESTIVAL_EDITION`, `PERSON` or `LOCATION`.
    #[serde(rename = "type")]
    pub subject_type: String,
    pub slug: String,
}

/// A quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub person: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub organization: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub position: Option<Text>,
    pub text: Option<Text>,
}
