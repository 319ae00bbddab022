//! Rules for a film's other external identifiers: IMDb and the Russian distribution certificate.

use super::shown;
use crate::error::{AppError, AppResult};

/// An IMDb title id: `tt` and 7 to 12 digits (`tt0111161`, `tt10872600`). Surrounding whitespace
/// and capitals are forgiven; returns the id in lowercase.
pub fn imdb_id(field: &str, value: &str) -> AppResult<String> {
    let id = value.trim().to_ascii_lowercase();
    let valid = id.strip_prefix("tt").is_some_and(|digits| {
        (7..=12).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
    });
    if valid {
        Ok(id)
    } else {
        Err(AppError::bad_input(
            field,
            format!(
                "\"{field}\" must be an IMDb title id, \"tt\" and 7 or more digits like \
                 \"tt0111161\", got {}",
                shown(value)
            ),
        ))
    }
}

/// A Russian national distribution certificate number (прокатное удостоверение) as the Ministry
/// of Culture's register prints it: exactly nine digits, like `111012319`. A leading `№` and
/// surrounding whitespace are dropped; the meaning of the digits (kind of film, year) is not
/// checked. Returns the nine digits.
pub fn distribution_certificate(field: &str, value: &str) -> AppResult<String> {
    let trimmed = value.trim();
    let number = trimmed.strip_prefix('№').unwrap_or(trimmed).trim_start();
    if number.len() == 9 && number.bytes().all(|b| b.is_ascii_digit()) {
        Ok(number.to_owned())
    } else {
        Err(AppError::bad_input(
            field,
            format!(
                "\"{field}\" must be the nine-digit number of a Russian distribution certificate \
                 (прокатное удостоверение), like \"111012319\", got {}",
                shown(value)
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{accepted, refused};
    use super::*;

    #[test]
    fn imdb_title_ids_are_accepted_in_lowercase() {
        for (given, stored) in [
            ("tt0111161", "tt0111161"),
            ("tt10872600", "tt10872600"),
            (" TT0111161 ", "tt0111161"),
        ] {
            assert_eq!(accepted(imdb_id("imdbId", given)), stored);
        }
    }

    #[test]
    fn other_imdb_ids_are_refused() {
        for bad in [
            "",
            "tt",
            "tt123456",
            "0111161",
            "nm0000151",
            "tt01111a1",
            "tt 0111161",
            "tt1234567890123",
            "https://www.imdb.com/title/tt0111161/",
        ] {
            refused(imdb_id("imdbId", bad), "imdbId");
        }
        assert_eq!(
            refused(imdb_id("imdbId", "tt12"), "imdbId"),
            "\"imdbId\" must be an IMDb title id, \"tt\" and 7 or more digits like \"tt0111161\", \
             got \"tt12\""
        );
    }

    #[test]
    fn nine_digit_distribution_certificates_are_accepted() {
        for (given, stored) in [
            ("111012319", "111012319"),
            (" 121000525 ", "121000525"),
            ("№ 114000625", "114000625"),
            ("№111000124", "111000124"),
        ] {
            assert_eq!(
                accepted(distribution_certificate("distributionCertificate", given)),
                stored
            );
        }
    }

    #[test]
    fn distribution_certificates_of_another_shape_are_refused() {
        let field = "distributionCertificate";
        for bad in [
            "",
            "11101231",
            "1110123190",
            "111-012-319",
            "11101231X",
            "１１１０１２３１９",
        ] {
            refused(distribution_certificate(field, bad), field);
        }
        assert_eq!(
            refused(distribution_certificate(field, "12345"), field),
            "\"distributionCertificate\" must be the nine-digit number of a Russian distribution \
             certificate (прокатное удостоверение), like \"111012319\", got \"12345\""
        );
    }
}
