//! Text analysis for search, pure and engine-independent: splitting text into words,
//! reducing a word to its lexeme the way PostgreSQL's `russian` and `english` text search
//! configurations do (stop words, then the Snowball stemmer), a client's query as terms, and
//! highlight snippets with the matched words marked.
//!
//! PostgreSQL analyses documents and queries itself; SQLite gets the lexemes computed here.
//! Both then agree on which words match, so both engines find and rank the same rows (a unit
//! test pins the lexemes of words PostgreSQL was seen to produce).

mod analysis;
mod query;
mod snippet;

pub use analysis::{Config, lexeme, lexemes, words};
pub use query::{MAX_QUERY_CHARS, MAX_TERMS, SearchQuery, Term};
pub use snippet::{MARK_CLOSE, MARK_OPEN, Snippet, snippet};
