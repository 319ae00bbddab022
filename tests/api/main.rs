//! The integration suite: every test goes through the real router over a real database
//! (SQLite by default; PostgreSQL when `KINOGRAPH_TEST_DATABASE_URL` is set).
#![allow(clippy::unwrap_used)]

mod common;

mod agreement_editing;
mod batching;
mod caching;
mod editing;
mod errors;
mod faults;
mod festival_editing;
mod fuzz;
mod http;
mod limits;
mod location_editing;
mod observability;
mod operations;
mod pagination;
mod people_editing;
mod persisted;
mod plans;
mod press_editing;
mod rate_limit;
mod replica;
mod response_cache;
mod roles;
mod schema;
mod search;
mod seo;
mod shutdown;
mod synthetic;
mod trail;
mod transfer;
mod visibility;
