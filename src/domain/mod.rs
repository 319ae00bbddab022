//! Domain value types: enumerations, the caller, and the rules of their values.

pub mod api_key;
pub mod enums;
pub mod rules;
pub mod search;
pub mod viewer;
