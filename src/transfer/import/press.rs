//! Importing press materials with their subjects, quotes and assets, ending in the
//! publication status (and embargo) of the file.

use sea_orm::DatabaseTransaction;

use super::{Outcome, existing, film::assets, pair, resolve, resolve_opt, time, value};
use crate::{
    domain::{
        enums::{PublicationStatus, SubjectType},
        viewer::Caller,
    },
    error::AppResult,
    store::edit::{
        media::{self, AssetOwner},
        press::{self as press_edit, NewPressMaterial, PressPatch},
        press_parts::{self, NewQuote},
    },
    transfer::format,
};

/// A press material with its subjects, quotes and assets.
pub async fn press(
    db: &DatabaseTransaction,
    caller: &Caller,
    p: format::PressMaterial,
) -> AppResult<Outcome> {
    let at = existing(db, "press_material", &p.slug).await?;
    let status: PublicationStatus = value("status", &p.status)?;
    let published_at = p
        .published_at
        .as_deref()
        .map(|t| time("publishedAt", t))
        .transpose()?;
    let embargo_until = p
        .embargo_until
        .as_deref()
        .map(|t| time("embargoUntil", t))
        .transpose()?;
    let kind = value("kind", &p.kind)?;
    let (title_ru, title_en) = pair(p.title);
    let (lead_ru, lead_en) = pair(p.lead);
    let (body_ru, body_en) = pair(p.body);
    let row = match at {
        Some((id, version)) => {
            let patch = PressPatch {
                slug: Some(p.slug),
                kind: Some(kind),
                title_ru: Some(title_ru),
                title_en: Some(title_en),
                lead_ru: Some(lead_ru),
                lead_en: Some(lead_en),
                body_ru: Some(body_ru),
                body_en: Some(body_en),
            };
            press_edit::update(db, caller, id, version, patch).await?
        }
        None => {
            let new = NewPressMaterial {
                slug: p.slug,
                kind,
                title_ru,
                title_en,
                lead_ru,
                lead_en,
                body_ru,
                body_en,
            };
            press_edit::create(db, caller, new).await?
        }
    };
    let id = row.id;

    let mut subjects = Vec::with_capacity(p.subjects.len());
    for (i, s) in p.subjects.into_iter().enumerate() {
        let field = format!("subjects[{i}]");
        let kind: SubjectType = value(&format!("{field}.type"), &s.subject_type)?;
        let (table, what) = match kind {
            SubjectType::Film => ("film", "film"),
            SubjectType::Organization => ("organization", "organization"),
            SubjectType::Agreement => ("agreement", "agreement"),
            SubjectType::FestivalEdition => ("festival_edition", "festival edition"),
            SubjectType::Person => ("person", "person"),
            SubjectType::Location => ("location", "location"),
        };
        let subject = resolve(db, table, what, &format!("{field}.slug"), &s.slug).await?;
        subjects.push((kind, subject));
    }
    press_parts::set_subjects(db, caller, id, None, subjects).await?;

    let mut quotes = Vec::with_capacity(p.quotes.len());
    for (i, q) in p.quotes.into_iter().enumerate() {
        let field = |name: &str| format!("quotes[{i}].{name}");
        let (position_ru, position_en) = pair(q.position);
        let (text_ru, text_en) = pair(q.text);
        quotes.push(NewQuote {
            person_id: resolve_opt(
                db,
                "person",
                "person",
                &field("person"),
                q.person.as_deref(),
            )
            .await?,
            organization_id: resolve_opt(
                db,
                "organization",
                "organization",
                &field("organization"),
                q.organization.as_deref(),
            )
            .await?,
            position_ru,
            position_en,
            text_ru,
            text_en,
        });
    }
    press_parts::set_quotes(db, caller, id, None, quotes).await?;
    media::set_assets(
        db,
        caller,
        AssetOwner::PressMaterial(id),
        None,
        assets("assets", p.assets)?,
    )
    .await?;

    if row.status != status
        || row.published_at != published_at
        || row.embargo_until != embargo_until
    {
        press_edit::change_status(db, caller, id, None, status, embargo_until, published_at)
            .await?;
    }
    Ok(match at {
        Some(_) => Outcome::Updated,
        None => Outcome::Created,
    })
}
