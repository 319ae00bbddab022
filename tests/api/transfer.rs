//! `kinograph export`: the whole catalogue as JSON lines, deterministic, every reference by
//! slug to a record of an earlier line; `kinograph import`: its counterpart, upserting by slug.

use std::collections::HashSet;

use kinograph::{
    entities::{
        agreement, audit_entry, festival, festival_edition, film, location, organization, person,
        press_material,
    },
    transfer::{
        export::export,
        format::{Line, Subject},
        import::{Report, import},
    },
};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::common::TestApp;

async fn exported(app: &TestApp) -> Vec<u8> {
    let mut out = Vec::new();
    export(&app.db, &mut out).await.unwrap();
    out
}

#[tokio::test]
async fn the_export_holds_every_record_once_in_dependency_order_and_is_the_same_each_time() {
    let app = TestApp::spawn().await;
    let first = exported(&app).await;
    assert_eq!(
        first,
        exported(&app).await,
        "two exports of one catalogue are equal"
    );

    let lines: Vec<Line> = String::from_utf8(first)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let mut seen: HashSet<(&str, String)> = HashSet::new();
    let known = |seen: &HashSet<(&str, String)>, kind: &str, slug: &str| {
        assert!(
            seen.contains(&(kind, slug.to_string())),
            "{kind} {slug} before it is named"
        );
    };
    let mut counts = [0u64; 8];
    for line in &lines {
        match line {
            Line::Organization(o) => {
                counts[0] += 1;
                seen.insert(("ORGANIZATION", o.slug.clone()));
            }
            Line::Person(p) => {
                counts[1] += 1;
                for a in &p.affiliations {
                    known(&seen, "ORGANIZATION", &a.organization);
                }
                seen.insert(("PERSON", p.slug.clone()));
            }
            Line::Festival(f) => {
                counts[2] += 1;
                for o in &f.organizers {
                    known(&seen, "ORGANIZATION", o);
                }
                seen.insert(("FESTIVAL", f.slug.clone()));
            }
            Line::FestivalEdition(e) => {
                counts[3] += 1;
                known(&seen, "FESTIVAL", &e.festival);
                seen.insert(("FESTIVAL_EDITION", e.slug.clone()));
            }
            Line::Agreement(a) => {
                counts[4] += 1;
                for p in &a.parties {
                    known(&seen, "ORGANIZATION", p);
                }
                for s in &a.signatories {
                    known(&seen, "PERSON", &s.person);
                }
                if let Some(event) = &a.signing_event {
                    known(&seen, "FESTIVAL_EDITION", event);
                }
                seen.insert(("AGREEMENT", a.slug.clone()));
            }
            Line::Location(l) => {
                counts[5] += 1;
                if let Some(owner) = &l.owner {
                    known(&seen, "ORGANIZATION", owner);
                }
                seen.insert(("LOCATION", l.slug.clone()));
            }
            Line::Film(f) => {
                counts[6] += 1;
                for c in &f.co_productions {
                    known(&seen, "ORGANIZATION", &c.organization);
                }
                for c in &f.credits {
                    known(&seen, "PERSON", &c.person);
                }
                for s in &f.shoots {
                    known(&seen, "LOCATION", &s.location);
                }
                for s in &f.screenings {
                    known(&seen, "FESTIVAL_EDITION", &s.edition);
                    known(&seen, "LOCATION", &s.venue);
                }
                seen.insert(("FILM", f.slug.clone()));
            }
            Line::PressMaterial(p) => {
                counts[7] += 1;
                for Subject { subject_type, slug } in &p.subjects {
                    known(&seen, subject_type, slug);
                }
            }
        }
    }
    let tables = [
        organization::Entity::find().count(&app.db).await.unwrap(),
        person::Entity::find().count(&app.db).await.unwrap(),
        festival::Entity::find().count(&app.db).await.unwrap(),
        festival_edition::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        agreement::Entity::find().count(&app.db).await.unwrap(),
        location::Entity::find().count(&app.db).await.unwrap(),
        film::Entity::find().count(&app.db).await.unwrap(),
        press_material::Entity::find().count(&app.db).await.unwrap(),
    ];
    assert_eq!(
        counts, tables,
        "one line per record, drafts and embargoed material included"
    );
    let embargoed = lines.iter().find_map(|l| match l {
        Line::PressMaterial(p) if p.slug == "sample-embargoed-northern-route" => Some(p),
        _ => None,
    });
    assert_eq!(
        embargoed.and_then(|p| p.embargo_until.as_deref()),
        Some("2099-01-01T00:00:00Z")
    );
    let with_screenings = lines
        .iter()
        .filter(|l| matches!(l, Line::Film(f) if !f.screenings.is_empty()))
        .count();
    assert!(with_screenings > 0, "films carry their screenings");
}

async fn imported(app: &TestApp, file: &[u8], dry_run: bool) -> Report {
    let text = std::str::from_utf8(file).unwrap();
    import(&app.db, text, dry_run, |_| {}).await.unwrap()
}

/// Asserts two exports are byte-identical, showing the first line that differs.
fn assert_same_file(got: &[u8], want: &[u8]) {
    let (got, want) = (
        std::str::from_utf8(got).unwrap(),
        std::str::from_utf8(want).unwrap(),
    );
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "line {} differs", i + 1);
    }
    assert_eq!(got.lines().count(), want.lines().count(), "as many lines");
    assert_eq!(got, want);
}

fn created_and_updated(report: &Report) -> (usize, usize) {
    report
        .counts
        .values()
        .fold((0, 0), |(c, u), n| (c + n.created, u + n.updated))
}

#[tokio::test]
async fn an_export_imported_into_an_empty_database_exports_the_same_file() {
    let demo = exported(&TestApp::spawn().await).await;
    let app = TestApp::empty().await;
    let report = imported(&app, &demo, false).await;
    let rejected: Vec<String> = report.rejected.iter().map(ToString::to_string).collect();
    assert_eq!(rejected, Vec::<String>::new(), "every line imports");
    let lines = String::from_utf8(demo.clone()).unwrap().lines().count();
    assert_eq!(created_and_updated(&report), (lines, 0));
    let again = exported(&app).await;
    assert_same_file(&again, &demo);
    let audited = audit_entry::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.actor == "import")
        .count();
    assert!(
        audited >= lines,
        "each imported write is audited as the import's"
    );
}

#[tokio::test]
async fn bad_lines_are_reported_with_their_field_and_the_good_lines_still_import() {
    let app = TestApp::empty().await;
    let file = [
        r#"{"type":"organization","slug":"good-studio","kind":"STUDIO","name":{"en":"Good Studio"}}"#,
        r#"{"type":"organization","slug":"Bad Slug!","kind":"STUDIO","name":{"en":"Bad"}}"#,
        r#"{"type":"film","slug":"orphan","status":"DRAFT","productionStatus":"RELEASED","title":{"en":"Orphan"},"originalTitle":"Orphan","coProductions":[{"organization":"good-studio","role":"LEAD_PRODUCER"},{"organization":"nobody","role":"LEAD_PRODUCER"}]}"#,
        r#"{"type":"film","slug":"too-old","status":"DRAFT","productionStatus":"RELEASED","title":{"en":"Too old"},"originalTitle":"Too old","year":1700}"#,
        r#"not json"#,
        r#"{"type":"film","slug":"good-film","status":"PUBLISHED","productionStatus":"RELEASED","title":{"en":"Good"},"originalTitle":"Good","year":2020,"publishedAt":"2024-05-01T10:00:00Z","coProductions":[{"organization":"good-studio","role":"LEAD_PRODUCER"}]}"#,
    ]
    .join("\n");
    let report = imported(&app, file.as_bytes(), false).await;
    let rejected: Vec<(usize, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.line, r.field.as_str()))
        .collect();
    assert_eq!(
        rejected,
        [
            (2, "slug"),
            (3, "coProductions[1].organization"),
            (4, "year"),
            (5, "")
        ]
    );
    assert_eq!(
        report.rejected[1].to_string(),
        "line 3: coProductions[1].organization: no organization \"nobody\""
    );
    assert_eq!(created_and_updated(&report), (2, 0));
    let text = String::from_utf8(exported(&app).await).unwrap();
    let slugs: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["slug"].to_string())
        .collect();
    assert_eq!(slugs, ["\"good-studio\"", "\"good-film\""]);
    assert!(
        text.contains(r#""publishedAt":"2024-05-01T10:00:00Z""#),
        "the publication time is kept: {text}"
    );
    assert_eq!(
        film::Entity::find().count(&app.db).await.unwrap(),
        1,
        "a rejected line leaves nothing behind, not even its first writes"
    );
}

#[tokio::test]
async fn a_dry_run_reports_but_changes_nothing() {
    let demo = exported(&TestApp::spawn().await).await;
    let app = TestApp::empty().await;
    let before = exported(&app).await;
    let report = imported(&app, &demo, true).await;
    assert!(report.rejected.is_empty());
    let lines = String::from_utf8(demo).unwrap().lines().count();
    assert_eq!(
        created_and_updated(&report),
        (lines, 0),
        "reported as if run"
    );
    assert_same_file(&exported(&app).await, &before);
    assert_eq!(audit_entry::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn importing_the_same_file_twice_updates_rather_than_duplicates() {
    let demo = exported(&TestApp::spawn().await).await;
    let app = TestApp::empty().await;
    imported(&app, &demo, false).await;
    let report = imported(&app, &demo, false).await;
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let lines = String::from_utf8(demo.clone()).unwrap().lines().count();
    assert_eq!(created_and_updated(&report), (0, lines));
    assert_same_file(&exported(&app).await, &demo);
}

#[tokio::test]
async fn a_synthetic_catalogue_passes_the_write_rules_and_round_trips() {
    let source = TestApp::empty().await;
    let options = kinograph::seed::synthetic::Options {
        films: 40,
        seed: 7,
        progress: false,
    };
    kinograph::seed::synthetic::load(&source.db, &options)
        .await
        .unwrap();
    let file = exported(&source).await;
    let app = TestApp::empty().await;
    let report = imported(&app, &file, false).await;
    let rejected: Vec<String> = report.rejected.iter().map(ToString::to_string).collect();
    assert_eq!(
        rejected,
        Vec::<String>::new(),
        "every generated record is valid input"
    );
    assert_same_file(&exported(&app).await, &file);
}
