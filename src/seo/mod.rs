//! What search engines and feed readers read: canonical URLs of the public site's pages
//! (`urls`), schema.org JSON-LD (`json_ld`), the Atom feed of press materials (`atom`), the
//! iCalendar files of festival editions (`ics`) and the sitemap (`sitemap`). The documents
//! are built from rows read through `store` as an anonymous caller: drafts, archived and
//! embargoed material never appear.

pub mod atom;
pub mod ics;
pub mod json_ld;
pub mod sitemap;
pub mod urls;
pub mod xml;

/// The name the public site publishes under (Atom author, JSON-LD publisher).
pub const SITE_NAME: &str = "Kinograph";
