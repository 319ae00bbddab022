//! Highlight snippets: a short excerpt of a document's text in one language with the words
//! that matched the query wrapped in `<mark>…</mark>`. The text around the marks is
//! HTML-escaped, so a snippet can be inserted into a page as HTML as it is.

use crate::domain::search::{
    analysis::{Config, words},
    query::SearchQuery,
};

/// Opens a matched word in a snippet.
pub const MARK_OPEN: &str = "<mark>";
/// Closes a matched word in a snippet.
pub const MARK_CLOSE: &str = "</mark>";
/// Words in a snippet at most.
const WINDOW: usize = 24;
/// Words shown before the first match of a snippet, when there are that many.
const CONTEXT: usize = 6;

/// A snippet and whether any word in it is marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// HTML: escaped text with `<mark>` around the matched words; `…` where text was cut.
    pub text: String,
    /// True when some word matched.
    pub marked: bool,
}

/// The snippet of a document's title and body in the language of `config`: an excerpt of
/// the body around the most matched words when the body matches; else the title when it
/// matches; else the start of the body (or the title), unmarked. None when both are empty.
pub fn snippet(
    query: &SearchQuery,
    config: Config,
    title: Option<&str>,
    body: Option<&str>,
) -> Option<Snippet> {
    let body = excerpt(query, config, body.unwrap_or_default());
    let title = excerpt(query, config, title.unwrap_or_default());
    match (body, title) {
        (Some(body), _) if body.marked => Some(body),
        (_, Some(title)) if title.marked => Some(title),
        (body, title) => body.or(title),
    }
}

/// The best window of `text`: the one holding the most different matched terms (then the
/// most matches, then the earliest), starting a few words before its first match.
fn excerpt(query: &SearchQuery, config: Config, text: &str) -> Option<Snippet> {
    let found: Vec<(usize, &str, Option<usize>)> = words(text)
        .map(|(at, word)| (at, word, query.matched(config, word)))
        .collect();
    if found.is_empty() {
        return None;
    }
    let rank = |start: usize| {
        let window = &found[start..(start + WINDOW).min(found.len())];
        let mut terms: Vec<usize> = window.iter().filter_map(|w| w.2).collect();
        let matches = terms.len();
        terms.sort_unstable();
        terms.dedup();
        (terms.len(), matches)
    };
    let mut start = 0;
    let mut best = (0, 0);
    for (i, _) in found.iter().enumerate().filter(|(_, w)| w.2.is_some()) {
        let candidate = i.saturating_sub(CONTEXT);
        let ranked = rank(candidate);
        if ranked > best {
            (start, best) = (candidate, ranked);
        }
    }
    let end = (start + WINDOW).min(found.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut cursor = if start == 0 { 0 } else { found[start].0 };
    for &(at, word, matched) in &found[start..end] {
        push_text(&mut out, &text[cursor..at]);
        if matched.is_some() {
            out.push_str(MARK_OPEN);
            push_text(&mut out, word);
            out.push_str(MARK_CLOSE);
        } else {
            push_text(&mut out, word);
        }
        cursor = at + word.len();
    }
    if end == found.len() {
        push_text(&mut out, &text[cursor..]);
    } else {
        out.push('…');
    }
    Some(Snippet {
        text: out.trim().to_string(),
        marked: best.0 > 0,
    })
}

/// Appends `text` HTML-escaped, every run of white space made one space.
fn push_text(out: &mut String, text: &str) {
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    if space {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(text: &str) -> SearchQuery {
        SearchQuery::parse("query", text).expect("a valid query")
    }

    #[test]
    fn matched_words_are_marked_in_any_form() {
        let found = snippet(
            &query("соглашения"),
            Config::Russian,
            Some("Соглашение о сотрудничестве"),
            Some("Стороны подписали соглашение.\n\nПодписи под соглашением поставили…"),
        )
        .expect("a snippet");
        assert_eq!(
            found.text,
            "Стороны подписали <mark>соглашение</mark>. Подписи под <mark>соглашением</mark> поставили…"
        );
        assert!(found.marked);
    }

    #[test]
    fn the_title_is_the_snippet_when_only_the_title_matches() {
        let found = snippet(
            &query("кинопарка"),
            Config::Russian,
            Some("Кинопарк «Москино»"),
            Some("Площадка для натурных съемок."),
        )
        .expect("a snippet");
        assert_eq!(found.text, "<mark>Кинопарк</mark> «Москино»");
    }

    #[test]
    fn text_around_the_marks_is_escaped() {
        let found = snippet(
            &query("agreements"),
            Config::English,
            None,
            Some("<b>Tom & Jerry's</b> agreement"),
        )
        .expect("a snippet");
        assert_eq!(
            found.text,
            "&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt; <mark>agreement</mark>"
        );
    }

    #[test]
    fn long_texts_are_cut_around_the_matches() {
        let mut body: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        body[50] = "film".into();
        body[60] = "agreement".into();
        let found = snippet(
            &query("film agreement"),
            Config::English,
            None,
            Some(&body.join(" ")),
        )
        .expect("a snippet");
        assert!(
            found
                .text
                .starts_with("…w44 w45 w46 w47 w48 w49 <mark>film</mark>"),
            "{}",
            found.text
        );
        assert!(found.text.contains("<mark>agreement</mark>"));
        assert!(found.text.ends_with("w67…"), "{}", found.text);
    }

    #[test]
    fn without_a_match_the_snippet_is_the_plain_start_of_the_text() {
        let found = snippet(
            &query("кино"),
            Config::English,
            Some("Title"),
            Some("Body text."),
        )
        .expect("a snippet");
        assert_eq!(found.text, "Body text.");
        assert!(!found.marked);
        assert_eq!(
            snippet(&query("кино"), Config::English, None, Some(" ")),
            None
        );
    }
}
