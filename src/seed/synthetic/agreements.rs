//! Agreements between organizations: parties, signatories and scopes; some signed at a
//! festival edition.

use chrono::{Days, NaiveDate};
use sea_orm::{DbErr, Iterable};

use super::plan::Stamps;
use super::words::{self, Bi};
use super::world::{Stream, World};
use super::writer::Writer;
use crate::domain::enums::AgreementScope;
use crate::entities::{agreement, agreement_party, agreement_scope, agreement_signatory};

/// The agreement's title and summary.
fn texts(parties: &[&Bi], signed: NaiveDate, films: i64) -> (Bi, Bi) {
    let names_ru: Vec<&str> = parties.iter().map(|p| p.ru.as_str()).collect();
    let names_en: Vec<&str> = parties.iter().map(|p| p.en.as_str()).collect();
    let films = words::FILM.count(films);
    let date = words::date(signed);
    (
        Bi::new(
            format!("Соглашение о сотрудничестве: {}", names_ru.join(", ")),
            format!("Cooperation agreement: {}", names_en.join(", ")),
        ),
        Bi::new(
            format!(
                "Синтетические данные. Соглашение подписано {}. Стороны намерены совместно произвести {} и продвигать их в России и за рубежом.",
                date.ru, films.ru
            ),
            format!(
                "Synthetic data. Signed on {}. The parties intend to co-produce {} and promote them in Russia and abroad.",
                date.en, films.en
            ),
        ),
    )
}

/// Writes the agreements and everything hanging off them.
pub(crate) async fn write(w: &mut World, out: &mut Writer<'_>) -> Result<(), DbErr> {
    let mut d = w.dice(Stream::Agreement);
    let count = w.plan.agreements;
    let scopes: Vec<AgreementScope> = AgreementScope::iter().collect();
    let (mut rows, mut parties, mut signatories, mut scope_rows) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for i in 0..count {
        let id = w.bases.agreement + i as i32;
        let k = d.between(2, 3) as usize;
        let orgs = d.distinct(w.organizations.len(), k, true);
        let event = d.chance(0.4).then(|| d.below(w.editions.len()));
        let signed_on = match event.and_then(|e| w.editions.get(e)) {
            Some(edition) => edition.starts_on + Days::new(d.below(edition.days as usize) as u64),
            None => NaiveDate::from_ymd_opt(
                d.between(2012, 2025) as i32,
                d.between(1, 12) as u32,
                d.between(1, 28) as u32,
            )
            .unwrap_or_default(),
        };
        let names: Vec<&Bi> = orgs.iter().map(|o| &w.organizations[*o].1).collect();
        let (title, summary) = texts(&names, signed_on, d.between(2, 30));
        let stamps = Stamps::draw(&mut d);
        rows.push(agreement::Model {
            id,
            slug: format!("syn-agreement-{:06}", i + 1),
            title_ru: Some(title.ru),
            title_en: Some(title.en),
            summary_ru: Some(summary.ru),
            summary_en: Some(summary.en),
            signed_on,
            signing_event_id: event.and_then(|e| w.editions.get(e)).map(|e| e.id),
            created_at: stamps.created_at,
            updated_at: stamps.updated_at,
            version: 1,
        });
        for (order, org) in (0..).zip(&orgs) {
            parties.push(agreement_party::Model {
                agreement_id: id,
                organization_id: w.organization_id(*org),
                sort_order: order,
            });
            let position = words::position(&mut d);
            signatories.push(agreement_signatory::Model {
                id: w.bases.signatory + signatories.len() as i32,
                agreement_id: id,
                person_id: w.person_id(&mut d),
                organization_id: w.organization_id(*org),
                position_ru: Some(position.ru),
                position_en: Some(position.en),
                sort_order: order,
                created_at: stamps.created_at,
                updated_at: stamps.updated_at,
                version: 1,
            });
        }
        let k = d.between(2, scopes.len() as i64) as usize;
        let mut picked = d.distinct(scopes.len(), k, false);
        picked.sort_unstable();
        for (order, s) in (0..).zip(picked) {
            scope_rows.push(agreement_scope::Model {
                agreement_id: id,
                scope: scopes[s],
                sort_order: order,
            });
        }
    }
    out.write_indexed::<agreement::Entity, _>("agreement", count, rows)
        .await?;
    let n = parties.len();
    out.write::<agreement_party::Entity, _>("agreement_party", n, parties)
        .await?;
    let n = signatories.len();
    out.write::<agreement_signatory::Entity, _>("agreement_signatory", n, signatories)
        .await?;
    let n = scope_rows.len();
    out.write::<agreement_scope::Entity, _>("agreement_scope", n, scope_rows)
        .await?;
    Ok(())
}
