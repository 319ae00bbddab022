//! Rules for co-production shares: each a percentage, a film's total at most 100 %, and the
//! bounds of the revised European convention, which only warn.

use crate::error::{AppError, AppResult};

/// Slack for sums of shares that float arithmetic does not add up exactly (33.3 + 33.3 + 33.4).
const TOLERANCE: f64 = 1e-9;

/// One co-producer's share of a film, in percent: a finite number from 0 to 100.
pub fn share_percent(field: &str, value: f64) -> AppResult<f64> {
    if value.is_finite() && (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(AppError::bad_input(
            field,
            format!("\"{field}\" must be a percentage from 0 to 100, got {value}"),
        ))
    }
}

/// The shares of one film's co-producers, in percent, add up to at most 100 (within 1e-9);
/// returns the total. Check each share with `share_percent` first.
pub fn shares_total(field: &str, shares: &[f64]) -> AppResult<f64> {
    if shares.iter().any(|share| !share.is_finite()) {
        return Err(AppError::bad_input(
            field,
            format!("\"{field}\" has a share that is not a number; give each as 0 to 100"),
        ));
    }
    let total: f64 = shares.iter().sum();
    if total <= 100.0 + TOLERANCE {
        Ok(total)
    } else {
        Err(AppError::bad_input(
            field,
            format!(
                "\"{field}\" shares add up to {} %; the shares of one film may add up to at most \
                 100 %",
                percent(total)
            ),
        ))
    }
}

/// Warnings, not errors, for shares outside the bounds of the Council of Europe Convention on
/// Cinematographic Co-production (revised, 2017): with two parties each share is 10–90 %, with
/// more each is 5–80 %. `shares` holds one share per producing party; one party or none gives
/// no warnings, and neither does a share that is not a finite number (`share_percent` refuses
/// those). The 1992 convention, still in force between some countries, and bilateral treaties
/// set other bounds, so the warnings say that national rules may differ.
pub fn share_warnings(shares: &[f64]) -> Vec<String> {
    let (min, max, kind) = match shares.len() {
        0 | 1 => return Vec::new(),
        2 => (10.0, 90.0, "a two-party co-production"),
        _ => (5.0, 80.0, "a co-production of more than two parties"),
    };
    shares
        .iter()
        .filter(|share| share.is_finite())
        .filter_map(|&share| {
            let (side, bound, verb) = if share > max + TOLERANCE {
                ("above", max, "allows")
            } else if share < min - TOLERANCE {
                ("below", min, "requires")
            } else {
                return None;
            };
            Some(format!(
                "a co-producer's share of {} % is {side} the {} % the European co-production \
                 convention {verb} in {kind}; national rules may differ",
                percent(share),
                percent(bound)
            ))
        })
        .collect()
}

/// A percentage for people: at most four decimals, no trailing zeros (`95`, `7.5`).
fn percent(value: f64) -> String {
    let text = format!("{value:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{accepted, refused};
    use super::*;

    #[test]
    fn shares_from_0_to_100_percent_are_accepted() {
        for good in [0.0, 0.5, 33.3, 100.0] {
            assert_eq!(accepted(share_percent("sharePercent", good)), good);
        }
    }

    #[test]
    fn shares_outside_0_to_100_or_not_numbers_are_refused() {
        let field = "coProductions[0].sharePercent";
        for bad in [-0.1, 100.01, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            refused(share_percent(field, bad), field);
        }
        assert_eq!(
            refused(share_percent(field, 120.0), field),
            "\"coProductions[0].sharePercent\" must be a percentage from 0 to 100, got 120"
        );
    }

    #[test]
    fn shares_adding_up_to_at_most_100_percent_are_accepted() {
        assert_eq!(accepted(shares_total("coProductions", &[])), 0.0);
        assert_eq!(
            accepted(shares_total("coProductions", &[60.0, 40.0])),
            100.0
        );
        accepted(shares_total("coProductions", &[50.0, 30.0]));
        accepted(shares_total("coProductions", &[33.3, 33.3, 33.4]));
        accepted(shares_total("coProductions", &[0.1; 1000]));
    }

    #[test]
    fn shares_adding_up_to_more_than_100_percent_are_refused() {
        let message = refused(
            shares_total("coProductions", &[70.0, 50.0]),
            "coProductions",
        );
        assert_eq!(
            message,
            "\"coProductions\" shares add up to 120 %; the shares of one film may add up to at \
             most 100 %"
        );
        refused(
            shares_total("coProductions", &[100.0, 0.001]),
            "coProductions",
        );
        refused(
            shares_total("coProductions", &[50.0, f64::NAN]),
            "coProductions",
        );
    }

    #[test]
    fn one_party_or_none_gets_no_convention_warnings() {
        assert!(share_warnings(&[]).is_empty());
        assert!(share_warnings(&[100.0]).is_empty());
        assert!(share_warnings(&[3.0]).is_empty());
    }

    #[test]
    fn two_parties_sharing_within_10_to_90_percent_get_no_warnings() {
        for shares in [[60.0, 40.0], [90.0, 10.0], [50.0, 50.0]] {
            assert!(share_warnings(&shares).is_empty(), "{shares:?}");
        }
    }

    #[test]
    fn two_parties_outside_10_to_90_percent_get_one_warning_per_share() {
        assert_eq!(
            share_warnings(&[95.0, 5.0]),
            [
                "a co-producer's share of 95 % is above the 90 % the European co-production \
                 convention allows in a two-party co-production; national rules may differ",
                "a co-producer's share of 5 % is below the 10 % the European co-production \
                 convention requires in a two-party co-production; national rules may differ",
            ]
        );
        assert_eq!(share_warnings(&[92.5, 7.5]).len(), 2);
        assert_eq!(share_warnings(&[70.0, 9.99]).len(), 1);
    }

    #[test]
    fn more_than_two_parties_sharing_within_5_to_80_percent_get_no_warnings() {
        assert!(share_warnings(&[50.0, 30.0, 20.0]).is_empty());
        assert!(share_warnings(&[80.0, 15.0, 5.0]).is_empty());
        assert!(share_warnings(&[25.0; 4]).is_empty());
    }

    #[test]
    fn more_than_two_parties_outside_5_to_80_percent_get_one_warning_per_share() {
        assert_eq!(
            share_warnings(&[85.0, 12.0, 3.0]),
            [
                "a co-producer's share of 85 % is above the 80 % the European co-production \
                 convention allows in a co-production of more than two parties; national rules \
                 may differ",
                "a co-producer's share of 3 % is below the 5 % the European co-production \
                 convention requires in a co-production of more than two parties; national \
                 rules may differ",
            ]
        );
        // 10 % would be too little for two parties, not for three.
        assert!(share_warnings(&[45.0, 45.0, 10.0]).is_empty());
    }

    #[test]
    fn percentages_in_messages_have_at_most_four_decimals() {
        assert_eq!(percent(95.0), "95");
        assert_eq!(percent(100.0), "100");
        assert_eq!(percent(33.333_333), "33.3333");
        assert_eq!(percent(100.001), "100.001");
        assert_eq!(percent(7.5), "7.5");
        assert_eq!(percent(0.0), "0");
    }
}
