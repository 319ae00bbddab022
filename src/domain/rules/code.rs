//! Rules for country codes (ISO 3166-1 alpha-2) and language codes (ISO 639-1).

use std::collections::HashSet;

use super::shown;
use crate::error::{AppError, AppResult};

/// A country as its ISO 3166-1 alpha-2 code, one of the 249 officially assigned (`RU`, `FR`);
/// case and surrounding whitespace are forgiven and the code is returned in capitals.
/// User-assigned codes such as `XK` and reserved ones such as `UK` are refused.
pub fn country(field: &str, value: &str) -> AppResult<String> {
    let code = value.trim().to_ascii_uppercase();
    if COUNTRIES.binary_search(&code.as_str()).is_ok() {
        return Ok(code);
    }
    let hint = if code == "UK" {
        "; the United Kingdom is \"GB\""
    } else {
        ""
    };
    Err(AppError::bad_input(
        field,
        format!(
            "\"{field}\" must be a two-letter ISO 3166-1 country code such as \"RU\" or \"FR\", \
             got {}{hint}",
            shown(value)
        ),
    ))
}

/// A list of countries: each checked by `country` under the field `field[i]`, each at most once.
/// The list may be empty; returns the codes in capitals, in the order given.
pub fn countries(field: &str, values: &[String]) -> AppResult<Vec<String>> {
    codes(field, values, country, "country")
}

/// A list of languages: each checked by `language` under the field `field[i]`, each at most
/// once. The list may be empty; returns the codes in lowercase, in the order given.
pub fn languages(field: &str, values: &[String]) -> AppResult<Vec<String>> {
    codes(field, values, language, "language")
}

/// Each of `values` checked by `rule` under the field `field[i]`, each at most once.
fn codes(
    field: &str,
    values: &[String],
    rule: fn(&str, &str) -> AppResult<String>,
    what: &str,
) -> AppResult<Vec<String>> {
    let mut seen = HashSet::with_capacity(values.len());
    let mut codes = Vec::with_capacity(values.len());
    for (i, value) in values.iter().enumerate() {
        let at = format!("{field}[{i}]");
        let code = rule(&at, value)?;
        if !seen.insert(code.clone()) {
            return Err(AppError::bad_input(
                &at,
                format!("\"{at}\" repeats \"{code}\"; list each {what} once"),
            ));
        }
        codes.push(code);
    }
    Ok(codes)
}

/// A language as its two-letter ISO 639-1 code, one of the 183 in force (`ru`, `en`, `fr`);
/// case and surrounding whitespace are forgiven and the code is returned in lowercase.
pub fn language(field: &str, value: &str) -> AppResult<String> {
    let code = value.trim().to_ascii_lowercase();
    if LANGUAGES.binary_search(&code.as_str()).is_ok() {
        return Ok(code);
    }
    Err(AppError::bad_input(
        field,
        format!(
            "\"{field}\" must be a two-letter ISO 639-1 language code such as \"ru\" or \"en\", \
             got {}",
            shown(value)
        ),
    ))
}

/// The 249 officially assigned ISO 3166-1 alpha-2 codes, sorted.
const COUNTRIES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// The 183 ISO 639-1 codes in force, sorted (`bh` and `sh` are withdrawn and not here).
const LANGUAGES: [&str; 183] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de",
    "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
    "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia",
    "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk",
    "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
    "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd",
    "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl",
    "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
    "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk",
    "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa",
    "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

#[cfg(test)]
mod tests {
    use super::super::tests::{accepted, refused};
    use super::*;

    #[test]
    fn the_code_tables_are_sorted_unique_and_complete() {
        assert!(COUNTRIES.windows(2).all(|w| w[0] < w[1]));
        assert!(LANGUAGES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(COUNTRIES.len(), 249);
        assert_eq!(LANGUAGES.len(), 183);
    }

    #[test]
    fn assigned_country_codes_are_accepted_in_capitals() {
        for (given, stored) in [
            ("RU", "RU"),
            ("fr", "FR"),
            (" de ", "DE"),
            ("Gb", "GB"),
            ("AX", "AX"),
            ("ZW", "ZW"),
            ("SS", "SS"),
            ("BQ", "BQ"),
        ] {
            assert_eq!(accepted(country("country", given)), stored);
        }
    }

    #[test]
    fn unassigned_reserved_and_malformed_country_codes_are_refused() {
        for bad in ["", "XK", "SU", "YU", "EU", "ZZ", "RUS", "R", "Р", "12"] {
            refused(country("country", bad), "country");
        }
        assert_eq!(
            refused(country("country", "XX"), "country"),
            "\"country\" must be a two-letter ISO 3166-1 country code such as \"RU\" or \"FR\", \
             got \"XX\""
        );
    }

    #[test]
    fn the_united_kingdom_as_uk_is_refused_with_a_hint() {
        let message = refused(country("country", "uk"), "country");
        assert!(
            message.ends_with("; the United Kingdom is \"GB\""),
            "{message}"
        );
    }

    #[test]
    fn country_lists_are_normalized_in_order() {
        let given = vec!["ru".to_owned(), "FR".to_owned(), " it".to_owned()];
        assert_eq!(accepted(countries("countries", &given)), ["RU", "FR", "IT"]);
        assert_eq!(accepted(countries("countries", &[])), Vec::<String>::new());
    }

    #[test]
    fn a_bad_country_in_a_list_is_refused_at_its_index() {
        let given = vec!["RU".to_owned(), "FR".to_owned(), "XX".to_owned()];
        refused(countries("countries", &given), "countries[2]");
    }

    #[test]
    fn a_country_listed_twice_is_refused_at_its_second_place() {
        let given = vec!["RU".to_owned(), "FR".to_owned(), "ru".to_owned()];
        let message = refused(countries("countries", &given), "countries[2]");
        assert_eq!(
            message,
            "\"countries[2]\" repeats \"RU\"; list each country once"
        );
    }

    #[test]
    fn language_lists_are_normalized_in_order_and_repeats_refused() {
        let given = vec!["EN".to_owned(), " fr".to_owned()];
        assert_eq!(
            accepted(languages("subtitleLanguages", &given)),
            ["en", "fr"]
        );
        let given = vec!["en".to_owned(), "xx".to_owned()];
        refused(
            languages("subtitleLanguages", &given),
            "subtitleLanguages[1]",
        );
        let given = vec!["en".to_owned(), "EN".to_owned()];
        let message = refused(
            languages("subtitleLanguages", &given),
            "subtitleLanguages[1]",
        );
        assert_eq!(
            message,
            "\"subtitleLanguages[1]\" repeats \"en\"; list each language once"
        );
    }

    #[test]
    fn language_codes_in_force_are_accepted_in_lowercase() {
        for (given, stored) in [
            ("ru", "ru"),
            ("EN", "en"),
            (" Fr ", "fr"),
            ("he", "he"),
            ("zu", "zu"),
            ("aa", "aa"),
        ] {
            assert_eq!(accepted(language("originalLanguage", given)), stored);
        }
    }

    #[test]
    fn withdrawn_unknown_and_malformed_language_codes_are_refused() {
        for bad in [
            "", "iw", "in", "mo", "sh", "bh", "xx", "rus", "r", "ру", "en-US",
        ] {
            refused(language("originalLanguage", bad), "originalLanguage");
        }
        assert_eq!(
            refused(
                language("subtitleLanguages[1]", "rus"),
                "subtitleLanguages[1]"
            ),
            "\"subtitleLanguages[1]\" must be a two-letter ISO 639-1 language code such as \"ru\" \
             or \"en\", got \"rus\""
        );
    }
}
