//! The rule for a period: its end is not before its start.

use std::fmt::Display;

use crate::error::{AppError, AppResult};

/// Checks that `end` is not before `start`; `field` names the end (`"endsOn"`, `"lastDay"`).
/// Works for `chrono::NaiveDate`, `chrono::DateTime<Utc>` and anything else ordered and printable.
pub fn date_order<T: PartialOrd + Display>(field: &str, start: T, end: T) -> AppResult<()> {
    if end < start {
        Err(AppError::bad_input(
            field,
            format!("\"{field}\" ({end}) is before the start ({start}); end on or after the start"),
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{accepted, day, instant, refused};
    use super::*;

    #[test]
    fn periods_ending_on_or_after_their_start_are_accepted() {
        accepted(date_order("endsOn", day("2025-08-25"), day("2025-08-31")));
        accepted(date_order("endsOn", day("2025-08-25"), day("2025-08-25")));
        accepted(date_order(
            "endsAt",
            instant("2025-08-25T10:00:00Z"),
            instant("2025-08-25T10:00:01Z"),
        ));
    }

    #[test]
    fn periods_ending_before_their_start_are_refused() {
        let message = refused(
            date_order("endsOn", day("2025-08-31"), day("2025-08-25")),
            "endsOn",
        );
        assert_eq!(
            message,
            "\"endsOn\" (2025-08-25) is before the start (2025-08-31); end on or after the start"
        );
        refused(
            date_order(
                "shoots[1].endsAt",
                instant("2025-08-25T10:00:00Z"),
                instant("2025-08-25T09:59:59Z"),
            ),
            "shoots[1].endsAt",
        );
    }
}
