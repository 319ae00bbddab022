//! GraphQL object, input and scalar types: newtypes over store rows, one file per area.

pub mod agreement;
pub mod audit;
pub mod connection;
pub mod festival;
pub mod film;
pub mod id;
pub mod json_ld;
pub mod locale;
pub mod location;
pub mod media;
pub mod node;
pub mod organization;
pub mod press;
pub mod scalars;
pub mod search;
