//! The `kinograph` binary: parses the command line and hands over to the library.

use clap::Parser;
use kinograph::config::{Cli, Command};

/// mimalloc: the server allocates many small, short-lived objects per request.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    kinograph::telemetry::init(cli.log.log_format);
    match cli.command.unwrap_or_default() {
        Command::Serve => kinograph::serve(&cli.database, &cli.serve).await,
        Command::Migrate => kinograph::cli::migrate(&cli.database).await,
        Command::Seed(args) => kinograph::cli::seed(&cli.database, &args).await,
        Command::Schema => kinograph::cli::print_schema(),
        Command::CheckPlans(args) => kinograph::cli::check_plans(&cli.database, &args).await,
        Command::Keys(command) => kinograph::cli::keys(&cli.database, &command).await,
        Command::Export(args) => kinograph::cli::export(&cli.database, &args).await,
        Command::Import(args) => kinograph::cli::import(&cli.database, &args, &cli.serve).await,
        Command::TrustedDocuments(args) => kinograph::cli::trusted_documents(&args),
    }
}
