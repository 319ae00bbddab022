//! A client's search query: validated, split into words, each word with the lexemes it
//! matches. The language of a query is unknown, so a word matches its lexeme under both
//! configurations (a Russian word in any case or number, an English word in singular or
//! plural); a document matches when it matches every word.

use crate::{
    domain::search::analysis::{Config, lexeme, words},
    error::{AppError, AppResult},
};

/// The most characters a query may have.
pub const MAX_QUERY_CHARS: usize = 200;
/// The most distinct words (stop words aside) a query may have.
pub const MAX_TERMS: usize = 10;

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// The word, lower-cased: letters and digits only.
    pub word: String,
    /// Its lexemes under the `russian` and the `english` configuration (one or two).
    pub lexemes: Vec<String>,
}

/// A validated query: its words, stop words left out.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SearchQuery {
    terms: Vec<Term>,
}

impl SearchQuery {
    /// Parses the argument `field`: BAD_USER_INPUT when it holds no word or is too long.
    pub fn parse(field: &str, input: &str) -> AppResult<Self> {
        let length = input.chars().count();
        if length > MAX_QUERY_CHARS {
            return Err(AppError::bad_input(
                field,
                format!(
                    "\"{field}\" may be at most {MAX_QUERY_CHARS} characters long, got {length}"
                ),
            ));
        }
        if words(input).next().is_none() {
            return Err(AppError::bad_input(
                field,
                format!("\"{field}\" must contain a word to search for"),
            ));
        }
        let mut terms: Vec<Term> = Vec::new();
        for (_, word) in words(input) {
            // A stop word of its own language (Russian for Cyrillic, else English) is left out.
            if lexeme(Config::Russian, word).is_none() {
                continue;
            }
            let mut lexemes: Vec<String> = [Config::Russian, Config::English]
                .into_iter()
                .filter_map(|config| lexeme(config, word))
                .collect();
            lexemes.dedup();
            if terms.iter().all(|t| t.lexemes != lexemes) {
                terms.push(Term {
                    word: word.to_lowercase(),
                    lexemes,
                });
            }
        }
        if terms.len() > MAX_TERMS {
            return Err(AppError::bad_input(
                field,
                format!(
                    "\"{field}\" may have at most {MAX_TERMS} different words, got {}",
                    terms.len()
                ),
            ));
        }
        Ok(Self { terms })
    }

    /// The words, stop words left out; empty when the query held only stop words.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The index of the term that `word` of a text in `config` matches, if any.
    pub fn matched(&self, config: Config, word: &str) -> Option<usize> {
        let found = lexeme(config, word)?;
        self.terms.iter().position(|t| t.lexemes.contains(&found))
    }

    /// The query's words in a normal form (two queries with the same terms find the same).
    pub fn normalized(&self) -> String {
        let words: Vec<&str> = self.terms.iter().map(|t| t.word.as_str()).collect();
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(input: &str) -> SearchQuery {
        SearchQuery::parse("query", input).expect("a valid query")
    }

    #[test]
    fn words_match_in_both_languages_and_stop_words_are_dropped() {
        let query = parsed("Соглашения и the Agreements, соглашение!");
        let words: Vec<&str> = query.terms().iter().map(|t| t.word.as_str()).collect();
        // "соглашение" has the lexemes of "соглашения" under `russian`, not under `english`.
        assert_eq!(words, ["соглашения", "agreements", "соглашение"]);
        assert_eq!(query.terms()[0].lexemes, ["соглашен", "соглашения"]);
        assert_eq!(query.terms()[1].lexemes, ["agreement"]);
        assert_eq!(query.matched(Config::Russian, "соглашением"), Some(0));
        assert_eq!(query.matched(Config::English, "agreement"), Some(1));
        assert_eq!(query.matched(Config::Russian, "договор"), None);
        assert_eq!(query.normalized(), "соглашения agreements соглашение");
    }

    #[test]
    fn a_query_of_stop_words_has_no_terms() {
        assert!(parsed("и the").terms().is_empty());
    }

    #[test]
    fn blank_long_and_wordy_queries_are_refused() {
        for input in ["", "   ", " — ! "] {
            let err = SearchQuery::parse("query", input).expect_err("no word");
            assert_eq!(err.code(), "BAD_USER_INPUT");
            assert!(err.to_string().contains("must contain a word"), "{err}");
        }
        let long = "кино ".repeat(41);
        let err = SearchQuery::parse("query", &long).expect_err("too long");
        assert!(err.to_string().contains("at most 200 characters"), "{err}");
        let wordy = "a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 k11";
        let err = SearchQuery::parse("query", wordy).expect_err("too many words");
        assert!(
            err.to_string().contains("at most 10 different words"),
            "{err}"
        );
    }
}
