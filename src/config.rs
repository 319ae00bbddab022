//! Command line and environment configuration (clap derive; every flag has an env var).

use clap::{Args, Parser, Subcommand};

/// Kinograph: the GraphQL catalogue of a film co-production partnership.
#[derive(Debug, Parser)]
#[command(name = "kinograph", version, about)]
pub struct Cli {
    /// Database settings shared by every command.
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Server settings, for `serve`.
    #[command(flatten)]
    pub serve: ServeArgs,
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands of the binary.
#[derive(Debug, Default, Subcommand)]
pub enum Command {
    /// Serve the GraphQL API and playground (the default).
    #[default]
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load data into the database.
    Seed(SeedArgs),
    /// Print the GraphQL schema (SDL) the server serves.
    Schema,
    /// EXPLAIN every statement of the contract operations (PostgreSQL) and flag full scans
    /// of big tables.
    CheckPlans(CheckPlansArgs),
    /// Write the whole catalogue to a file (or standard output).
    Export(ExportArgs),
    /// Read a catalogue file written by `export` and upsert its records by slug.
    Import(ImportArgs),
    /// Issue, list and revoke API keys.
    #[command(subcommand)]
    Keys(KeysCommand),
    /// Print the trusted-documents manifest (for `--trusted-documents`) of `.graphql` files.
    TrustedDocuments(TrustedDocumentsArgs),
}

/// Options of `kinograph trusted-documents`.
#[derive(Debug, Clone, Args)]
pub struct TrustedDocumentsArgs {
    /// `.graphql` files, or directories searched for them.
    #[arg(required = true)]
    pub paths: Vec<std::path::PathBuf>,
}

/// The formats `kinograph export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// JSON lines: one record per line, references by slug, dependencies first.
    Jsonl,
}

/// Options of `kinograph export`.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// The file format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    /// Where to write; standard output when omitted.
    #[arg(long, short)]
    pub output: Option<std::path::PathBuf>,
}

/// Options of `kinograph import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The JSON lines file to import (as written by `kinograph export --format jsonl`).
    pub file: std::path::PathBuf,
    /// Check and report every line, then roll everything back: nothing changes.
    #[arg(long)]
    pub dry_run: bool,
}

/// `kinograph keys ...`.
#[derive(Debug, Clone, Subcommand)]
pub enum KeysCommand {
    /// Issue a new key and print it once (only its hash is stored).
    Create {
        /// Who holds the key (unique; recorded as the author of the key's writes).
        #[arg(long)]
        name: String,
        /// What the key may do: `partner` reads embargoed material and syncs, `editor` also
        /// reads drafts and writes.
        #[arg(long, value_enum)]
        role: crate::domain::viewer::Role,
    },
    /// List the keys: name, role, start of the key, created, revoked.
    List,
    /// Revoke the key with this name; requests with it are refused from then on.
    Revoke {
        /// The key's name.
        name: String,
    },
}

/// Where the data lives.
#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// Database URL: `sqlite://FILE` (embedded, the default; created if missing) or
    /// `postgres://…` (production).
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://kinograph.db",
        global = true
    )]
    pub database_url: String,
    /// Maximum number of pooled database connections.
    #[arg(
        long,
        env = "KINOGRAPH_DB_MAX_CONNECTIONS",
        default_value_t = 8,
        global = true
    )]
    pub db_max_connections: u32,
    /// Read replica URL (PostgreSQL): queries read from it, writes go to `--database-url`.
    #[arg(long, env = "DATABASE_READ_URL", global = true)]
    pub read_database_url: Option<String>,
    /// Prepared statements cached per connection.
    #[arg(
        long,
        env = "KINOGRAPH_DB_STATEMENT_CACHE",
        default_value_t = 256,
        global = true
    )]
    pub db_statement_cache: usize,
    /// Seconds a query waits for a pooled database connection before failing with
    /// `INTERNAL`; while the database is away, requests fail after this long.
    #[arg(
        long,
        env = "KINOGRAPH_DB_ACQUIRE_TIMEOUT",
        default_value_t = crate::db::DEFAULT_ACQUIRE_TIMEOUT.as_secs(),
        value_parser = clap::value_parser!(u64).range(1..=600),
        global = true
    )]
    pub db_acquire_timeout: u64,
}

/// Options of `kinograph serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(
        long,
        env = "KINOGRAPH_BIND",
        default_value = "127.0.0.1:8000",
        global = true
    )]
    pub bind: String,
    /// Do not load the demo data into an empty database.
    #[arg(long, env = "KINOGRAPH_NO_DEMO", global = true)]
    pub no_demo: bool,
    /// Base URL of the public promo site (`https://kino.example`), from which the canonical
    /// URLs of JSON-LD, the Atom feed, the calendars and the sitemap are built; when omitted,
    /// `http://` and the address the server listens on.
    #[arg(long, env = "KINOGRAPH_PUBLIC_URL", global = true, value_parser = crate::seo::urls::PublicUrl::parse)]
    pub public_url: Option<crate::seo::urls::PublicUrl>,
    /// Bytes of anonymous query responses the in-process response cache keeps (least
    /// recently used leave first); 0 turns the response cache off.
    #[arg(
        long,
        env = "KINOGRAPH_RESPONSE_CACHE_BYTES",
        default_value_t = 64 * 1024 * 1024,
        global = true
    )]
    pub response_cache_bytes: usize,
    /// Longest time (seconds) a cached response lives: less when the schema hints a shorter
    /// max-age or an embargo lifts sooner; writes through this API invalidate it at once.
    #[arg(
        long,
        env = "KINOGRAPH_RESPONSE_CACHE_TTL",
        default_value_t = 60,
        global = true
    )]
    pub response_cache_ttl: u64,
    /// Shared cache (`redis://host:port/db`): responses, their invalidations and persisted
    /// queries live there, shared by every instance; `import` invalidates there too.
    #[arg(long, env = "KINOGRAPH_CACHE_URL", global = true)]
    pub cache_url: Option<String>,
    /// Prefix of every key in the shared cache.
    #[arg(
        long,
        env = "KINOGRAPH_CACHE_PREFIX",
        default_value = "kinograph:",
        global = true
    )]
    pub cache_prefix: String,
    /// Apollo persisted-query manifest of the only operations anonymous clients may run
    /// (see `kinograph trusted-documents`); keyed clients are not restricted.
    #[arg(long, env = "KINOGRAPH_TRUSTED_DOCUMENTS", global = true)]
    pub trusted_documents: Option<std::path::PathBuf>,
    /// Seconds in-flight requests get to finish after SIGTERM or Ctrl-C (no new connection is
    /// accepted meanwhile); past it the server exits with an error, cutting them off.
    #[arg(
        long,
        env = "KINOGRAPH_SHUTDOWN_GRACE",
        default_value_t = 30,
        global = true
    )]
    pub shutdown_grace: u64,
    /// HTTP caching and CORS.
    #[command(flatten)]
    pub http: HttpArgs,
}

/// Default of `--cache-max-age`, in seconds.
pub const DEFAULT_CACHE_MAX_AGE: u32 = 60;

/// How responses may be cached and which web pages may call the API (see README,
/// "HTTP caching").
#[derive(Debug, Clone, Args)]
pub struct HttpArgs {
    /// Longest time (seconds) a CDN or browser may keep an anonymous GET query's answer;
    /// shorter when an embargo lifts sooner. 0 turns public caching off.
    #[arg(
        long,
        env = "KINOGRAPH_CACHE_MAX_AGE",
        default_value_t = DEFAULT_CACHE_MAX_AGE,
        global = true
    )]
    pub cache_max_age: u32,
    /// A web origin (`https://promo.example`) whose pages may call the API from a browser;
    /// repeat the flag or separate origins with commas. Without any, every origin may
    /// (without credentials).
    #[arg(
        long = "cors-origin",
        env = "KINOGRAPH_CORS_ORIGINS",
        value_delimiter = ',',
        value_parser = parse_origin,
        global = true
    )]
    pub cors_origins: Vec<String>,
    /// Refuse introspection (`__schema`, `__type`) to anonymous clients, as production promo
    /// deployments may want; requests with an API key keep it (the playground needs it).
    #[arg(long, env = "KINOGRAPH_NO_INTROSPECTION", global = true)]
    pub no_introspection: bool,
}

impl Default for HttpArgs {
    fn default() -> Self {
        Self {
            cache_max_age: DEFAULT_CACHE_MAX_AGE,
            cors_origins: Vec::new(),
            no_introspection: false,
        }
    }
}

/// An origin as browsers send it in `Origin`: scheme, host and port only, lowercase.
fn parse_origin(text: &str) -> Result<String, String> {
    let url = url::Url::parse(text.trim())
        .map_err(|err| format!("\"{text}\" is not an origin like https://promo.example: {err}"))?;
    let bare = url.path() == "/" && url.query().is_none() && url.fragment().is_none();
    if !matches!(url.scheme(), "http" | "https") || !url.has_host() || !bare {
        return Err(format!(
            "\"{text}\" is not an origin: give scheme and host only, like https://promo.example"
        ));
    }
    Ok(url.origin().ascii_serialization())
}

/// Options of `kinograph check-plans`.
#[derive(Debug, Clone, Args)]
pub struct CheckPlansArgs {
    /// Largest table (estimated rows) a full scan (sequential, or an index scan without an
    /// index condition) may read without being flagged.
    #[arg(long, default_value_t = 10_000.0)]
    pub max_seq_scan_rows: f64,
    /// Plan as for a big catalogue on a small one: sequential scans, hash and merge joins
    /// disabled, and tables judged by their size scaled to 100,000 films.
    #[arg(long)]
    pub force_indexes: bool,
}

/// Options of `kinograph seed`.
#[derive(Debug, Clone, Args)]
pub struct SeedArgs {
    /// Load the demo data (the partnership's press release and labelled samples).
    #[arg(long)]
    pub demo: bool,
    /// Load a deterministic synthetic catalogue (after the demo data when both are given);
    /// refused when the database already holds synthetic data.
    #[arg(long)]
    pub synthetic: bool,
    /// Number of synthetic films; every other table scales with it.
    #[arg(
        long,
        default_value_t = 100_000,
        requires = "synthetic",
        value_parser = clap::value_parser!(u32).range(1..=crate::seed::synthetic::MAX_FILMS as i64)
    )]
    pub films: u32,
    /// Seed of the synthetic catalogue: the same films and seed give the same rows.
    #[arg(long, default_value_t = 1, requires = "synthetic")]
    pub seed: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn keys_take_a_name_and_a_partner_or_editor_role() {
        let cli = Cli::try_parse_from([
            "kinograph",
            "keys",
            "create",
            "--name",
            "newsroom",
            "--role",
            "editor",
        ])
        .expect("parses");
        assert!(matches!(
            cli.command,
            Some(Command::Keys(KeysCommand::Create { ref name, role: crate::domain::viewer::Role::Editor })) if name == "newsroom"
        ));
        assert!(
            Cli::try_parse_from([
                "kinograph",
                "keys",
                "create",
                "--name",
                "x",
                "--role",
                "admin"
            ])
            .is_err()
        );
        assert!(matches!(
            Cli::try_parse_from(["kinograph", "keys", "revoke", "newsroom"])
                .expect("parses")
                .command,
            Some(Command::Keys(KeysCommand::Revoke { .. }))
        ));
    }

    #[test]
    fn the_public_url_must_be_an_http_base_url() {
        let cli = Cli::try_parse_from(["kinograph", "--public-url", "https://kino.example/site/"])
            .expect("parses");
        let url = cli.serve.public_url.expect("given");
        assert_eq!(url.as_str(), "https://kino.example/site");
        assert!(Cli::try_parse_from(["kinograph", "--public-url", "ftp://kino.example"]).is_err());
        assert!(Cli::try_parse_from(["kinograph", "--public-url", "kino.example"]).is_err());
    }

    #[test]
    fn cors_origins_repeat_or_split_on_commas_and_must_be_bare_origins() {
        let cli = Cli::try_parse_from([
            "kinograph",
            "--cors-origin",
            "https://Promo.example/",
            "--cors-origin",
            "https://a.example,http://localhost:3000",
        ])
        .expect("parses");
        assert_eq!(
            cli.serve.http.cors_origins,
            [
                "https://promo.example",
                "https://a.example",
                "http://localhost:3000"
            ]
        );
        assert_eq!(cli.serve.http.cache_max_age, DEFAULT_CACHE_MAX_AGE);
        for bad in [
            "promo.example",
            "https://promo.example/page",
            "ftp://x.example",
        ] {
            assert!(
                Cli::try_parse_from(["kinograph", "--cors-origin", bad]).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn no_subcommand_means_serve() {
        let cli = Cli::try_parse_from(["kinograph"]).expect("parses");
        assert!(matches!(cli.command.unwrap_or_default(), Command::Serve));
    }
}
