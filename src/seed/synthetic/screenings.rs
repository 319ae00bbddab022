//! Festival screenings: each edition's share of the total, spread over its days in its own
//! time zone, of films from the years around it, at venues in its city.

use std::collections::HashSet;

use chrono::{Days, TimeZone, Utc};
use sea_orm::DbErr;

use super::dice::Dice;
use super::plan::Stamps;
use super::world::{Edition, Stream, World};
use super::writer::Writer;
use crate::domain::enums::PremiereStatus;
use crate::entities::screening;

/// Films by year, to programme each edition with recent films.
fn by_year(w: &World) -> (i32, Vec<Vec<usize>>) {
    let first = w.films.iter().map(|f| f.year).min().unwrap_or(2000);
    let last = w.films.iter().map(|f| f.year).max().unwrap_or(first);
    let mut years = vec![Vec::new(); (last - first + 1) as usize];
    for (i, film) in w.films.iter().enumerate() {
        years[(film.year - first) as usize].push(i);
    }
    (first, years)
}

/// A film for an edition: from its year or the two before, else any.
fn pick_film(
    d: &mut Dice,
    edition: &Edition,
    first: i32,
    years: &[Vec<usize>],
    films: usize,
) -> usize {
    let year = edition.year - d.below(3) as i32;
    match years.get((year - first).max(0) as usize) {
        Some(list) if !list.is_empty() && year >= first => *d.pick(list),
        _ => d.below(films),
    }
}

fn premiere(d: &mut Dice) -> PremiereStatus {
    use PremiereStatus as P;
    [P::World, P::International, P::National, P::City, P::None][d.weighted(&[10, 10, 15, 15, 50])]
}

/// Writes the screenings.
pub(crate) async fn write(w: &World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Screening);
    let total = w.plan.screenings;
    let editions = w.editions.len().max(1);
    let (first, years) = by_year(w);
    let base = w.bases.screening;
    let mut next = base;
    let rows = w.editions.iter().enumerate().flat_map(move |(e, edition)| {
        let count = total / editions + usize::from(e < total % editions);
        let stamps = Stamps::draw(&mut d);
        let mut shown: HashSet<usize> = HashSet::new();
        let mut rows = Vec::with_capacity(count);
        for _ in 0..count {
            let f = pick_film(&mut d, edition, first, &years, w.films.len());
            let film = &w.films[f];
            let premiere = if shown.insert(f) {
                premiere(&mut d)
            } else {
                PremiereStatus::None
            };
            let day = edition.starts_on + Days::new(d.below(edition.days as usize) as u64);
            let (hour, minute) = (d.between(10, 23) as u32, 15 * d.between(0, 3) as u32);
            let starts_at = day
                .and_hms_opt(hour, minute, 0)
                .and_then(|local| edition.time_zone.from_local_datetime(&local).earliest())
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_default();
            let subtitles = match (film.language, d.below(4)) {
                ("ru", 0 | 1) => "en",
                ("ru", 2) => "",
                ("ru", _) => "en,zh",
                (_, 0..=2) => "ru",
                _ => "ru,en",
            };
            let venue_id = w.venue(&mut d, edition.city);
            let section_id =
                (!edition.sections.is_empty() && d.chance(0.9)).then(|| *d.pick(&edition.sections));
            let id = next;
            next += 1;
            rows.push(screening::Model {
                id,
                edition_id: edition.id,
                section_id,
                film_id: film.id,
                venue_id,
                starts_at,
                premiere_status: premiere,
                language: Some(film.language.to_owned()),
                subtitle_languages: subtitles.to_owned(),
                ticket_url: d
                    .chance(0.7)
                    .then(|| format!("https://example.org/kinograph/synthetic/tickets/{id}")),
                created_at: stamps.created_at,
                updated_at: stamps.updated_at,
                version: 1,
            });
        }
        rows
    });
    out.write::<screening::Entity, _>("screening", total, rows)
        .await?;
    Ok(())
}
