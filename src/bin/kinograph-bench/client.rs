//! The HTTP side: a keep-alive HTTP/1.1 client (hyper-util) that POSTs GraphQL operations to
//! `/graphql` with their `operationName`, and reads `/metrics`.

use std::time::Duration;

use anyhow::{Context as _, anyhow, bail};
use http_body_util::{BodyExt as _, Full};
use hyper::{Method, Request, StatusCode, Uri, body::Bytes, header};
use hyper_util::{
    client::legacy::{Client as HyperClient, connect::HttpConnector},
    rt::TokioExecutor,
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::prom::Snapshot;

/// Longest wait for one response; a request taking longer counts as an error.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// A cheap-to-clone client of one Kinograph server.
#[derive(Clone)]
pub struct Client {
    http: HyperClient<HttpConnector, Full<Bytes>>,
    graphql: Uri,
    metrics: Uri,
}

/// Only what the load loop needs of a response: whether it carries GraphQL errors.
#[derive(Deserialize)]
struct Envelope {
    errors: Option<Vec<serde::de::IgnoredAny>>,
}

impl Client {
    /// A client of the server at `base` (`http://host:port`, no TLS).
    pub fn new(base: &str) -> anyhow::Result<Self> {
        let base = base.trim_end_matches('/');
        let graphql: Uri = format!("{base}/graphql")
            .parse()
            .with_context(|| format!("{base:?} is not a valid server URL"))?;
        if graphql.scheme_str() != Some("http") {
            bail!("--url must be a plain http:// URL (the bench speaks no TLS), got {base:?}");
        }
        let metrics: Uri = format!("{base}/metrics").parse()?;
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        let http = HyperClient::builder(TokioExecutor::new())
            .pool_max_idle_per_host(4096)
            .build(connector);
        Ok(Self {
            http,
            graphql,
            metrics,
        })
    }

    /// Sends one request and returns the status and the whole body.
    async fn send(&self, request: Request<Full<Bytes>>) -> anyhow::Result<(StatusCode, Bytes)> {
        let exchange = async {
            let response = self.http.request(request).await?;
            let status = response.status();
            let body = response.into_body().collect().await?.to_bytes();
            anyhow::Ok((status, body))
        };
        match tokio::time::timeout(REQUEST_TIMEOUT, exchange).await {
            Ok(result) => result,
            Err(_) => Err(anyhow!("no response within {}s", REQUEST_TIMEOUT.as_secs())),
        }
    }

    /// POSTs a JSON-encoded GraphQL request body.
    async fn post(&self, body: Vec<u8>) -> anyhow::Result<(StatusCode, Bytes)> {
        let request = Request::builder()
            .method(Method::POST)
            .uri(self.graphql.clone())
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, "application/json")
            .body(Full::new(Bytes::from(body)))?;
        self.send(request).await
    }

    /// POSTs `body` as it is, with this content type and `Authorization` (hostile requests).
    pub async fn post_raw(
        &self,
        body: Bytes,
        content_type: &str,
        authorization: Option<&str>,
    ) -> anyhow::Result<(StatusCode, Bytes)> {
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(self.graphql.clone())
            .header(header::CONTENT_TYPE, content_type)
            .header(header::ACCEPT, "application/json");
        if let Some(authorization) = authorization {
            request = request.header(header::AUTHORIZATION, authorization);
        }
        self.send(request.body(Full::new(body))?).await
    }

    /// Runs one operation under load: `Ok` for a 200 without GraphQL `errors`, else why not.
    pub async fn execute(
        &self,
        operation: &str,
        query: &str,
        variables: &Value,
    ) -> Result<(), String> {
        let body = encode(operation, query, variables).map_err(|e| e.to_string())?;
        let (status, bytes) = self.post(body).await.map_err(|e| format!("{e:#}"))?;
        if status != StatusCode::OK {
            return Err(format!("HTTP {status}: {}", excerpt(&bytes)));
        }
        match serde_json::from_slice::<Envelope>(&bytes) {
            Ok(Envelope {
                errors: Some(errors),
            }) if !errors.is_empty() => Err(format!("GraphQL errors: {}", excerpt(&bytes))),
            Ok(_) => Ok(()),
            Err(err) => Err(format!("unreadable response ({err}): {}", excerpt(&bytes))),
        }
    }

    /// Runs one operation and returns its `data`; any error is fatal (used for discovery).
    pub async fn query(
        &self,
        operation: &str,
        query: &str,
        variables: &Value,
    ) -> anyhow::Result<Value> {
        let (status, bytes) = self.post(encode(operation, query, variables)?).await?;
        let response: Value = serde_json::from_slice(&bytes).with_context(|| {
            format!("{operation}: HTTP {status}, not JSON: {}", excerpt(&bytes))
        })?;
        if status != StatusCode::OK || response.get("errors").is_some_and(|e| !e.is_null()) {
            bail!("{operation}: HTTP {status}: {}", excerpt(&bytes));
        }
        Ok(response.get("data").cloned().unwrap_or(Value::Null))
    }

    /// Reads and parses `GET /metrics`.
    pub async fn metrics(&self) -> anyhow::Result<Snapshot> {
        let request = Request::builder()
            .method(Method::GET)
            .uri(self.metrics.clone())
            .body(Full::new(Bytes::new()))?;
        let (status, bytes) = self
            .send(request)
            .await
            .with_context(|| format!("GET {}", self.metrics))?;
        if status != StatusCode::OK {
            bail!("GET {} answered HTTP {status}", self.metrics);
        }
        Ok(Snapshot::parse(&String::from_utf8_lossy(&bytes)))
    }

    /// The `/metrics` address, for messages.
    pub fn metrics_uri(&self) -> &Uri {
        &self.metrics
    }
}

/// The JSON body of a GraphQL request.
fn encode(operation: &str, query: &str, variables: &Value) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec(&json!({
        "query": query,
        "operationName": operation,
        "variables": variables,
    }))
}

/// The start of a response body, for error messages.
fn excerpt(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut short: String = text.chars().take(300).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}
