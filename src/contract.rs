//! The read operations of the API contract, embedded from `tests/operations/` so that the
//! tools run them exactly as clients send them: `kinograph check-plans` and
//! `kinograph-bench`. (`EditorFlow.graphql` writes; it is exercised by the editing tests.)

/// One contract operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// The promo site's catalogue grid.
    FilmCatalogue,
    /// One film's page.
    FilmPage,
    /// One organization's page.
    OrganizationPage,
    /// One agreement's page.
    AgreementPage,
    /// One location's page.
    LocationPage,
    /// A festival edition's programme.
    FestivalProgramme,
    /// The press room.
    PressRoom,
    /// A partner's sync of changed films.
    PartnerSync,
    /// Look-ups by global id.
    NodeLookup,
}

impl Operation {
    /// Every operation, in the contract's order.
    pub const ALL: [Operation; 9] = [
        Operation::FilmCatalogue,
        Operation::FilmPage,
        Operation::OrganizationPage,
        Operation::AgreementPage,
        Operation::LocationPage,
        Operation::FestivalProgramme,
        Operation::PressRoom,
        Operation::PartnerSync,
        Operation::NodeLookup,
    ];

    /// The operation name, as in its document and in `/metrics`.
    pub fn name(self) -> &'static str {
        match self {
            Operation::FilmCatalogue => "FilmCatalogue",
            Operation::FilmPage => "FilmPage",
            Operation::OrganizationPage => "OrganizationPage",
            Operation::AgreementPage => "AgreementPage",
            Operation::LocationPage => "LocationPage",
            Operation::FestivalProgramme => "FestivalProgramme",
            Operation::PressRoom => "PressRoom",
            Operation::PartnerSync => "PartnerSync",
            Operation::NodeLookup => "NodeLookup",
        }
    }

    /// The operation whose name is `name` (case-insensitive).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|op| op.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The GraphQL document, exactly as the clients send it.
    pub fn document(self) -> &'static str {
        match self {
            Operation::FilmCatalogue => include_str!("../tests/operations/FilmCatalogue.graphql"),
            Operation::FilmPage => include_str!("../tests/operations/FilmPage.graphql"),
            Operation::OrganizationPage => {
                include_str!("../tests/operations/OrganizationPage.graphql")
            }
            Operation::AgreementPage => include_str!("../tests/operations/AgreementPage.graphql"),
            Operation::LocationPage => include_str!("../tests/operations/LocationPage.graphql"),
            Operation::FestivalProgramme => {
                include_str!("../tests/operations/FestivalProgramme.graphql")
            }
            Operation::PressRoom => include_str!("../tests/operations/PressRoom.graphql"),
            Operation::PartnerSync => include_str!("../tests/operations/PartnerSync.graphql"),
            Operation::NodeLookup => include_str!("../tests/operations/NodeLookup.graphql"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Operation;

    #[test]
    fn every_document_declares_its_operation_by_name() {
        for op in Operation::ALL {
            assert!(
                op.document().contains(&format!("query {}", op.name())),
                "{} does not declare `query {}`",
                op.name(),
                op.name()
            );
            assert_eq!(Operation::parse(&op.name().to_lowercase()), Some(op));
        }
    }
}
