//! Rules for a film's year, running time and Russian age rating.

use chrono::{Datelike, Utc};

use super::shown;
use crate::error::{AppError, AppResult};

/// The earliest film year: 1888, the year of the oldest surviving motion picture.
pub const FIRST_FILM_YEAR: i32 = 1888;
/// How many years past the current one an announced film's year may be.
pub const YEARS_AHEAD: i32 = 10;
/// The longest running time accepted, in minutes.
pub const MAX_RUNTIME_MINUTES: i32 = 1000;

/// The Russian age ratings (Federal Law 436-FZ), as stored.
const AGE_RATINGS: [&str; 5] = ["0+", "6+", "12+", "16+", "18+"];

/// A film's year: from 1888 to ten years after the current UTC year.
pub fn year(field: &str, value: i32) -> AppResult<i32> {
    year_until(field, value, Utc::now().year() + YEARS_AHEAD)
}

/// `year` with the latest allowed year given, so that it can be tested without the clock.
fn year_until(field: &str, value: i32, latest: i32) -> AppResult<i32> {
    if (FIRST_FILM_YEAR..=latest).contains(&value) {
        Ok(value)
    } else {
        Err(AppError::bad_input(
            field,
            format!("\"{field}\" must be between {FIRST_FILM_YEAR} and {latest}, got {value}"),
        ))
    }
}

/// A running time in whole minutes: from 1 to 1000.
pub fn runtime_minutes(field: &str, value: i32) -> AppResult<i32> {
    if (1..=MAX_RUNTIME_MINUTES).contains(&value) {
        Ok(value)
    } else {
        Err(AppError::bad_input(
            field,
            format!(
                "\"{field}\" must be a running time in whole minutes between 1 and \
                 {MAX_RUNTIME_MINUTES}, got {value}"
            ),
        ))
    }
}

/// A Russian age rating: `0+`, `6+`, `12+`, `16+` or `18+`. Surrounding whitespace and a
/// missing `+` are forgiven (`"16"` is stored as `"16+"`).
pub fn age_rating(field: &str, value: &str) -> AppResult<String> {
    let trimmed = value.trim();
    let age = trimmed.strip_suffix('+').unwrap_or(trimmed);
    AGE_RATINGS
        .iter()
        .find(|rating| rating.strip_suffix('+') == Some(age))
        .map(|rating| (*rating).to_owned())
        .ok_or_else(|| {
            AppError::bad_input(
                field,
                format!(
                    "\"{field}\" must be one of the Russian age ratings \"0+\", \"6+\", \"12+\", \
                     \"16+\" or \"18+\", got {}",
                    shown(value)
                ),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{accepted, refused};
    use super::*;

    #[test]
    fn years_from_1888_to_ten_years_ahead_are_accepted() {
        let latest = Utc::now().year() + 10;
        for good in [1888, 1925, 2024, latest] {
            assert_eq!(accepted(year("year", good)), good);
        }
    }

    #[test]
    fn years_before_1888_or_more_than_ten_years_ahead_are_refused() {
        let latest = Utc::now().year() + 10;
        for bad in [1887, 0, -5, latest + 1, i32::MAX] {
            refused(year("year", bad), "year");
        }
    }

    #[test]
    fn a_refused_year_names_the_allowed_range() {
        let message = refused(year_until("films[0].year", 1700, 2036), "films[0].year");
        assert_eq!(
            message,
            "\"films[0].year\" must be between 1888 and 2036, got 1700"
        );
    }

    #[test]
    fn running_times_from_1_to_1000_minutes_are_accepted() {
        for good in [1, 90, 1000] {
            assert_eq!(accepted(runtime_minutes("runtimeMinutes", good)), good);
        }
    }

    #[test]
    fn running_times_outside_1_to_1000_minutes_are_refused() {
        for bad in [0, -90, 1001, i32::MIN] {
            refused(runtime_minutes("runtimeMinutes", bad), "runtimeMinutes");
        }
        assert_eq!(
            refused(runtime_minutes("runtimeMinutes", 0), "runtimeMinutes"),
            "\"runtimeMinutes\" must be a running time in whole minutes between 1 and 1000, got 0"
        );
    }

    #[test]
    fn the_five_russian_age_ratings_are_accepted() {
        for good in AGE_RATINGS {
            assert_eq!(accepted(age_rating("ageRating", good)), good);
        }
    }

    #[test]
    fn age_ratings_without_a_plus_or_with_spaces_are_normalized() {
        assert_eq!(accepted(age_rating("ageRating", "16")), "16+");
        assert_eq!(accepted(age_rating("ageRating", " 0+ ")), "0+");
    }

    #[test]
    fn other_age_ratings_are_refused() {
        for bad in ["", "+", "21+", "PG-13", "18++", "3+", "12 +", "R"] {
            refused(age_rating("ageRating", bad), "ageRating");
        }
        assert_eq!(
            refused(age_rating("ageRating", "PG-13"), "ageRating"),
            "\"ageRating\" must be one of the Russian age ratings \"0+\", \"6+\", \"12+\", \"16+\" \
             or \"18+\", got \"PG-13\""
        );
    }
}
