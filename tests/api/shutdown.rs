//! Graceful shutdown of the real binary: `kinograph serve` on a free loopback port, clients
//! sending heavy catalogue pages over and over, then SIGTERM. Every request sent before the
//! signal gets its complete answer, new connections are refused, the pools close and the
//! process exits 0 within the grace period.
//!
//! Over a temporary SQLite file always; over a private PostgreSQL cluster (never the shared
//! server) in the PostgreSQL pass.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::{SocketAddr, TcpStream},
    path::Path,
    process::{Child, Command, ExitStatus, Stdio},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    thread::JoinHandle,
    time::{Duration, Instant},
};

use serde_json::{Value, json};

use crate::common::cluster::{self, Cluster};

/// Seconds in-flight requests get after the signal (`--shutdown-grace`).
const GRACE_SECS: u64 = 60;

/// The longest anything may take before the test calls it hung.
const HANG_GUARD: Duration = Duration::from_secs(90);

/// A request whose bytes were written this long before the signal is surely being read by
/// the server when the signal comes; one written in the last instant may still sit in the
/// socket, unread, when the server closes idle connections (counted, not judged).
const SURELY_READ: Duration = Duration::from_millis(500);

/// Clients sending requests at once.
const CLIENTS: usize = 6;

const CATALOGUE: &str = include_str!("../operations/FilmCatalogue.graphql");

#[test]
fn sigterm_lets_requests_in_flight_finish_and_exits_zero_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("kinograph.db").display());
    shutdown_under_load(&url, "SQLite");
}

#[test]
fn requests_still_running_when_the_grace_period_ends_are_cut_off_with_exit_status_1() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("kinograph.db").display());
    let run = run_under_load(&url, 0);
    assert_eq!(run.status.code(), Some(1), "{}", run.log);
    for said in [
        "shutdown grace period over",
        "requests were still in flight when the shutdown grace period of 0s ended",
    ] {
        assert!(
            run.log.contains(said),
            "the log says {said:?}:\n{}",
            run.log
        );
    }
    assert!(!run.log.contains("every request in flight has answered"));
}

#[test]
fn sigterm_lets_requests_in_flight_finish_and_exits_zero_on_postgres() {
    let Some(tools) = cluster::tools_for("PostgreSQL shutdown test") else {
        return;
    };
    let cluster = Cluster::primary(&tools).unwrap_or_else(|e| panic!("private cluster: {e}"));
    shutdown_under_load(&cluster.url(), "PostgreSQL");
    drop(cluster);
}

/// One request as its client saw it.
struct Sent {
    /// When its last byte was written.
    written: Instant,
    /// When the answer was complete (or the connection failed).
    ended: Instant,
    /// The complete answer: status and body; or what went wrong.
    answer: Result<(u16, Value), String>,
}

/// What a run under load saw.
struct Run {
    /// How the server exited.
    status: ExitStatus,
    /// How long after the signal it exited.
    exited: Duration,
    /// Every request the clients sent.
    sent: Vec<Sent>,
    /// When SIGTERM was sent.
    signalled: Instant,
    /// Whether a connection attempted after the exit was refused.
    refused_after: bool,
    /// The server's standard error (its log, and the error it exited with).
    log: String,
}

fn shutdown_under_load(database_url: &str, engine: &str) {
    let Run {
        status,
        exited,
        sent,
        signalled,
        refused_after,
        log,
    } = run_under_load(database_url, GRACE_SECS);
    let before: Vec<&Sent> = sent
        .iter()
        .filter(|s| s.written + SURELY_READ <= signalled)
        .collect();
    // Written before the signal and answered after it: the server had read them, so they
    // were in flight when the signal came, and draining had to finish them.
    let drained: Vec<&Sent> = sent
        .iter()
        .filter(|s| s.written < signalled && s.ended > signalled && s.answer.is_ok())
        .collect();
    let in_flight = drained.len();
    let failed: Vec<String> = before
        .iter()
        .chain(drained.iter())
        .filter_map(|s| match &s.answer {
            Ok((200, body))
                if body.get("errors").is_none() && body["data"]["films"]["edges"].is_array() =>
            {
                None
            }
            Ok((status, body)) => {
                let errors = body["errors"].as_array().map_or(0, Vec::len);
                let first = body["errors"][0].to_string();
                Some(format!(
                    "HTTP {status}, {errors} errors, the first: {first}"
                ))
            }
            Err(e) => Some(e.clone()),
        })
        .collect();
    let near: Vec<&Sent> = sent
        .iter()
        .filter(|s| s.written + SURELY_READ > signalled)
        .collect();
    let near_ok = near
        .iter()
        .filter(|s| matches!(s.answer, Ok((200, _))))
        .count();
    eprintln!(
        "shutdown test ({engine}): {} requests before the signal, {in_flight} answered after it \
         (in flight at it), {} failed; {} written in the last {SURELY_READ:?} before it or after ({near_ok} \
         answered); exit {status} {exited:?} after SIGTERM",
        before.len(),
        failed.len(),
        near.len(),
    );

    assert!(status.success(), "exit status {status}\n{log}");
    assert!(
        failed.is_empty(),
        "{} failed in-flight requests, the first: {:?}\n{log}",
        failed.len(),
        failed.first()
    );
    assert!(
        in_flight > 0,
        "no request written before the signal was answered after it, so draining was not \
         exercised"
    );
    assert!(refused_after, "a new connection after shutdown is refused");
    for said in [
        "shutting down",
        "every request in flight has answered",
        "database pools closed",
    ] {
        assert!(log.contains(said), "the log says {said:?}:\n{log}");
    }
}

/// Seeds the database, serves it with `--shutdown-grace grace`, loads it with heavy
/// catalogue pages from [`CLIENTS`] clients, sends SIGTERM and waits for the exit.
fn run_under_load(database_url: &str, grace: u64) -> Run {
    let seeded = kinograph(database_url)
        .args(["seed", "--demo", "--synthetic", "--films", "300"])
        .output()
        .expect("kinograph seed runs");
    assert!(
        seeded.status.success(),
        "seed failed: {}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    let mut server = kinograph(database_url)
        .args(["serve", "--bind", "127.0.0.1:0", "--no-demo"])
        .args(["--shutdown-grace", &grace.to_string()])
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kinograph serve starts");
    let log = collect(server.stderr.take().unwrap());
    let address = listening_address(&mut server, &log);
    let started = Instant::now();
    while get(address, "/readyz").map(|(status, _)| status) != Ok(200) {
        assert!(
            started.elapsed() < HANG_GUARD,
            "not ready: {}",
            log.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<JoinHandle<Vec<Sent>>> = (0..CLIENTS)
        .map(|_| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut sent = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let body = json!({ "query": CATALOGUE, "variables": { "first": 100 } });
                    match post(address, &body.to_string()) {
                        Some(request) => sent.push(request),
                        // Refused: the server no longer listens.
                        None => break,
                    }
                }
                sent
            })
        })
        .collect();

    // Load until every client has had answers, then the signal.
    std::thread::sleep(Duration::from_secs(2));
    let signalled = Instant::now();
    let killed = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = wait(&mut server, signalled + HANG_GUARD);
    let exited = signalled.elapsed();
    stop.store(true, Ordering::Relaxed);
    let sent: Vec<Sent> = clients
        .into_iter()
        .flat_map(|client| client.join().expect("client thread"))
        .collect();
    let refused_after = TcpStream::connect_timeout(&address, Duration::from_secs(5)).is_err();
    let log = log.lock().unwrap().clone();
    Run {
        status,
        exited,
        sent,
        signalled,
        refused_after,
        log,
    }
}

/// The binary over `database_url`, without settings of the environment that would change it.
fn kinograph(database_url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kinograph"));
    for (name, _) in std::env::vars() {
        if name.starts_with("KINOGRAPH_") || name.starts_with("DATABASE_") {
            command.env_remove(name);
        }
    }
    command
        .env("DATABASE_URL", database_url)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .stdin(Stdio::null());
    command
}

/// Everything `stream` prints, gathered by a thread.
fn collect(stream: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = text.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            let mut text = sink.lock().unwrap();
            text.push_str(&line);
            text.push('\n');
        }
    });
    text
}

/// The address in the server's `GraphQL endpoint: http://ADDRESS/graphql` line.
fn listening_address(server: &mut Child, log: &Mutex<String>) -> SocketAddr {
    let stdout = server.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let address = loop {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("the server ended: {}", log.lock().unwrap()))
            .unwrap();
        if let Some(rest) = line.strip_prefix("GraphQL endpoint: http://") {
            break rest.trim_end_matches("/graphql").parse().unwrap();
        }
    };
    // Keep draining stdout so the server never blocks on it.
    std::thread::spawn(move || lines.for_each(drop));
    address
}

/// Waits for the process to exit, at most until `deadline`.
fn wait(server: &mut Child, deadline: Instant) -> ExitStatus {
    loop {
        if let Some(status) = server.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = server.kill();
            panic!("the server did not exit by the deadline");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// GET `path`: status and body.
fn get(address: SocketAddr, path: &str) -> Result<(u16, Value), String> {
    let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    exchange(address, &request).map_or_else(|| Err("refused".into()), |sent| sent.answer)
}

/// POSTs a GraphQL body on a new connection; `None` when the connection is refused.
fn post(address: SocketAddr, body: &str) -> Option<Sent> {
    let request = format!(
        "POST /graphql HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    exchange(address, &request)
}

/// Sends `request` on a new connection and reads the answer to its end.
fn exchange(address: SocketAddr, request: &str) -> Option<Sent> {
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(5)).ok()?;
    stream.set_read_timeout(Some(HANG_GUARD)).unwrap();
    let written = stream.write_all(request.as_bytes());
    let written_at = Instant::now();
    let answer = written
        .map_err(|e| format!("write: {e}"))
        .and_then(|()| read_answer(&mut stream));
    Some(Sent {
        written: written_at,
        ended: Instant::now(),
        answer,
    })
}

/// Reads an HTTP/1.1 answer until the server closes the connection: status and JSON body
/// (Content-Length or chunked); an error when it is cut short.
fn read_answer(stream: &mut TcpStream) -> Result<(u16, Value), String> {
    let mut bytes = Vec::new();
    stream
        .read_to_end(&mut bytes)
        .map_err(|e| format!("read: {e} after {} bytes", bytes.len()))?;
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("no complete head in {} bytes", bytes.len()))?;
    let head = String::from_utf8_lossy(&bytes[..end]).to_ascii_lowercase();
    let body = &bytes[end + 4..];
    let status: u16 = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad status line: {head:.80}"))?;
    let body = if head.contains("transfer-encoding: chunked") {
        dechunk(body)?
    } else {
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|n| n.trim().parse().ok())
            .ok_or("neither a length nor chunks")?;
        if body.len() != length {
            return Err(format!("body of {} bytes, {length} announced", body.len()));
        }
        body.to_vec()
    };
    let value = serde_json::from_slice(&body)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&body).into()));
    Ok((status, value))
}

/// The body of a chunked transfer, or an error when a chunk or the last one is missing.
fn dechunk(mut rest: &[u8]) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    loop {
        let line = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("chunk size missing")?;
        let size = std::str::from_utf8(&rest[..line]).map_err(|e| format!("chunk: {e}"))?;
        let size = usize::from_str_radix(size.trim(), 16).map_err(|e| format!("chunk: {e}"))?;
        if size == 0 {
            return Ok(body);
        }
        let after = &rest[line + 2..];
        body.extend_from_slice(after.get(..size).ok_or("chunk cut short")?);
        rest = after.get(size + 2..).ok_or("chunk end missing")?;
    }
}
