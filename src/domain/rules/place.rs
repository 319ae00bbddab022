//! Rules for places: time zones and coordinates.

use super::shown;
use crate::error::{AppError, AppResult};

/// An IANA time zone name (`Europe/Moscow`), as the tz database spells it; surrounding
/// whitespace is dropped.
pub fn time_zone(field: &str, value: &str) -> AppResult<String> {
    let value = value.trim();
    match value.parse::<chrono_tz::Tz>() {
        Ok(zone) => Ok(zone.name().to_owned()),
        Err(_) => Err(AppError::bad_input(
            field,
            format!(
                "\"{field}\" must be an IANA time zone name such as \"Europe/Moscow\", got {}",
                shown(value)
            ),
        )),
    }
}

/// A point as latitude and longitude in degrees (WGS 84): both or neither, latitude within
/// -90..90 and longitude within -180..180. The fields are `latitude` and `longitude`.
pub fn coordinates(latitude: Option<f64>, longitude: Option<f64>) -> AppResult<Option<(f64, f64)>> {
    let (latitude, longitude) = match (latitude, longitude) {
        (None, None) => return Ok(None),
        (Some(latitude), Some(longitude)) => (latitude, longitude),
        (Some(_), None) => return Err(alone("longitude", "latitude")),
        (None, Some(_)) => return Err(alone("latitude", "longitude")),
    };
    for (field, value, bound) in [
        ("latitude", latitude, 90.0),
        ("longitude", longitude, 180.0),
    ] {
        if !(-bound..=bound).contains(&value) {
            return Err(AppError::bad_input(
                field,
                format!("\"{field}\" is {value}; it must lie between -{bound} and {bound} degrees"),
            ));
        }
    }
    Ok(Some((latitude, longitude)))
}

fn alone(missing: &str, given: &str) -> AppError {
    AppError::bad_input(
        missing,
        format!(
            "\"{missing}\" is missing; give \"{given}\" and \"{missing}\" together, or neither"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::{accepted, refused};
    use super::*;

    #[test]
    fn iana_zone_names_are_accepted_and_trimmed() {
        assert_eq!(
            accepted(time_zone("timeZone", " Europe/Moscow ")),
            "Europe/Moscow"
        );
        assert_eq!(accepted(time_zone("timeZone", "UTC")), "UTC");
    }

    #[test]
    fn anything_else_is_refused_as_a_time_zone() {
        for bad in ["", "Moscow", "MSK+3", "Europe/Atlantis"] {
            refused(time_zone("timeZone", bad), "timeZone");
        }
    }

    #[test]
    fn coordinates_come_in_pairs_within_range() {
        assert_eq!(accepted(coordinates(None, None)), None);
        assert_eq!(
            accepted(coordinates(Some(55.7), Some(37.6))),
            Some((55.7, 37.6))
        );
        assert_eq!(
            accepted(coordinates(Some(-90.0), Some(180.0))),
            Some((-90.0, 180.0))
        );
        refused(coordinates(Some(55.7), None), "longitude");
        refused(coordinates(None, Some(37.6)), "latitude");
        refused(coordinates(Some(90.5), Some(0.0)), "latitude");
        let message = refused(coordinates(Some(0.0), Some(-181.0)), "longitude");
        assert_eq!(
            message,
            "\"longitude\" is -181; it must lie between -180 and 180 degrees"
        );
    }
}
