//! Command line and environment configuration (clap derive; every flag has an env var).

use clap::{Args, Parser, Subcommand};

use crate::http::rate_limit::{
    Network,
    bucket::{Period, Rate},
};

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
    /// How log lines are written.
    #[command(flatten)]
    pub log: LogArgs,
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

/// How log lines are written (every command).
#[derive(Debug, Clone, Args)]
pub struct LogArgs {
    /// `text` for people, `json` (one object per line) for log collectors; `RUST_LOG`
    /// filters either (default `info`).
    #[arg(
        long,
        env = "KINOGRAPH_LOG_FORMAT",
        value_enum,
        default_value = "text",
        global = true
    )]
    pub log_format: crate::telemetry::LogFormat,
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
    /// GraphQL operations taking longer than this (milliseconds) are logged at `warn` with
    /// their name, time, SQL statement count and document (never variables); 0 turns the
    /// slow-query log off.
    #[arg(
        long,
        env = "KINOGRAPH_SLOW_QUERY_MS",
        default_value_t = 500,
        global = true
    )]
    pub slow_query_ms: u64,
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
    /// Limits on requests and queries.
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Rate limits.
    #[command(flatten)]
    pub rate_limit: RateLimitArgs,
}

/// What one request may ask of the server (see README, "Limits"). Each limit refuses with a
/// GraphQL error and its code before any database work.
#[derive(Debug, Clone, PartialEq, Args)]
pub struct LimitArgs {
    /// Deepest field nesting accepted (QUERY_TOO_DEEP).
    #[arg(long, env = "KINOGRAPH_MAX_DEPTH", default_value_t = 16, global = true)]
    pub max_depth: usize,
    /// Highest query cost accepted (QUERY_TOO_COMPLEX): each field costs 1, and what a
    /// connection's items select counts once per item of the page asked for (first/last, or
    /// the field's default page size).
    #[arg(
        long,
        env = "KINOGRAPH_MAX_COMPLEXITY",
        default_value_t = DEFAULT_MAX_COMPLEXITY,
        global = true
    )]
    pub max_complexity: usize,
    /// Most aliased fields in one operation, fragments expanded (BAD_USER_INPUT).
    #[arg(
        long,
        env = "KINOGRAPH_MAX_ALIASES",
        default_value_t = 30,
        global = true
    )]
    pub max_aliases: usize,
    /// Most root fields in one operation, fragments expanded (BAD_USER_INPUT).
    #[arg(
        long,
        env = "KINOGRAPH_MAX_ROOT_FIELDS",
        default_value_t = 20,
        global = true
    )]
    pub max_root_fields: usize,
    /// Longest query text accepted, in bytes (BAD_USER_INPUT), checked before parsing.
    #[arg(
        long,
        env = "KINOGRAPH_MAX_QUERY_BYTES",
        default_value_t = 32 * 1024,
        global = true
    )]
    pub max_query_bytes: usize,
    /// Most operations in one batch request (BAD_USER_INPUT).
    #[arg(long, env = "KINOGRAPH_MAX_BATCH", default_value_t = 10, global = true)]
    pub max_batch: usize,
    /// Largest request body, in bytes (413, BAD_USER_INPUT), checked while it is read.
    #[arg(
        long,
        env = "KINOGRAPH_MAX_BODY_BYTES",
        default_value_t = 1024 * 1024,
        global = true
    )]
    pub max_body_bytes: usize,
    /// Longest time one operation may run, in seconds (fractions allowed); it is then
    /// stopped, its database work cancelled, and answered with an INTERNAL error saying so.
    #[arg(
        long,
        env = "KINOGRAPH_REQUEST_TIMEOUT",
        default_value = "15",
        value_parser = parse_seconds,
        global = true
    )]
    pub request_timeout: std::time::Duration,
}

/// Default of `--max-complexity`.
pub const DEFAULT_MAX_COMPLEXITY: usize = 10_000;

impl Default for LimitArgs {
    fn default() -> Self {
        Self {
            max_depth: 16,
            max_complexity: DEFAULT_MAX_COMPLEXITY,
            max_aliases: 30,
            max_root_fields: 20,
            max_query_bytes: 32 * 1024,
            max_batch: 10,
            max_body_bytes: 1024 * 1024,
            request_timeout: std::time::Duration::from_secs(15),
        }
    }
}

/// A positive number of seconds, fractions allowed (`15`, `0.5`).
fn parse_seconds(text: &str) -> Result<std::time::Duration, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s > 0.0 && *s <= 86_400.0)
        .map(std::time::Duration::from_secs_f64)
        .ok_or_else(|| format!("\"{text}\" is not a number of seconds between 0 and 86400"))
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

/// Rate limits per API key and per client address (see README, "Rate limits").
#[derive(Debug, Clone, Args)]
pub struct RateLimitArgs {
    /// Turn the rate limits off.
    #[arg(long, env = "KINOGRAPH_NO_RATE_LIMIT", global = true)]
    pub no_rate_limit: bool,
    /// Steady rate of requests per client address without an API key: `N/s`, `N/min` or
    /// `N/h`; `0/s` for no limit.
    #[arg(long, env = "KINOGRAPH_RATE_LIMIT_ANONYMOUS", default_value = "50/s", value_parser = Rate::parse, global = true)]
    pub rate_limit_anonymous: Rate,
    /// Requests a client address without an API key may send at once after a quiet spell.
    #[arg(long, env = "KINOGRAPH_RATE_LIMIT_ANONYMOUS_BURST", default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..), global = true)]
    pub rate_limit_anonymous_burst: u32,
    /// Steady rate of requests per partner key (`N/s`, `N/min`, `N/h`; `0/s` for no limit).
    #[arg(long, env = "KINOGRAPH_RATE_LIMIT_PARTNER", default_value = "100/s", value_parser = Rate::parse, global = true)]
    pub rate_limit_partner: Rate,
    /// Requests a partner key may send at once after a quiet spell.
    #[arg(long, env = "KINOGRAPH_RATE_LIMIT_PARTNER_BURST", default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..), global = true)]
    pub rate_limit_partner_burst: u32,
    /// Steady rate of requests per editor key (`N/s`, `N/min`, `N/h`; `0/s` for no limit).
    #[arg(long, env = "KINOGRAPH_RATE_LIMIT_EDITOR", default_value = "100/s", value_parser = Rate::parse, global = true)]
    pub rate_limit_editor: Rate,
    /// Requests an editor key may send at once after a quiet spell.
    #[arg(long, env = "KINOGRAPH_RATE_LIMIT_EDITOR_BURST", default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..), global = true)]
    pub rate_limit_editor_burst: u32,
    /// Client addresses never limited: addresses or networks (`10.0.0.0/8`), repeated or
    /// separated by commas; `none` to limit every address.
    #[arg(
        long = "rate-limit-exempt",
        env = "KINOGRAPH_RATE_LIMIT_EXEMPT",
        value_delimiter = ',',
        default_value = "127.0.0.0/8,::1",
        value_parser = Network::parse,
        global = true
    )]
    pub rate_limit_exempt: Vec<Network>,
    /// Proxies (CDN, load balancer) in front of the server whose `X-Forwarded-For` entries
    /// are trusted: the client address is the one the outermost of them saw. 0 (the default)
    /// ignores the header, which clients could forge, and takes the TCP peer.
    #[arg(
        long,
        env = "KINOGRAPH_TRUSTED_PROXY_HOPS",
        default_value_t = 0,
        global = true
    )]
    pub trusted_proxy_hops: usize,
}

impl Default for RateLimitArgs {
    fn default() -> Self {
        let loopback = ["127.0.0.0/8", "::1"].map(Network::parse);
        Self {
            no_rate_limit: false,
            rate_limit_anonymous: Rate::new(50.0, Period::Second),
            rate_limit_anonymous_burst: 200,
            rate_limit_partner: Rate::new(100.0, Period::Second),
            rate_limit_partner_burst: 500,
            rate_limit_editor: Rate::new(100.0, Period::Second),
            rate_limit_editor_burst: 500,
            rate_limit_exempt: loopback.into_iter().flatten().collect(),
            trusted_proxy_hops: 0,
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
    fn limits_default_as_the_command_line_does_and_take_fractional_seconds() {
        let cli = Cli::try_parse_from(["kinograph"]).expect("parses");
        assert_eq!(cli.serve.limits, LimitArgs::default());
        let cli = Cli::try_parse_from(["kinograph", "--request-timeout", "0.5"]).expect("parses");
        assert_eq!(
            cli.serve.limits.request_timeout,
            std::time::Duration::from_millis(500)
        );
        for bad in ["0", "-1", "soon", "inf"] {
            assert!(Cli::try_parse_from(["kinograph", "--request-timeout", bad]).is_err());
        }
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
    fn rate_limit_defaults_are_the_documented_ones_and_rates_take_a_period() {
        let cli = Cli::try_parse_from(["kinograph"]).expect("parses");
        let defaults = RateLimitArgs::default();
        let parsed = &cli.serve.rate_limit;
        assert_eq!(parsed.rate_limit_anonymous, defaults.rate_limit_anonymous);
        assert_eq!(parsed.rate_limit_partner, defaults.rate_limit_partner);
        assert_eq!(
            parsed.rate_limit_editor_burst,
            defaults.rate_limit_editor_burst
        );
        assert_eq!(parsed.rate_limit_exempt, defaults.rate_limit_exempt);
        assert_eq!(parsed.rate_limit_exempt.len(), 2);
        let cli = Cli::try_parse_from([
            "kinograph",
            "--rate-limit-partner",
            "600/min",
            "--rate-limit-exempt",
            "none",
        ])
        .expect("parses");
        assert_eq!(
            cli.serve.rate_limit.rate_limit_partner,
            Rate::new(600.0, Period::Minute)
        );
        assert!(
            !cli.serve.rate_limit.rate_limit_exempt[0].contains("127.0.0.1".parse().expect("ip"))
        );
        assert!(Cli::try_parse_from(["kinograph", "--rate-limit-editor", "fast"]).is_err());
        assert!(Cli::try_parse_from(["kinograph", "--rate-limit-anonymous-burst", "0"]).is_err());
    }

    #[test]
    fn logs_are_text_unless_json_is_asked_for() {
        let cli = Cli::try_parse_from(["kinograph"]).expect("parses");
        assert_eq!(cli.log.log_format, crate::telemetry::LogFormat::Text);
        assert_eq!(cli.serve.slow_query_ms, 500);
        let cli =
            Cli::try_parse_from(["kinograph", "migrate", "--log-format", "json"]).expect("parses");
        assert_eq!(cli.log.log_format, crate::telemetry::LogFormat::Json);
        assert!(Cli::try_parse_from(["kinograph", "--log-format", "xml"]).is_err());
    }

    #[test]
    fn no_subcommand_means_serve() {
        let cli = Cli::try_parse_from(["kinograph"]).expect("parses");
        assert!(matches!(cli.command.unwrap_or_default(), Command::Serve));
    }
}
