//! Bulk transfer of the whole catalogue as JSON lines: one record per line, each naming its
//! `type`, every reference written as the slug of the record it points at (never a row id),
//! records in dependency order (a line only refers to records of earlier lines; a film carries
//! its screenings), each type
//! ordered by slug and each record's own lists in display order, so the same catalogue always
//! gives the same file. Versions, timestamps of rows and the audit trail are not part of it.

pub mod export;
pub mod format;
pub mod import;
