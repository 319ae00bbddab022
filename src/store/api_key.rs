//! API keys: issuing, listing, revoking, and finding the caller a presented key belongs to.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, SqlErr,
};

use crate::{
    domain::{
        api_key,
        viewer::{Caller, Role},
    },
    entities::api_key as entity,
    error::{AppError, AppResult},
};

/// Longest key name accepted.
const MAX_NAME: usize = 100;

/// Issues a new key named `name`; returns the key itself, which is not stored anywhere and
/// cannot be shown again.
pub async fn create(db: &impl ConnectionTrait, name: &str, role: Role) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(AppError::bad_input(
            "name",
            format!("a key's name must be 1–{MAX_NAME} printable characters"),
        ));
    }
    let key = api_key::generate();
    let row = entity::ActiveModel {
        name: Set(name.to_string()),
        role: Set(role),
        key_hash: Set(api_key::hash(&key)),
        key_prefix: Set(api_key::shown(&key)),
        created_at: Set(Utc::now()),
        revoked_at: Set(None),
        ..Default::default()
    };
    match row.insert(db).await {
        Ok(_) => Ok(key),
        Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(AppError::Conflict(format!(
                "a key named \"{name}\" exists already (names are never reused, revoked keys included)"
            )))
        }
        Err(err) => Err(err.into()),
    }
}

/// Every key, revoked ones included, oldest first.
pub async fn list(db: &impl ConnectionTrait) -> AppResult<Vec<entity::Model>> {
    Ok(entity::Entity::find()
        .order_by_asc(entity::Column::Id)
        .all(db)
        .await?)
}

/// Revokes the key named `name`; `NOT_FOUND` when there is no such live key.
pub async fn revoke(db: &impl ConnectionTrait, name: &str) -> AppResult<()> {
    let revoked = entity::Entity::update_many()
        .col_expr(
            entity::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(entity::Column::Name.eq(name.trim()))
        .filter(entity::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    if revoked.rows_affected == 0 {
        return Err(AppError::NotFound(format!(
            "there is no live key named \"{}\"",
            name.trim()
        )));
    }
    Ok(())
}

/// The caller holding `key`, or `UNAUTHENTICATED` when the key is unknown or revoked.
pub async fn authenticate(db: &impl ConnectionTrait, key: &str) -> AppResult<Caller> {
    let found = entity::Entity::find()
        .filter(entity::Column::KeyHash.eq(api_key::hash(key)))
        .filter(entity::Column::RevokedAt.is_null())
        .one(db)
        .await?;
    match found {
        Some(row) => Ok(Caller {
            viewer: row.role.viewer(),
            key_name: Some(row.name),
        }),
        None => Err(AppError::Unauthenticated(
            "unknown or revoked API key".to_string(),
        )),
    }
}
