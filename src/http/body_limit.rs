//! The request body limit, for every route and every extractor (the GraphQL extractor reads
//! the body as a stream, which axum's `DefaultBodyLimit` does not reach). A declared
//! `Content-Length` over the limit is refused before anything is read; a body without one is
//! cut off where it passes the limit, and the GraphQL extractor's read error becomes the same
//! refusal (see `rejection`). Both answer 413 with a GraphQL error.

use axum::{
    body::Body,
    extract::Request,
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::Response,
};
use futures::StreamExt;
use http_body_util::Limited;
use std::time::Duration;

use super::endpoint::error_response;

/// Refuses or caps the body of `request` at `limit` bytes.
pub async fn enforce(limit: usize, request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        linger(request.into_body());
        return too_large(limit);
    }
    next.run(request.map(|body| Body::new(Limited::new(body, limit))))
        .await
}

/// Most bytes of a refused body read and dropped after the answer.
const LINGER_BYTES: usize = 32 * 1024 * 1024;
/// Longest time spent reading a refused body after the answer.
const LINGER_TIME: Duration = Duration::from_secs(5);

/// Reads what is left of a refused body and drops it, in the background, for at most
/// `LINGER_BYTES` and `LINGER_TIME` ("lingering close", as web servers do). A client still
/// writing its body when the 413 comes then reads the answer; were the connection closed
/// with its bytes unread, the client would get "broken pipe" or a reset instead (about 0.5–6 %
/// of the soak bench's 10 MB requests did). Past either bound the connection is closed.
fn linger(body: Body) {
    tokio::spawn(async move {
        let mut stream = body.into_data_stream();
        let mut read = 0;
        let drain = async {
            while let Some(Ok(chunk)) = stream.next().await {
                read += chunk.len();
                if read > LINGER_BYTES {
                    break;
                }
            }
        };
        let _ = tokio::time::timeout(LINGER_TIME, drain).await;
    });
}

/// The answer to a body over `limit` bytes.
pub fn too_large(limit: usize) -> Response {
    closing(error_response(
        StatusCode::PAYLOAD_TOO_LARGE,
        "BAD_USER_INPUT",
        &format!("the request body is larger than this server accepts ({limit} bytes)"),
    ))
}

/// `response` with `Connection: close`, for an answer sent before the body was read to its
/// end: the server closes the connection after it (the rest of the body is still on the
/// wire), and a client that saw no `close` would reuse it for its next request and lose that
/// request ("connection closed before message completed"; seen in the soak bench).
pub fn closing(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}
