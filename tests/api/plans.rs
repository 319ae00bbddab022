//! `kinograph check-plans` on PostgreSQL: every statement of the contract operations can be
//! served by an index. On a catalogue small enough for the suite the planner would prefer
//! sequential scans and hash joins anyway, so the check plans with them disabled: a table
//! read whole that would hold over 10,000 rows in a 100,000-film catalogue is a statement
//! no index can serve.

use kinograph::{
    plans::{self, PlanRules},
    seed::synthetic::{self, Options},
};
use sea_orm::{ConnectionTrait, DbBackend};

use crate::common::TestApp;

/// The rule (no full scan of a table over 10,000 rows), judged as for a catalogue
/// of 100,000 films.
const STRICT: PlanRules = PlanRules {
    max_seq_scan_rows: 10_000.0,
    force_indexes: true,
};

#[tokio::test]
async fn every_contract_statement_is_served_by_an_index() {
    let app = TestApp::empty().await;
    if app.db.get_database_backend() != DbBackend::Postgres {
        // Plans are PostgreSQL's; `.ci/run` runs this suite against PostgreSQL too.
        return;
    }
    let options = Options {
        films: 300,
        seed: 5,
        progress: false,
    };
    synthetic::load(&app.db, &options).await.unwrap();

    let report = plans::check(&app.db, STRICT).await.unwrap();
    assert_eq!(report.statements.len(), 9, "{:?}", report.statements);
    assert!(
        report
            .statements
            .iter()
            .all(|(_, explained)| *explained > 0),
        "{:?}",
        report.statements
    );
    assert!(report.findings.is_empty(), "{:#?}", report.findings);

    // Without the index on screenings by venue, a location's programme has none to use.
    app.db
        .execute_unprepared("DROP INDEX idx_screening_venue_id_starts_at")
        .await
        .unwrap();
    let report = plans::check(&app.db, STRICT).await.unwrap();
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.table == "screening" && f.operation == "LocationPage"),
        "{:#?}",
        report.findings
    );
}
