//! An agreement's own lists besides its parties: its signatories (each signing for one of the
//! parties) and its scopes, each replaced whole.

use chrono::Utc;
use sea_orm::{
    ActiveEnum, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use serde::Serialize;

use crate::{
    domain::{enums::AgreementScope, rules::TITLE_MAX_CHARS},
    entities::{agreement_scope, agreement_signatory},
    error::{AppError, AppResult},
    store::{
        agreement,
        audit::Changes,
        edit::values::{TextPatch, existing, indexed, text},
    },
};

/// A signatory as given: the person, the party they signed for, and their position.
#[derive(Debug, Clone)]
pub struct SignatoryValues {
    /// The person who signed.
    pub person_id: i32,
    /// The party they signed for.
    pub organization_id: i32,
    /// Their position, in Russian and English.
    pub position: TextPatch,
}

/// A signatory as stored and audited.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Signatory {
    person: i32,
    organization: i32,
    position_ru: Option<String>,
    position_en: Option<String>,
}

/// The signatories with their positions checked (before any database work).
pub fn checked(given: Vec<SignatoryValues>) -> AppResult<Vec<Signatory>> {
    (0..)
        .zip(given)
        .map(|(i, s): (usize, SignatoryValues)| {
            let field = format!("signatories[{i}].position");
            let (position_ru, position_en) =
                text(&field, (None, None), s.position, TITLE_MAX_CHARS, false)?;
            Ok(Signatory {
                person: s.person_id,
                organization: s.organization_id,
                position_ru,
                position_en,
            })
        })
        .collect()
}

/// Replaces the signatories of agreement `id` with `signatories` when given (each person
/// must exist and sign for one of `parties`); without them, checks that the current
/// signatories still sign for one of `parties`.
pub async fn replace(
    db: &impl ConnectionTrait,
    id: i32,
    signatories: Option<Vec<Signatory>>,
    parties: &[i32],
    changes: &mut Changes,
) -> AppResult<()> {
    let old = signatories_of(db, id).await?;
    let Some(new) = signatories else {
        return match old.iter().find(|s| !parties.contains(&s.organization)) {
            Some(_) => Err(AppError::bad_input(
                "parties",
                "\"parties\" leaves out an organization a signatory signed for; give the \
                 signatories anew or keep that party",
            )),
            None => Ok(()),
        };
    };
    let people: Vec<i32> = new.iter().map(|s| s.person).collect();
    let fields = indexed("signatories", &people)
        .into_iter()
        .map(|(field, person)| (format!("{field}.person"), person))
        .collect::<Vec<_>>();
    existing(db, "person", "person", &fields).await?;
    if let Some(i) = new.iter().position(|s| !parties.contains(&s.organization)) {
        let field = format!("signatories[{i}].organization");
        return Err(AppError::bad_input(
            &field,
            format!("\"{field}\" must be one of the agreement's parties"),
        ));
    }
    agreement_signatory::Entity::delete_many()
        .filter(agreement_signatory::Column::AgreementId.eq(id))
        .exec(db)
        .await?;
    if !new.is_empty() {
        let now = Utc::now();
        let rows = (0..)
            .zip(&new)
            .map(|(order, s)| agreement_signatory::ActiveModel {
                agreement_id: Set(id),
                person_id: Set(s.person),
                organization_id: Set(s.organization),
                position_ru: Set(s.position_ru.clone()),
                position_en: Set(s.position_en.clone()),
                sort_order: Set(order),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
                ..Default::default()
            });
        agreement_signatory::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await?;
    }
    changes.field("signatories", &old, &new);
    Ok(())
}

/// Replaces the scopes of agreement `id` with `scopes` when given (`distinct` checked them).
pub async fn replace_scopes(
    db: &impl ConnectionTrait,
    id: i32,
    scopes: Option<Vec<AgreementScope>>,
    changes: &mut Changes,
) -> AppResult<()> {
    let Some(scopes) = scopes else {
        return Ok(());
    };
    let old = scopes_of(db, id).await?;
    agreement_scope::Entity::delete_many()
        .filter(agreement_scope::Column::AgreementId.eq(id))
        .exec(db)
        .await?;
    if !scopes.is_empty() {
        let rows = (0..)
            .zip(&scopes)
            .map(|(order, scope)| agreement_scope::ActiveModel {
                agreement_id: Set(id),
                scope: Set(*scope),
                sort_order: Set(order),
            });
        agreement_scope::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await?;
    }
    let new: Vec<String> = scopes.iter().map(|s| s.to_value()).collect();
    changes.field("scopes", &old, &new);
    Ok(())
}

/// Records the scopes and signatories of agreement `id`, about to be deleted with it.
pub async fn deleted(db: &impl ConnectionTrait, id: i32, changes: &mut Changes) -> AppResult<()> {
    changes.deleted("scopes", &scopes_of(db, id).await?);
    changes.deleted("signatories", &signatories_of(db, id).await?);
    Ok(())
}

async fn signatories_of(db: &impl ConnectionTrait, id: i32) -> AppResult<Vec<Signatory>> {
    let rows = agreement::signatories_of(db, [id]).await?.remove(&id);
    Ok(rows
        .unwrap_or_default()
        .into_iter()
        .map(|s| Signatory {
            person: s.person_id,
            organization: s.organization_id,
            position_ru: s.position_ru,
            position_en: s.position_en,
        })
        .collect())
}

async fn scopes_of(db: &impl ConnectionTrait, id: i32) -> AppResult<Vec<String>> {
    let rows = agreement::scopes_of(db, [id]).await?.remove(&id);
    Ok(rows
        .unwrap_or_default()
        .into_iter()
        .map(|s| s.scope.to_value())
        .collect())
}
