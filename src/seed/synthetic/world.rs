//! What later tables need to know about the rows already generated: ids, kinds, names, years,
//! cities and dates, kept in memory while the catalogue is written.

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::dice::Dice;
use super::plan::{Bases, Plan};
use super::words::Bi;
use crate::domain::enums::{LocationKind, OrganizationKind};

/// One random stream per table (or group of rows drawn together).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Stream {
    Organization = 1,
    Person,
    Affiliation,
    Festival,
    Organizer,
    Edition,
    Agreement,
    Film,
    FilmGenre,
    CoProduction,
    Credit,
    Location,
    Shoot,
    Screening,
    Press,
    Subject,
    Quote,
    Asset,
    PressAsset,
}

/// A generated film.
#[derive(Debug)]
pub(crate) struct Film {
    pub id: i32,
    pub slug: String,
    pub year: i32,
    pub title: Bi,
    pub language: &'static str,
    /// Index into `CITIES` of where it was made.
    pub city: usize,
}

/// A generated location.
#[derive(Debug)]
pub(crate) struct Place {
    pub id: i32,
    pub kind: LocationKind,
    pub city: usize,
}

/// A generated festival edition.
#[derive(Debug)]
pub(crate) struct Edition {
    pub id: i32,
    pub year: i32,
    pub starts_on: NaiveDate,
    pub days: u32,
    pub city: usize,
    pub time_zone: Tz,
    pub sections: Vec<i32>,
    /// Russian in the prepositional (after `на`), English plain.
    pub name_at: Bi,
}

/// A generated press material.
#[derive(Debug)]
pub(crate) struct Press {
    pub id: i32,
    pub slug: String,
    pub film: usize,
    pub organization: usize,
    pub edition: usize,
}

/// Everything generated so far.
pub(crate) struct World {
    pub seed: u64,
    pub plan: Plan,
    pub bases: Bases,
    pub organizations: Vec<(OrganizationKind, Bi)>,
    pub genres: Vec<i32>,
    pub films: Vec<Film>,
    pub places: Vec<Place>,
    pub editions: Vec<Edition>,
    pub press: Vec<Press>,
    /// Cinemas and festival venues by city (index into `CITIES`).
    pub venues_by_city: Vec<Vec<i32>>,
    /// Cinemas and festival venues anywhere.
    pub venues: Vec<i32>,
    /// Studios, sound stages, backlots and other shooting places.
    pub sites: Vec<i32>,
}

impl World {
    pub(crate) fn new(seed: u64, plan: Plan, bases: Bases) -> Self {
        Self {
            seed,
            plan,
            bases,
            organizations: Vec::new(),
            genres: Vec::new(),
            films: Vec::new(),
            places: Vec::new(),
            editions: Vec::new(),
            press: Vec::new(),
            venues_by_city: Vec::new(),
            venues: Vec::new(),
            sites: Vec::new(),
        }
    }

    /// The random stream of a table.
    pub(crate) fn dice(&self, stream: Stream) -> Dice {
        Dice::new(self.seed, stream as u64)
    }

    /// Id of the organization at an index.
    pub(crate) fn organization_id(&self, index: usize) -> i32 {
        self.bases.organization + index as i32
    }

    /// A random organization of one of the kinds (any organization when none has them).
    pub(crate) fn organization_of(&self, d: &mut Dice, kinds: &[OrganizationKind]) -> usize {
        let n = self.organizations.len();
        for _ in 0..16 {
            let i = d.skewed(n);
            if kinds.contains(&self.organizations[i].0) {
                return i;
            }
        }
        d.below(n)
    }

    /// A random person id, popular people more often.
    pub(crate) fn person_id(&self, d: &mut Dice) -> i32 {
        let n = self.plan.people;
        let i = if d.chance(0.5) {
            d.skewed(n)
        } else {
            d.below(n)
        };
        self.bases.person + i as i32
    }

    /// Indexes the locations by use, once they are all generated.
    pub(crate) fn index_places(&mut self) {
        self.venues_by_city = vec![Vec::new(); super::words::CITIES.len()];
        for place in &self.places {
            match place.kind {
                LocationKind::Cinema | LocationKind::FestivalVenue => {
                    self.venues.push(place.id);
                    self.venues_by_city[place.city].push(place.id);
                }
                _ => self.sites.push(place.id),
            }
        }
    }

    /// A venue in a city, else anywhere, else any location.
    pub(crate) fn venue(&self, d: &mut Dice, city: usize) -> i32 {
        match self.venues_by_city.get(city) {
            Some(local) if !local.is_empty() => *d.pick(local),
            _ if !self.venues.is_empty() => *d.pick(&self.venues),
            _ => self.places[d.below(self.places.len())].id,
        }
    }

    /// A shooting place, else any location.
    pub(crate) fn site(&self, d: &mut Dice) -> i32 {
        if self.sites.is_empty() {
            self.places[d.below(self.places.len())].id
        } else {
            self.sites[d.skewed(self.sites.len())]
        }
    }
}
