//! Sample screenings: the 2026 sample festival's programme (42 screenings over 7 days, two of
//! them of the draft film) and a few sample films shown at the 2025 film week.
//!
//! Times are Moscow wall-clock times, stored in UTC. A midnight show (00:15 on 6 June) is
//! stored on the previous UTC day, which exercises the programme's `day` filter.

use sea_orm::{ActiveValue::Set, DatabaseTransaction, DbErr, EntityTrait};

use super::festival::{FESTIVAL_2026, PREMIERE_HALL, RIVERSIDE, TENT};
use super::films::{DRAFT_FILM, FILMS};
use super::partnership::{FILM_WEEK_2025, KINOPARK};
use super::{Ids, date, moscow, sample_at};
use crate::domain::enums::PremiereStatus::{
    self, City, International, National, None as NotPremiere, World,
};
use crate::entities::screening;

const ARCHITECT: &str = "sample-architect";
const CITY_OF_LIGHT: &str = "sample-city-of-light";
const LIGHTHOUSE: &str = "sample-lighthouse";
const LIGHTHOUSE_DOC: &str = "sample-lighthouse-documentary";
const WHITE_NIGHTS: &str = "sample-white-nights";
const EXPRESS: &str = "sample-paris-moscow-express";
const LAST_TRAM: &str = "sample-last-tram";
const SNOW_FOX: &str = "sample-snow-fox";
const KINOPARK_STORIES: &str = "sample-kinopark-stories";

/// (day of the festival from 0 = 4 June 2026, hour, minute, venue, section, film, premiere,
/// subtitle languages)
type Slot = (
    u32,
    u32,
    u32,
    &'static str,
    &'static str,
    &'static str,
    PremiereStatus,
    &'static str,
);

#[rustfmt::skip]
const PROGRAMME_2026: [Slot; 42] = [
    (0, 12, 0, RIVERSIDE, "family", KINOPARK_STORIES, NotPremiere, ""),
    (0, 18, 0, TENT, "family", SNOW_FOX, City, ""),
    (0, 19, 0, PREMIERE_HALL, "competition", ARCHITECT, World, "en"),
    (0, 21, 30, RIVERSIDE, "panorama", WHITE_NIGHTS, NotPremiere, "en"),
    (1, 11, 0, TENT, "family", SNOW_FOX, NotPremiere, ""),
    (1, 12, 0, RIVERSIDE, "family", KINOPARK_STORIES, NotPremiere, ""),
    (1, 14, 0, PREMIERE_HALL, "competition", CITY_OF_LIGHT, World, "en"),
    (1, 16, 30, RIVERSIDE, "panorama", LAST_TRAM, NotPremiere, "en"),
    (1, 19, 0, PREMIERE_HALL, "competition", LIGHTHOUSE, City, "en"),
    (1, 21, 30, RIVERSIDE, "panorama", EXPRESS, International, "en,ru"),
    (2, 0, 15, PREMIERE_HALL, "panorama", EXPRESS, NotPremiere, "en,ru"),
    (2, 11, 0, TENT, "family", KINOPARK_STORIES, NotPremiere, ""),
    (2, 13, 0, RIVERSIDE, "competition", LIGHTHOUSE_DOC, National, "en"),
    (2, 16, 0, PREMIERE_HALL, "competition", ARCHITECT, NotPremiere, "en"),
    (2, 19, 0, PREMIERE_HALL, "competition", DRAFT_FILM, World, "en"),
    (2, 21, 0, RIVERSIDE, "panorama", WHITE_NIGHTS, NotPremiere, ""),
    (3, 11, 0, TENT, "family", SNOW_FOX, NotPremiere, ""),
    (3, 13, 30, RIVERSIDE, "panorama", LAST_TRAM, NotPremiere, ""),
    (3, 16, 0, PREMIERE_HALL, "competition", CITY_OF_LIGHT, NotPremiere, "en"),
    (3, 18, 30, RIVERSIDE, "competition", LIGHTHOUSE, NotPremiere, "en"),
    (3, 19, 0, TENT, "panorama", KINOPARK_STORIES, NotPremiere, ""),
    (3, 21, 0, PREMIERE_HALL, "panorama", EXPRESS, NotPremiere, "en,ru"),
    (4, 11, 0, RIVERSIDE, "family", SNOW_FOX, NotPremiere, "en"),
    (4, 14, 0, PREMIERE_HALL, "competition", LIGHTHOUSE_DOC, NotPremiere, "en"),
    (4, 16, 30, RIVERSIDE, "competition", DRAFT_FILM, NotPremiere, "en"),
    (4, 19, 0, PREMIERE_HALL, "competition", ARCHITECT, NotPremiere, "en,ru"),
    (4, 21, 30, RIVERSIDE, "panorama", WHITE_NIGHTS, NotPremiere, "en"),
    (4, 22, 30, TENT, "panorama", LIGHTHOUSE, NotPremiere, "en"),
    (5, 11, 0, TENT, "family", KINOPARK_STORIES, NotPremiere, ""),
    (5, 12, 30, PREMIERE_HALL, "family", SNOW_FOX, NotPremiere, "en"),
    (5, 15, 0, RIVERSIDE, "panorama", LAST_TRAM, NotPremiere, "en"),
    (5, 17, 30, PREMIERE_HALL, "competition", LIGHTHOUSE, NotPremiere, ""),
    (5, 19, 30, RIVERSIDE, "competition", CITY_OF_LIGHT, NotPremiere, "en,ru"),
    (5, 21, 30, TENT, "panorama", EXPRESS, NotPremiere, "ru"),
    (5, 23, 30, PREMIERE_HALL, "panorama", WHITE_NIGHTS, NotPremiere, "en"),
    (6, 11, 0, TENT, "family", SNOW_FOX, NotPremiere, ""),
    (6, 13, 0, RIVERSIDE, "competition", LIGHTHOUSE_DOC, NotPremiere, "en"),
    (6, 15, 30, PREMIERE_HALL, "panorama", WHITE_NIGHTS, NotPremiere, "en"),
    (6, 18, 0, PREMIERE_HALL, "competition", ARCHITECT, NotPremiere, "en"),
    (6, 18, 30, RIVERSIDE, "family", KINOPARK_STORIES, NotPremiere, ""),
    (6, 20, 30, PREMIERE_HALL, "competition", CITY_OF_LIGHT, NotPremiere, "en"),
    (6, 22, 0, TENT, "panorama", LAST_TRAM, NotPremiere, ""),
];

/// (day in August 2025, hour, minute, venue, film, premiere, subtitle languages); the film
/// week's sample screenings belong to no section.
type WeekSlot = (
    u32,
    u32,
    u32,
    &'static str,
    &'static str,
    PremiereStatus,
    &'static str,
);

#[rustfmt::skip]
const FILM_WEEK_SCREENINGS: [WeekSlot; 5] = [
    (24, 19, 0, PREMIERE_HALL, WHITE_NIGHTS, City, "en"),
    (25, 20, 30, KINOPARK, KINOPARK_STORIES, City, ""),
    (26, 18, 0, RIVERSIDE, EXPRESS, National, "ru"),
    (28, 12, 0, TENT, SNOW_FOX, World, ""),
    (30, 19, 0, PREMIERE_HALL, LIGHTHOUSE, NotPremiere, "en"),
];

/// Inserts all sample screenings in two batches.
pub(super) async fn insert(txn: &DatabaseTransaction, ids: &Ids) -> Result<(), DbErr> {
    let at = sample_at()?;
    let first_day = date(2026, 6, 4)?;
    let edition = ids.edition(FESTIVAL_2026)?;
    let mut rows = Vec::new();
    for (n, (day, hour, minute, venue, section, film, premiere, subtitles)) in
        (1..).zip(PROGRAMME_2026)
    {
        let day = first_day + chrono::Days::new(u64::from(day));
        rows.push(screening::ActiveModel {
            edition_id: Set(edition),
            section_id: Set(Some(ids.section(FESTIVAL_2026, section)?)),
            film_id: Set(ids.film(film)?),
            venue_id: Set(ids.location(venue)?),
            starts_at: Set(moscow(day, hour, minute)?),
            premiere_status: Set(premiere),
            language: Set(language_of(film)),
            subtitle_languages: Set(subtitles.to_owned()),
            ticket_url: Set(ticket_url(FESTIVAL_2026, venue, n)),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        });
    }
    screening::Entity::insert_many(rows)
        .exec_without_returning(txn)
        .await?;

    let edition = ids.edition(FILM_WEEK_2025)?;
    let mut rows = Vec::new();
    for (n, (day, hour, minute, venue, film, premiere, subtitles)) in
        (1..).zip(FILM_WEEK_SCREENINGS)
    {
        rows.push(screening::ActiveModel {
            edition_id: Set(edition),
            section_id: Set(None),
            film_id: Set(ids.film(film)?),
            venue_id: Set(ids.location(venue)?),
            starts_at: Set(moscow(date(2025, 8, day)?, hour, minute)?),
            premiere_status: Set(premiere),
            language: Set(language_of(film)),
            subtitle_languages: Set(subtitles.to_owned()),
            ticket_url: Set(ticket_url(FILM_WEEK_2025, venue, n)),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        });
    }
    screening::Entity::insert_many(rows)
        .exec_without_returning(txn)
        .await?;
    Ok(())
}

/// The spoken language of a sample film (its original language).
fn language_of(film: &str) -> Option<String> {
    FILMS
        .iter()
        .find(|spec| spec.slug == film)
        .map(|spec| spec.original_language.to_owned())
}

/// Cinemas sell tickets; the open-air venues are free and have no ticket link.
fn ticket_url(edition: &str, venue: &str, n: u32) -> Option<String> {
    (venue == PREMIERE_HALL || venue == RIVERSIDE)
        .then(|| format!("https://example.org/kinograph/tickets/{edition}/{n:03}"))
}
