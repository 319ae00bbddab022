//! Writing XML text: escaping for element content and attribute values.

/// `text` safe inside an XML element or a double- or single-quoted attribute: `& < > " '`
/// escaped, and the characters XML 1.0 forbids (control characters other than tab, line
/// feed and carriage return, lone surrogates cannot occur in Rust strings, U+FFFE/U+FFFF)
/// dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `<name>escaped text</name>` to `out`.
pub fn element(out: &mut String, name: &str, text: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    out.push_str(&escape(text));
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape(r#"Tom & "Jerry" <b>'s</b>"#),
            "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&apos;s&lt;/b&gt;"
        );
        assert_eq!(escape("«Москино»"), "«Москино»");
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        assert_eq!(escape("a\u{0}b\u{1b}c\td\ne"), "abc\td\ne");
        assert_eq!(escape("x\u{FFFF}y"), "xy");
    }

    #[test]
    fn elements_wrap_escaped_text() {
        let mut out = String::new();
        element(&mut out, "loc", "https://k.example/?a=1&b=2");
        assert_eq!(out, "<loc>https://k.example/?a=1&amp;b=2</loc>\n");
    }
}
