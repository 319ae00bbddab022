//! Graceful shutdown: the signals that start it (SIGTERM, Ctrl-C), the count of requests in
//! flight, and the grace period they get to finish once no new connection is accepted.

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use anyhow::Context as _;
use axum::{
    Router,
    extract::{Request, State},
    middleware::{self, Next},
    response::Response,
};
use tokio::net::TcpListener;

/// The number of requests being answered (shared by clones).
#[derive(Debug, Clone, Default)]
pub struct InFlight(Arc<AtomicUsize>);

impl InFlight {
    /// Requests whose handler has started and not yet returned its response.
    pub fn count(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }
}

/// Decrements the count when the request's handler ends, however it ends.
struct Counted(Arc<AtomicUsize>);

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Counts the request in [`InFlight`] while it is handled.
async fn track(State(in_flight): State<InFlight>, request: Request, next: Next) -> Response {
    in_flight.0.fetch_add(1, Ordering::Relaxed);
    let _counted = Counted(in_flight.0.clone());
    next.run(request).await
}

/// Serves `router` on `listener` until SIGTERM or Ctrl-C. Then the listener closes (new
/// connections are refused), idle connections close, and the requests in flight get `grace`
/// to finish: `Ok` once every one has answered, an error naming how many were cut off when
/// the grace period ends first.
pub async fn serve(listener: TcpListener, router: Router, grace: Duration) -> anyhow::Result<()> {
    let in_flight = InFlight::default();
    let router = router.layer(middleware::from_fn_with_state(in_flight.clone(), track));
    let (signalled, on_signal) = tokio::sync::oneshot::channel::<()>();
    let counted = in_flight.clone();
    // The peer address reaches handlers (`ConnectInfo`): the rate limits key on it.
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let server = axum::serve(listener, service).with_graceful_shutdown(async move {
        let name = signal().await;
        tracing::info!(
            signal = name,
            in_flight = counted.count(),
            grace_secs = grace.as_secs(),
            "shutting down: new connections are refused, requests in flight may finish"
        );
        let _ = signalled.send(());
    });
    let grace_over = async {
        match on_signal.await {
            Ok(()) => tokio::time::sleep(grace).await,
            // The server ended without a signal: its own result decides.
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        result = server.into_future() => {
            result.context("server error")?;
            tracing::info!("every request in flight has answered");
            Ok(())
        }
        () = grace_over => {
            let cut_off = in_flight.count();
            tracing::warn!(
                in_flight = cut_off,
                grace_secs = grace.as_secs(),
                "shutdown grace period over: exiting with requests still in flight"
            );
            anyhow::bail!(
                "{cut_off} requests were still in flight when the shutdown grace period of {}s ended",
                grace.as_secs()
            )
        }
    }
}

/// Waits for Ctrl-C or SIGTERM and says which came.
async fn signal() -> &'static str {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => "SIGINT",
        () = terminate => "SIGTERM",
    }
}
