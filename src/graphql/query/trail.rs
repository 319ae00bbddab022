//! The trail of writes: the audit log for editors and the change feed for partners.

use async_graphql::{Context, ID, Object, Result};

use crate::{
    domain::viewer::Role,
    error::AppError,
    graphql::{
        context::ContextExt,
        types::{
            audit::{AuditEntry, Change},
            connection::{AuditEntryConnection, ChangeConnection, PageArgs},
            id::decode,
        },
    },
    store::audit::{self, AuditFilter},
};

/// The audit log and the change feed.
#[derive(Default)]
pub struct TrailQuery;

// The area shares the catalogue's hint so that the merged root keeps it; its fields are
// private (keyed callers only) and never cached.
#[Object(cache_control(max_age = 86400))]
impl TrailQuery {
    /// Every write, newest first: who, when, what, and the changed values. Editors only.
    #[graphql(
        cache_control(private, no_cache),
        complexity = "crate::graphql::limits::page_cost(first, last, 20, child_complexity)"
    )]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only the writes to the entity with this global id.")] entity: Option<ID>,
        #[graphql(desc = "Page size from the start (at most 100; 20 when omitted).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor after which the page starts.")] after: Option<String>,
        #[graphql(desc = "Page size from the end (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Cursor before which the page ends.")] before: Option<String>,
    ) -> Result<AuditEntryConnection> {
        ctx.viewer()?.require(Role::Editor, "auditLog")?;
        let entity = match &entity {
            None => None,
            Some(id) => match decode(id) {
                Some((node_type, row)) => Some((node_type.name(), row)),
                None => {
                    return Err(AppError::bad_input(
                        "entity",
                        "\"entity\" must be the global id of an object",
                    )
                    .into());
                }
            },
        };
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .resolve(audit::LOG, 20)?;
        let with_total = ctx.look_ahead().field("totalCount").exists();
        let result = audit::log(ctx.db()?, AuditFilter { entity }, &page, with_total).await?;
        Ok(AuditEntryConnection::from_page(
            audit::LOG,
            result,
            AuditEntry,
        ))
    }

    /// Every create, update and delete of every entity, in commit order, for mirroring the
    /// catalogue: start without `since`, then pass the last `endCursor` you received (keep
    /// the old one while pages come back empty). Partners and editors.
    #[graphql(
        cache_control(private, no_cache),
        complexity = "crate::graphql::limits::page_cost(first, None, 100, child_complexity)"
    )]
    async fn changes(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The `endCursor` of the last page read; from the beginning when omitted."
        )]
        since: Option<String>,
        #[graphql(desc = "Page size (at most 100; 100 when omitted).")] first: Option<i32>,
    ) -> Result<ChangeConnection> {
        let viewer = ctx.viewer()?;
        viewer.require(Role::Partner, "changes")?;
        let page = PageArgs {
            first,
            after: since,
            ..PageArgs::default()
        }
        .resolve(audit::FEED, 100)
        .map_err(|err| match err {
            AppError::BadUserInput {
                field: Some(f),
                message,
            } if f == "after" => {
                AppError::bad_input("since", message.replace("\"after\"", "\"since\""))
            }
            other => other,
        })?;
        let with_total = ctx.look_ahead().field("totalCount").exists();
        let result = audit::feed(ctx.db()?, viewer, &page, with_total).await?;
        Ok(ChangeConnection::from_page(audit::FEED, result, Change))
    }
}
