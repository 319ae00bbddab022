//! The Atom feed (RFC 4287) of the latest public press materials, in one locale.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

use crate::{
    domain::viewer::Viewer,
    entities::press_material,
    error::AppResult,
    graphql::types::locale::Locale,
    seo::{
        SITE_NAME,
        json_ld::Lang,
        urls::PublicUrl,
        xml::{element, escape},
    },
    store::{
        page::PageQuery,
        press::{self, PressFilter},
    },
};

/// How many press materials the feed carries.
pub const FEED_SIZE: u64 = 50;

/// The feed of the latest press materials an anonymous reader may see, newest first.
pub async fn press_feed(
    db: &impl ConnectionTrait,
    urls: &PublicUrl,
    locale: Locale,
) -> AppResult<String> {
    let page = PageQuery {
        limit: FEED_SIZE,
        backward: false,
        cursor: None,
    };
    let page = press::list(db, Viewer::Anonymous, &PressFilter::default(), &page, false).await?;
    let items: Vec<press_material::Model> = page.items.into_iter().map(|k| k.row).collect();
    Ok(render(urls, locale, &items))
}

fn time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The feed document over `items` (newest first).
pub fn render(urls: &PublicUrl, locale: Locale, items: &[press_material::Model]) -> String {
    let title = match locale {
        Locale::Ru => format!("{SITE_NAME}: пресс-материалы"),
        Locale::En => format!("{SITE_NAME}: press materials"),
    };
    let updated = items
        .iter()
        .map(|p| p.updated_at.max(p.published_at.unwrap_or(p.updated_at)))
        .max()
        .unwrap_or(DateTime::UNIX_EPOCH);
    let self_url = urls.press_feed(locale);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        locale.tag()
    ));
    element(&mut out, "id", &self_url);
    out.push_str("<title type=\"text\">");
    out.push_str(&escape(&title));
    out.push_str("</title>\n");
    element(&mut out, "updated", &time(updated));
    out.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&self_url)
    ));
    out.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&urls.press_room())
    ));
    out.push_str("<author><name>");
    out.push_str(&escape(SITE_NAME));
    out.push_str("</name></author>\n");
    for item in items {
        entry(&mut out, urls, locale, item);
    }
    out.push_str("</feed>\n");
    out
}

fn entry(out: &mut String, urls: &PublicUrl, locale: Locale, item: &press_material::Model) {
    let lang = Lang::new(locale);
    let url = urls.press(&item.slug);
    let title = lang.text_in(&item.title_ru, &item.title_en);
    let language = title.as_ref().map_or(locale, |(_, language)| *language);
    let published = item.published_at.unwrap_or(item.updated_at);
    out.push_str(&format!("<entry xml:lang=\"{}\">\n", language.tag()));
    element(out, "id", &url);
    out.push_str("<title type=\"text\">");
    out.push_str(&escape(
        &title.map(|(t, _)| t).unwrap_or_else(|| item.slug.clone()),
    ));
    out.push_str("</title>\n");
    out.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&url)
    ));
    element(out, "published", &time(published));
    element(out, "updated", &time(item.updated_at.max(published)));
    out.push_str(&format!(
        "<category term=\"{}\"/>\n",
        escape(&sea_orm::ActiveEnum::to_value(&item.kind))
    ));
    for (name, ru, en) in [
        ("summary", &item.lead_ru, &item.lead_en),
        ("content", &item.body_ru, &item.body_en),
    ] {
        if let Some((text, text_language)) = lang.text_in(ru, en) {
            // Text served in the other language than the entry's says so.
            let marked = if text_language == language {
                String::new()
            } else {
                format!(" xml:lang=\"{}\"", text_language.tag())
            };
            out.push_str(&format!("<{name} type=\"text\"{marked}>"));
            out.push_str(&escape(&text));
            out.push_str(&format!("</{name}>\n"));
        }
    }
    out.push_str("</entry>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enums::{PressMaterialKind, PublicationStatus};

    fn item(slug: &str, title_en: Option<&str>) -> press_material::Model {
        let at = DateTime::UNIX_EPOCH + chrono::Duration::days(20_000);
        press_material::Model {
            id: 1,
            slug: slug.into(),
            kind: PressMaterialKind::News,
            status: PublicationStatus::Published,
            title_ru: Some("Новость <важная> & «срочная»".into()),
            title_en: title_en.map(Into::into),
            lead_ru: Some("Лид".into()),
            lead_en: None,
            body_ru: None,
            body_en: None,
            published_at: Some(at),
            embargo_until: None,
            created_at: at,
            updated_at: at,
            version: 1,
        }
    }

    #[test]
    fn entries_escape_text_and_mark_their_language() {
        let urls = PublicUrl::default();
        let feed = render(&urls, Locale::En, &[item("a&b", None)]);
        assert!(
            feed.contains("<title type=\"text\">Новость &lt;важная&gt; &amp; «срочная»</title>")
        );
        assert!(feed.contains("<entry xml:lang=\"ru\">"), "{feed}");
        assert!(
            feed.contains("<summary type=\"text\">Лид</summary>"),
            "{feed}"
        );
        assert!(feed.contains("<id>http://localhost:8000/press/a%26b</id>"));
        assert!(feed.contains("<updated>2024-10-04T00:00:00Z</updated>"));
        assert!(feed.contains(
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"http://localhost:8000/feeds/press.atom?locale=en\"/>"
        ));
    }

    #[test]
    fn text_in_the_other_language_is_marked() {
        let feed = render(
            &PublicUrl::default(),
            Locale::En,
            &[item("n", Some("News"))],
        );
        assert!(feed.contains("<entry xml:lang=\"en\">"), "{feed}");
        assert!(
            feed.contains("<summary type=\"text\" xml:lang=\"ru\">Лид</summary>"),
            "{feed}"
        );
    }

    #[test]
    fn an_empty_feed_is_still_complete() {
        let feed = render(&PublicUrl::default(), Locale::Ru, &[]);
        assert!(feed.contains("<updated>1970-01-01T00:00:00Z</updated>"));
        assert!(feed.ends_with("</feed>\n"));
    }
}
