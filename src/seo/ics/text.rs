//! iCalendar (RFC 5545) content lines: TEXT escaping, date-times and line folding.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// Lines are folded after this many octets (RFC 5545 §3.1), line break excluded.
const MAX_OCTETS: usize = 75;

/// `text` as an iCalendar TEXT value: backslash, semicolon and comma escaped, line breaks
/// as `\n`, other control characters dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let text = text.replace("\r\n", "\n");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends the content line `line` to `out`, folded so that no physical line passes 75
/// octets (continuations start with a space) without splitting a UTF-8 character, each
/// ending in CRLF.
pub fn push_line(out: &mut String, line: &str) {
    let mut limit = MAX_OCTETS;
    let mut rest = line;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space of a continuation counts towards its 75 octets.
        limit = MAX_OCTETS - 1;
    }
}

/// A local date-time in `tz` (`20260604T190000`), for `DTSTART;TZID=...`.
pub fn local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%Y%m%dT%H%M%S").to_string()
}

/// A UTC date-time (`20260604T160000Z`), for `DTSTAMP` and `LAST-MODIFIED`.
pub fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    #[test]
    fn text_values_escape_separators_and_line_breaks() {
        assert_eq!(
            escape("Зал 1; ряд 2, место 3\\4\r\nвход\nс улицы"),
            "Зал 1\\; ряд 2\\, место 3\\\\4\\nвход\\nс улицы"
        );
        assert_eq!(escape("a\u{7}b"), "ab");
    }

    #[test]
    fn short_lines_are_left_alone() {
        let mut out = String::new();
        push_line(&mut out, "SUMMARY:Маяк");
        assert_eq!(out, "SUMMARY:Маяк\r\n");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "Очень длинное название фильма ".repeat(8));
        let mut out = String::new();
        push_line(&mut out, &line);
        let physical: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(physical.len() > 3);
        for (i, part) in physical.iter().enumerate() {
            assert!(part.len() <= 75, "line {i} has {} octets", part.len());
            assert_eq!(i > 0, part.starts_with(' '));
        }
        // Unfolding (dropping CRLF + space) gives the line back.
        assert_eq!(out.replace("\r\n ", "").trim_end_matches("\r\n"), line);
    }

    #[test]
    fn ascii_lines_use_the_whole_75_octets() {
        let mut out = String::new();
        push_line(&mut out, &"x".repeat(150));
        let physical: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(physical[0].len(), 75);
        assert_eq!(physical[1].len(), 75);
        assert_eq!(physical[2], " x");
    }

    #[test]
    fn times_are_written_in_moscow_and_utc() {
        let at = Utc
            .with_ymd_and_hms(2026, 6, 5, 21, 15, 0)
            .single()
            .expect("valid");
        assert_eq!(local(at, chrono_tz::Europe::Moscow), "20260606T001500");
        assert_eq!(utc(at), "20260605T211500Z");
    }
}
