//! iCalendar files (RFC 5545) of festival editions: one VEVENT per public screening, in
//! Moscow time.

pub mod text;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use sea_orm::ConnectionTrait;

use crate::{
    domain::viewer::Viewer,
    entities::{festival, festival_edition, film},
    error::AppResult,
    graphql::types::locale::Locale,
    seo::{json_ld::Lang, urls::PublicUrl},
    store::{lookup, screening},
};

/// The time zone every calendar is written in.
pub const TIME_ZONE: Tz = chrono_tz::Europe::Moscow;

/// Screenings read per statement.
const CHUNK: u64 = 500;

/// Europe/Moscow has kept UTC+3 all year since 26 October 2014.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Moscow",
    "BEGIN:STANDARD",
    "DTSTART:20141026T020000",
    "TZOFFSETFROM:+0400",
    "TZOFFSETTO:+0300",
    "TZNAME:MSK",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// One event of a calendar.
#[derive(Debug, Clone)]
pub struct Event {
    /// Globally unique, stable id.
    pub uid: String,
    /// When the event's data last changed.
    pub stamp: DateTime<Utc>,
    /// Start.
    pub starts: DateTime<Utc>,
    /// End, when the duration is known.
    pub ends: Option<DateTime<Utc>>,
    /// Title.
    pub summary: String,
    /// Place, as text.
    pub location: Option<String>,
    /// Coordinates of the place.
    pub geo: Option<(f64, f64)>,
    /// More text (section, languages).
    pub description: Option<String>,
    /// The page of the event.
    pub url: String,
}

/// The calendar of the edition with this slug, or None when there is no such edition.
pub async fn edition_calendar(
    db: &impl ConnectionTrait,
    urls: &PublicUrl,
    locale: Locale,
    slug: &str,
) -> AppResult<Option<String>> {
    let viewer = Viewer::Anonymous;
    let Some(edition) = lookup::by_slug::<festival_edition::Entity>(db, viewer, slug).await? else {
        return Ok(None);
    };
    let festival = lookup::by_ids::<festival::Entity>(db, viewer, [edition.festival_id])
        .await?
        .remove(&edition.festival_id);
    let Some(festival) = festival else {
        return Ok(None);
    };
    let lang = Lang::new(locale);
    let mut events = Vec::new();
    let mut after = None;
    loop {
        let rows = screening::chunk_of_edition(db, viewer, edition.id, after, CHUNK).await?;
        let Some(last) = rows.last() else { break };
        after = Some((last.screening.starts_at, last.screening.id));
        let films =
            lookup::by_ids::<film::Entity>(db, viewer, rows.iter().map(|r| r.screening.film_id))
                .await?;
        for row in &rows {
            if let Some(film) = films.get(&row.screening.film_id) {
                events.push(event(urls, &lang, &festival, row, film));
            }
        }
        if (rows.len() as u64) < CHUNK {
            break;
        }
    }
    let name = lang
        .text(&edition.name_ru, &edition.name_en)
        .or_else(|| lang.text(&festival.name_ru, &festival.name_en))
        .unwrap_or_else(|| edition.slug.clone());
    Ok(Some(render(&name, &events)))
}

fn event(
    urls: &PublicUrl,
    lang: &Lang,
    festival: &festival::Model,
    row: &screening::ScreeningRow,
    film: &film::Model,
) -> Event {
    let s = &row.screening;
    let venue = &row.venue;
    let place = [
        lang.text(&venue.name_ru, &venue.name_en),
        lang.text(&venue.address_ru, &venue.address_en),
        lang.text(&venue.city_ru, &venue.city_en),
    ];
    // Name, address and city, leaving out a part the earlier ones already say.
    let mut location = String::new();
    for part in place.into_iter().flatten() {
        if !location.contains(&part) {
            if !location.is_empty() {
                location.push_str(", ");
            }
            location.push_str(&part);
        }
    }
    let section = row
        .section
        .as_ref()
        .and_then(|x| lang.text(&x.name_ru, &x.name_en));
    Event {
        uid: format!("screening-{}@{}", s.id, urls.host()),
        stamp: s.updated_at,
        starts: s.starts_at,
        ends: film
            .runtime_minutes
            .filter(|m| *m > 0)
            .map(|m| s.starts_at + Duration::minutes(i64::from(m))),
        summary: lang
            .text(&film.title_ru, &film.title_en)
            .unwrap_or_else(|| film.original_title.clone()),
        location: (!location.is_empty()).then_some(location),
        geo: venue.latitude.zip(venue.longitude),
        description: section,
        url: urls.screening(&festival.slug, &row.edition.slug, s.id),
    }
}

/// The calendar document named `name` with `events`.
pub fn render(name: &str, events: &[Event]) -> String {
    let mut out = String::new();
    let mut line = |l: &str| text::push_line(&mut out, l);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Kinograph//Festival programme//EN");
    line("CALSCALE:GREGORIAN");
    line(&format!("X-WR-CALNAME:{}", text::escape(name)));
    line("X-WR-TIMEZONE:Europe/Moscow");
    for l in VTIMEZONE {
        line(l);
    }
    for e in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", e.uid));
        line(&format!("DTSTAMP:{}", text::utc(e.stamp)));
        line(&format!("LAST-MODIFIED:{}", text::utc(e.stamp)));
        line(&format!(
            "DTSTART;TZID=Europe/Moscow:{}",
            text::local(e.starts, TIME_ZONE)
        ));
        if let Some(ends) = e.ends {
            line(&format!(
                "DTEND;TZID=Europe/Moscow:{}",
                text::local(ends, TIME_ZONE)
            ));
        }
        line(&format!("SUMMARY:{}", text::escape(&e.summary)));
        if let Some(location) = &e.location {
            line(&format!("LOCATION:{}", text::escape(location)));
        }
        if let Some((lat, lon)) = e.geo {
            line(&format!("GEO:{lat:.6};{lon:.6}"));
        }
        if let Some(description) = &e.description {
            line(&format!("DESCRIPTION:{}", text::escape(description)));
        }
        line(&format!("URL:{}", e.url));
        line("STATUS:CONFIRMED");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    #[test]
    fn events_start_in_moscow_time_and_end_after_the_runtime() {
        let starts = Utc
            .with_ymd_and_hms(2026, 6, 4, 16, 0, 0)
            .single()
            .expect("valid");
        let event = Event {
            uid: "screening-1@kino.example".into(),
            stamp: starts,
            starts,
            ends: Some(starts + Duration::minutes(100)),
            summary: "Маяк, часть 1; режиссёрская версия".into(),
            location: Some("Кинозал".into()),
            geo: Some((55.75, 37.6)),
            description: None,
            url: "https://kino.example/festivals/f/e/screenings/1".into(),
        };
        let calendar = render("Фестиваль", &[event]);
        assert!(calendar.contains("\r\nDTSTART;TZID=Europe/Moscow:20260604T190000\r\n"));
        assert!(calendar.contains("\r\nDTEND;TZID=Europe/Moscow:20260604T204000\r\n"));
        assert!(calendar.contains("\r\nSUMMARY:Маяк\\, часть 1\\; режиссёрская версия\r\n"));
        assert!(calendar.contains("\r\nGEO:55.750000;37.600000\r\n"));
        assert!(calendar.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(calendar.ends_with("END:VCALENDAR\r\n"));
        assert!(!calendar.replace("\r\n", "").contains('\n'));
    }
}
