//! Rules for festival editions and their screenings: the edition's number, its time zone, and
//! a screening's start within the edition's days.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::{AppError, AppResult};

/// An edition's ordinal number: 1 for the first edition, and so on.
pub fn edition_number(field: &str, value: i32) -> AppResult<i32> {
    if value >= 1 {
        Ok(value)
    } else {
        Err(AppError::bad_input(
            field,
            format!("\"{field}\" must be 1 or more (1 for the first edition), got {value}"),
        ))
    }
}

/// The instant at which `day` begins in `tz`: its first local hour that exists (a clock
/// change can skip midnight). None only for days outside chrono's range.
pub fn day_start(tz: Tz, day: NaiveDate) -> Option<DateTime<Utc>> {
    (0..=3).find_map(|hour| {
        let local = day.and_hms_opt(hour, 0, 0)?;
        tz.from_local_datetime(&local)
            .earliest()
            .map(|at| at.with_timezone(&Utc))
    })
}

/// Checks that `at` falls on one of the days from `first` to `last` in `tz` (from `first`
/// 00:00 to `last` 23:59:59 local time): a screening within its edition's days.
pub fn within_days(
    field: &str,
    at: DateTime<Utc>,
    (first, last): (NaiveDate, NaiveDate),
    tz: Tz,
) -> AppResult<DateTime<Utc>> {
    let start = day_start(tz, first);
    let end = last.succ_opt().and_then(|next| day_start(tz, next));
    let inside = start.is_none_or(|start| at >= start) && end.is_none_or(|end| at < end);
    if inside {
        Ok(at)
    } else {
        Err(AppError::bad_input(
            field,
            format!(
                "\"{field}\" ({}) falls outside the edition's days, {first} to {last} ({}); \
                 give a time within them",
                at.to_rfc3339(),
                tz.name()
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{accepted, day, instant, refused};
    use super::*;

    #[test]
    fn edition_numbers_start_at_one() {
        assert_eq!(accepted(edition_number("number", 1)), 1);
        assert_eq!(accepted(edition_number("number", 47)), 47);
        refused(edition_number("number", 0), "number");
        refused(edition_number("number", -2), "number");
    }

    #[test]
    fn a_day_starts_at_local_midnight_or_the_first_hour_after_a_skipped_one() {
        assert_eq!(
            day_start(chrono_tz::Europe::Moscow, day("2026-06-04")),
            Some(instant("2026-06-03T21:00:00Z"))
        );
        // Santiago moved its clocks from 00:00 to 01:00 on 2025-09-07.
        assert_eq!(
            day_start(chrono_tz::America::Santiago, day("2025-09-07")),
            Some(instant("2025-09-07T04:00:00Z"))
        );
    }

    #[test]
    fn starts_within_the_local_days_of_an_edition_are_accepted() {
        let days = (day("2026-06-04"), day("2026-06-10"));
        let moscow = chrono_tz::Europe::Moscow;
        for at in [
            "2026-06-03T21:00:00Z",
            "2026-06-07T12:00:00Z",
            "2026-06-10T20:59:59Z",
        ] {
            accepted(within_days("startsAt", instant(at), days, moscow));
        }
        for at in ["2026-06-03T20:59:59Z", "2026-06-10T21:00:00Z"] {
            refused(
                within_days("startsAt", instant(at), days, moscow),
                "startsAt",
            );
        }
    }
}
