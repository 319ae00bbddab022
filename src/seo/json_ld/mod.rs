//! schema.org JSON-LD documents, built from rows already read (through the batched loaders
//! in GraphQL): `Movie`, `ScreeningEvent`, `Festival`, `Organization`, `Person`,
//! `NewsArticle`, and the nested objects they refer to. Pure functions, no I/O.

mod article;
mod event;
mod movie;
mod party;

pub use article::{Subject, news_article};
pub use event::{festival, screening_event};
pub use movie::{FilmParts, movie};
pub use party::{organization, person};

use std::cell::Cell;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::graphql::types::locale::{Locale, pick};

/// The JSON-LD context every document declares.
pub const CONTEXT: &str = "https://schema.org";

/// Localized text in one asked locale, remembering whether any text fell back to the
/// other language (so the resolver can report it in `extensions.localeFallbacks`).
#[derive(Debug)]
pub struct Lang {
    locale: Locale,
    fell_back: Cell<bool>,
}

impl Lang {
    /// Text in `locale`.
    pub fn new(locale: Locale) -> Self {
        Self {
            locale,
            fell_back: Cell::new(false),
        }
    }

    /// The asked locale.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The text in the asked language, else in the other one (noted as a fallback).
    pub fn text(&self, ru: &Option<String>, en: &Option<String>) -> Option<String> {
        self.text_in(ru, en).map(|(text, _)| text)
    }

    /// Like [`Lang::text`], with the language the text is in.
    pub fn text_in(&self, ru: &Option<String>, en: &Option<String>) -> Option<(String, Locale)> {
        let (text, language) = pick(self.locale, ru, en)?;
        if language != self.locale {
            self.fell_back.set(true);
        }
        Some((text.to_owned(), language))
    }

    /// True when some text was served in the other language.
    pub fn fell_back(&self) -> bool {
        self.fell_back.get()
    }
}

/// A JSON-LD object under construction; absent values and empty lists are left out.
#[derive(Debug, Default)]
pub struct Node(Map<String, Value>);

impl Node {
    /// An object of schema.org type `kind`, identified by `url` (its `@id` and `url`).
    pub fn new(kind: &str, url: Option<String>) -> Self {
        let mut node = Node::default();
        node.0.insert("@type".into(), kind.into());
        if let Some(url) = url {
            node.0.insert("@id".into(), url.clone().into());
            node.0.insert("url".into(), url.into());
        }
        node
    }

    /// Sets `key` to `value`.
    pub fn set(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.0.insert(key.into(), value.into());
        self
    }

    /// Sets `key` to `value` when there is one (and it is not blank text).
    pub fn opt(self, key: &str, value: Option<impl Into<Value>>) -> Self {
        match value.map(Into::into) {
            Some(Value::String(text)) if text.trim().is_empty() => self,
            Some(value) => self.set(key, value),
            None => self,
        }
    }

    /// Sets `key` to the list `values` unless it is empty.
    pub fn list(self, key: &str, values: Vec<Value>) -> Self {
        if values.is_empty() {
            self
        } else {
            self.set(key, Value::Array(values))
        }
    }

    /// The nested object.
    pub fn build(self) -> Value {
        Value::Object(self.0)
    }

    /// The top-level document, with its `@context`.
    pub fn document(mut self) -> Value {
        self.0.insert("@context".into(), CONTEXT.into());
        Value::Object(self.0)
    }
}

/// An instant as ISO 8601 with the offset of the IANA zone `zone` (UTC when unknown).
pub fn local_time(at: DateTime<Utc>, zone: &str) -> String {
    match zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => at.with_timezone(&tz).to_rfc3339(),
        Err(_) => at.fixed_offset().to_rfc3339(),
    }
}

/// Minutes as an ISO 8601 duration (`PT1H45M`).
pub fn duration(minutes: i32) -> Option<String> {
    if minutes <= 0 {
        return None;
    }
    let (hours, minutes) = (minutes / 60, minutes % 60);
    Some(match (hours, minutes) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(duration(105).as_deref(), Some("PT1H45M"));
        assert_eq!(duration(120).as_deref(), Some("PT2H"));
        assert_eq!(duration(45).as_deref(), Some("PT45M"));
        assert_eq!(duration(0), None);
    }

    #[test]
    fn local_times_carry_the_zone_offset() {
        let at = Utc
            .with_ymd_and_hms(2026, 6, 4, 16, 0, 0)
            .single()
            .expect("valid");
        assert_eq!(local_time(at, "Europe/Moscow"), "2026-06-04T19:00:00+03:00");
        assert_eq!(local_time(at, "Nowhere/Else"), "2026-06-04T16:00:00+00:00");
    }

    #[test]
    fn absent_and_blank_values_are_left_out() {
        let node = Node::new("Thing", None)
            .opt("name", Some(" "))
            .opt("description", None::<String>)
            .list("sameAs", vec![])
            .build();
        assert_eq!(node, serde_json::json!({ "@type": "Thing" }));
    }

    #[test]
    fn text_falls_back_and_says_so() {
        let lang = Lang::new(Locale::En);
        assert_eq!(
            lang.text(&Some("Да".into()), &Some("Yes".into()))
                .as_deref(),
            Some("Yes")
        );
        assert!(!lang.fell_back());
        assert_eq!(lang.text(&Some("Да".into()), &None).as_deref(), Some("Да"));
        assert!(lang.fell_back());
    }
}
