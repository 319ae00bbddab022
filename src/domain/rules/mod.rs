//! Validation rules for the catalogue's write inputs, shared by mutations and bulk import.
//!
//! Each rule takes the name of the input field as the client wrote it (`"slug"`,
//! `"coProductions[0].sharePercent"`) and the value, and either returns the value as it should be
//! stored (trimmed, with its case normalized) or a `BAD_USER_INPUT` error that carries the field
//! and tells a person how to fix it. The rules are pure: no database, no clock except `year`.

mod code;
mod eidr;
mod festival;
mod film;
mod ident;
mod link;
mod period;
mod place;
mod share;
mod text;

pub use code::{countries, country, language, languages};
pub use eidr::{eidr_from_digits, eidr_id};
pub use festival::{day_start, edition_number, within_days};
pub use film::{
    FIRST_FILM_YEAR, MAX_RUNTIME_MINUTES, YEARS_AHEAD, age_rating, runtime_minutes, year,
};
pub use ident::{distribution_certificate, imdb_id};
pub use link::{URL_MAX_CHARS, url};
pub use period::date_order;
pub use place::{coordinates, time_zone};
pub use share::{share_percent, share_warnings, shares_total};
pub use text::{
    BODY_MAX_CHARS, LocalizedText, SLUG_MAX_CHARS, TITLE_MAX_CHARS, localized_text, slug,
    text_length,
};

/// The value as a message quotes it: in double quotes, cut after 40 characters.
fn shown(value: &str) -> String {
    const MAX: usize = 40;
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("\"{}…\"", &value[..cut]),
        None => format!("\"{value}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{AppError, AppResult};

    /// Asserts that `result` is a `BAD_USER_INPUT` error about `field` and returns its message.
    pub(super) fn refused<T: std::fmt::Debug>(result: AppResult<T>, field: &str) -> String {
        match result {
            Ok(value) => panic!("expected {field:?} to be refused, but {value:?} was accepted"),
            Err(err) => {
                assert_eq!(err.code(), "BAD_USER_INPUT");
                match &err {
                    AppError::BadUserInput { field: at, .. } => {
                        assert_eq!(at.as_deref(), Some(field));
                    }
                    other => panic!("expected BadUserInput, got {other:?}"),
                }
                let message = err.to_string();
                assert!(
                    message.contains(&format!("\"{field}\"")),
                    "the message names the field in quotes: {message}"
                );
                message
            }
        }
    }

    /// The day written `YYYY-MM-DD`.
    pub(super) fn day(text: &str) -> chrono::NaiveDate {
        match text.parse() {
            Ok(day) => day,
            Err(err) => panic!("{text}: {err}"),
        }
    }

    /// The instant written in RFC 3339.
    pub(super) fn instant(text: &str) -> chrono::DateTime<chrono::Utc> {
        match text.parse() {
            Ok(at) => at,
            Err(err) => panic!("{text}: {err}"),
        }
    }

    /// The accepted value of `result`, failing the test with the message otherwise.
    pub(super) fn accepted<T>(result: AppResult<T>) -> T {
        match result {
            Ok(value) => value,
            Err(err) => panic!("expected the value to be accepted, got: {err}"),
        }
    }

    #[test]
    fn long_values_are_cut_when_quoted_in_a_message() {
        assert_eq!(shown("RU"), "\"RU\"");
        let long = "x".repeat(100);
        assert_eq!(shown(&long), format!("\"{}…\"", "x".repeat(40)));
        assert_eq!(shown(&"я".repeat(41)), format!("\"{}…\"", "я".repeat(40)));
    }
}
