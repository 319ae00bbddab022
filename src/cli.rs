//! The non-serving commands: `migrate`, `seed`, `schema`.

use anyhow::Context as _;

use crate::{
    config::{DatabaseArgs, KeysCommand, SeedArgs},
    db,
};

/// The database settings of the command line.
pub fn db_config(args: &DatabaseArgs) -> db::DbConfig {
    db::DbConfig {
        url: args.database_url.clone(),
        max_connections: args.db_max_connections,
        schema: None,
        statement_cache: args.db_statement_cache,
        statement_timeout: None,
        acquire_timeout: std::time::Duration::from_secs(args.db_acquire_timeout),
    }
}

/// The database settings of the read replica, when one is configured.
pub fn read_db_config(args: &DatabaseArgs) -> Option<db::DbConfig> {
    let url = args.read_database_url.clone()?;
    Some(db::DbConfig {
        url,
        ..db_config(args)
    })
}

/// `kinograph migrate`.
pub async fn migrate(args: &DatabaseArgs) -> anyhow::Result<()> {
    let (conn, _) = db::connect(&db_config(args)).await?;
    db::migrate(&conn).await?;
    println!("migrations applied to {}", db::redact(&args.database_url));
    Ok(())
}

/// `kinograph seed --demo` and/or `--synthetic [--films N] [--seed S]` (demo first).
pub async fn seed(args: &DatabaseArgs, seed: &SeedArgs) -> anyhow::Result<()> {
    use crate::seed::synthetic;
    if !seed.demo && !seed.synthetic {
        anyhow::bail!(
            "nothing to load: pass --demo to load the demo data and/or --synthetic to load a synthetic catalogue"
        );
    }
    let (conn, _) = db::connect(&db_config(args)).await?;
    db::migrate(&conn).await?;
    if seed.demo {
        if crate::seed::load_demo(&conn)
            .await
            .context("loading the demo data failed")?
        {
            println!("demo data loaded into {}", db::redact(&args.database_url));
        } else {
            println!("the database already holds data; demo data not loaded");
        }
    }
    if seed.synthetic {
        let options = synthetic::Options {
            films: seed.films as usize,
            seed: seed.seed,
            progress: true,
        };
        let report = synthetic::load(&conn, &options)
            .await
            .context("loading the synthetic catalogue failed")?;
        println!(
            "synthetic catalogue ({} films, seed {}) loaded into {}",
            options.films,
            options.seed,
            db::redact(&args.database_url)
        );
        println!("{:<22} {:>10} {:>10}", "table", "rows", "seconds");
        for table in &report.tables {
            let seconds = table.elapsed.as_secs_f64();
            println!("{:<22} {:>10} {seconds:>10.2}", table.table, table.rows);
        }
        let seconds = report.total.as_secs_f64();
        println!("{:<22} {:>10} {seconds:>10.2}", "total", report.rows());
    }
    Ok(())
}

/// `kinograph check-plans`: prints each operation's statement count and every full scan of
/// a big table; fails when there is one.
pub async fn check_plans(
    args: &DatabaseArgs,
    check: &crate::config::CheckPlansArgs,
) -> anyhow::Result<()> {
    let (conn, _) = db::connect(&db_config(args)).await?;
    let rules = crate::plans::PlanRules {
        max_seq_scan_rows: check.max_seq_scan_rows,
        force_indexes: check.force_indexes,
    };
    let report = crate::plans::check(&conn, rules).await?;
    for (operation, statements) in &report.statements {
        println!("{operation:<18} {statements:>3} statements explained");
    }
    for finding in &report.findings {
        println!(
            "FULL SCAN {} (~{:.0} rows) in {}: {}",
            finding.table, finding.rows, finding.operation, finding.sql
        );
    }
    if report.findings.is_empty() {
        println!(
            "no full scan of a table over {:.0} rows",
            rules.max_seq_scan_rows
        );
        Ok(())
    } else {
        anyhow::bail!("{} full scans of big tables", report.findings.len())
    }
}

/// `kinograph keys create|list|revoke`.
pub async fn keys(args: &DatabaseArgs, command: &KeysCommand) -> anyhow::Result<()> {
    use crate::store::api_key;
    use sea_orm::ActiveEnum as _;
    let (conn, _) = db::connect(&db_config(args)).await?;
    db::migrate(&conn).await?;
    match command {
        KeysCommand::Create { name, role } => {
            let key = api_key::create(&conn, name, *role).await?;
            eprintln!(
                "API key \"{}\" ({}) created. It is shown only this once; store it now:",
                name.trim(),
                role.to_value()
            );
            println!("{key}");
        }
        KeysCommand::List => {
            let keys = api_key::list(&conn).await?;
            if keys.is_empty() {
                println!(
                    "no API keys; create one with `kinograph keys create --name NAME --role partner|editor`"
                );
            }
            println!(
                "{:<30} {:<8} {:<12} {:<20} revoked",
                "name", "role", "key", "created"
            );
            for key in keys {
                let revoked = key
                    .revoked_at
                    .map(|at| at.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| "-".to_string());
                println!(
                    "{:<30} {:<8} {:<12} {:<20} {revoked}",
                    key.name,
                    key.role.to_value(),
                    format!("{}…", key.key_prefix),
                    key.created_at.format("%Y-%m-%d %H:%M"),
                );
            }
        }
        KeysCommand::Revoke { name } => {
            api_key::revoke(&conn, name).await?;
            println!("API key \"{}\" revoked", name.trim());
        }
    }
    Ok(())
}

/// `kinograph export --format jsonl [--output FILE]`; the lines per type go to stderr.
pub async fn export(args: &DatabaseArgs, export: &crate::config::ExportArgs) -> anyhow::Result<()> {
    use std::io::{BufWriter, Write};
    let (conn, _) = db::connect(&db_config(args)).await?;
    db::migrate(&conn).await?;
    let started = std::time::Instant::now();
    let counts = match &export.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            let mut out = BufWriter::new(file);
            let counts = crate::transfer::export::export(&conn, &mut out).await?;
            out.flush().context("cannot write the export")?;
            counts
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            crate::transfer::export::export(&conn, &mut out).await?
        }
    };
    for (kind, n) in &counts {
        eprintln!("{kind:<16} {n:>9} lines");
    }
    eprintln!(
        "exported {} records from {} in {:.1} s",
        counts.iter().map(|(_, n)| n).sum::<usize>(),
        db::redact(&args.database_url),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Lines above which `import` shows a progress bar.
const PROGRESS_FROM_LINES: usize = 2_000;

/// `kinograph import FILE [--dry-run]`: rejected lines, then a summary, go to stderr; fails
/// (exit code 1) when any line was rejected.
pub async fn import(
    args: &DatabaseArgs,
    import: &crate::config::ImportArgs,
    serve: &crate::config::ServeArgs,
) -> anyhow::Result<()> {
    let input = std::fs::read_to_string(&import.file)
        .with_context(|| format!("cannot read {}", import.file.display()))?;
    let (conn, _) = db::connect(&db_config(args)).await?;
    db::migrate(&conn).await?;
    let started = std::time::Instant::now();
    let lines = input.lines().count();
    let bar = (lines > PROGRESS_FROM_LINES).then(|| {
        let bar = indicatif::ProgressBar::new(lines as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} lines, {elapsed} (eta {eta})",
        ) {
            bar.set_style(style);
        }
        bar
    });
    let report = crate::transfer::import::import(&conn, &input, import.dry_run, |n| {
        if let Some(bar) = &bar {
            bar.set_position(n as u64);
        }
    })
    .await?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    for rejection in &report.rejected {
        eprintln!("{rejection}");
    }
    eprintln!(
        "{:<16} {:>9} {:>9} {:>9}",
        "", "created", "updated", "rejected"
    );
    for (kind, n) in &report.counts {
        eprintln!(
            "{kind:<16} {:>9} {:>9} {:>9}",
            n.created, n.updated, n.rejected
        );
    }
    eprintln!(
        "{} {} lines into {} in {:.1} s{}",
        if import.dry_run {
            "checked"
        } else {
            "imported"
        },
        lines,
        db::redact(&args.database_url),
        started.elapsed().as_secs_f64(),
        if import.dry_run {
            " (dry run: nothing changed)"
        } else {
            ""
        }
    );
    // Servers sharing a cache through Redis drop what the import may have changed; an
    // in-process cache cannot be reached from here (its entries expire with their TTL).
    if !import.dry_run
        && let Some(url) = &serve.cache_url
    {
        let redis = crate::cache::redis::SharedRedis::new(url, &serve.cache_prefix)?;
        if redis.bump(&crate::cache::topics::TOPICS).await {
            eprintln!("shared response cache invalidated");
        } else {
            eprintln!("warning: the shared response cache could not be invalidated");
        }
    }
    if report.rejected.is_empty() {
        Ok(())
    } else {
        anyhow::bail!("{} lines were rejected", report.rejected.len())
    }
}

/// `kinograph schema`: prints the SDL.
pub fn print_schema() -> anyhow::Result<()> {
    print!("{}", crate::graphql::sdl());
    Ok(())
}

/// `kinograph trusted-documents PATH...`: prints the manifest of the operations of the
/// `.graphql` files found at the paths.
pub fn trusted_documents(args: &crate::config::TrustedDocumentsArgs) -> anyhow::Result<()> {
    println!("{}", crate::http::trusted::manifest(&args.paths)?);
    Ok(())
}
