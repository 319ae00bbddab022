//! The sitemap (sitemaps.org protocol 0.9): an index at `/sitemap.xml` naming parts
//! `/sitemap-{kind}-{n}.xml`, each listing the canonical URLs of the public pages of one kind
//! whose ids fall in one range of `PART_IDS`, read from the store a chunk at a time.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

use crate::{
    domain::viewer::Viewer,
    entities::{
        agreement, festival, festival_edition, film, location, organization, person, press_material,
    },
    error::AppResult,
    seo::{urls::PublicUrl, xml::element},
    store::{
        listing::{self, Listed},
        lookup::{self, Lookup},
    },
};

/// Ids covered by one part: at most this many URLs, well under the protocol's 50,000.
pub const PART_IDS: i32 = 10_000;
/// Rows read per statement.
const CHUNK: u64 = 2_000;

const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// The kinds of public page, one series of parts each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The home page and the press room.
    Pages,
    /// Film pages.
    Films,
    /// Press material pages.
    Press,
    /// Organization pages.
    Organizations,
    /// Person pages.
    People,
    /// Agreement pages.
    Agreements,
    /// Festival pages.
    Festivals,
    /// Festival edition (programme) pages.
    Editions,
    /// Location pages.
    Locations,
}

const KINDS: [Kind; 9] = [
    Kind::Pages,
    Kind::Films,
    Kind::Press,
    Kind::Organizations,
    Kind::People,
    Kind::Agreements,
    Kind::Festivals,
    Kind::Editions,
    Kind::Locations,
];

impl Kind {
    /// The name used in part file names.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Pages => "pages",
            Kind::Films => "films",
            Kind::Press => "press",
            Kind::Organizations => "organizations",
            Kind::People => "people",
            Kind::Agreements => "agreements",
            Kind::Festivals => "festivals",
            Kind::Editions => "editions",
            Kind::Locations => "locations",
        }
    }
}

/// The part named `name` (`films-3`), if it is one.
pub fn parse_part(name: &str) -> Option<(Kind, i32)> {
    let (kind, number) = name.rsplit_once('-')?;
    let kind = KINDS.into_iter().find(|k| k.name() == kind)?;
    let number: i32 = number.parse().ok().filter(|n| *n >= 0)?;
    Some((kind, number))
}

async fn max_id(db: &impl ConnectionTrait, kind: Kind) -> AppResult<i32> {
    match kind {
        Kind::Pages => Ok(1),
        Kind::Films => listing::max_id::<film::Entity>(db).await,
        Kind::Press => listing::max_id::<press_material::Entity>(db).await,
        Kind::Organizations => listing::max_id::<organization::Entity>(db).await,
        Kind::People => listing::max_id::<person::Entity>(db).await,
        Kind::Agreements => listing::max_id::<agreement::Entity>(db).await,
        Kind::Festivals => listing::max_id::<festival::Entity>(db).await,
        Kind::Editions => listing::max_id::<festival_edition::Entity>(db).await,
        Kind::Locations => listing::max_id::<location::Entity>(db).await,
    }
}

/// The sitemap index: every part of every kind.
pub async fn index(db: &impl ConnectionTrait, urls: &PublicUrl) -> AppResult<String> {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"{NAMESPACE}\">\n"
    );
    for kind in KINDS {
        let max = max_id(db, kind).await?;
        let parts = if max <= 0 {
            0
        } else {
            (max - 1) / PART_IDS + 1
        };
        for n in 0..parts {
            out.push_str("<sitemap>");
            element(
                &mut out,
                "loc",
                &urls.sitemap_part(&format!("{}-{n}", kind.name())),
            );
            out.push_str("</sitemap>\n");
        }
    }
    out.push_str("</sitemapindex>\n");
    Ok(out)
}

/// Part `n` of `kind`: the public pages of that kind with ids in `(n * PART_IDS, (n + 1) * PART_IDS]`.
pub async fn part(
    db: &impl ConnectionTrait,
    urls: &PublicUrl,
    kind: Kind,
    n: i32,
) -> AppResult<String> {
    let mut out =
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"{NAMESPACE}\">\n");
    if kind == Kind::Pages {
        if n == 0 {
            url(&mut out, &urls.home(), None);
            url(&mut out, &urls.press_room(), None);
        }
    } else {
        let start = n.saturating_mul(PART_IDS);
        let end = start.saturating_add(PART_IDS);
        let mut after = start;
        loop {
            let rows = chunk(db, kind, after, end).await?;
            let Some(last) = rows.last() else { break };
            after = last.0;
            for (_, loc, lastmod) in write_locs(db, urls, kind, &rows).await? {
                url(&mut out, &loc, Some(lastmod));
            }
            if (rows.len() as u64) < CHUNK {
                break;
            }
        }
    }
    out.push_str("</urlset>\n");
    Ok(out)
}

async fn chunk(
    db: &impl ConnectionTrait,
    kind: Kind,
    after: i32,
    end: i32,
) -> AppResult<Vec<Listed>> {
    async fn of<E: Lookup>(
        db: &impl ConnectionTrait,
        after: i32,
        end: i32,
    ) -> AppResult<Vec<Listed>> {
        listing::slugs_between::<E>(db, Viewer::Anonymous, after, end, CHUNK).await
    }
    match kind {
        Kind::Pages => Ok(Vec::new()),
        Kind::Films => of::<film::Entity>(db, after, end).await,
        Kind::Press => of::<press_material::Entity>(db, after, end).await,
        Kind::Organizations => of::<organization::Entity>(db, after, end).await,
        Kind::People => of::<person::Entity>(db, after, end).await,
        Kind::Agreements => of::<agreement::Entity>(db, after, end).await,
        Kind::Festivals => of::<festival::Entity>(db, after, end).await,
        Kind::Editions => of::<festival_edition::Entity>(db, after, end).await,
        Kind::Locations => of::<location::Entity>(db, after, end).await,
    }
}

/// The canonical URL and last change of each listed row.
async fn write_locs(
    db: &impl ConnectionTrait,
    urls: &PublicUrl,
    kind: Kind,
    rows: &[Listed],
) -> AppResult<Vec<(i32, String, DateTime<Utc>)>> {
    let page = |f: fn(&PublicUrl, &str) -> String| {
        rows.iter()
            .map(|(id, slug, at)| (*id, f(urls, slug), *at))
            .collect()
    };
    Ok(match kind {
        Kind::Pages => Vec::new(),
        Kind::Films => page(PublicUrl::film),
        Kind::Press => page(PublicUrl::press),
        Kind::Organizations => page(PublicUrl::organization),
        Kind::People => page(PublicUrl::person),
        Kind::Agreements => page(PublicUrl::agreement),
        Kind::Festivals => page(PublicUrl::festival),
        Kind::Locations => page(PublicUrl::location),
        Kind::Editions => {
            let viewer = Viewer::Anonymous;
            let editions =
                lookup::by_ids::<festival_edition::Entity>(db, viewer, rows.iter().map(|r| r.0))
                    .await?;
            let festival_ids: Vec<i32> = editions.values().map(|e| e.festival_id).collect();
            let festivals: HashMap<i32, festival::Model> =
                lookup::by_ids::<festival::Entity>(db, viewer, festival_ids).await?;
            rows.iter()
                .filter_map(|(id, slug, at)| {
                    let edition = editions.get(id)?;
                    let festival = festivals.get(&edition.festival_id)?;
                    Some((*id, urls.edition(&festival.slug, slug), *at))
                })
                .collect()
        }
    })
}

fn url(out: &mut String, loc: &str, lastmod: Option<DateTime<Utc>>) {
    out.push_str("<url>");
    element(out, "loc", loc);
    if let Some(at) = lastmod {
        element(
            out,
            "lastmod",
            &at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        );
    }
    out.push_str("</url>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_names_name_a_kind_and_a_number() {
        assert_eq!(parse_part("films-3"), Some((Kind::Films, 3)));
        assert_eq!(parse_part("pages-0"), Some((Kind::Pages, 0)));
        assert_eq!(parse_part("films--1"), None);
        assert_eq!(parse_part("films"), None);
        assert_eq!(parse_part("drafts-0"), None);
        for kind in KINDS {
            assert_eq!(parse_part(&format!("{}-12", kind.name())), Some((kind, 12)));
        }
    }
}
