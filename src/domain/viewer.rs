//! The caller of a request: anonymous, or a partner or editor by API key.

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
}
