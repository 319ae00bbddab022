//! Gives every error in a response its stable `extensions.code`: the code of an `AppError`,
//! `QUERY_TOO_DEEP` / `QUERY_TOO_COMPLEX` for the limits, `BAD_USER_INPUT` for parse,
//! validation and input-coercion errors, and `INTERNAL` (with a generic message) for anything
//! unexpected.

use std::sync::Arc;

use async_graphql::{
    Response, ServerError,
    extensions::{Extension, ExtensionContext, ExtensionFactory, NextRequest},
};

use crate::error::AppError;

/// The schema extension that classifies errors.
pub struct ErrorCodes;

impl ExtensionFactory for ErrorCodes {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ErrorCodesExtension)
    }
}

struct ErrorCodesExtension;

#[async_graphql::async_trait::async_trait]
impl Extension for ErrorCodesExtension {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let mut response = next.run(ctx).await;
        for error in &mut response.errors {
            classify(error);
        }
        response
    }
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
    let code =
        if error.message.contains("nested too deep") || error.message.contains("recursion limit") {
            "QUERY_TOO_DEEP"
        } else if error.message.contains("too complex") {
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
