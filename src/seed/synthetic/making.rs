//! Who made each film and where: co-productions (shares per film never above 100),
//! credits and shoots.

use chrono::{Days, NaiveDate};
use sea_orm::DbErr;

use super::dice::Dice;
use super::plan::Stamps;
use super::words::{self, Case, Number, PEOPLE, capitalize};
use super::world::{Stream, World};
use super::writer::Writer;
use crate::domain::enums::{CoProductionRole as Role, CreditRole, OrganizationKind as Kind};
use crate::entities::{co_production, credit, shoot};

const PRODUCERS: [Kind; 3] = [Kind::Studio, Kind::MediaHolding, Kind::Broadcaster];
const SUPPORTERS: [Kind; 3] = [Kind::FilmCommission, Kind::Other, Kind::FestivalOrganizer];

/// Roles of a film's `k` co-production rows, in display order.
fn roles(d: &mut Dice, k: usize) -> Vec<Role> {
    let majority = k >= 3 && d.chance(0.5);
    let mut roles = vec![if majority {
        Role::MajorityCoProducer
    } else {
        Role::LeadProducer
    }];
    for slot in 1..k {
        roles.push(if slot == k - 1 && d.chance(0.5) {
            Role::Distributor
        } else if d.chance(0.15) {
            Role::SupportedBy
        } else if majority {
            Role::MinorityCoProducer
        } else {
            Role::CoProducer
        });
    }
    roles
}

/// Shares of the producing roles: multiples of 5 summing to at most 100, largest first.
fn shares(d: &mut Dice, producers: usize) -> Vec<f64> {
    let weights: Vec<i64> = (0..producers).map(|_| d.between(1, 10)).collect();
    let total: i64 = weights.iter().sum::<i64>().max(1);
    let mut shares: Vec<f64> = weights
        .iter()
        .map(|w| (w * 20 / total * 5) as f64)
        .collect();
    shares.sort_by(|a, b| b.total_cmp(a));
    shares
}

/// Writes one to five co-productions per film (about three on average).
pub(crate) async fn co_productions(w: &World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::CoProduction);
    let rows = w.films.iter().flat_map(|film| {
        let k = 1 + d.weighted(&[10, 25, 30, 20, 15]);
        let roles = roles(&mut d, k);
        let producing = |r: &Role| {
            matches!(
                r,
                Role::LeadProducer
                    | Role::MajorityCoProducer
                    | Role::CoProducer
                    | Role::MinorityCoProducer
            )
        };
        let with_shares = d.chance(0.9);
        let mut shares = shares(&mut d, roles.iter().filter(|r| producing(r)).count()).into_iter();
        let stamps = Stamps::draw(&mut d);
        let mut taken: Vec<usize> = Vec::with_capacity(k);
        let mut rows = Vec::with_capacity(k);
        for (order, role) in (0..).zip(roles) {
            let kinds: &[Kind] = match role {
                Role::Distributor => &[Kind::Distributor],
                Role::SupportedBy => &SUPPORTERS,
                _ => &PRODUCERS,
            };
            let share = if producing(&role) {
                shares.next()
            } else {
                None
            };
            let mut org = w.organization_of(&mut d, kinds);
            for _ in 0..8 {
                if !taken.contains(&org) {
                    break;
                }
                org = d.below(w.organizations.len());
            }
            let agreement = d
                .chance(0.1)
                .then(|| w.bases.agreement + d.below(w.plan.agreements) as i32);
            if taken.contains(&org) {
                continue; // one row per organization and film: fewer organizations than roles
            }
            taken.push(org);
            rows.push(co_production::Model {
                id: 0,
                film_id: film.id,
                organization_id: w.organization_id(org),
                role,
                share_percent: share.filter(|_| with_shares),
                agreement_id: agreement,
                sort_order: order,
                created_at: stamps.created_at,
                updated_at: stamps.updated_at,
                version: 1,
            });
        }
        rows
    });
    let base = w.bases.co_production;
    let rows = rows
        .zip(base..)
        .map(|(row, id)| co_production::Model { id, ..row });
    out.write::<co_production::Entity, _>("co_production", w.films.len() * 3, rows)
        .await?;
    Ok(())
}

/// Crew roles beyond the director, screenwriter and producer, each on three films in five.
const CREW: [CreditRole; 4] = [
    CreditRole::Cinematographer,
    CreditRole::Composer,
    CreditRole::Editor,
    CreditRole::ProductionDesigner,
];

/// Writes about eight credits per film.
pub(crate) async fn credits(w: &World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Credit);
    let rows = w.films.iter().flat_map(|film| {
        let mut roles = vec![CreditRole::Director];
        if d.chance(0.05) {
            roles.push(CreditRole::Director);
        }
        roles.push(CreditRole::Screenwriter);
        if d.chance(0.3) {
            roles.push(CreditRole::Screenwriter);
        }
        roles.push(CreditRole::Producer);
        roles.extend(CREW.iter().copied().filter(|_| d.chance(0.6)));
        let actors = d.between(0, 5) as usize;
        roles.extend(std::iter::repeat_n(CreditRole::Actor, actors));
        let stamps = Stamps::draw(&mut d);
        // A person holds each role in a film once (the credit rules refuse a repeat): a
        // repeated draw is drawn again, a few times, and the credit left out if it still
        // repeats (a tiny catalogue may have fewer people than a film has roles).
        let mut credited = std::collections::HashSet::new();
        roles
            .into_iter()
            .filter_map(|role| {
                let person_id = (0..8)
                    .map(|_| w.person_id(&mut d))
                    .find(|person_id| credited.insert((*person_id, role)))?;
                Some((person_id, role))
            })
            .collect::<Vec<_>>()
            .into_iter()
            .zip(0..)
            .map(|((person_id, role), order)| {
                let character = (role == CreditRole::Actor).then(|| {
                    if d.chance(0.7) {
                        words::character(&mut d)
                    } else {
                        let noun = d.pick(PEOPLE);
                        words::Bi::new(
                            capitalize(noun.form(Case::Nom, Number::Sg)),
                            format!("The {}", capitalize(noun.en)),
                        )
                    }
                });
                let (character_ru, character_en) = match character {
                    Some(c) => (Some(c.ru), Some(c.en)),
                    None => (None, None),
                };
                credit::Model {
                    id: 0,
                    film_id: film.id,
                    person_id,
                    role,
                    character_ru,
                    character_en,
                    sort_order: order,
                    created_at: stamps.created_at,
                    updated_at: stamps.updated_at,
                    version: 1,
                }
            })
            .collect::<Vec<_>>()
    });
    let base = w.bases.credit;
    let rows = rows
        .zip(base..)
        .map(|(row, id)| credit::Model { id, ..row });
    out.write::<credit::Entity, _>("credit", w.films.len() * 8, rows)
        .await?;
    Ok(())
}

/// Writes none to three shoots per film (one on average), the year before its release.
pub(crate) async fn shoots(w: &World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Shoot);
    let rows = w.films.iter().flat_map(|film| {
        let k = d.weighted(&[30, 45, 20, 5]);
        let stamps = Stamps::draw(&mut d);
        let mut day = NaiveDate::from_ymd_opt(film.year - 1, 1, 1)
            .and_then(|start| start.checked_add_days(Days::new(d.below(300) as u64)))
            .unwrap_or_default();
        let mut rows = Vec::with_capacity(k);
        for _ in 0..k {
            let days = d.between(3, 40) as u64;
            let ends_on = day + Days::new(days - 1);
            rows.push(shoot::Model {
                id: 0,
                film_id: film.id,
                location_id: w.site(&mut d),
                starts_on: day,
                ends_on,
                created_at: stamps.created_at,
                updated_at: stamps.updated_at,
                version: 1,
            });
            day = ends_on + Days::new(d.between(1, 20) as u64);
        }
        rows
    });
    let base = w.bases.shoot;
    let rows = rows.zip(base..).map(|(row, id)| shoot::Model { id, ..row });
    out.write::<shoot::Entity, _>("shoot", w.films.len(), rows)
        .await?;
    Ok(())
}
