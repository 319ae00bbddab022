//! Gives every error in a response its stable `extensions.code`: the code of an `AppError`,
//! `QUERY_TOO_DEEP` / `QUERY_TOO_COMPLEX` for the limits, `BAD_USER_INPUT` for parse,
//! validation and input-coercion errors, and `INTERNAL` (with a generic message) for anything
//! unexpected.

use async_graphql::{Response, ServerError};

use crate::error::AppError;

/// Classifies every error of a response. Applied to the finished response (in
/// [`crate::graphql::execute_one`]) rather than by a schema extension: any extension makes
/// async-graphql wrap every field's resolution in its chain, which cost several percent of the
/// CPU of a catalogue page.
pub fn classify_all(response: &mut Response) {
    for error in &mut response.errors {
        classify(error);
    }
}

/// A request refused before it runs, as a response error with its code.
pub fn refusal(err: AppError) -> ServerError {
    let mut error = ServerError::new(err.to_string(), None);
    error.source = Some(std::sync::Arc::new(err));
    classify(&mut error);
    error
}

/// Sets `extensions.code` (and `extensions.field`) on one error.
pub fn classify(error: &mut ServerError) {
    let extensions = error.extensions.get_or_insert_with(Default::default);
    if extensions.get("code").is_some() {
        return;
    }
    if let Some(app) = error
        .source
        .as_ref()
        .and_then(|s| s.downcast_ref::<AppError>())
    {
        extensions.set("code", app.code());
        if let AppError::BadUserInput {
            field: Some(field), ..
        } = app
        {
            extensions.set("field", field.as_str());
        }
        return;
    }
    let code = if ["nested too deep", "recursion limit", "stack limit reached"]
        .iter()
        .any(|sign| error.message.contains(sign))
    {
        error.message = "the query is nested too deeply for this server; ask for less \
                             nested data"
            .to_string();
        "QUERY_TOO_DEEP"
    } else if error.message.contains("too complex") {
        error.message = "the query is too complex for this server: each field costs 1, \
                             and what a list's items select counts once per item of the page \
                             asked for (first/last); ask for smaller pages or fewer fields"
            .to_string();
        "QUERY_TOO_COMPLEX"
    } else if error.source.is_some() {
        tracing::error!(message = %error.message, "unclassified resolver error");
        error.message = "internal error".to_string();
        "INTERNAL"
    } else {
        "BAD_USER_INPUT"
    };
    extensions.set("code", code);
}
