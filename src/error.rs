//! `AppError`: the one error type of resolvers, loaders and the store, with its stable code.

use std::sync::Arc;

/// Everything that can go wrong while answering a request.
#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    /// The client sent something invalid; `field` names the argument or input field.
    #[error("{message}")]
    BadUserInput {
        /// The argument or input field at fault, when there is one.
        field: Option<String>,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// The API key is unknown or revoked.
    #[error("{0}")]
    Unauthenticated(String),
    /// The caller's role may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// The record does not exist (or the caller may not see it).
    #[error("{0}")]
    NotFound(String),
    /// The write conflicts with the current state (stale version, duplicate slug).
    #[error("{0}")]
    Conflict(String),
    /// Too many requests: the message says how long to wait.
    #[error("{0}")]
    RateLimited(String),
    /// A hash-only persisted query this server does not know; the message is the one Apollo
    /// clients match to send the query with its hash.
    #[error("PersistedQueryNotFound")]
    PersistedQueryNotFound,
    /// The query nests fields deeper than the server's limit.
    #[error("{0}")]
    TooDeep(String),
    /// The query would cost more than the server's limit (fields times page sizes).
    #[error("{0}")]
    TooComplex(String),
    /// The request ran past the server's time limit and was stopped; code `INTERNAL` (the
    /// client can do nothing but ask for less or try again), with a message saying so.
    #[error(
        "the request did not finish within {0:?} and was stopped; ask for less data (smaller \
         pages, fewer fields) or try again later"
    )]
    Timeout(std::time::Duration),
    /// Anything else: the cause is logged, the client sees only "internal error".
    #[error("internal error")]
    Internal(Arc<anyhow::Error>),
}

impl AppError {
    /// A `BAD_USER_INPUT` error about one argument or input field.
    pub fn bad_input(field: impl Into<String>, message: impl Into<String>) -> Self {
        AppError::BadUserInput {
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// A `BAD_USER_INPUT` error about the request as a whole (no one field at fault).
    pub fn bad_request(message: impl Into<String>) -> Self {
        AppError::BadUserInput {
            field: None,
            message: message.into(),
        }
    }

    /// The stable `extensions.code` of this error.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadUserInput { .. } => "BAD_USER_INPUT",
            AppError::Unauthenticated(_) => "UNAUTHENTICATED",
            AppError::Forbidden(_) => "FORBIDDEN",
            AppError::NotFound(_) => "NOT_FOUND",
            AppError::Conflict(_) => "CONFLICT",
            AppError::RateLimited(_) => "RATE_LIMITED",
            AppError::PersistedQueryNotFound => "PERSISTED_QUERY_NOT_FOUND",
            AppError::TooDeep(_) => "QUERY_TOO_DEEP",
            AppError::TooComplex(_) => "QUERY_TOO_COMPLEX",
            AppError::Timeout(_) => "INTERNAL",
            AppError::Internal(_) => "INTERNAL",
        }
    }

    /// Classifies an unexpected failure as `INTERNAL`, logging its cause once, here.
    pub fn internal(err: impl Into<anyhow::Error>) -> Self {
        let err = err.into();
        tracing::error!(error = %format!("{err:#}"), "internal error");
        AppError::Internal(Arc::new(err))
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        match refused_value(&err) {
            Some(message) => AppError::bad_request(message),
            None => AppError::internal(err),
        }
    }
}

/// What is wrong with a value the database refused to take, when the client sent it:
/// PostgreSQL stores no NUL character in text (SQLSTATE 22021), which SQLite does and a
/// GraphQL string may hold (`"\u0000"`).
fn refused_value(err: &sea_orm::DbErr) -> Option<&'static str> {
    use sea_orm::{DbErr, RuntimeErr, sqlx};
    let (DbErr::Query(RuntimeErr::SqlxError(sqlx)) | DbErr::Exec(RuntimeErr::SqlxError(sqlx))) =
        err
    else {
        return None;
    };
    let sqlx::Error::Database(database) = sqlx.as_ref() else {
        return None;
    };
    match database.code().as_deref() {
        Some("22021") => Some("text may not contain the NUL character (\\u0000)"),
        _ => None,
    }
}

/// Result of resolvers, loaders and store functions.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_hide_their_cause() {
        let err = AppError::internal(anyhow::anyhow!("relation \"film\" does not exist"));
        assert_eq!(err.to_string(), "internal error");
        assert_eq!(err.code(), "INTERNAL");
    }

    #[test]
    fn bad_input_keeps_the_message_for_people() {
        let err = AppError::bad_input("first", "\"first\" must be between 1 and 100");
        assert_eq!(err.to_string(), "\"first\" must be between 1 and 100");
        assert_eq!(err.code(), "BAD_USER_INPUT");
    }
}
