//! Opaque global ids: `base64url("<Type>:<row id>")`, decoded strictly.

use async_graphql::ID;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

use crate::error::{AppError, AppResult};

/// The object types that have global ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeType {
    /// `Film`.
    Film,
    /// `Organization`.
    Organization,
    /// `Person`.
    Person,
    /// `Agreement`.
    Agreement,
    /// `Festival`.
    Festival,
    /// `FestivalEdition`.
    FestivalEdition,
    /// `Screening`.
    Screening,
    /// `Location`.
    Location,
    /// `PressMaterial`.
    PressMaterial,
    /// `CoProduction`.
    CoProduction,
    /// `Shoot`.
    Shoot,
}

const NAMES: [(NodeType, &str); 11] = [
    (NodeType::Film, "Film"),
    (NodeType::Organization, "Organization"),
    (NodeType::Person, "Person"),
    (NodeType::Agreement, "Agreement"),
    (NodeType::Festival, "Festival"),
    (NodeType::FestivalEdition, "FestivalEdition"),
    (NodeType::Screening, "Screening"),
    (NodeType::Location, "Location"),
    (NodeType::PressMaterial, "PressMaterial"),
    (NodeType::CoProduction, "CoProduction"),
    (NodeType::Shoot, "Shoot"),
];

impl NodeType {
    /// The GraphQL type name.
    pub fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(t, _)| *t == self)
            .map(|(_, n)| *n)
            .unwrap_or("Node")
    }

    /// The type with this GraphQL name.
    pub fn from_name(name: &str) -> Option<Self> {
        NAMES.iter().find(|(_, n)| *n == name).map(|(t, _)| *t)
    }

    /// The global id of row `id` of this type.
    pub fn id(self, id: i32) -> ID {
        ID(URL_SAFE_NO_PAD.encode(format!("{}:{id}", self.name())))
    }
}

/// The type and row id inside a global id, or None when it is not one of ours.
pub fn decode(id: &str) -> Option<(NodeType, i32)> {
    let bytes = URL_SAFE_NO_PAD.decode(id.trim_end_matches('=')).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (name, row) = text.split_once(':')?;
    let node_type = NodeType::from_name(name)?;
    let row: i32 = row.parse().ok().filter(|r| *r > 0)?;
    // Only the canonical spelling is accepted ("+1" or "01" would alias another id).
    (row.to_string() == text[name.len() + 1..]).then_some((node_type, row))
}

/// The row id of `id` given in the input field `field`, which must name a `node_type`;
/// `BAD_USER_INPUT` otherwise.
pub fn expect(node_type: NodeType, id: &ID, field: &str) -> AppResult<i32> {
    match decode(id) {
        Some((found, row)) if found == node_type => Ok(row),
        _ => Err(AppError::bad_input(
            field,
            format!("\"{field}\" must be the id of a {}", node_type.name()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_stay_opaque() {
        let id = NodeType::FestivalEdition.id(42);
        assert!(!id.contains("42"));
        assert_eq!(decode(&id), Some((NodeType::FestivalEdition, 42)));
    }

    #[test]
    fn forged_ids_decode_to_nothing() {
        for forged in [
            "",
            "Zm9v",
            "!!!",
            &URL_SAFE_NO_PAD.encode("Film:abc"),
            &URL_SAFE_NO_PAD.encode("Film:+1"),
            &URL_SAFE_NO_PAD.encode("Film:-3"),
            &URL_SAFE_NO_PAD.encode("Secret:1"),
            &URL_SAFE_NO_PAD.encode("Film:99999999999"),
        ] {
            assert_eq!(decode(forged), None, "{forged}");
        }
    }
}
