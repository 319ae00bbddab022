//! `GET /graphql` and `POST /graphql`: who is asking, in which locale, running the request,
//! and shaping the HTTP response (status, content type, `Content-Language`,
//! `extensions.localeFallbacks`).

use async_graphql::{BatchRequest, BatchResponse, Request, Response as GqlResponse, Value};
use async_graphql_axum::GraphQLBatchRequest;
use axum::{
    extract::{FromRequest, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::{
    caching::Hint,
    deadline::{self, Outcome},
    persisted, playground,
    rejection::Rejection,
};
use std::time::{Duration, Instant};

use crate::{
    cache::topics,
    domain::viewer::Caller,
    error::AppError,
    graphql::{documents, errors::refusal, execute_one, limits, nul, types::locale::Locale},
    metrics::Observation,
    state::AppState,
    store,
};

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
    if wants_html
        && request
            .uri()
            .query()
            .is_none_or(|q| !q.contains("query=") && !q.contains("extensions="))
    {
        return playground::page().await.into_response();
    }
    let operation_name = operation_name_parameter(request.uri().query());
    match GraphQLBatchRequest::<Rejection>::from_request(request, &state).await {
        Ok(mut batch) => {
            if let BatchRequest::Single(single) = &mut batch.0
                && single.operation_name.is_none()
            {
                single.operation_name = operation_name;
            }
            // The kept parse (see documents): the run below finds it again, unparsed twice.
            if batch.0.iter_mut().any(|r| documents::prepare(r).mutation) {
                return error_response(
                    StatusCode::METHOD_NOT_ALLOWED,
                    "BAD_USER_INPUT",
                    "mutations are not allowed over GET; send them with POST",
                );
            }
            execute(&state, &headers, batch.0, true).await
        }
        Err(rejection) => rejection.into_response(),
    }
}

/// The `operationName` URL parameter of a GET request, as the GraphQL-over-HTTP
/// specification spells it (async-graphql's GET parser reads only `operation_name`).
fn operation_name_parameter(query: Option<&str>) -> Option<String> {
    url::form_urlencoded::parse(query?.as_bytes())
        .find(|(name, _)| name == "operationName")
        .map(|(_, value)| value.into_owned())
}

/// `POST /graphql` with a JSON body (one request or a batch). Any other content type is
/// refused before the body is read (415): a cross-site form or `text/plain` POST, which a
/// browser sends without a preflight, never runs.
pub async fn post(State(state): State<AppState>, request: axum::extract::Request) -> Response {
    let headers = request.headers().clone();
    if !is_json(headers.get(header::CONTENT_TYPE)) {
        return error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "BAD_USER_INPUT",
            "POST /graphql takes a JSON body: send it with Content-Type: application/json",
        );
    }
    match GraphQLBatchRequest::<Rejection>::from_request(request, &state).await {
        Ok(batch) => execute(&state, &headers, batch.0, false).await,
        Err(rejection) => rejection.into_response(),
    }
}

/// True for `application/json` (any parameters, any letter case).
fn is_json(content_type: Option<&HeaderValue>) -> bool {
    content_type
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// The API key of an `Authorization: Bearer <key>` header, trimmed (maybe empty); `None`
/// when the header has another form.
pub(super) fn bearer(value: &HeaderValue) -> Option<&str> {
    value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
}

/// The caller, from `Authorization: Bearer <key>`: anonymous without the header, refused
/// with `UNAUTHENTICATED` (401) when the header is malformed or the key unknown or revoked.
async fn caller(state: &AppState, headers: &HeaderMap) -> Result<Caller, Response> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(Caller::default());
    };
    let refuse =
        |message: &str| error_response(StatusCode::UNAUTHORIZED, "UNAUTHENTICATED", message);
    match bearer(value) {
        None => Err(refuse(
            "the Authorization header must be \"Bearer <api key>\"",
        )),
        Some("") => Err(refuse("the Authorization header carries an empty API key")),
        Some(key) => match store::api_key::authenticate(&state.db, key).await {
            Ok(caller) => Ok(caller),
            Err(AppError::Internal(_)) => Err(error_response(
                StatusCode::SERVICE_UNAVAILABLE,
                "INTERNAL",
                "internal error: the API key could not be checked; try again",
            )),
            Err(err) => Err(refuse(&err.to_string())),
        },
    }
}

async fn execute(
    state: &AppState,
    headers: &HeaderMap,
    batch: BatchRequest,
    over_get: bool,
) -> Response {
    let caller = match caller(state, headers).await {
        Ok(caller) => caller,
        Err(response) => return response,
    };
    let viewer = caller.viewer;
    let locale = Locale::from_accept_language(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let run = |mut request: Request| {
        let caller = caller.clone();
        async move {
            let started = Instant::now();
            let keyed = caller.key_name.is_some();
            let trusted = state.trusted.as_deref();
            if let Err(error) =
                persisted::resolve(&state.persisted, trusted, &mut request, keyed).await
            {
                return GqlResponse::from_errors(vec![error]);
            }
            if let Err(err) = limits::check_length(&request.query, &state.limits) {
                return GqlResponse::from_errors(vec![refusal(err)]);
            }
            let prepared = documents::prepare(&mut request);
            if prepared.parsed
                && let Err(err) = limits::check_request(&mut request, &state.limits)
            {
                return GqlResponse::from_errors(vec![refusal(err)]);
            }
            if let Err(err) = nul::check(&mut request, prepared.parsed) {
                return GqlResponse::from_errors(vec![refusal(err)]);
            }
            let operation = prepared.name.as_deref().unwrap_or("anonymous");
            super::request_id::record_operation(operation);
            if prepared.introspection && !keyed && state.http.no_introspection {
                return GqlResponse::from_errors(vec![refusal(AppError::Forbidden(
                    "introspection (__schema, __type) is turned off for anonymous clients on \
                     this server; send an API key to explore the schema"
                        .to_string(),
                ))]);
            }
            if over_get && prepared.mutation {
                return GqlResponse::from_errors(vec![refusal(AppError::bad_request(
                    "mutations are not allowed over GET; send them with POST",
                ))]);
            }
            // Anonymous queries may be answered from the response cache.
            let cache = state.cache.as_deref();
            let mut pending = None;
            if let Some(cache) = cache.filter(|_| !keyed && !prepared.mutation) {
                match cache.begin(&request, locale).await {
                    Ok(hit) => {
                        state.metrics.observe(&Observation {
                            operation,
                            failed: false,
                            statements: 0,
                            elapsed: started.elapsed(),
                            document: None,
                        });
                        return hit;
                    }
                    Err(miss) => pending = Some(miss),
                }
            }
            // Mutations write, and read what they wrote: they run on the primary.
            let db = if prepared.mutation {
                &state.db
            } else {
                &state.read_db
            };
            let document = state.metrics.document(&request.query);
            let limit = state.limits.request_timeout;
            let execution = {
                let (schema, db) = (state.schema.clone(), db.clone());
                async move { topics::capture(execute_one(&schema, &db, caller, locale, request)).await }
            };
            // The answer of a request that did not finish, with the statements it issued.
            let alone = |error: AppError, statements| {
                let response = GqlResponse::from_errors(vec![refusal(error)]);
                ((response, statements), Default::default())
            };
            let outcome = deadline::run(limit, prepared.mutation, execution).await;
            let finished = matches!(outcome, Outcome::Finished(_));
            if matches!(outcome, Outcome::Late(_) | Outcome::Stopped) {
                tracing::warn!(operation = ?prepared.name, ?limit, "request past its time limit");
            }
            let ((response, statements), written) = match outcome {
                Outcome::Finished(done) => done,
                // A write that ended after the limit: its errors rolled it back.
                Outcome::Late(((response, statements), written)) => {
                    if response.errors.is_empty() {
                        ((response, statements), written)
                    } else {
                        alone(AppError::Timeout(limit), statements)
                    }
                }
                Outcome::Stopped => alone(AppError::Timeout(limit), 0),
                Outcome::Failed => alone(
                    AppError::internal(anyhow::anyhow!("the request's task failed")),
                    0,
                ),
            };
            if prepared.mutation {
                state.embargo.touch(); // a write may have moved an embargo
            }
            if let Some(cache) = cache {
                // A write that did not finish may still have committed.
                let may_have_written =
                    prepared.mutation && (!finished || response.errors.is_empty());
                let longest = match pending {
                    Some(_) => Duration::from_secs(state.embargo.cap(u32::MAX).await.into()),
                    None => Duration::ZERO,
                };
                cache
                    .finish(pending, &written, may_have_written, &response, longest)
                    .await;
            }
            state.metrics.observe(&Observation {
                operation,
                failed: !response.errors.is_empty(),
                statements,
                elapsed: started.elapsed(),
                document: document.as_deref(),
            });
            response
        }
    };
    let response = match batch {
        BatchRequest::Single(request) => BatchResponse::Single(run(request).await),
        BatchRequest::Batch(requests) => {
            let most = state.limits.max_batch;
            if requests.len() > most {
                return error_response(
                    StatusCode::BAD_REQUEST,
                    "BAD_USER_INPUT",
                    &format!(
                        "a batch may hold at most {most} operations, got {}",
                        requests.len()
                    ),
                );
            }
            BatchResponse::Batch(futures::future::join_all(requests.into_iter().map(run)).await)
        }
    };
    let mut http = respond(headers, locale, response);
    // The rate limiter learns from it that the key authenticated, and its role.
    http.extensions_mut().insert(viewer);
    http
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
    let hint = Hint::of(&response);
    let mut http = (status, body).into_response();
    http.extensions_mut().insert(hint);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_json_bodies_are_json() {
        let json = |text: &'static str| is_json(Some(&HeaderValue::from_static(text)));
        assert!(json("application/json"));
        assert!(json("Application/JSON; charset=utf-8"));
        assert!(!json("text/plain"));
        assert!(!json("application/x-www-form-urlencoded"));
        assert!(!json("multipart/form-data; boundary=x"));
        assert!(!json("application/jsonp"));
        assert!(!is_json(None));
    }
}
