//! `GET /graphql` and `POST /graphql`: who is asking, in which locale, running the request,
//! and shaping the HTTP response (status, content type, `Content-Language`,
//! `extensions.localeFallbacks`).

use async_graphql::{
    BatchRequest, BatchResponse, Request, Response as GqlResponse, Value,
    parser::{
        parse_query,
        types::{DocumentOperations, OperationType},
    },
};
use async_graphql_axum::GraphQLBatchRequest;
use axum::{
    extract::{FromRequest, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::{playground, rejection::Rejection};
use std::time::Instant;

use crate::{
    domain::viewer::Viewer,
    graphql::{documents, execute_one, types::locale::Locale},
    metrics::Observation,
    state::AppState,
};

/// Most operations accepted in one batch request.
pub const MAX_BATCH: usize = 10;

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

/// A response holding only one error, with its code.
pub fn error_response(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({
        "errors": [{ "message": message, "extensions": { "code": code } }]
    });
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// `GET /graphql`: the playground for browsers, queries (never mutations) for everyone else.
pub async fn get(State(state): State<AppState>, request: axum::extract::Request) -> Response {
    let headers = request.headers().clone();
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if wants_html && request.uri().query().is_none_or(|q| !q.contains("query=")) {
        return playground().await.into_response();
    }
    match GraphQLBatchRequest::<Rejection>::from_request(request, &state).await {
        Ok(batch) => {
            if batch.0.iter().any(is_mutation) {
                return error_response(
                    StatusCode::METHOD_NOT_ALLOWED,
                    "BAD_USER_INPUT",
                    "mutations are not allowed over GET; send them with POST",
                );
            }
            execute(&state, &headers, batch.0).await
        }
        Err(rejection) => rejection.into_response(),
    }
}

/// `POST /graphql` with a JSON body (one request or a batch).
pub async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    batch: Result<GraphQLBatchRequest<Rejection>, Rejection>,
) -> Response {
    match batch {
        Ok(batch) => execute(&state, &headers, batch.0).await,
        Err(rejection) => rejection.into_response(),
    }
}

/// True when the operation the request selects is a mutation.
fn is_mutation(request: &Request) -> bool {
    let Ok(document) = parse_query(&request.query) else {
        return false;
    };
    let ty = match (&document.operations, request.operation_name.as_deref()) {
        (DocumentOperations::Single(op), _) => Some(op.node.ty),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name).map(|op| op.node.ty),
        (DocumentOperations::Multiple(ops), None) => ops.values().next().map(|op| op.node.ty),
    };
    ty == Some(OperationType::Mutation)
}

/// The caller, from `Authorization: Bearer <key>`; the error says why a key is refused.
fn viewer(headers: &HeaderMap) -> Result<Viewer, &'static str> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(Viewer::Anonymous);
    };
    let key = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match key {
        None => Err("the Authorization header must be \"Bearer <api key>\""),
        Some("") => Err("the Authorization header carries an empty API key"),
        // No API keys are issued yet, so every key is unknown.
        Some(_) => Err("unknown or revoked API key"),
    }
}

async fn execute(state: &AppState, headers: &HeaderMap, batch: BatchRequest) -> Response {
    let viewer = match viewer(headers) {
        Ok(viewer) => viewer,
        Err(message) => {
            return error_response(StatusCode::UNAUTHORIZED, "UNAUTHENTICATED", message);
        }
    };
    let locale = Locale::from_accept_language(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let run = |mut request: Request| async move {
        let started = Instant::now();
        let operation = documents::prepare(&mut request);
        let (response, statements) =
            execute_one(&state.schema, &state.read_db, viewer, locale, request).await;
        state.metrics.observe(&Observation {
            operation: operation.as_deref().unwrap_or("anonymous"),
            failed: !response.errors.is_empty(),
            statements,
            elapsed: started.elapsed(),
        });
        response
    };
    let response = match batch {
        BatchRequest::Single(request) => BatchResponse::Single(run(request).await),
        BatchRequest::Batch(requests) => {
            if requests.len() > MAX_BATCH {
                return error_response(
                    StatusCode::BAD_REQUEST,
                    "BAD_USER_INPUT",
                    &format!(
                        "a batch may hold at most {MAX_BATCH} operations, got {}",
                        requests.len()
                    ),
                );
            }
            BatchResponse::Batch(futures::future::join_all(requests.into_iter().map(run)).await)
        }
    };
    respond(headers, locale, response)
}

fn respond(headers: &HeaderMap, locale: Locale, response: BatchResponse) -> Response {
    let graphql_media = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains(GRAPHQL_RESPONSE));
    let request_error = |r: &GqlResponse| r.data == Value::Null && !r.errors.is_empty();
    let failed = match &response {
        BatchResponse::Single(r) => request_error(r),
        BatchResponse::Batch(rs) => !rs.is_empty() && rs.iter().all(request_error),
    };
    let status = if graphql_media && failed {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let body = match serde_json::to_vec(&response) {
        Ok(body) => body,
        Err(err) => {
            tracing::error!(error = %err, "cannot serialize a response");
            return error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                "INTERNAL",
                "internal error",
            );
        }
    };
    let content_type = if graphql_media {
        GRAPHQL_RESPONSE
    } else {
        "application/json"
    };
    let mut http = (status, body).into_response();
    http.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    http.headers_mut().insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(locale.tag()),
    );
    http.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Authorization"),
    );
    http
}
