//! Canonical URLs of the public site's pages: the one place that knows the paths
//! (`/films/{slug}`, `/festivals/{festival}/{edition}`, ...), used by JSON-LD, the Atom feed,
//! the calendars and the sitemap alike.

use std::fmt::Write as _;

use crate::graphql::types::locale::Locale;

/// The public site's base URL (scheme, host, optional path prefix; no trailing slash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl Default for PublicUrl {
    fn default() -> Self {
        PublicUrl("http://localhost:8000".to_owned())
    }
}

impl PublicUrl {
    /// Parses a base URL: `http` or `https`, with a host, without query or fragment; a
    /// trailing slash is dropped.
    pub fn parse(value: &str) -> Result<Self, String> {
        let url = url::Url::parse(value.trim()).map_err(|err| {
            format!("the public URL must be an absolute http(s) URL such as https://kino.example ({err})")
        })?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(
                "the public URL must start with http:// or https:// and name a host".into(),
            );
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err("the public URL may not carry a query or a fragment".into());
        }
        Ok(PublicUrl(url.as_str().trim_end_matches('/').to_owned()))
    }

    /// The base derived from the address the server listens on (`0.0.0.0` and `::` become
    /// `localhost`).
    pub fn from_listen_address(address: std::net::SocketAddr) -> Self {
        let host = if address.ip().is_unspecified() {
            "localhost".to_owned()
        } else if address.is_ipv6() {
            format!("[{}]", address.ip())
        } else {
            address.ip().to_string()
        };
        PublicUrl(format!("http://{host}:{}", address.port()))
    }

    /// The base URL itself.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host part, for identifiers such as iCalendar UIDs.
    pub fn host(&self) -> String {
        url::Url::parse(&self.0)
            .ok()
            .and_then(|url| url.host_str().map(str::to_owned))
            .unwrap_or_else(|| "localhost".to_owned())
    }

    /// The base followed by path segments, each percent-encoded.
    fn path(&self, segments: &[&str]) -> String {
        let mut url = self.0.clone();
        for segment in segments {
            url.push('/');
            for byte in segment.bytes() {
                if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                    url.push(char::from(byte));
                } else {
                    let _ = write!(url, "%{byte:02X}");
                }
            }
        }
        url
    }

    /// The home page.
    pub fn home(&self) -> String {
        format!("{}/", self.0)
    }
    /// A film's page.
    pub fn film(&self, slug: &str) -> String {
        self.path(&["films", slug])
    }
    /// A press material's page.
    pub fn press(&self, slug: &str) -> String {
        self.path(&["press", slug])
    }
    /// The press room.
    pub fn press_room(&self) -> String {
        self.path(&["press"])
    }
    /// An organization's page.
    pub fn organization(&self, slug: &str) -> String {
        self.path(&["organizations", slug])
    }
    /// A person's page.
    pub fn person(&self, slug: &str) -> String {
        self.path(&["people", slug])
    }
    /// An agreement's page.
    pub fn agreement(&self, slug: &str) -> String {
        self.path(&["agreements", slug])
    }
    /// A location's page.
    pub fn location(&self, slug: &str) -> String {
        self.path(&["locations", slug])
    }
    /// A festival's page.
    pub fn festival(&self, slug: &str) -> String {
        self.path(&["festivals", slug])
    }
    /// A festival edition's page (its programme).
    pub fn edition(&self, festival: &str, edition: &str) -> String {
        self.path(&["festivals", festival, edition])
    }
    /// One screening of an edition's programme.
    pub fn screening(&self, festival: &str, edition: &str, id: i32) -> String {
        self.path(&[
            "festivals",
            festival,
            edition,
            "screenings",
            &id.to_string(),
        ])
    }
    /// The Atom feed of press materials in `locale`.
    pub fn press_feed(&self, locale: Locale) -> String {
        format!(
            "{}?locale={}",
            self.path(&["feeds", "press.atom"]),
            locale.tag()
        )
    }
    /// An edition's calendar.
    pub fn calendar(&self, edition: &str) -> String {
        self.path(&["calendar", &format!("{edition}.ics")])
    }
    /// One part of the sitemap.
    pub fn sitemap_part(&self, part: &str) -> String {
        self.path(&[&format!("sitemap-{part}.xml")])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_paths_hang_off_the_base() {
        let base = PublicUrl::parse("https://kino.example/promo/").expect("valid");
        assert_eq!(
            base.film("white-nights"),
            "https://kino.example/promo/films/white-nights"
        );
        assert_eq!(base.press("x"), "https://kino.example/promo/press/x");
        assert_eq!(base.person("p"), "https://kino.example/promo/people/p");
        assert_eq!(
            base.organization("o"),
            "https://kino.example/promo/organizations/o"
        );
        assert_eq!(base.location("l"), "https://kino.example/promo/locations/l");
        assert_eq!(
            base.edition("f", "f-2026"),
            "https://kino.example/promo/festivals/f/f-2026"
        );
        assert_eq!(
            base.screening("f", "e", 7),
            "https://kino.example/promo/festivals/f/e/screenings/7"
        );
        assert_eq!(
            base.calendar("e"),
            "https://kino.example/promo/calendar/e.ics"
        );
        assert_eq!(
            base.press_feed(Locale::En),
            "https://kino.example/promo/feeds/press.atom?locale=en"
        );
        assert_eq!(
            base.sitemap_part("films-0"),
            "https://kino.example/promo/sitemap-films-0.xml"
        );
        assert_eq!(base.home(), "https://kino.example/promo/");
        assert_eq!(base.host(), "kino.example");
    }

    #[test]
    fn segments_are_percent_encoded() {
        let base = PublicUrl::default();
        assert_eq!(
            base.film("a b/c?"),
            "http://localhost:8000/films/a%20b%2Fc%3F"
        );
        assert_eq!(
            base.film("фильм"),
            "http://localhost:8000/films/%D1%84%D0%B8%D0%BB%D1%8C%D0%BC"
        );
    }

    #[test]
    fn only_http_bases_without_query_are_accepted() {
        assert!(PublicUrl::parse("ftp://kino.example").is_err());
        assert!(PublicUrl::parse("/relative").is_err());
        assert!(PublicUrl::parse("https://kino.example/?a=1").is_err());
        assert_eq!(
            PublicUrl::parse(" https://Kino.Example ")
                .expect("valid")
                .as_str(),
            "https://kino.example"
        );
    }

    #[test]
    fn the_listen_address_gives_a_usable_default() {
        let any: std::net::SocketAddr = "0.0.0.0:8080".parse().expect("valid");
        assert_eq!(
            PublicUrl::from_listen_address(any).as_str(),
            "http://localhost:8080"
        );
        let local: std::net::SocketAddr = "127.0.0.1:8000".parse().expect("valid");
        assert_eq!(
            PublicUrl::from_listen_address(local).as_str(),
            "http://127.0.0.1:8000"
        );
    }
}
