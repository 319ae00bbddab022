//! The rule for web addresses.

use url::Url;

use crate::error::{AppError, AppResult};

/// The most characters a web address may have.
pub const URL_MAX_CHARS: usize = 2000;

/// An absolute `http` or `https` address with a host and without a user name or password, of at
/// most 2000 characters. Returns it as the `url` crate writes it: scheme and host in lowercase,
/// international host names in punycode, an empty path as `/`.
pub fn url(field: &str, value: &str) -> AppResult<String> {
    let refuse = |why: String| {
        AppError::bad_input(
            field,
            format!(
                "\"{field}\" must be an absolute http or https address of at most \
                 {URL_MAX_CHARS} characters, like \"https://example.org/films/lighthouse\"; {why}"
            ),
        )
    };
    let value = value.trim();
    if value.is_empty() {
        return Err(refuse("it is empty".to_owned()));
    }
    let too_long = |chars: usize| refuse(format!("it is {chars} characters long"));
    let chars = value.chars().count();
    if chars > URL_MAX_CHARS {
        return Err(too_long(chars));
    }
    let parsed = Url::parse(value).map_err(|err| refuse(format!("it is not one ({err})")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(refuse(format!("it starts with \"{}:\"", parsed.scheme())));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(refuse("it has no host".to_owned()));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(refuse("leave out the user name and password".to_owned()));
    }
    let normalized = String::from(parsed);
    let chars = normalized.chars().count();
    if chars > URL_MAX_CHARS {
        return Err(too_long(chars));
    }
    Ok(normalized)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{accepted, refused};
    use super::*;

    #[test]
    fn absolute_http_and_https_addresses_are_accepted() {
        for good in [
            "https://example.org/kinograph/demo-distribution",
            "http://example.org/",
            "https://moskino.ru/",
            "https://example.org/films?id=7&lang=ru#cast",
            "http://127.0.0.1:8080/poster.jpg",
        ] {
            assert_eq!(accepted(url("website", good)), good);
        }
    }

    #[test]
    fn addresses_are_trimmed_and_normalized() {
        assert_eq!(
            accepted(url("website", "  HTTPS://Example.ORG ")),
            "https://example.org/"
        );
        let international = accepted(url("website", "https://кино.рф/афиша"));
        assert!(international.starts_with("https://xn--"), "{international}");
        assert!(international.ends_with(".xn--p1ai/%D0%B0%D1%84%D0%B8%D1%88%D0%B0"));
    }

    #[test]
    fn relative_addresses_and_other_schemes_are_refused() {
        for bad in [
            "",
            "   ",
            "example.org/film",
            "/films/lighthouse",
            "ftp://example.org/poster.jpg",
            "mailto:press@example.org",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "http://exa mple.org/",
        ] {
            refused(url("website", bad), "website");
        }
        let message = refused(url("website", "ftp://example.org/a"), "website");
        assert!(message.ends_with("; it starts with \"ftp:\""), "{message}");
    }

    #[test]
    fn addresses_with_a_user_name_or_password_are_refused() {
        for bad in [
            "https://user@example.org/",
            "https://user:secret@example.org/",
        ] {
            refused(url("mediaAssets[0].url", bad), "mediaAssets[0].url");
        }
    }

    #[test]
    fn addresses_longer_than_2000_characters_are_refused() {
        let base = "https://example.org/";
        let fits = format!("{base}{}", "a".repeat(URL_MAX_CHARS - base.len()));
        assert_eq!(accepted(url("website", &fits)), fits);
        let long = format!("{fits}a");
        let message = refused(url("website", &long), "website");
        assert!(
            message.ends_with("; it is 2001 characters long"),
            "{message}"
        );
        let grows = format!("{base}{}", "я".repeat(400));
        refused(url("website", &grows), "website");
    }
}
