//! `GET /calendar/{edition}.ics`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use ical::IcalParser;
use serde_json::json;

use super::{PUBLIC, get, header, spawn, text};

const EDITION: &str = "sample-film-festival-2026";

#[tokio::test]
async fn an_edition_calendar_holds_its_public_screenings_in_moscow_time() {
    let app = spawn().await;
    let answer = get(&app, &format!("/calendar/{EDITION}.ics?locale=en"), &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(
        header(&answer, "content-type"),
        "text/calendar; charset=utf-8"
    );
    assert!(header(&answer, "cache-control").starts_with("public"));
    let body = text(&answer);
    assert!(
        body.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
        "CRLF line endings"
    );
    assert!(
        body.split("\r\n").all(|l| l.len() <= 75),
        "folded at 75 octets"
    );

    let mut calendars = IcalParser::new(body.as_bytes());
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("valid iCalendar");
    assert!(calendars.next().is_none());
    assert_eq!(calendar.timezones.len(), 1);

    // What an anonymous GraphQL client sees of the programme: start (UTC) → title.
    let programme = app
        .query(
            "query($slug: String!) { festivalEdition(slug: $slug) { screenings(first: 100) { totalCount nodes { startsAt film { title(locale: EN) runtimeMinutes } } } } }",
            json!({ "slug": EDITION }),
        )
        .await
        .ok();
    let screenings = &programme.data()["festivalEdition"]["screenings"];
    assert_eq!(
        screenings["totalCount"], 40,
        "42 screenings, two of them of a draft film"
    );
    let mut expected: Vec<(String, String)> = screenings["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let at: DateTime<Utc> = n["startsAt"].as_str().unwrap().parse().unwrap();
            let moscow = at.with_timezone(&chrono_tz::Europe::Moscow);
            (
                moscow.format("%Y%m%dT%H%M%S").to_string(),
                n["film"]["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect();

    let mut uids = BTreeMap::new();
    let mut seen = Vec::new();
    for event in &calendar.events {
        let prop = |name: &str| event.properties.iter().find(|p| p.name == name);
        let start = prop("DTSTART").expect("DTSTART");
        let params = start.params.clone().unwrap_or_default();
        assert!(
            params.contains(&("TZID".to_owned(), vec!["Europe/Moscow".to_owned()])),
            "{params:?}"
        );
        let summary = prop("SUMMARY").unwrap().value.clone().unwrap();
        seen.push((
            start.value.clone().unwrap(),
            summary.replace("\\,", ",").replace("\\;", ";"),
        ));
        let uid = prop("UID").unwrap().value.clone().unwrap();
        assert!(uids.insert(uid, ()).is_none(), "UIDs are unique");
        assert!(prop("DTSTAMP").is_some());
        assert!(prop("LOCATION").is_some());
        assert!(
            prop("URL")
                .unwrap()
                .value
                .as_deref()
                .unwrap()
                .starts_with(&format!(
                    "{PUBLIC}/festivals/sample-film-festival/{EDITION}/screenings/"
                ))
        );
    }
    expected.sort();
    seen.sort();
    assert_eq!(seen, expected);
    // The midnight show of 6 June, Moscow time.
    assert!(seen.iter().any(|(start, _)| start == "20260606T001500"));
}

#[tokio::test]
async fn a_calendar_is_the_same_each_time_and_unknown_editions_are_404() {
    let app = spawn().await;
    let uri = format!("/calendar/{EDITION}.ics");
    let first = get(&app, &uri, &[]).await;
    let second = get(&app, &uri, &[]).await;
    assert_eq!(first.body, second.body, "stable UIDs and stamps");
    let missing = get(&app, "/calendar/no-such-edition.ics", &[]).await;
    assert_eq!(missing.status, 404);
    assert!(text(&missing).contains("no festival edition \"no-such-edition\""));
    assert_eq!(
        get(&app, &format!("/calendar/{EDITION}"), &[]).await.status,
        404
    );
}
