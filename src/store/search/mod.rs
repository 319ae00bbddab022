//! Search across films, press materials, organizations, people, festivals, festival editions,
//! locations and agreements, in Russian and English.
//!
//! Design. One table, `search_document`, holds a document per searchable record: its kind
//! and id, its title and other text per language, and the same text as lexemes. The Rust
//! store writes it (never a database trigger on the catalogue tables), because the SQLite
//! side needs lexemes that only Rust computes, and because one writer for both engines keeps
//! them alike:
//!
//! - every write records its audit entries as its last statements, and the audit trail calls
//!   [`index::follow`] with the entities written, so each create, update, publication and
//!   deletion (mutations and the import alike) rebuilds the documents it touched in its own
//!   transaction; a write cannot forget the index;
//! - the demo seed and a migration that creates the index over existing rows call
//!   [`index::rebuild`]; the synthetic seed writes each batch's documents beside the batch.
//!
//! Visibility is not copied into the index: a document of a film or press material is found
//! only when its record passes `visibility` at the time of the search (the same subqueries
//! every other list uses), so an embargo lifts in search the moment it lifts elsewhere.
//!
//! Matching: PostgreSQL analyses the text itself (a generated `tsvector`, the title with
//! weight A and the body with B, `russian` for Russian text and `english` for English, under
//! a GIN index) and each query word is `to_tsquery` under both configurations. SQLite has
//! FTS5 over the lexeme columns, which `domain::search` computes as PostgreSQL's
//! configurations do (same stop words, the same Snowball stemmers). Ranking uses no engine's
//! own scoring (`ts_rank` and FTS5's `bm25` disagree): each matched word earns fixed points,
//! more in the title than in the body, so both engines give the same order.

pub mod document;
pub mod find;
pub mod index;

pub use document::Indexed;
pub use find::{BODY_POINTS, Hit, TITLE_POINTS, find};
