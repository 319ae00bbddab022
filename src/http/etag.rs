//! Entity tags: a strong tag from the bytes of a response body, and `If-None-Match`
//! evaluation as RFC 9110 (section 13.1.2) says: a list of tags or `*`, compared weakly (a
//! `W/` prefix is ignored).

use axum::http::HeaderValue;
use sha2::{Digest, Sha256};

/// The strong entity tag of `body`: the first 128 bits of its SHA-256, in hex and quotes.
pub fn of(body: &[u8]) -> HeaderValue {
    let digest = Sha256::digest(body);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    // Hex digits in quotes are always a valid header value.
    HeaderValue::from_str(&format!("\"{hex}\"")).unwrap_or(HeaderValue::from_static("\"\""))
}

/// True when the `If-None-Match` field values `conditions` match the representation tagged
/// `etag` (so a GET may answer `304 Not Modified`). An unreadable list matches nothing.
pub fn none_match_matches<'a>(
    conditions: impl IntoIterator<Item = &'a HeaderValue>,
    etag: &HeaderValue,
) -> bool {
    let Some(ours) = etag.to_str().ok().and_then(opaque) else {
        return false;
    };
    conditions
        .into_iter()
        .filter_map(|value| value.to_str().ok())
        .any(|list| list.trim() == "*" || tags(list).any(|tag| tag == ours))
}

/// The opaque part (with its quotes) of one entity tag, weak or strong.
fn opaque(tag: &str) -> Option<&str> {
    let tag = tag.trim();
    let tag = tag.strip_prefix("W/").unwrap_or(tag);
    let closed = tag.len() >= 2 && tag.starts_with('"') && tag.ends_with('"');
    (closed && !tag[1..tag.len() - 1].contains('"')).then_some(tag)
}

/// The opaque tags of a comma-separated list (`"a", W/"b"`); stops at the first malformed
/// member. Commas may appear inside a tag's quotes.
fn tags(list: &str) -> impl Iterator<Item = &str> {
    let mut rest = list;
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(|c: char| c == ',' || c.is_ascii_whitespace());
        let body = rest.strip_prefix("W/").unwrap_or(rest);
        let inner = body.strip_prefix('"')?;
        let end = inner.find('"')?;
        let tag = &body[..end + 2];
        rest = &inner[end + 1..];
        let separated = rest.trim_start().is_empty() || rest.trim_start().starts_with(',');
        separated.then_some(tag)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(conditions: &[&str], etag: &str) -> bool {
        let values: Vec<HeaderValue> = conditions
            .iter()
            .map(|c| HeaderValue::from_str(c).expect("header value"))
            .collect();
        none_match_matches(&values, &HeaderValue::from_str(etag).expect("header value"))
    }

    #[test]
    fn the_tag_is_a_stable_strong_hash_of_the_bytes() {
        let tag = of(b"{\"data\":{}}");
        assert_eq!(tag, of(b"{\"data\":{}}"));
        assert_ne!(tag, of(b"{\"data\":null}"));
        let text = tag.to_str().expect("ascii");
        assert!(text.starts_with('"') && text.ends_with('"') && text.len() == 34);
        assert!(!text.starts_with("W/"));
    }

    #[test]
    fn a_listed_tag_matches_weak_or_strong_in_any_position() {
        assert!(matches(&["\"abc\""], "\"abc\""));
        assert!(matches(&["W/\"abc\""], "\"abc\""));
        assert!(matches(&["\"x\", W/\"abc\""], "\"abc\""));
        assert!(matches(&["\"x\",\"y\"", " \"abc\" "], "\"abc\""));
        assert!(matches(&["\"a,b\", \"abc\""], "\"abc\""));
    }

    #[test]
    fn a_star_matches_any_current_representation() {
        assert!(matches(&["*"], "\"abc\""));
        assert!(matches(&[" * "], "\"abc\""));
    }

    #[test]
    fn other_or_malformed_tags_do_not_match() {
        assert!(!matches(&[], "\"abc\""));
        assert!(!matches(&["\"abd\""], "\"abc\""));
        assert!(!matches(&["abc"], "\"abc\""));
        assert!(!matches(&["\"ab\"c\""], "\"abc\""));
        assert!(!matches(&["\"abc"], "\"abc\""));
        assert!(
            !matches(&["w/\"abc\""], "\"abc\""),
            "the W/ prefix is case-sensitive"
        );
        assert!(!matches(&["\"abc\"x"], "\"abc\""));
    }
}
