//! `kinograph check-plans`: runs every contract operation against a PostgreSQL catalogue,
//! captures the statements each issues, `EXPLAIN`s them, and flags every full scan (a
//! sequential scan, or an index scan without an index condition) of a table holding more
//! rows than a threshold.

use std::collections::{BTreeSet, HashMap};

use anyhow::{Context as _, bail};
use async_graphql::{Request, Variables};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, TransactionTrait};
use serde_json::{Value, json};

use crate::{
    contract::Operation,
    db::{capture_statements, is_postgres},
    domain::viewer::Caller,
    graphql::{AppSchema, build_schema, execute_one, types::locale::Locale},
};

/// A full scan of a big table.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The operation that issued the statement.
    pub operation: String,
    /// The table scanned.
    pub table: String,
    /// Its estimated rows.
    pub rows: f64,
    /// The statement (SQL text).
    pub sql: String,
}

/// What the check saw.
#[derive(Debug, Default)]
pub struct PlanReport {
    /// Statements explained, per operation.
    pub statements: Vec<(String, usize)>,
    /// Full scans of big tables.
    pub findings: Vec<Finding>,
}

/// How strict the check is.
#[derive(Debug, Clone, Copy)]
pub struct PlanRules {
    /// Largest table (estimated rows) a full scan may read without being flagged.
    pub max_seq_scan_rows: f64,
    /// Plan as for a big catalogue on a small one: explain with sequential scans, hash and
    /// merge joins disabled (so the planner reads a table whole only where no index can
    /// serve the statement) and judge each table by its size scaled to `SCALE_FILMS` films.
    pub force_indexes: bool,
}

/// The catalogue size `PlanRules::force_indexes` scales table sizes to.
pub const SCALE_FILMS: f64 = 100_000.0;

/// Runs the check.
pub async fn check(db: &DatabaseConnection, rules: PlanRules) -> anyhow::Result<PlanReport> {
    if !is_postgres(db) {
        bail!("check-plans explains PostgreSQL plans: point --database-url at PostgreSQL");
    }
    db.execute_unprepared("ANALYZE")
        .await
        .context("ANALYZE failed")?;
    let mut rows = table_rows(db).await?;
    if rules.force_indexes {
        // Judge each table by its size in a catalogue of `SCALE_FILMS` films.
        let films = rows.get("film").copied().unwrap_or(0.0).max(1.0);
        for estimate in rows.values_mut() {
            *estimate *= SCALE_FILMS / films;
        }
    }
    let schema = build_schema();
    let samples = discover(&schema, db).await?;
    let mut report = PlanReport::default();
    for operation in Operation::ALL {
        let name = operation.name();
        let mut explained = 0;
        for variables in samples.variables(operation) {
            let request = Request::new(operation.document()).operation_name(name);
            let (answer, statements) =
                capture_statements(run(&schema, db, request, variables)).await;
            answer.with_context(|| format!("{name} failed"))?;
            for statement in statements {
                explained += 1;
                for table in full_scans(&explain(db, &statement, rules.force_indexes).await?) {
                    let estimate = rows.get(&table).copied().unwrap_or(0.0);
                    if estimate > rules.max_seq_scan_rows {
                        report.findings.push(Finding {
                            operation: name.to_string(),
                            table,
                            rows: estimate,
                            sql: statement.sql.clone(),
                        });
                    }
                }
            }
        }
        report.statements.push((name.to_string(), explained));
    }
    Ok(report)
}

/// Estimated rows of each table of the current schema.
async fn table_rows(db: &DatabaseConnection) -> anyhow::Result<HashMap<String, f64>> {
    let sql = "SELECT c.relname AS name, c.reltuples::float8 AS rows FROM pg_class c \
               JOIN pg_namespace n ON n.oid = c.relnamespace \
               WHERE n.nspname = current_schema() AND c.relkind = 'r'";
    let mut rows = HashMap::new();
    for row in db
        .query_all_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await?
    {
        rows.insert(
            row.try_get::<String>("", "name")?,
            row.try_get::<f64>("", "rows")?,
        );
    }
    Ok(rows)
}

async fn explain(
    db: &DatabaseConnection,
    statement: &Statement,
    force_indexes: bool,
) -> anyhow::Result<Value> {
    let explained = Statement {
        sql: format!("EXPLAIN (FORMAT JSON) {}", statement.sql),
        values: statement.values.clone(),
        db_backend: statement.db_backend,
    };
    // In a transaction of its own, so that the setting stays on its connection.
    let txn = db.begin().await?;
    if force_indexes {
        // Nested loops too, so that joins look their rows up by index as they would in a
        // big catalogue, instead of hashing a small table whole.
        txn.execute_unprepared(
            "SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off; \
             SET LOCAL enable_mergejoin = off",
        )
        .await?;
    }
    let row = txn
        .query_one_raw(explained)
        .await?
        .context("EXPLAIN returned nothing")?;
    txn.rollback().await?;
    Ok(row.try_get::<Value>("", "QUERY PLAN")?)
}

/// The tables a plan reads whole: with a sequential scan, or with an index scan that has
/// no index condition (what the planner chooses instead when sequential scans are off).
pub fn full_scans(plan: &Value) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![plan];
    while let Some(node) = stack.pop() {
        match node {
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => {
                let whole = match map.get("Node Type").and_then(Value::as_str) {
                    Some("Seq Scan") => true,
                    Some("Index Scan" | "Index Only Scan") => !map.contains_key("Index Cond"),
                    _ => false,
                };
                if whole && let Some(table) = map.get("Relation Name").and_then(Value::as_str) {
                    found.insert(table.to_string());
                }
                stack.extend(map.values());
            }
            _ => {}
        }
    }
    found
}

/// Real values of the catalogue to fill the operations' variables with.
struct Samples {
    film: Value,
    film_id: Value,
    organization: Value,
    agreement: Value,
    edition: Value,
    location: Value,
    second_page: Value,
    last_page: Value,
}

impl Samples {
    fn variables(&self, operation: Operation) -> Vec<Value> {
        match operation {
            Operation::AgreementPage => vec![json!({ "slug": self.agreement })],
            Operation::FestivalProgramme => vec![json!({ "edition": self.edition })],
            Operation::FilmCatalogue => vec![
                json!({ "first": 24 }),
                json!({ "first": 24, "after": self.second_page }),
                // Deep into the list: a page must cost what the first page costs.
                json!({ "first": 24, "after": self.last_page }),
                json!({ "first": 24, "filter": { "yearFrom": 2020, "yearTo": 2026, "genres": ["drama"],
                    "productionStatuses": ["RELEASED"], "organizationSlug": self.organization, "countries": ["RU"] },
                    "orderBy": [{ "field": "YEAR", "direction": "DESC" }, { "field": "TITLE", "direction": "ASC" }] }),
            ],
            Operation::FilmPage => vec![json!({ "slug": self.film })],
            Operation::LocationPage => vec![json!({ "slug": self.location })],
            Operation::NodeLookup => vec![json!({ "ids": [self.film_id] })],
            Operation::OrganizationPage => vec![json!({ "slug": self.organization })],
            Operation::PartnerSync => vec![json!({ "since": "2000-01-01T00:00:00Z" })],
            Operation::PressRoom => vec![
                json!({}),
                json!({ "filter": { "kinds": ["PRESS_RELEASE"] } }),
            ],
        }
    }
}

/// Films read per discovery page, and how many pages at most.
const DISCOVERY_PAGE: usize = 100;
const DISCOVERY_PAGES: usize = 20;

/// Runs `request` with `variables` as an anonymous client; its data, or its errors.
async fn run(
    schema: &AppSchema,
    db: &DatabaseConnection,
    request: Request,
    variables: Value,
) -> anyhow::Result<Value> {
    let request = request.variables(Variables::from_json(variables));
    let (response, _) = execute_one(schema, db, Caller::default(), Locale::Ru, request).await;
    if !response.errors.is_empty() {
        bail!("answered with errors: {:?}", response.errors);
    }
    response.data.into_json().context("the answer is not JSON")
}

/// Reads films page by page (at most `DISCOVERY_PAGES` pages) until each kind of sample has
/// been seen: the newest films of a catalogue often have no screenings or shoots yet.
async fn discover(schema: &AppSchema, db: &DatabaseConnection) -> anyhow::Result<Samples> {
    // Released films: the ones with screenings and shoots.
    let query = "query($first: Int, $after: String) { films(first: $first, after: $after,
        filter: { productionStatuses: [RELEASED] }) {
        pageInfo { hasNextPage endCursor } nodes { id slug
        coProductions { organization { slug } agreement { slug } }
        shoots { location { slug } }
        screenings(first: 1) { nodes { edition { slug } } } } } }";
    let mut films: Vec<Value> = Vec::new();
    let mut after = Value::Null;
    for _ in 0..DISCOVERY_PAGES {
        let data = run(
            schema,
            db,
            Request::new(query),
            json!({ "first": DISCOVERY_PAGE, "after": after }),
        )
        .await
        .context("discovery failed")?;
        let page = &data["films"];
        films.extend(page["nodes"].as_array().cloned().unwrap_or_default());
        after = page["pageInfo"]["endCursor"].clone();
        let samples = Samples::from_films(&films);
        if samples.missing().is_none() || page["pageInfo"]["hasNextPage"] != true {
            break;
        }
    }
    let mut samples = Samples::from_films(&films);
    if let Some(what) = samples.missing() {
        bail!(
            "the catalogue has no {what} reachable from its first {} films; load data first",
            films.len()
        );
    }
    // Cursors of the whole catalogue: the end of its first page, and the 25th film from
    // the end (the next page is the list's last).
    let ends = run(
        schema,
        db,
        Request::new(
            "{ head: films(first: 24) { pageInfo { endCursor } }
               tail: films(last: 25) { pageInfo { startCursor } } }",
        ),
        json!({}),
    )
    .await
    .context("discovery failed")?;
    samples.second_page = ends["head"]["pageInfo"]["endCursor"].clone();
    samples.last_page = ends["tail"]["pageInfo"]["startCursor"].clone();
    Ok(samples)
}

impl Samples {
    fn from_films(films: &[Value]) -> Self {
        let first = |pick: &dyn Fn(&Value) -> Option<Value>| {
            films.iter().find_map(pick).unwrap_or(Value::Null)
        };
        Samples {
            film: first(&|f| Some(f["slug"].clone())),
            film_id: first(&|f| Some(f["id"].clone())),
            organization: first(&|f| {
                f["coProductions"][0]["organization"]["slug"]
                    .as_str()
                    .map(Value::from)
            }),
            agreement: first(&|f| {
                f["coProductions"]
                    .as_array()?
                    .iter()
                    .find_map(|c| c["agreement"]["slug"].as_str().map(Value::from))
            }),
            edition: first(&|f| {
                f["screenings"]["nodes"][0]["edition"]["slug"]
                    .as_str()
                    .map(Value::from)
            }),
            location: first(&|f| f["shoots"][0]["location"]["slug"].as_str().map(Value::from)),
            second_page: Value::Null,
            last_page: Value::Null,
        }
    }

    /// The first kind of sample not found, if any.
    fn missing(&self) -> Option<&'static str> {
        [
            ("film", &self.film),
            ("organization", &self.organization),
            ("agreement", &self.agreement),
            ("edition", &self.edition),
            ("location", &self.location),
        ]
        .into_iter()
        .find_map(|(what, value)| value.is_null().then_some(what))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_scans_are_found_anywhere_in_a_plan() {
        let plan = json!([{ "Plan": { "Node Type": "Limit", "Plans": [
            { "Node Type": "Nested Loop", "Plans": [
                { "Node Type": "Index Scan", "Relation Name": "film", "Index Cond": "(id = 1)" },
                { "Node Type": "Seq Scan", "Relation Name": "co_production" },
                { "Node Type": "Index Scan", "Relation Name": "screening",
                  "Filter": "(venue_id = 3)" } ] } ] } }]);
        assert_eq!(
            full_scans(&plan),
            BTreeSet::from(["co_production".to_string(), "screening".to_string()])
        );
        let indexed = json!([{ "Plan": { "Node Type": "Index Only Scan", "Relation Name": "film",
            "Index Cond": "(status = 'PUBLISHED')" } }]);
        assert!(full_scans(&indexed).is_empty());
    }
}
