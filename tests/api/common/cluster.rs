//! Private PostgreSQL clusters for tests that need more than a schema on the shared server:
//! a primary started with the machine's own binaries in a temporary directory, hot standbys
//! streaming from it (`pg_basebackup -R`), and durable servers (`fsync` on) that a test may
//! crash (`stop_immediate`) and start again on the same data and port. Each listens on its
//! own free loopback port with its socket in its own directory, so the shared server on 5432
//! is never touched.
//! Dropping a [`Cluster`] stops it (`pg_ctl stop -m immediate`) and removes its directory,
//! also when the test fails.
//!
//! initdb and postgres refuse to run as root: when the tests run as root, every PostgreSQL
//! binary runs as the `postgres` OS user (`runuser -u postgres --`) over directories handed
//! to that user.

use std::{
    fmt::Write as _,
    io::Write as _,
    net::{Ipv4Addr, TcpListener},
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

/// Where the cluster binaries live and as whom they run.
#[derive(Debug, Clone)]
pub struct PgTools {
    bin: PathBuf,
    /// `Some((uid, gid))` of `postgres` when running as root.
    owner: Option<(u32, u32)>,
}

/// The binaries a cluster needs.
const BINARIES: [&str; 5] = [
    "initdb",
    "pg_ctl",
    "pg_basebackup",
    "postgres",
    "pg_isready",
];

/// Settings of the environment that would send the client tools elsewhere.
const PG_ENV: [&str; 10] = [
    "PGHOST",
    "PGHOSTADDR",
    "PGPORT",
    "PGDATA",
    "PGUSER",
    "PGDATABASE",
    "PGOPTIONS",
    "PGSERVICE",
    "PGSERVICEFILE",
    "PGPASSFILE",
];

/// How long a cluster may take to start or stop.
const START_TIMEOUT: Duration = Duration::from_secs(30);

impl PgTools {
    /// The newest `/usr/lib/postgresql/<version>/bin` holding every binary a cluster needs,
    /// or `None` when there is none.
    pub fn find() -> Option<Self> {
        let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
                let bin = entry.path().join("bin");
                BINARIES
                    .iter()
                    .all(|name| bin.join(name).is_file())
                    .then_some((version, bin))
            })
            .collect();
        found.sort();
        let (_, bin) = found.pop()?;
        Some(PgTools { bin, owner: None })
    }

    /// Resolves as whom the binaries run: the `postgres` user when this process is root.
    fn resolve_owner(&mut self) -> Result<(), String> {
        if self.owner.is_some() || id(&["-u"])? != 0 {
            return Ok(());
        }
        let uid = id(&["-u", "postgres"])
            .map_err(|e| format!("tests run as root but there is no `postgres` user: {e}"))?;
        let gid = id(&["-g", "postgres"])?;
        self.owner = Some((uid, gid));
        Ok(())
    }

    /// A new temporary directory the cluster user owns.
    fn directory(&self, purpose: &str) -> Result<tempfile::TempDir, String> {
        let dir = tempfile::Builder::new()
            .prefix(&format!("kinograph-pg-{purpose}-"))
            .tempdir()
            .map_err(|e| format!("cannot create a temporary directory: {e}"))?;
        if let Some((uid, gid)) = self.owner {
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid))
                .map_err(|e| format!("cannot hand {} to postgres: {e}", dir.path().display()))?;
        }
        Ok(dir)
    }

    /// Runs a PostgreSQL binary (as `postgres` when root) and returns its output, or an error
    /// holding the command and everything it printed.
    fn run(&self, cwd: &Path, binary: &str, args: &[&str]) -> Result<String, String> {
        let program = self.bin.join(binary);
        let mut command = if self.owner.is_some() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        command
            .args(args)
            .current_dir(cwd)
            .stdin(Stdio::null())
            .env("LC_ALL", "C");
        for name in PG_ENV {
            command.env_remove(name);
        }
        let output = command
            .output()
            .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        if output.status.success() {
            Ok(stdout)
        } else {
            Err(format!(
                "`{binary} {}` failed ({}):\n{stdout}{}",
                args.join(" "),
                output.status,
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    }
}

/// The cluster binaries for the test `what`, or `None` (having said why) when this run cannot
/// use them: private clusters run in the PostgreSQL pass (`KINOGRAPH_TEST_DATABASE_URL`
/// pointing at PostgreSQL), where the machine is known to have PostgreSQL.
pub fn tools_for(what: &str) -> Option<PgTools> {
    // Written past the test harness's capture, so the skip shows in `cargo test` output.
    let skip = |why: &str| {
        let _ = writeln!(
            std::io::stderr(),
            "{what} skipped: {why} (it runs in the PostgreSQL pass of .ci/run)"
        );
    };
    match std::env::var("KINOGRAPH_TEST_DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => {}
        _ => {
            skip("KINOGRAPH_TEST_DATABASE_URL does not point at PostgreSQL");
            return None;
        }
    }
    let tools = PgTools::find();
    if tools.is_none() {
        skip(&format!(
            "no PostgreSQL server binaries ({}) in /usr/lib/postgresql/*/bin",
            BINARIES.join(", ")
        ));
    }
    tools
}

/// `id ARGS` as a number.
fn id(args: &[&str]) -> Result<u32, String> {
    let output = Command::new("id")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run id: {e}"))?;
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .map_err(|_| {
            format!(
                "`id {}` failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&output.stderr).trim()
            )
        })
}

/// A loopback port nothing listens on, below the ephemeral range so that no outgoing
/// connection takes it between now and the server binding it.
fn free_port(taken: &[u16]) -> Result<u16, String> {
    let ephemeral_low = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|range| range.split_whitespace().next()?.parse::<u16>().ok())
        .unwrap_or(32768);
    let (low, high) = (20000u16, ephemeral_low.max(20001));
    let span = u32::from(high - low);
    let seed = std::process::id()
        ^ std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
    for attempt in 0..200u32 {
        let offset = seed.wrapping_add(attempt.wrapping_mul(7919)) % span;
        let port = low + u16::try_from(offset).unwrap_or(0);
        if !taken.contains(&port) && TcpListener::bind((Ipv4Addr::LOCALHOST, port)).is_ok() {
            return Ok(port);
        }
    }
    // Let the system choose.
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|e| format!("no free loopback port: {e}"))
}

/// A running PostgreSQL cluster in a temporary directory; stopped and removed on drop.
pub struct Cluster {
    tools: PgTools,
    /// Holds `data/`, `server.log` and the socket; removed after the server stops.
    dir: tempfile::TempDir,
    port: u16,
    running: bool,
}

impl Cluster {
    /// initdb and start a primary that accepts streaming replicas: `wal_level = replica`,
    /// WAL senders, and trust for local and 127.0.0.1 connections including `replication`.
    /// Durability is off (`fsync`), as nothing outlives the test.
    pub fn primary(tools: &PgTools) -> Result<Self, String> {
        Self::init(tools, "primary", "fsync = off\n")
    }

    /// initdb and start a server that keeps every committed transaction through a crash:
    /// `fsync`, `synchronous_commit` and `full_page_writes` on, as in production.
    pub fn durable(tools: &PgTools) -> Result<Self, String> {
        Self::init(
            tools,
            "durable",
            "fsync = on\nsynchronous_commit = on\nfull_page_writes = on\n",
        )
    }

    fn init(tools: &PgTools, purpose: &str, durability: &str) -> Result<Self, String> {
        let mut tools = tools.clone();
        tools.resolve_owner()?;
        let dir = tools.directory(purpose)?;
        let port = free_port(&[])?;
        let mut cluster = Cluster {
            tools,
            dir,
            port,
            running: false,
        };
        let data = cluster.data();
        cluster.tools.run(
            cluster.dir.path(),
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ],
        )?;
        let conf = format!(
            "\n# kinograph test {purpose}\n\
            listen_addresses = '127.0.0.1'\n\
            wal_level = replica\n\
            max_wal_senders = 4\n\
            max_replication_slots = 4\n\
            hot_standby = on\n\
            max_connections = 40\n\
            shared_buffers = 16MB\n\
            {durability}\
            wal_receiver_status_interval = 1s\n"
        );
        append(&cluster.data_path().join("postgresql.conf"), &conf)?;
        let hba = "local all all trust\n\
            local replication all trust\n\
            host all all 127.0.0.1/32 trust\n\
            host replication all 127.0.0.1/32 trust\n";
        std::fs::write(cluster.data_path().join("pg_hba.conf"), hba)
            .map_err(|e| format!("cannot write pg_hba.conf: {e}"))?;
        cluster.start()?;
        Ok(cluster)
    }

    /// A hot standby of this cluster: `pg_basebackup -R` (streaming its WAL) into a new
    /// directory, started on another free port.
    pub fn standby(&self) -> Result<Self, String> {
        let dir = self.tools.directory("standby")?;
        let port = free_port(&[self.port])?;
        let mut cluster = Cluster {
            tools: self.tools.clone(),
            dir,
            port,
            running: false,
        };
        let data = cluster.data();
        let primary_port = self.port.to_string();
        cluster.tools.run(
            cluster.dir.path(),
            "pg_basebackup",
            &[
                "-h",
                "127.0.0.1",
                "-p",
                &primary_port,
                "-U",
                "postgres",
                "-w",
                "-D",
                &data,
                "-R",
                "-X",
                "stream",
                "--checkpoint=fast",
                "--no-sync",
            ],
        )?;
        cluster.start()?;
        Ok(cluster)
    }

    /// `postgres://postgres@127.0.0.1:PORT/postgres`.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Starts the server on its port (socket in its own directory) and waits, bounded, until
    /// it accepts connections.
    pub fn start(&mut self) -> Result<(), String> {
        let options = format!(
            "-c port={} -c unix_socket_directories='{}'",
            self.port,
            self.dir.path().display()
        );
        let (data, log) = (self.data(), self.log());
        let timeout = START_TIMEOUT.as_secs().to_string();
        // From here on, drop stops it even if it never comes up.
        self.running = true;
        self.tools
            .run(
                self.dir.path(),
                "pg_ctl",
                &[
                    "-D", &data, "-l", &log, "-o", &options, "-w", "-t", &timeout, "start",
                ],
            )
            .map_err(|e| format!("{e}\n{}", self.log_tail()))?;
        self.wait_accepting()
    }

    /// Stops the server (`fast`: sessions are ended, then it shuts down) and waits for it.
    pub fn stop(&mut self) -> Result<(), String> {
        self.stop_with("fast")
    }

    /// Stops the server abruptly (`immediate`: every process quits at once, as in a crash;
    /// the next start recovers from the WAL). The data directory and port stay, for
    /// [`Cluster::start`].
    pub fn stop_immediate(&mut self) -> Result<(), String> {
        self.stop_with("immediate")
    }

    fn stop_with(&mut self, mode: &str) -> Result<(), String> {
        if !self.running {
            return Ok(());
        }
        let data = self.data();
        let timeout = START_TIMEOUT.as_secs().to_string();
        let result = self.tools.run(
            self.dir.path(),
            "pg_ctl",
            &["-D", &data, "-m", mode, "-w", "-t", &timeout, "stop"],
        );
        if result.is_ok() || !self.data_path().join("postmaster.pid").exists() {
            self.running = false;
        }
        result.map(drop)
    }

    /// Polls `pg_isready` over TCP until the server accepts connections, at most 30 s.
    fn wait_accepting(&self) -> Result<(), String> {
        let port = self.port.to_string();
        let started = Instant::now();
        loop {
            let answer = self.tools.run(
                self.dir.path(),
                "pg_isready",
                &["-h", "127.0.0.1", "-p", &port, "-U", "postgres", "-t", "2"],
            );
            match answer {
                Ok(_) => return Ok(()),
                Err(e) if started.elapsed() > START_TIMEOUT => {
                    return Err(format!(
                        "the cluster in {} does not accept connections on port {port} after \
                         {START_TIMEOUT:?}: {e}\n{}",
                        self.data(),
                        self.log_tail()
                    ));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }

    fn data_path(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn data(&self) -> String {
        self.data_path().display().to_string()
    }

    fn log(&self) -> String {
        self.dir.path().join("server.log").display().to_string()
    }

    /// The end of the server log, for error messages.
    pub fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(self.log()).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        let mut tail = format!("--- end of {} ---\n", self.log());
        for line in &lines[lines.len().saturating_sub(30)..] {
            let _ = writeln!(tail, "{line}");
        }
        tail
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        // Nothing outlives the test: stop at once, the directory goes right after.
        if let Err(e) = self.stop_with("immediate") {
            eprintln!("could not stop the test cluster on port {}: {e}", self.port);
        }
    }
}

fn append(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write as _;
    std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(|e| format!("cannot append to {}: {e}", path.display()))
}
