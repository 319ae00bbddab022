//! Importing the records without a publication status: organizations, people, festivals,
//! editions, agreements and locations, each with its own lists.

use sea_orm::DatabaseTransaction;

use super::{Outcome, date, existing, resolve, resolve_opt, set, text, value};
use crate::{
    domain::viewer::Caller,
    entities::{location as location_row, organization as organization_row, person as person_row},
    error::AppResult,
    store::edit::{
        agreement::{self as agreement_edit, AgreementPatch},
        agreement_part::SignatoryValues,
        edition::{self as edition_edit, EditionPatch},
        festival::{self as festival_edit, FestivalPatch},
        location::LocationPatch,
        organization::OrganizationPatch,
        person::{self as person_edit, NewAffiliation, PersonPatch},
        record,
        section::{self as section_edit, SectionValues},
        values::Naming,
    },
    transfer::format,
};

fn outcome(at: Option<(i32, i32)>) -> Outcome {
    match at {
        Some(_) => Outcome::Updated,
        None => Outcome::Created,
    }
}

/// An organization.
pub async fn organization(
    db: &DatabaseTransaction,
    caller: &Caller,
    o: format::Organization,
) -> AppResult<Outcome> {
    let at = existing(db, "organization", &o.slug).await?;
    let patch = OrganizationPatch {
        naming: Naming {
            slug: Some(o.slug),
            name: text(o.name),
        },
        kind: Some(value("kind", &o.kind)?),
        description: text(o.description),
        country: set(o.country),
        website: set(o.website),
    };
    record::write::<organization_row::Model>(db, caller, at, patch).await?;
    Ok(outcome(at))
}

/// A person and their affiliations.
pub async fn person(
    db: &DatabaseTransaction,
    caller: &Caller,
    p: format::Person,
) -> AppResult<Outcome> {
    let at = existing(db, "person", &p.slug).await?;
    let mut affiliations = Vec::with_capacity(p.affiliations.len());
    for (i, a) in p.affiliations.into_iter().enumerate() {
        let field = |name: &str| format!("affiliations[{i}].{name}");
        affiliations.push(NewAffiliation {
            organization_id: resolve(
                db,
                "organization",
                "organization",
                &field("organization"),
                &a.organization,
            )
            .await?,
            position: text(a.position),
            starts_on: a
                .starts_on
                .map(|d| date(&field("startsOn"), &d))
                .transpose()?,
            ends_on: a.ends_on.map(|d| date(&field("endsOn"), &d)).transpose()?,
        });
    }
    let patch = PersonPatch {
        naming: Naming {
            slug: Some(p.slug),
            name: text(p.name),
        },
        biography: text(p.biography),
    };
    let row = record::write::<person_row::Model>(db, caller, at, patch).await?;
    person_edit::set_affiliations(db, caller, row.id, None, affiliations).await?;
    Ok(outcome(at))
}

/// A festival and its organizers.
pub async fn festival(
    db: &DatabaseTransaction,
    caller: &Caller,
    f: format::Festival,
) -> AppResult<Outcome> {
    let at = existing(db, "festival", &f.slug).await?;
    let mut organizers = Vec::with_capacity(f.organizers.len());
    for (i, o) in f.organizers.iter().enumerate() {
        let field = format!("organizers[{i}]");
        organizers.push(resolve(db, "organization", "organization", &field, o).await?);
    }
    let patch = FestivalPatch {
        slug: Some(f.slug),
        name: text(f.name),
        description: text(f.description),
        website: set(f.website),
        organizers: Some(organizers),
    };
    festival_edit::write(db, caller, at, patch).await?;
    Ok(outcome(at))
}

/// A festival edition and its sections.
pub async fn edition(
    db: &DatabaseTransaction,
    caller: &Caller,
    e: format::FestivalEdition,
) -> AppResult<Outcome> {
    let at = existing(db, "festival_edition", &e.slug).await?;
    let festival_id = resolve(db, "festival", "festival", "festival", &e.festival).await?;
    let patch = EditionPatch {
        slug: Some(e.slug),
        number: Some(e.number),
        year: Some(e.year),
        name: text(e.name),
        starts_on: Some(date("startsOn", &e.starts_on)?),
        ends_on: Some(date("endsOn", &e.ends_on)?),
        city: text(e.city),
        time_zone: Some(e.time_zone),
    };
    let row = match at {
        Some((id, version)) => edition_edit::update(db, caller, id, version, patch).await?,
        None => edition_edit::create(db, caller, festival_id, patch).await?,
    };
    let sections = e
        .sections
        .into_iter()
        .map(|s| SectionValues {
            slug: s.slug,
            name: text(s.name),
        })
        .collect();
    section_edit::set(db, caller, row.id, None, sections).await?;
    Ok(outcome(at))
}

/// An agreement with its scopes, parties and signatories.
pub async fn agreement(
    db: &DatabaseTransaction,
    caller: &Caller,
    a: format::Agreement,
) -> AppResult<Outcome> {
    let at = existing(db, "agreement", &a.slug).await?;
    let mut scopes = Vec::with_capacity(a.scopes.len());
    for (i, s) in a.scopes.iter().enumerate() {
        scopes.push(value(&format!("scopes[{i}]"), s)?);
    }
    let mut parties = Vec::with_capacity(a.parties.len());
    for (i, p) in a.parties.iter().enumerate() {
        let field = format!("parties[{i}]");
        parties.push(resolve(db, "organization", "organization", &field, p).await?);
    }
    let mut signatories = Vec::with_capacity(a.signatories.len());
    for (i, s) in a.signatories.into_iter().enumerate() {
        let field = |name: &str| format!("signatories[{i}].{name}");
        signatories.push(SignatoryValues {
            person_id: resolve(db, "person", "person", &field("person"), &s.person).await?,
            organization_id: resolve(
                db,
                "organization",
                "organization",
                &field("organization"),
                &s.organization,
            )
            .await?,
            position: text(s.position),
        });
    }
    let signing_event_id = resolve_opt(
        db,
        "festival_edition",
        "festival edition",
        "signingEvent",
        a.signing_event.as_deref(),
    )
    .await?;
    let patch = AgreementPatch {
        slug: Some(a.slug),
        title: text(a.title),
        summary: text(a.summary),
        signed_on: Some(date("signedOn", &a.signed_on)?),
        signing_event_id: set(signing_event_id),
        scopes: Some(scopes),
        parties: Some(parties),
        signatories: Some(signatories),
    };
    agreement_edit::write(db, caller, at, patch).await?;
    Ok(outcome(at))
}

/// A location.
pub async fn location(
    db: &DatabaseTransaction,
    caller: &Caller,
    l: format::Location,
) -> AppResult<Outcome> {
    let at = existing(db, "location", &l.slug).await?;
    let owner_id = resolve_opt(
        db,
        "organization",
        "organization",
        "owner",
        l.owner.as_deref(),
    )
    .await?;
    let patch = LocationPatch {
        naming: Naming {
            slug: Some(l.slug),
            name: text(l.name),
        },
        kind: Some(value("kind", &l.kind)?),
        description: text(l.description),
        address: text(l.address),
        city: text(l.city),
        time_zone: Some(l.time_zone),
        latitude: set(l.latitude),
        longitude: set(l.longitude),
        owner_id: set(owner_id),
    };
    record::write::<location_row::Model>(db, caller, at, patch).await?;
    Ok(outcome(at))
}
