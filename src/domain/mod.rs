//! Domain value types: enumerations, the caller, and the rules of their values.

pub mod enums;
pub mod viewer;
