//! Locales, the request locale, and localized text with fallback to the other language.

use async_graphql::{Context, Enum};

use crate::graphql::context::ContextExt;

/// A language of the catalogue. Russian is primary, English second.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// Russian.
    #[default]
    #[graphql(name = "RU")]
    Ru,
    /// English.
    #[graphql(name = "EN")]
    En,
}

impl Locale {
    /// The locale an `Accept-Language` header asks for: the first of ru/en it names by
    /// preference (q-values respected), else RU.
    pub fn from_accept_language(header: Option<&str>) -> Locale {
        let Some(header) = header else {
            return Locale::Ru;
        };
        let mut best: Option<(f32, usize, Locale)> = None;
        for (index, part) in header.split(',').enumerate() {
            let mut pieces = part.trim().split(';');
            let tag = pieces
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            let quality = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .map(|q| q.trim().parse::<f32>().unwrap_or(0.0))
                })
                .unwrap_or(1.0);
            let locale = match tag.split('-').next() {
                Some("ru") => Locale::Ru,
                Some("en") => Locale::En,
                _ => continue,
            };
            if quality <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((q, i, _)) => quality > q || (quality == q && index < i),
            };
            if better {
                best = Some((quality, index, locale));
            }
        }
        best.map(|(_, _, locale)| locale).unwrap_or(Locale::Ru)
    }

    /// The language tag (`ru`, `en`), as sent in `Content-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Ru => "ru",
            Locale::En => "en",
        }
    }
}

/// The text of a localized field in the asked locale (the argument, else the request's),
/// falling back to the other language when missing; a fallback is recorded with the
/// field's response path in `extensions.localeFallbacks`.
pub fn localized(
    ctx: &Context<'_>,
    locale: Option<Locale>,
    ru: &Option<String>,
    en: &Option<String>,
) -> Option<String> {
    let locale = asked(ctx, locale);
    let (text, language) = pick(locale, ru, en)?;
    if language != locale {
        record_fallback(ctx);
    }
    Some(text.to_owned())
}

/// The locale a field asks for: its argument, else the request's locale (else RU).
pub fn asked(ctx: &Context<'_>, locale: Option<Locale>) -> Locale {
    locale
        .or(ctx.request().ok().map(|s| s.locale))
        .unwrap_or_default()
}

/// Records the current field's path in `extensions.localeFallbacks`.
pub fn record_fallback(ctx: &Context<'_>) {
    if let (Ok(state), Some(path)) = (ctx.request(), ctx.path_node)
        && let Ok(path) = serde_json::to_value(path)
    {
        state.fallbacks.push(path);
    }
}

/// The text in `locale`, else in the other language (blank counts as missing), with the
/// language it is in; None when both are missing.
pub fn pick<'a>(
    locale: Locale,
    ru: &'a Option<String>,
    en: &'a Option<String>,
) -> Option<(&'a str, Locale)> {
    let present = |text: &'a Option<String>| text.as_deref().filter(|t| !t.trim().is_empty());
    let (own, other) = match locale {
        Locale::Ru => (present(ru), present(en)),
        Locale::En => (present(en), present(ru)),
    };
    own.map(|t| (t, locale))
        .or_else(|| other.map(|t| (t, locale.other())))
}

impl Locale {
    /// The other language.
    pub fn other(self) -> Locale {
        match self {
            Locale::Ru => Locale::En,
            Locale::En => Locale::Ru,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn accept_language_picks_the_preferred_known_language() {
        assert_eq!(Locale::from_accept_language(None), Locale::Ru);
        assert_eq!(
            Locale::from_accept_language(Some("en-US,en;q=0.9")),
            Locale::En
        );
        assert_eq!(
            Locale::from_accept_language(Some("de-DE, en;q=0.5, ru;q=0.8")),
            Locale::Ru
        );
        assert_eq!(Locale::from_accept_language(Some("fr, de")), Locale::Ru);
        assert_eq!(Locale::from_accept_language(Some("ru;q=0, en")), Locale::En);
        assert_eq!(Locale::from_accept_language(Some("EN-gb")), Locale::En);
    }
}
