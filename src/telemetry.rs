//! Logging: `tracing` to stderr, filtered by `RUST_LOG` (default `info`), as text for people
//! or as JSON lines for log collectors (`--log-format json`). Lines written while serving a
//! request carry its span (`request_id`, `method`, `path`, `operation`).

use tracing::Subscriber;
use tracing_subscriber::{EnvFilter, fmt::MakeWriter};

/// How log lines are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// One human-readable line per event, with the span's fields in front.
    #[default]
    Text,
    /// One JSON object per line: `timestamp`, `level`, `target`, `message`, the event's
    /// fields, and the request's fields under `span`.
    Json,
}

/// The filter when `RUST_LOG` is not set.
const DEFAULT_FILTER: &str = "info,sqlx=warn,sea_orm=warn";

/// Installs the global subscriber once; later calls do nothing.
pub fn init(format: LogFormat) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let colours = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let subscriber = subscriber(format, filter, colours, std::io::stderr);
    let _ = tracing::subscriber::set_global_default(subscriber);
}

/// A subscriber writing `format` lines that pass `filter` to `writer`, text in colour when
/// `colours` (for a terminal).
pub fn subscriber<W>(
    format: LogFormat,
    filter: EnvFilter,
    colours: bool,
    writer: W,
) -> Box<dyn Subscriber + Send + Sync>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(colours && format == LogFormat::Text)
        .with_writer(writer);
    match format {
        LogFormat::Text => Box::new(builder.finish()),
        LogFormat::Json => Box::new(
            builder
                .json()
                .flatten_event(true)
                .with_current_span(true)
                .with_span_list(false)
                .finish(),
        ),
    }
}

/// What `work` logs at `info` and above, written as `format` (for tests).
#[cfg(test)]
pub(crate) fn capture(format: LogFormat, work: impl FnOnce()) -> String {
    use std::{
        io::Write,
        sync::{Arc, Mutex},
    };

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .expect("capture lock")
                .extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl<'w> MakeWriter<'w> for Captured {
        type Writer = Captured;
        fn make_writer(&'w self) -> Self::Writer {
            self.clone()
        }
    }

    let captured = Captured::default();
    let subscriber = subscriber(format, EnvFilter::new("info"), false, captured.clone());
    tracing::subscriber::with_default(subscriber, work);
    let bytes = captured.0.lock().expect("capture lock").clone();
    String::from_utf8(bytes).expect("utf-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log_in_a_request(format: LogFormat) -> String {
        capture(format, || {
            let span = tracing::info_span!(
                "request",
                request_id = "req-42",
                method = "POST",
                path = "/graphql",
                operation = tracing::field::Empty
            );
            let _entered = span.enter();
            span.record("operation", "FilmPage");
            tracing::info!(status = 200, latency_ms = 1.5, "response");
        })
    }

    #[test]
    fn json_lines_carry_the_event_and_the_request_span() {
        let text = log_in_a_request(LogFormat::Json);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1, "{text}");
        let line: serde_json::Value = serde_json::from_str(lines[0]).expect("a JSON line");
        assert_eq!(line["level"], "INFO");
        assert_eq!(line["message"], "response");
        assert_eq!(line["status"], 200);
        assert_eq!(line["latency_ms"], 1.5);
        assert_eq!(line["span"]["request_id"], "req-42");
        assert_eq!(line["span"]["path"], "/graphql");
        assert_eq!(line["span"]["operation"], "FilmPage");
        assert!(line["timestamp"].is_string());
    }

    #[test]
    fn text_lines_name_the_request_in_front() {
        let text = log_in_a_request(LogFormat::Text);
        assert!(text.contains("request_id=\"req-42\"") || text.contains("request_id=req-42"));
        assert!(text.contains("response"), "{text}");
        assert!(serde_json::from_str::<serde_json::Value>(text.trim()).is_err());
    }
}
