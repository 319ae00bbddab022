//! Words and lexemes, as PostgreSQL's `russian` and `english` configurations make them: the
//! default parser's words (runs of letters and digits), lower-cased; numbers and words with
//! digits kept as they are (its `simple` dictionary); other words dropped when they are stop
//! words, else reduced by the Snowball stemmer. The `russian` configuration gives ASCII words
//! to the English stemmer and the rest to the Russian one; `english` gives every word to the
//! English stemmer. The stop word lists are PostgreSQL's (`tsearch_data/*.stop`, from the
//! Snowball project), and like PostgreSQL 15's Russian stemmer this one reads `ё` as `е`.

use std::{collections::HashSet, sync::LazyLock};

use rust_stemmers::{Algorithm, Stemmer};

/// A text search configuration, named as PostgreSQL names its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Config {
    /// `russian`: Russian text (English words in it go to the English stemmer).
    Russian,
    /// `english`: English text.
    English,
}

fn stop_words(list: &'static str) -> HashSet<&'static str> {
    list.lines()
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect()
}

static RUSSIAN_STOP: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| stop_words(include_str!("russian.stop")));
static ENGLISH_STOP: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| stop_words(include_str!("english.stop")));

/// The words of `text` with the byte offset where each starts: maximal runs of letters and
/// digits (so hyphens, apostrophes, quotes and punctuation separate words).
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start: Option<usize> = None;
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (at, c) in chars.by_ref() {
            match (start, c.is_alphanumeric()) {
                (None, true) => start = Some(at),
                (Some(from), false) => {
                    start = None;
                    return Some((from, &text[from..at]));
                }
                _ => {}
            }
        }
        None
    })
}

/// The lexeme of one word (as [`words`] yields it) under `config`; None for a stop word.
pub fn lexeme(config: Config, word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if !lower.chars().all(char::is_alphabetic) {
        // Numbers and words with digits: PostgreSQL's `simple` dictionary keeps them as is.
        return Some(lower);
    }
    if config == Config::Russian && !lower.is_ascii() {
        if RUSSIAN_STOP.contains(lower.as_str()) {
            return None;
        }
        let plain = lower.replace('ё', "е");
        return Some(
            Stemmer::create(Algorithm::Russian)
                .stem(&plain)
                .into_owned(),
        );
    }
    if ENGLISH_STOP.contains(lower.as_str()) {
        return None;
    }
    Some(
        Stemmer::create(Algorithm::English)
            .stem(&lower)
            .into_owned(),
    )
}

/// The lexemes of every word of `text` under `config`, in order, stop words left out.
pub fn lexemes(config: Config, text: &str) -> Vec<String> {
    words(text)
        .filter_map(|(_, word)| lexeme(config, word))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_at_punctuation_and_keep_their_offsets() {
        let text = "«Газпром-Медиа» и country's 2025";
        let found: Vec<(usize, &str)> = words(text).collect();
        let at = |w: &str| text.find(w).expect("the word is in the text");
        assert_eq!(
            found,
            [
                (at("Газпром"), "Газпром"),
                (at("Медиа"), "Медиа"),
                (at("и "), "и"),
                (at("country"), "country"),
                (at("s 2025"), "s"),
                (at("2025"), "2025"),
            ]
        );
        assert_eq!(words(" .,— ").count(), 0);
    }

    /// Lexemes PostgreSQL 15 gives (`SELECT to_tsvector('russian', …)`), word by word.
    #[test]
    fn russian_lexemes_are_postgresqls() {
        for (word, expected) in [
            ("соглашения", "соглашен"),
            ("соглашение", "соглашен"),
            ("соглашением", "соглашен"),
            ("соглашении", "соглашен"),
            ("соглашениях", "соглашен"),
            ("кинопарка", "кинопарк"),
            ("Кинопарком", "кинопарк"),
            ("Москино", "москин"),
            ("Газпром", "газпр"),
            ("Медиа", "мед"),
            ("ёлка", "елк"),
            ("agreements", "agreement"),
            ("II", "ii"),
            ("2025", "2025"),
            ("mp4", "mp4"),
        ] {
            assert_eq!(
                lexeme(Config::Russian, word).as_deref(),
                Some(expected),
                "{word}"
            );
        }
    }

    #[test]
    fn english_lexemes_are_postgresqls() {
        for (word, expected) in [
            ("agreements", "agreement"),
            ("films", "film"),
            ("running", "run"),
            ("country", "countri"),
            ("Moskino", "moskino"),
            ("соглашения", "соглашения"),
            ("ёлка", "ёлка"),
        ] {
            assert_eq!(
                lexeme(Config::English, word).as_deref(),
                Some(expected),
                "{word}"
            );
        }
    }

    #[test]
    fn stop_words_have_no_lexeme() {
        assert_eq!(lexeme(Config::Russian, "и"), None);
        assert_eq!(lexeme(Config::Russian, "The"), None);
        assert_eq!(lexeme(Config::English, "of"), None);
        assert_eq!(lexeme(Config::English, "s"), None);
        assert_eq!(
            lexemes(Config::Russian, "Кинопарк и кинозавод"),
            ["кинопарк", "кинозавод"]
        );
    }
}
