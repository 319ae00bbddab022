//! `kinograph export`: the whole catalogue as JSON lines (see [`super::format`]), streamed in
//! chunks so that a big catalogue never sits in memory whole.

use std::{collections::HashMap, io::Write};

use anyhow::Context as _;
use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::{
    ActiveEnum, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::{
    domain::enums::SubjectType,
    entities::{
        affiliation, agreement, agreement_party, agreement_scope, agreement_signatory,
        co_production, credit, festival, festival_edition, festival_organizer, film, film_genre,
        genre, location, media_asset, organization, person, press_material, press_subject, quote,
        screening, section, shoot,
    },
    transfer::format::{self, Line, Text},
};

/// Records read per statement.
const CHUNK: u64 = 1_000;

/// Lines written per type, in file order.
pub type Counts = Vec<(&'static str, usize)>;

fn time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Slugs by row id, of one table.
async fn slugs<E>(db: &DatabaseConnection) -> anyhow::Result<HashMap<i32, String>>
where
    E: EntityTrait,
    E::Model: Slugged,
{
    Ok(E::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id(), m.slug().to_string()))
        .collect())
}

/// A row with an id and a slug.
trait Slugged {
    fn id(&self) -> i32;
    fn slug(&self) -> &str;
}

macro_rules! slugged {
    ($($module:ident),*) => {$(
        impl Slugged for $module::Model {
            fn id(&self) -> i32 { self.id }
            fn slug(&self) -> &str { &self.slug }
        }
    )*};
}
slugged!(
    organization,
    person,
    festival,
    festival_edition,
    agreement,
    location,
    film,
    genre,
    section,
    press_material
);

/// Every slug the lines refer to.
struct Names {
    organizations: HashMap<i32, String>,
    people: HashMap<i32, String>,
    festivals: HashMap<i32, String>,
    editions: HashMap<i32, String>,
    agreements: HashMap<i32, String>,
    locations: HashMap<i32, String>,
    films: HashMap<i32, String>,
    genres: HashMap<i32, String>,
    sections: HashMap<i32, String>,
}

impl Names {
    fn of(map: &HashMap<i32, String>, id: i32) -> String {
        map.get(&id).cloned().unwrap_or_default()
    }
}

/// Where lines go, counted by type.
struct Sink<'a, W: Write> {
    out: &'a mut W,
    counts: Counts,
}

impl<W: Write> Sink<'_, W> {
    fn line(&mut self, name: &'static str, line: Line) -> anyhow::Result<()> {
        serde_json::to_writer(&mut *self.out, &line).context("cannot write the export")?;
        self.out
            .write_all(b"\n")
            .context("cannot write the export")?;
        match self.counts.last_mut() {
            Some((last, n)) if *last == name => *n += 1,
            _ => self.counts.push((name, 1)),
        }
        Ok(())
    }
}

/// Writes the catalogue to `out`; returns how many lines of each type were written.
pub async fn export<W: Write>(db: &DatabaseConnection, out: &mut W) -> anyhow::Result<Counts> {
    let names = Names {
        organizations: slugs::<organization::Entity>(db).await?,
        people: slugs::<person::Entity>(db).await?,
        festivals: slugs::<festival::Entity>(db).await?,
        editions: slugs::<festival_edition::Entity>(db).await?,
        agreements: slugs::<agreement::Entity>(db).await?,
        locations: slugs::<location::Entity>(db).await?,
        films: slugs::<film::Entity>(db).await?,
        genres: slugs::<genre::Entity>(db).await?,
        sections: slugs::<section::Entity>(db).await?,
    };
    let mut sink = Sink {
        out,
        counts: Counts::new(),
    };

    let rows = organization::Entity::find()
        .order_by_asc(organization::Column::Slug)
        .all(db)
        .await?;
    for o in rows {
        sink.line(
            "organization",
            Line::Organization(format::Organization {
                slug: o.slug,
                kind: o.kind.to_value(),
                name: Text::of(&o.name_ru, &o.name_en),
                description: Text::of(&o.description_ru, &o.description_en),
                country: o.country,
                website: o.website,
            }),
        )?;
    }

    let rows = person::Entity::find()
        .order_by_asc(person::Column::Slug)
        .all(db)
        .await?;
    let mut affiliations: HashMap<i32, Vec<affiliation::Model>> = HashMap::new();
    for a in affiliation::Entity::find()
        .order_by_asc(affiliation::Column::SortOrder)
        .order_by_asc(affiliation::Column::Id)
        .all(db)
        .await?
    {
        affiliations.entry(a.person_id).or_default().push(a);
    }
    for p in rows {
        sink.line(
            "person",
            Line::Person(format::Person {
                slug: p.slug,
                name: Text::of(&p.name_ru, &p.name_en),
                biography: Text::of(&p.biography_ru, &p.biography_en),
                affiliations: affiliations
                    .remove(&p.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|a| format::Affiliation {
                        organization: Names::of(&names.organizations, a.organization_id),
                        position: Text::of(&a.position_ru, &a.position_en),
                        starts_on: a.starts_on.map(|d| d.to_string()),
                        ends_on: a.ends_on.map(|d| d.to_string()),
                    })
                    .collect(),
            }),
        )?;
    }

    let rows = festival::Entity::find()
        .order_by_asc(festival::Column::Slug)
        .all(db)
        .await?;
    let mut organizers: HashMap<i32, Vec<String>> = HashMap::new();
    for o in festival_organizer::Entity::find()
        .order_by_asc(festival_organizer::Column::SortOrder)
        .all(db)
        .await?
    {
        organizers
            .entry(o.festival_id)
            .or_default()
            .push(Names::of(&names.organizations, o.organization_id));
    }
    for f in rows {
        sink.line(
            "festival",
            Line::Festival(format::Festival {
                organizers: organizers.remove(&f.id).unwrap_or_default(),
                slug: f.slug,
                name: Text::of(&f.name_ru, &f.name_en),
                description: Text::of(&f.description_ru, &f.description_en),
                website: f.website,
            }),
        )?;
    }

    let rows = festival_edition::Entity::find()
        .order_by_asc(festival_edition::Column::Slug)
        .all(db)
        .await?;
    let mut sections: HashMap<i32, Vec<format::Section>> = HashMap::new();
    for s in section::Entity::find()
        .order_by_asc(section::Column::SortOrder)
        .order_by_asc(section::Column::Id)
        .all(db)
        .await?
    {
        sections
            .entry(s.edition_id)
            .or_default()
            .push(format::Section {
                slug: s.slug,
                name: Text::of(&s.name_ru, &s.name_en),
            });
    }
    for e in rows {
        sink.line(
            "festivalEdition",
            Line::FestivalEdition(format::FestivalEdition {
                sections: sections.remove(&e.id).unwrap_or_default(),
                festival: Names::of(&names.festivals, e.festival_id),
                slug: e.slug,
                number: e.number,
                year: e.year,
                name: Text::of(&e.name_ru, &e.name_en),
                starts_on: e.starts_on.to_string(),
                ends_on: e.ends_on.to_string(),
                city: Text::of(&e.city_ru, &e.city_en),
                time_zone: e.time_zone,
            }),
        )?;
    }

    let rows = agreement::Entity::find()
        .order_by_asc(agreement::Column::Slug)
        .all(db)
        .await?;
    let mut scopes: HashMap<i32, Vec<String>> = HashMap::new();
    for s in agreement_scope::Entity::find()
        .order_by_asc(agreement_scope::Column::SortOrder)
        .all(db)
        .await?
    {
        scopes
            .entry(s.agreement_id)
            .or_default()
            .push(s.scope.to_value());
    }
    let mut parties: HashMap<i32, Vec<String>> = HashMap::new();
    for p in agreement_party::Entity::find()
        .order_by_asc(agreement_party::Column::SortOrder)
        .all(db)
        .await?
    {
        parties
            .entry(p.agreement_id)
            .or_default()
            .push(Names::of(&names.organizations, p.organization_id));
    }
    let mut signatories: HashMap<i32, Vec<format::Signatory>> = HashMap::new();
    for s in agreement_signatory::Entity::find()
        .order_by_asc(agreement_signatory::Column::SortOrder)
        .order_by_asc(agreement_signatory::Column::Id)
        .all(db)
        .await?
    {
        signatories
            .entry(s.agreement_id)
            .or_default()
            .push(format::Signatory {
                person: Names::of(&names.people, s.person_id),
                organization: Names::of(&names.organizations, s.organization_id),
                position: Text::of(&s.position_ru, &s.position_en),
            });
    }
    for a in rows {
        sink.line(
            "agreement",
            Line::Agreement(format::Agreement {
                scopes: scopes.remove(&a.id).unwrap_or_default(),
                parties: parties.remove(&a.id).unwrap_or_default(),
                signatories: signatories.remove(&a.id).unwrap_or_default(),
                slug: a.slug,
                title: Text::of(&a.title_ru, &a.title_en),
                summary: Text::of(&a.summary_ru, &a.summary_en),
                signed_on: a.signed_on.to_string(),
                signing_event: a.signing_event_id.map(|id| Names::of(&names.editions, id)),
            }),
        )?;
    }

    let rows = location::Entity::find()
        .order_by_asc(location::Column::Slug)
        .all(db)
        .await?;
    for l in rows {
        sink.line(
            "location",
            Line::Location(format::Location {
                slug: l.slug,
                kind: l.kind.to_value(),
                name: Text::of(&l.name_ru, &l.name_en),
                description: Text::of(&l.description_ru, &l.description_en),
                address: Text::of(&l.address_ru, &l.address_en),
                city: Text::of(&l.city_ru, &l.city_en),
                time_zone: l.time_zone,
                latitude: l.latitude,
                longitude: l.longitude,
                owner: l.owner_id.map(|id| Names::of(&names.organizations, id)),
            }),
        )?;
    }

    films(db, &names, &mut sink).await?;
    press(db, &names, &mut sink).await?;
    sink.out.flush().context("cannot write the export")?;
    Ok(sink.counts)
}

fn asset(a: media_asset::Model) -> format::Asset {
    format::Asset {
        purpose: a.purpose.to_value(),
        kind: a.kind.to_value(),
        url: a.url,
        mime_type: a.mime_type,
        width: a.width,
        height: a.height,
        alt: Text::of(&a.alt_ru, &a.alt_en),
        credit: a.credit,
        license: a.license,
    }
}

/// Groups `rows` by `key`, keeping their order.
fn grouped<T>(rows: Vec<T>, key: impl Fn(&T) -> i32) -> HashMap<i32, Vec<T>> {
    let mut groups: HashMap<i32, Vec<T>> = HashMap::new();
    for row in rows {
        groups.entry(key(&row)).or_default().push(row);
    }
    groups
}

/// The next [`CHUNK`] rows of `E` after slug `after`, in slug order.
async fn next_chunk<E: EntityTrait>(
    db: &DatabaseConnection,
    slug: E::Column,
    after: &str,
) -> anyhow::Result<Vec<E::Model>> {
    Ok(E::find()
        .filter(slug.gt(after))
        .order_by_asc(slug)
        .limit(CHUNK)
        .all(db)
        .await?)
}

/// The media assets of the owners `ids` (films or press materials, by `owner`), in display
/// order, by owner.
async fn assets_of(
    db: &DatabaseConnection,
    owner: media_asset::Column,
    ids: Vec<i32>,
) -> anyhow::Result<HashMap<i32, Vec<format::Asset>>> {
    let rows = media_asset::Entity::find()
        .filter(owner.is_in(ids))
        .order_by_asc(media_asset::Column::SortOrder)
        .order_by_asc(media_asset::Column::Id)
        .all(db)
        .await?;
    let mut assets: HashMap<i32, Vec<format::Asset>> = HashMap::new();
    for row in rows {
        let id = row.film_id.or(row.press_material_id).unwrap_or_default();
        assets.entry(id).or_default().push(asset(row));
    }
    Ok(assets)
}

/// Films, a chunk at a time in slug order, each with its parts and screenings.
async fn films<W: Write>(
    db: &DatabaseConnection,
    names: &Names,
    sink: &mut Sink<'_, W>,
) -> anyhow::Result<()> {
    let mut after = String::new();
    loop {
        let chunk = next_chunk::<film::Entity>(db, film::Column::Slug, &after).await?;
        let Some(last) = chunk.last() else {
            return Ok(());
        };
        after = last.slug.clone();
        let ids: Vec<i32> = chunk.iter().map(|f| f.id).collect();
        let mut genres = grouped(
            film_genre::Entity::find()
                .filter(film_genre::Column::FilmId.is_in(ids.clone()))
                .order_by_asc(film_genre::Column::SortOrder)
                .all(db)
                .await?,
            |g| g.film_id,
        );
        let mut co_productions = grouped(
            co_production::Entity::find()
                .filter(co_production::Column::FilmId.is_in(ids.clone()))
                .order_by_asc(co_production::Column::SortOrder)
                .order_by_asc(co_production::Column::Id)
                .all(db)
                .await?,
            |c| c.film_id,
        );
        let mut credits = grouped(
            credit::Entity::find()
                .filter(credit::Column::FilmId.is_in(ids.clone()))
                .order_by_asc(credit::Column::SortOrder)
                .order_by_asc(credit::Column::Id)
                .all(db)
                .await?,
            |c| c.film_id,
        );
        let mut shoots = grouped(
            shoot::Entity::find()
                .filter(shoot::Column::FilmId.is_in(ids.clone()))
                .all(db)
                .await?,
            |s| s.film_id,
        );
        let mut assets = assets_of(db, media_asset::Column::FilmId, ids.clone()).await?;
        let mut screenings = grouped(
            screening::Entity::find()
                .filter(screening::Column::FilmId.is_in(ids))
                .all(db)
                .await?,
            |s| s.film_id,
        );
        for f in chunk {
            let mut film_shoots: Vec<format::Shoot> = shoots
                .remove(&f.id)
                .unwrap_or_default()
                .into_iter()
                .map(|s| format::Shoot {
                    location: Names::of(&names.locations, s.location_id),
                    starts_on: s.starts_on.to_string(),
                    ends_on: s.ends_on.to_string(),
                })
                .collect();
            film_shoots.sort_by(|a, b| {
                (&a.starts_on, &a.ends_on, &a.location).cmp(&(
                    &b.starts_on,
                    &b.ends_on,
                    &b.location,
                ))
            });
            let mut film_screenings: Vec<format::Screening> = screenings
                .remove(&f.id)
                .unwrap_or_default()
                .into_iter()
                .map(|s| format::Screening {
                    edition: Names::of(&names.editions, s.edition_id),
                    venue: Names::of(&names.locations, s.venue_id),
                    starts_at: time(s.starts_at),
                    section: s.section_id.map(|id| Names::of(&names.sections, id)),
                    premiere_status: s.premiere_status.to_value(),
                    language: s.language,
                    subtitle_languages: s
                        .subtitle_languages
                        .split(',')
                        .filter(|l| !l.is_empty())
                        .map(str::to_string)
                        .collect(),
                    ticket_url: s.ticket_url,
                })
                .collect();
            film_screenings.sort_by(|a, b| {
                (&a.starts_at, &a.edition, &a.venue).cmp(&(&b.starts_at, &b.edition, &b.venue))
            });
            sink.line(
                "film",
                Line::Film(format::Film {
                    status: f.status.to_value(),
                    production_status: f.production_status.to_value(),
                    title: Text::of(&f.title_ru, &f.title_en),
                    original_title: f.original_title,
                    original_language: f.original_language,
                    year: f.year,
                    runtime_minutes: f.runtime_minutes,
                    countries: f
                        .countries
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(str::to_string)
                        .collect(),
                    age_rating: f.age_rating,
                    logline: Text::of(&f.logline_ru, &f.logline_en),
                    synopsis: Text::of(&f.synopsis_ru, &f.synopsis_en),
                    genres: genres
                        .remove(&f.id)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|g| Names::of(&names.genres, g.genre_id))
                        .collect(),
                    imdb_id: f.imdb_id,
                    eidr_id: f.eidr_id,
                    distribution_certificate: f.distribution_certificate,
                    published_at: f.published_at.map(time),
                    co_productions: co_productions
                        .remove(&f.id)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|c| format::CoProduction {
                            organization: Names::of(&names.organizations, c.organization_id),
                            role: c.role.to_value(),
                            share_percent: c.share_percent,
                            agreement: c.agreement_id.map(|id| Names::of(&names.agreements, id)),
                        })
                        .collect(),
                    credits: credits
                        .remove(&f.id)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|c| format::Credit {
                            person: Names::of(&names.people, c.person_id),
                            role: c.role.to_value(),
                            character: Text::of(&c.character_ru, &c.character_en),
                        })
                        .collect(),
                    shoots: film_shoots,
                    screenings: film_screenings,
                    assets: assets.remove(&f.id).unwrap_or_default(),
                    slug: f.slug,
                }),
            )?;
        }
    }
}

/// The slug of what a press subject points at.
fn subject_slug(names: &Names, subject_type: SubjectType, id: i32) -> String {
    let map = match subject_type {
        SubjectType::Film => &names.films,
        SubjectType::Organization => &names.organizations,
        SubjectType::Agreement => &names.agreements,
        SubjectType::FestivalEdition => &names.editions,
        SubjectType::Person => &names.people,
        SubjectType::Location => &names.locations,
    };
    Names::of(map, id)
}

/// Press materials, a chunk at a time in slug order, each with its parts.
async fn press<W: Write>(
    db: &DatabaseConnection,
    names: &Names,
    sink: &mut Sink<'_, W>,
) -> anyhow::Result<()> {
    let mut after = String::new();
    loop {
        let chunk =
            next_chunk::<press_material::Entity>(db, press_material::Column::Slug, &after).await?;
        let Some(last) = chunk.last() else {
            return Ok(());
        };
        after = last.slug.clone();
        let ids: Vec<i32> = chunk.iter().map(|p| p.id).collect();
        let mut subjects = grouped(
            press_subject::Entity::find()
                .filter(press_subject::Column::PressMaterialId.is_in(ids.clone()))
                .order_by_asc(press_subject::Column::SortOrder)
                .all(db)
                .await?,
            |s| s.press_material_id,
        );
        let mut quotes = grouped(
            quote::Entity::find()
                .filter(quote::Column::PressMaterialId.is_in(ids.clone()))
                .order_by_asc(quote::Column::SortOrder)
                .order_by_asc(quote::Column::Id)
                .all(db)
                .await?,
            |q| q.press_material_id,
        );
        let mut assets = assets_of(db, media_asset::Column::PressMaterialId, ids).await?;
        for p in chunk {
            sink.line(
                "pressMaterial",
                Line::PressMaterial(format::PressMaterial {
                    kind: p.kind.to_value(),
                    status: p.status.to_value(),
                    title: Text::of(&p.title_ru, &p.title_en),
                    lead: Text::of(&p.lead_ru, &p.lead_en),
                    body: Text::of(&p.body_ru, &p.body_en),
                    published_at: p.published_at.map(time),
                    embargo_until: p.embargo_until.map(time),
                    subjects: subjects
                        .remove(&p.id)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|s| format::Subject {
                            subject_type: s.subject_type.to_value(),
                            slug: subject_slug(names, s.subject_type, s.subject_id),
                        })
                        .collect(),
                    quotes: quotes
                        .remove(&p.id)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|q| format::Quote {
                            person: q.person_id.map(|id| Names::of(&names.people, id)),
                            organization: q
                                .organization_id
                                .map(|id| Names::of(&names.organizations, id)),
                            position: Text::of(&q.position_ru, &q.position_en),
                            text: Text::of(&q.text_ru, &q.text_en),
                        })
                        .collect(),
                    assets: assets.remove(&p.id).unwrap_or_default(),
                    slug: p.slug,
                }),
            )?;
        }
    }
}
