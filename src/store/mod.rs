//! Every query of the catalogue, one file per aggregate. Functions take the connection and
//! the `Viewer` and apply visibility themselves; relation reads take many parent ids at once
//! (for the batched loaders) and return rows grouped by parent.

pub mod agreement;
pub mod api_key;
pub mod audit;
pub mod co_production;
pub mod credit;
pub mod edit;
pub mod embargo;
pub mod festival;
pub mod film;
pub mod listing;
pub mod lookup;
pub mod organization;
pub mod page;
pub mod press;
pub mod screening;
pub mod search;
pub mod shoot;
pub mod sql;
pub mod visibility;
