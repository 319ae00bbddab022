//! `kinograph export`: the whole catalogue as JSON lines, deterministic, every reference by
//! slug to a record of an earlier line.

use std::collections::HashSet;

use kinograph::{
    entities::{
        agreement, festival, festival_edition, film, location, organization, person, press_material,
    },
    transfer::{
        export::export,
        format::{Line, Subject},
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
