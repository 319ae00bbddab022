//! The caller of a request: anonymous, or a partner or editor by API key.

use sea_orm::entity::prelude::*;

use crate::error::{AppError, AppResult};

/// Who is asking. Visibility and permissions are decided from this alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Viewer {
    /// No API key: reads published, un-embargoed material only.
    #[default]
    Anonymous,
    /// A partner key: also reads embargoed material.
    Partner,
    /// An editor key: also reads drafts and archived material, and writes.
    Editor,
}

impl Viewer {
    /// Sees drafts and archived films and press materials.
    pub fn sees_unpublished(self) -> bool {
        matches!(self, Viewer::Editor)
    }

    /// Sees published material before its embargo lifts.
    pub fn sees_embargoed(self) -> bool {
        matches!(self, Viewer::Partner | Viewer::Editor)
    }

    /// Succeeds when the caller has `role` or a stronger one (an editor can do what a
    /// partner can); anonymous callers are `UNAUTHENTICATED` (they need a key), weaker keys
    /// `FORBIDDEN`. `what` names the operation in the message.
    pub fn require(self, role: Role, what: &str) -> AppResult<()> {
        let needed = match role {
            Role::Partner => "a partner's or an editor's",
            Role::Editor => "an editor's",
        };
        match (self, role) {
            (Viewer::Editor, _) | (Viewer::Partner, Role::Partner) => Ok(()),
            (Viewer::Anonymous, _) => Err(AppError::Unauthenticated(format!(
                "{what} needs {needed} API key: send \"Authorization: Bearer <key>\""
            ))),
            (Viewer::Partner, Role::Editor) => Err(AppError::Forbidden(format!(
                "{what} needs {needed} API key; this key has the partner role"
            ))),
        }
    }
}

/// The role of an API key.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, clap::ValueEnum)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum Role {
    /// Reads embargoed material too, and syncs the catalogue.
    #[sea_orm(string_value = "PARTNER")]
    Partner,
    /// Reads drafts and archived material too, and writes.
    #[sea_orm(string_value = "EDITOR")]
    Editor,
}

impl Role {
    /// The viewer a key of this role makes.
    pub fn viewer(self) -> Viewer {
        match self {
            Role::Partner => Viewer::Partner,
            Role::Editor => Viewer::Editor,
        }
    }
}

/// The caller with the name of the key it presented, recorded as the actor of its writes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caller {
    /// What the caller may see and do.
    pub viewer: Viewer,
    /// The API key's name; None for anonymous callers.
    pub key_name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_editors_write_and_the_codes_say_why_the_others_cannot() {
        assert!(Viewer::Editor.require(Role::Editor, "createFilm").is_ok());
        let anonymous = Viewer::Anonymous
            .require(Role::Editor, "createFilm")
            .expect_err("anonymous callers do not write");
        assert_eq!(anonymous.code(), "UNAUTHENTICATED");
        assert!(anonymous.to_string().contains("Authorization: Bearer"));
        let partner = Viewer::Partner
            .require(Role::Editor, "createFilm")
            .expect_err("partners do not write");
        assert_eq!(partner.code(), "FORBIDDEN");
        assert!(partner.to_string().contains("partner"));
    }

    #[test]
    fn partners_and_editors_sync_and_anonymous_callers_need_a_key() {
        assert!(Viewer::Partner.require(Role::Partner, "changes").is_ok());
        assert!(Viewer::Editor.require(Role::Partner, "changes").is_ok());
        let anonymous = Viewer::Anonymous
            .require(Role::Partner, "changes")
            .expect_err("anonymous callers do not sync");
        assert_eq!(anonymous.code(), "UNAUTHENTICATED");
    }
}
