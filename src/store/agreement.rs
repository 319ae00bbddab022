//! Agreements: parties, signatories, scope, and the lists that reach them.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QueryTrait,
    sea_query::{ExprTrait, JoinType, Order, Query},
};

use crate::{
    entities::{agreement, agreement_party, agreement_scope, agreement_signatory, organization},
    error::AppResult,
    store::{
        page::{Page, PageQuery, SortKey, SortKind, fetch_windows},
        sql::{col, grouped, select_prefixed},
    },
};

/// The list tag of agreement cursors (latest signed first).
pub const LIST: &str = "agreements:SIGNED_ON-DESC";

/// The parties of each agreement, in display order.
pub async fn parties_of(
    db: &impl ConnectionTrait,
    agreement_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<organization::Model>>> {
    let mut query = Query::select()
        .from(organization::Entity)
        .join(
            JoinType::InnerJoin,
            agreement_party::Entity,
            col(
                agreement_party::Entity,
                agreement_party::Column::OrganizationId,
            )
            .equals((organization::Entity, organization::Column::Id)),
        )
        .and_where(
            col(
                agreement_party::Entity,
                agreement_party::Column::AgreementId,
            )
            .is_in(agreement_ids),
        )
        .order_by(
            (agreement_party::Entity, agreement_party::Column::SortOrder),
            Order::Asc,
        )
        .to_owned();
    select_prefixed::<organization::Entity>(&mut query, "");
    grouped(
        db,
        query,
        col(
            agreement_party::Entity,
            agreement_party::Column::AgreementId,
        ),
    )
    .await
}

/// The signatories of each agreement, in display order.
pub async fn signatories_of(
    db: &impl ConnectionTrait,
    agreement_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<agreement_signatory::Model>>> {
    let query = agreement_signatory::Entity::find()
        .filter(agreement_signatory::Column::AgreementId.is_in(agreement_ids))
        .order_by_asc(agreement_signatory::Column::SortOrder)
        .order_by_asc(agreement_signatory::Column::Id)
        .into_query();
    grouped(
        db,
        query,
        col(
            agreement_signatory::Entity,
            agreement_signatory::Column::AgreementId,
        ),
    )
    .await
}

/// The scope items of each agreement, in display order.
pub async fn scopes_of(
    db: &impl ConnectionTrait,
    agreement_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<agreement_scope::Model>>> {
    let query = agreement_scope::Entity::find()
        .filter(agreement_scope::Column::AgreementId.is_in(agreement_ids))
        .order_by_asc(agreement_scope::Column::SortOrder)
        .into_query();
    grouped(
        db,
        query,
        col(
            agreement_scope::Entity,
            agreement_scope::Column::AgreementId,
        ),
    )
    .await
}

/// The agreements signed at each festival edition, earliest first.
pub async fn signed_at(
    db: &impl ConnectionTrait,
    edition_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<agreement::Model>>> {
    let query = agreement::Entity::find()
        .filter(agreement::Column::SigningEventId.is_in(edition_ids))
        .order_by_asc(agreement::Column::SignedOn)
        .order_by_asc(agreement::Column::Id)
        .into_query();
    grouped(
        db,
        query,
        col(agreement::Entity, agreement::Column::SigningEventId),
    )
    .await
}

/// A page of each organization's agreements, latest signed first, in one statement.
pub async fn pages_of_parties(
    db: &impl ConnectionTrait,
    organization_ids: Vec<i32>,
    page: &PageQuery,
) -> AppResult<HashMap<i32, Page<agreement::Model>>> {
    let mut query = Query::select()
        .from(agreement::Entity)
        .join(
            JoinType::InnerJoin,
            agreement_party::Entity,
            col(
                agreement_party::Entity,
                agreement_party::Column::AgreementId,
            )
            .equals((agreement::Entity, agreement::Column::Id)),
        )
        .and_where(
            col(
                agreement_party::Entity,
                agreement_party::Column::OrganizationId,
            )
            .is_in(organization_ids),
        )
        .to_owned();
    select_prefixed::<agreement::Entity>(&mut query, "");
    let keys = [
        SortKey::new(
            col(agreement::Entity, agreement::Column::SignedOn),
            SortKind::Date,
            true,
        ),
        SortKey::new(
            col(agreement::Entity, agreement::Column::Id),
            SortKind::Int,
            true,
        ),
    ];
    let partition = col(
        agreement_party::Entity,
        agreement_party::Column::OrganizationId,
    );
    fetch_windows(db, query, partition, &keys, page, |_| ()).await
}
