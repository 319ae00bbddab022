//! Apollo automatic persisted queries and the trusted-documents gate, applied to each
//! request before it runs.
//!
//! `extensions.persistedQuery = { version: 1, sha256Hash }`: with a query, the query is
//! registered under its hash (which must be its SHA-256); without one, the registered query
//! runs, or the request fails with `PERSISTED_QUERY_NOT_FOUND` ("PersistedQueryNotFound",
//! the message Apollo clients answer by sending the query). Registered queries live in an
//! in-process LRU and, with `--cache-url`, in the shared Redis.
//!
//! With `--trusted-documents`, anonymous requests run only listed documents (by hash, or by
//! a text whose hash is listed) and register nothing; keyed requests are not restricted.

use std::sync::Arc;

use async_graphql::{Request, ServerError, Value};

use super::trusted::{TrustedDocuments, sha256};
use crate::{
    cache::{memory::SizedLru, redis::SharedRedis},
    error::AppError,
    graphql::errors::refusal,
};

/// Bytes of query text the in-process store keeps.
const MAX_LOCAL_BYTES: usize = 16 * 1024 * 1024;

/// The registered persisted queries.
pub struct PersistedQueries {
    local: SizedLru<String, Arc<str>>,
    shared: Option<SharedRedis>,
}

impl PersistedQueries {
    /// A store, shared through `shared` when given.
    pub fn new(shared: Option<SharedRedis>) -> Self {
        Self {
            local: SizedLru::new(MAX_LOCAL_BYTES),
            shared,
        }
    }

    async fn get(&self, hash: &str) -> Option<Arc<str>> {
        if let Some(query) = self.local.get(&hash.to_string()) {
            return Some(query);
        }
        let query: Arc<str> = self.shared.as_ref()?.persisted(hash).await?.into();
        self.local
            .put(hash.to_string(), query.clone(), hash.len() + query.len());
        Some(query)
    }

    async fn put(&self, hash: &str, query: &str) {
        if self.local.get(&hash.to_string()).is_some() {
            return;
        }
        self.local
            .put(hash.to_string(), query.into(), hash.len() + query.len());
        if let Some(shared) = &self.shared {
            shared.persist(hash, query).await;
        }
    }
}

/// The hash of a request's `persistedQuery` extension.
fn requested_hash(request: &mut Request) -> Result<Option<String>, ServerError> {
    let Some(extension) = request.extensions.remove("persistedQuery") else {
        return Ok(None);
    };
    let bad = |message: &str| refusal(AppError::bad_request(message));
    let Value::Object(fields) = extension else {
        return Err(bad(
            "extensions.persistedQuery must be an object { version: 1, sha256Hash }",
        ));
    };
    match fields.get("version") {
        Some(Value::Number(n)) if n.as_i64() == Some(1) => {}
        _ => {
            return Err(bad(
                "unsupported persisted query version: only version 1 (SHA-256) is supported",
            ));
        }
    }
    match fields.get("sha256Hash") {
        Some(Value::String(hash))
            if hash.len() == 64 && hash.chars().all(|c| c.is_ascii_hexdigit()) =>
        {
            Ok(Some(hash.to_ascii_lowercase()))
        }
        _ => Err(bad(
            "extensions.persistedQuery.sha256Hash must be the hex SHA-256 of the query",
        )),
    }
}

/// Resolves `request`'s persisted query and applies the trusted-documents gate; `keyed` is
/// true for requests with an API key. Fails before anything runs.
pub async fn resolve(
    store: &PersistedQueries,
    trusted: Option<&TrustedDocuments>,
    request: &mut Request,
    keyed: bool,
) -> Result<(), ServerError> {
    let hash = requested_hash(request)?;
    let gated = trusted.filter(|_| !keyed);
    let not_listed = || {
        refusal(AppError::Forbidden(
            "this server runs only its trusted documents for anonymous clients, and this \
             operation is not one of them; send a listed operation or use an API key"
                .to_string(),
        ))
    };
    match hash {
        None => {
            if let Some(trusted) = gated
                && !trusted.contains(&sha256(&request.query))
            {
                return Err(not_listed());
            }
        }
        Some(hash) if request.query.is_empty() => {
            let listed = trusted.and_then(|t| t.get(&hash));
            let query = match (listed, gated) {
                (Some(query), _) => Some(query),
                (None, Some(_)) => None,
                (None, None) => store.get(&hash).await,
            };
            match query {
                Some(query) => request.query = query.to_string(),
                None => {
                    return Err(refusal(AppError::PersistedQueryNotFound));
                }
            }
        }
        Some(hash) => {
            if sha256(&request.query) != hash {
                return Err(refusal(AppError::bad_request(
                    "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query",
                )));
            }
            match gated {
                Some(trusted) if !trusted.contains(&hash) => return Err(not_listed()),
                Some(_) => {}
                None => store.put(&hash, &request.query).await,
            }
        }
    }
    Ok(())
}
