//! Rules for text: slugs, lengths, and text given in Russian, English or both.

use crate::error::{AppError, AppResult};

/// The most characters a slug may have.
pub const SLUG_MAX_CHARS: usize = 100;
/// The most characters of a title or a name, per language.
pub const TITLE_MAX_CHARS: usize = 300;
/// The most characters of a long text (logline, synopsis, press-release body), per language.
pub const BODY_MAX_CHARS: usize = 100_000;

/// A URL slug: 1–100 lowercase latin letters, digits and hyphens, with no hyphen first, last or
/// next to another. Surrounding whitespace is dropped and capitals are lowered, so
/// `" The-Last-Frontier "` is stored as `"the-last-frontier"`.
pub fn slug(field: &str, value: &str) -> AppResult<String> {
    let slug = value.trim().to_ascii_lowercase();
    let valid = (1..=SLUG_MAX_CHARS).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--");
    if valid {
        Ok(slug)
    } else {
        Err(AppError::bad_input(
            field,
            format!(
                "\"{field}\" must be 1–{SLUG_MAX_CHARS} lowercase latin letters, digits and single \
                 hyphens, like \"the-last-frontier\""
            ),
        ))
    }
}

/// Checks that `value` has at most `max_chars` characters (Unicode scalar values, not bytes).
pub fn text_length(field: &str, value: &str, max_chars: usize) -> AppResult<()> {
    let chars = value.chars().count();
    if chars <= max_chars {
        Ok(())
    } else {
        Err(AppError::bad_input(
            field,
            format!("\"{field}\" is {chars} characters long; shorten it to at most {max_chars}"),
        ))
    }
}

/// Text in Russian and English, trimmed; at least one of the two is present.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalizedText {
    /// The Russian text, or `None` when it was missing or blank.
    pub ru: Option<String>,
    /// The English text, or `None` when it was missing or blank.
    pub en: Option<String>,
}

/// A text given in Russian, English or both (a title, a logline): each is trimmed, a blank one
/// becomes `None`, at least one must remain, and each has at most `max_chars` characters
/// (`TITLE_MAX_CHARS` or `BODY_MAX_CHARS`).
pub fn localized_text(
    field: &str,
    ru: Option<&str>,
    en: Option<&str>,
    max_chars: usize,
) -> AppResult<LocalizedText> {
    let keep = |value: Option<&str>, language: &str| -> AppResult<Option<String>> {
        let Some(text) = value.map(str::trim).filter(|text| !text.is_empty()) else {
            return Ok(None);
        };
        let chars = text.chars().count();
        if chars > max_chars {
            return Err(AppError::bad_input(
                field,
                format!(
                    "\"{field}\" in {language} is {chars} characters long; shorten it to at \
                     most {max_chars}"
                ),
            ));
        }
        Ok(Some(text.to_owned()))
    };
    let text = LocalizedText {
        ru: keep(ru, "Russian")?,
        en: keep(en, "English")?,
    };
    if text.ru.is_none() && text.en.is_none() {
        return Err(AppError::bad_input(
            field,
            format!("\"{field}\" is empty; give it in Russian, in English or in both"),
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{accepted, refused};
    use super::*;

    #[test]
    fn slugs_of_lowercase_letters_digits_and_single_hyphens_are_accepted() {
        for good in [
            "the-last-frontier",
            "a",
            "17-tverskaya",
            "film2024",
            "x".repeat(100).as_str(),
        ] {
            assert_eq!(accepted(slug("slug", good)), good);
        }
    }

    #[test]
    fn slugs_are_trimmed_and_lowered() {
        assert_eq!(
            accepted(slug("slug", "  The-Last-Frontier\n")),
            "the-last-frontier"
        );
    }

    #[test]
    fn slugs_with_double_hyphens_are_refused() {
        let message = refused(slug("slug", "the--last"), "slug");
        assert_eq!(
            message,
            "\"slug\" must be 1–100 lowercase latin letters, digits and single hyphens, like \
             \"the-last-frontier\""
        );
    }

    #[test]
    fn slugs_with_edge_hyphens_other_characters_or_a_wrong_length_are_refused() {
        let long = "x".repeat(101);
        for bad in [
            "",
            "   ",
            "-film",
            "film-",
            "-",
            "the last",
            "the_last",
            "фильм",
            "café",
            "a/b",
            &long,
        ] {
            refused(slug("films[3].slug", bad), "films[3].slug");
        }
    }

    #[test]
    fn text_up_to_the_limit_is_accepted_counting_characters_not_bytes() {
        accepted(text_length("titleRu", &"я".repeat(300), TITLE_MAX_CHARS));
        accepted(text_length("titleRu", "", TITLE_MAX_CHARS));
    }

    #[test]
    fn text_over_the_limit_is_refused_with_its_length() {
        let message = refused(
            text_length("titleRu", &"я".repeat(301), TITLE_MAX_CHARS),
            "titleRu",
        );
        assert_eq!(
            message,
            "\"titleRu\" is 301 characters long; shorten it to at most 300"
        );
    }

    #[test]
    fn localized_text_is_trimmed_and_blank_languages_become_none() {
        let text = accepted(localized_text(
            "title",
            Some("  Маяк "),
            Some("   "),
            TITLE_MAX_CHARS,
        ));
        assert_eq!(
            text,
            LocalizedText {
                ru: Some("Маяк".to_owned()),
                en: None
            }
        );
        let text = accepted(localized_text(
            "title",
            None,
            Some("Lighthouse"),
            TITLE_MAX_CHARS,
        ));
        assert_eq!(text.en.as_deref(), Some("Lighthouse"));
        assert_eq!(text.ru, None);
    }

    #[test]
    fn localized_text_with_both_languages_keeps_both() {
        let text = accepted(localized_text(
            "logline",
            Some("Смотритель маяка."),
            Some("A lighthouse keeper."),
            BODY_MAX_CHARS,
        ));
        assert_eq!(text.ru.as_deref(), Some("Смотритель маяка."));
        assert_eq!(text.en.as_deref(), Some("A lighthouse keeper."));
    }

    #[test]
    fn localized_text_blank_in_both_languages_is_refused() {
        for (ru, en) in [(None, None), (Some(" "), None), (Some(""), Some("\t\n"))] {
            let message = refused(localized_text("title", ru, en, TITLE_MAX_CHARS), "title");
            assert_eq!(
                message,
                "\"title\" is empty; give it in Russian, in English or in both"
            );
        }
    }

    #[test]
    fn localized_text_too_long_in_one_language_is_refused_naming_the_language() {
        let long = "a".repeat(301);
        let message = refused(
            localized_text("title", Some("Маяк"), Some(&long), TITLE_MAX_CHARS),
            "title",
        );
        assert_eq!(
            message,
            "\"title\" in English is 301 characters long; shorten it to at most 300"
        );
    }
}
