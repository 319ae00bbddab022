//! Writing agreements: create, update (a patch from a known version; parties, scopes and
//! signatories replaced whole when given), and delete while nothing falls under it.

use super::Writer;
use chrono::{NaiveDate, Utc};
use sea_orm::DatabaseTransaction;

use crate::{
    domain::{
        enums::AgreementScope,
        rules::{self, BODY_MAX_CHARS, TITLE_MAX_CHARS},
        viewer::Caller,
    },
    entities::agreement,
    error::{AppError, AppResult},
    store::{
        audit::Changes,
        edit::{
            Patch, Reference,
            agreement_part::{self, SignatoryValues},
            editor,
            record::{self, Record, Write},
            settle,
            values::{Links, TextPatch, distinct, text},
        },
    },
};

/// Changes to an agreement; `None` leaves a field as it is, `Some(None)` clears it. A new
/// agreement is a patch of an empty one.
#[derive(Debug, Clone, Default)]
pub struct AgreementPatch {
    /// URL slug.
    pub slug: Option<String>,
    /// Title in Russian and English.
    pub title: TextPatch,
    /// Summary in Russian and English.
    pub summary: TextPatch,
    /// Day of signing.
    pub signed_on: Option<NaiveDate>,
    /// The festival edition at which it was signed.
    pub signing_event_id: Patch<i32>,
    /// Areas of cooperation, replacing the list.
    pub scopes: Option<Vec<AgreementScope>>,
    /// The organizations party to it, in display order, replacing the list.
    pub parties: Option<Vec<i32>>,
    /// Who signed it, replacing the list.
    pub signatories: Option<Vec<SignatoryValues>>,
}

/// The agreement's parties.
pub const PARTIES: Links = Links {
    table: "agreement_party",
    owner: "agreement_id",
    target: "organization_id",
    target_table: "organization",
    what: "organization",
    field: "parties",
};

impl Record for agreement::Model {
    type Of = agreement::Entity;
    type Patch = AgreementPatch;
    const TYPE: &'static str = "Agreement";
    const WHAT: &'static str = "agreement";
    const FOREIGN_KEY: Option<(&'static str, &'static str)> =
        Some(("signingEvent", "festival edition"));
    /// Deleted only when no co-productions fall under it and no press materials are about
    /// it; its parties, signatories and scopes go with it.
    const REFERENCES: &'static [Reference] = &[
        Reference::new("co_production", "agreement_id", "co-productions"),
        Reference::press_subjects("AGREEMENT"),
    ];

    fn blank() -> Self {
        let now = Utc::now();
        agreement::Model {
            id: 0,
            slug: String::new(),
            title_ru: None,
            title_en: None,
            summary_ru: None,
            summary_en: None,
            signed_on: NaiveDate::MIN,
            signing_event_id: None,
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }

    /// The agreement with the validated `patch` applied (its lists are written apart).
    fn patched(&self, patch: AgreementPatch) -> AppResult<Self> {
        let mut row = self.clone();
        row.slug = rules::slug("slug", patch.slug.as_deref().unwrap_or(&row.slug))?;
        (row.title_ru, row.title_en) = text(
            "title",
            (row.title_ru, row.title_en),
            patch.title,
            TITLE_MAX_CHARS,
            true,
        )?;
        (row.summary_ru, row.summary_en) = text(
            "summary",
            (row.summary_ru, row.summary_en),
            patch.summary,
            BODY_MAX_CHARS,
            false,
        )?;
        row.signed_on = patch.signed_on.unwrap_or(row.signed_on);
        if row.signed_on == NaiveDate::MIN {
            return Err(AppError::bad_input(
                "signedOn",
                "a new agreement needs \"signedOn\", the day it was signed",
            ));
        }
        row.signing_event_id = patch.signing_event_id.unwrap_or(row.signing_event_id);
        Ok(row)
    }

    async fn deleted_parts(
        db: &DatabaseTransaction,
        id: i32,
        changes: &mut Changes,
    ) -> AppResult<()> {
        changes.deleted("parties", &PARTIES.of(db, id).await?);
        agreement_part::deleted(db, id, changes).await
    }
}

/// Creates an agreement (`at` None) or applies `patch` to the agreement `id` if it is still
/// at version `expected` (`at` = `(id, expected)`). A new agreement has at least two parties.
pub async fn write(
    db: &impl Writer,
    caller: &Caller,
    at: Option<(i32, i32)>,
    mut patch: AgreementPatch,
) -> AppResult<agreement::Model> {
    let actor = editor(caller, &record::verb::<agreement::Model>(at))?;
    let parties = patch.parties.take();
    match &parties {
        Some(parties) => two_parties(parties)?,
        None if at.is_none() => two_parties(&[])?,
        None => {}
    }
    let scopes = patch.scopes.take();
    if let Some(scopes) = &scopes {
        distinct("scopes", scopes, "scope")?;
    }
    let signatories = patch
        .signatories
        .take()
        .map(agreement_part::checked)
        .transpose()?;
    let write = Write::new(at, patch)?;
    let txn = db.begin().await?;
    let result = async {
        let mut written = write.apply(&txn).await?;
        let (id, changes) = (written.id, &mut written.changes);
        PARTIES
            .replace(&txn, id, parties.as_deref(), changes)
            .await?;
        agreement_part::replace_scopes(&txn, id, scopes, changes).await?;
        if signatories.is_some() || parties.is_some() {
            let parties = match parties {
                Some(parties) => parties,
                None => PARTIES.of(&txn, id).await?,
            };
            agreement_part::replace(&txn, id, signatories, &parties, changes).await?;
        }
        written.audit(&txn, &actor).await
    }
    .await;
    settle(txn, result).await
}

/// Refuses a list of parties with fewer than two different organizations, or with one twice.
fn two_parties(parties: &[i32]) -> AppResult<()> {
    let mut different = parties.to_vec();
    different.sort_unstable();
    different.dedup();
    if different.len() < 2 {
        return Err(AppError::bad_input(
            "parties",
            "\"parties\" must list at least two different organizations",
        ));
    }
    distinct("parties", parties, "party")
}
