//! Bad HTTP input (malformed JSON, unreadable body) answered as a GraphQL error with a code.

use async_graphql::ParseRequestError;
use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
};

use super::endpoint::error_response;

/// The rejection of the GraphQL request extractor.
pub struct Rejection(pub ParseRequestError);

impl From<ParseRequestError> for Rejection {
    fn from(err: ParseRequestError) -> Self {
        Rejection(err)
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let (status, message) = match &self.0 {
            ParseRequestError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "the request body is too large".to_string(),
            ),
            ParseRequestError::InvalidRequest(err) => (
                StatusCode::BAD_REQUEST,
                format!("the request body is not a valid GraphQL request in JSON: {err}"),
            ),
            ParseRequestError::Io(err) if err.to_string().contains("length limit exceeded") => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "the request body is too large".to_string(),
            ),
            other => (
                StatusCode::BAD_REQUEST,
                format!("the request could not be read: {other}"),
            ),
        };
        let response = error_response(status, "BAD_USER_INPUT", &message);
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            super::body_limit::closing(response)
        } else {
            response
        }
    }
}
