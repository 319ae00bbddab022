//! The rule for EIDR content ids, with the ISO 7064 MOD 37,36 check character.

use super::shown;
use crate::error::{AppError, AppResult};

/// The DOI prefix of EIDR content ids.
const EIDR_PREFIX: &str = "10.5240/";

/// An EIDR content id, `10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C`: five groups of four hexadecimal
/// digits and a check character (0–9, A–Z), the ISO 7064 MOD 37,36 check of the twenty digits.
/// Surrounding whitespace and lowercase are forgiven; returns the id in capitals.
pub fn eidr_id(field: &str, value: &str) -> AppResult<String> {
    let id = value.trim().to_ascii_uppercase();
    let Some((digits, given)) = eidr_parts(&id) else {
        return Err(AppError::bad_input(
            field,
            format!(
                "\"{field}\" must be an EIDR content id like \
                 \"10.5240/7791-8534-2C23-9030-8610-5\", got {}",
                shown(value)
            ),
        ));
    };
    match mod_37_36_check(&digits) {
        Some(expected) if expected == given => Ok(id),
        expected => Err(AppError::bad_input(
            field,
            format!(
                "\"{field}\" fails the EIDR check: with these digits the last character would be \
                 \"{}\", not \"{given}\", so a character is likely mistyped; copy the id from the \
                 EIDR registry",
                expected.unwrap_or('?')
            ),
        )),
    }
}

/// The EIDR content id of twenty hexadecimal digits, with its check character; `None` when
/// `hex` is not twenty hexadecimal digits. For generated sample data.
pub fn eidr_from_digits(hex: &str) -> Option<String> {
    let hex = hex.to_ascii_uppercase();
    if hex.len() != 20 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let check = mod_37_36_check(&hex)?;
    let groups: Vec<&str> = (0..5).map(|i| &hex[i * 4..i * 4 + 4]).collect();
    Some(format!("{EIDR_PREFIX}{}-{check}", groups.join("-")))
}

/// The twenty hexadecimal digits and the check character of an uppercase EIDR content id.
fn eidr_parts(id: &str) -> Option<(String, char)> {
    let groups: Vec<&str> = id.strip_prefix(EIDR_PREFIX)?.split('-').collect();
    let [hex @ .., check] = groups.as_slice() else {
        return None;
    };
    let hex_ok = hex.len() == 5
        && hex
            .iter()
            .all(|group| group.len() == 4 && group.bytes().all(|b| b.is_ascii_hexdigit()));
    let mut check = check.chars();
    match (check.next(), check.next()) {
        (Some(c), None) if hex_ok && c.is_ascii_alphanumeric() => Some((hex.concat(), c)),
        _ => None,
    }
}

/// The ISO 7064 MOD 37,36 (hybrid system) check character of `digits` over the alphabet 0–9A–Z,
/// in capitals; `None` when `digits` has a character outside that alphabet.
fn mod_37_36_check(digits: &str) -> Option<char> {
    const M: u32 = 36;
    let mut p = M;
    for c in digits.chars() {
        let sum = match (p + c.to_digit(36)?) % M {
            0 => M,
            sum => sum,
        };
        p = sum * 2 % (M + 1);
    }
    char::from_digit((M + 1 - p) % M, 36).map(|c| c.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{accepted, refused};
    use super::*;

    #[test]
    fn ids_built_from_digits_pass_the_rule() {
        let id = eidr_from_digits("779185342C2390308610").expect("twenty hex digits");
        assert_eq!(id, "10.5240/7791-8534-2C23-9030-8610-5");
        assert_eq!(eidr_from_digits("5e00"), None);
    }

    /// EIDR content ids published outside this project: `7791…` from the test data of an
    /// identifier-parsing library, the Ghostbusters title (`7EC7…`) and two of its edits from
    /// schema.org's `titleEIDR`/`editEIDR` documentation, the Hitchhiker's Guide title and edit
    /// from schema.org's example, and `DF48-AB62…` from a Movies Anywhere client's sample.
    const REAL_EIDR_IDS: [&str; 6] = [
        "10.5240/7791-8534-2C23-9030-8610-5",
        "10.5240/7EC7-228A-510A-053E-CBB8-J",
        "10.5240/1F2A-E1C5-680A-14C6-E76B-I",
        "10.5240/B752-5B47-DBBE-E5D4-5A3F-N",
        "10.5240/0196-4177-FF62-A346-D0F6-Z",
        "10.5240/DF48-AB62-4486-C185-9E1B-4",
    ];

    #[test]
    fn the_mod_37_36_check_matches_published_eidr_ids() {
        for id in REAL_EIDR_IDS {
            let Some((digits, given)) = eidr_parts(id) else {
                panic!("{id} should parse");
            };
            assert_eq!(mod_37_36_check(&digits), Some(given), "{id}");
        }
        assert_eq!(mod_37_36_check("12A"), Some(check_by_definition("12A")));
        assert_eq!(mod_37_36_check("1-2"), None);
    }

    /// ISO 7064 hybrid MOD 37,36 written out as the standard words it: each step adds the next
    /// value to the carry modulo 36 (0 counting as 36), doubles it modulo 37; the check value
    /// makes the final sum congruent to 1 modulo 36.
    fn check_by_definition(digits: &str) -> char {
        let alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        let mut carry = 36;
        for c in digits.chars() {
            let value = alphabet.find(c).unwrap_or_else(|| panic!("{c}"));
            let sum = match (carry + value) % 36 {
                0 => 36,
                sum => sum,
            };
            carry = sum * 2 % 37;
        }
        let value = (0..36)
            .find(|v| (carry + v) % 36 == 1)
            .unwrap_or_else(|| panic!("no check value"));
        alphabet
            .chars()
            .nth(value)
            .unwrap_or_else(|| panic!("{value}"))
    }

    #[test]
    fn published_eidr_ids_are_accepted_and_stored_in_capitals() {
        for id in REAL_EIDR_IDS {
            assert_eq!(accepted(eidr_id("eidrId", id)), id);
            assert_eq!(
                accepted(eidr_id("eidrId", &format!(" {} ", id.to_lowercase()))),
                id
            );
        }
    }

    #[test]
    fn an_eidr_id_with_any_one_digit_changed_is_refused() {
        let id = "10.5240/7791-8534-2C23-9030-8610-5";
        for (at, original) in id.char_indices().skip(EIDR_PREFIX.len()) {
            if original == '-' || at == id.len() - 1 {
                continue;
            }
            for other in "0123456789ABCDEF".chars().filter(|&c| c != original) {
                let typo = format!("{}{other}{}", &id[..at], &id[at + 1..]);
                refused(eidr_id("eidrId", &typo), "eidrId");
            }
        }
    }

    #[test]
    fn an_eidr_id_with_two_neighbouring_digits_swapped_is_refused() {
        let id = "10.5240/DF48-AB62-4486-C185-9E1B-4";
        let bytes = id.as_bytes();
        for at in EIDR_PREFIX.len()..id.len() - 3 {
            let (a, b) = (bytes[at], bytes[at + 1]);
            if a == b || a == b'-' || b == b'-' {
                continue;
            }
            let mut swapped = bytes.to_vec();
            swapped.swap(at, at + 1);
            let swapped = String::from_utf8_lossy(&swapped).into_owned();
            refused(eidr_id("eidrId", &swapped), "eidrId");
        }
    }

    #[test]
    fn an_eidr_id_with_a_wrong_check_character_is_refused_naming_the_right_one() {
        // Given in our brief as an example; its check character is really "A".
        let message = refused(
            eidr_id("eidrId", "10.5240/DF48-AB57-AF12-32B2-1D1F-F"),
            "eidrId",
        );
        assert_eq!(
            message,
            "\"eidrId\" fails the EIDR check: with these digits the last character would be \
             \"A\", not \"F\", so a character is likely mistyped; copy the id from the EIDR \
             registry"
        );
        accepted(eidr_id("eidrId", "10.5240/DF48-AB57-AF12-32B2-1D1F-A"));
    }

    #[test]
    fn malformed_eidr_ids_are_refused() {
        for bad in [
            "",
            "7791-8534-2C23-9030-8610-5",
            "10.5239/7791-8534-2C23-9030-8610-5",
            "10.5240/7791-8534-2C23-9030-8610",
            "10.5240/7791-8534-2C23-9030-8610-55",
            "10.5240/7791-8534-2C23-9030-861-5",
            "10.5240/7791-8534-2C23-9030-8610-0-5",
            "10.5240/7791-8534-2G23-9030-8610-5",
            "10.5240/779185342C23903086105",
            "10.5240/7791-8534-2C23-9030-8610-*",
            "10.5237/9DD9-E249",
        ] {
            refused(eidr_id("eidrId", bad), "eidrId");
        }
        assert_eq!(
            refused(eidr_id("eidrId", "tt0111161"), "eidrId"),
            "\"eidrId\" must be an EIDR content id like \"10.5240/7791-8534-2C23-9030-8610-5\", \
             got \"tt0111161\""
        );
    }
}
