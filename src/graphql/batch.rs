//! Deterministic batching for the request's loaders. async-graphql's `DataLoader` starts a
//! batch on a timer; if resolving a page takes longer than the timer, one relation's keys are
//! split over several statements and the statement count starts to depend on the rows. Here
//! the loader tasks of a request run inside the request's own future and start only when the
//! resolvers are all blocked waiting for them, so every key registered by a level of the query
//! lands in one batch, without any delay.

use std::{
    future::Future,
    pin::Pin,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    task::{Context, Poll, Wake, Waker},
};

use futures::{StreamExt, future::BoxFuture, stream::FuturesUnordered};

/// The loader tasks a request's `DataLoader` asked to spawn, not started yet.
#[derive(Clone, Default)]
pub struct LoaderTasks(Arc<Mutex<Vec<BoxFuture<'static, ()>>>>);

impl LoaderTasks {
    /// The spawner handed to `DataLoader::new`: queues the task for the request's runner.
    pub fn spawner(&self) -> impl Fn(BoxFuture<'static, ()>) + Send + Sync + 'static {
        let queue = self.0.clone();
        move |task| {
            if let Ok(mut queue) = queue.lock() {
                queue.push(task);
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.0.lock().map(|queue| queue.is_empty()).unwrap_or(true)
    }

    fn take(&self) -> Vec<BoxFuture<'static, ()>> {
        self.0
            .lock()
            .map(|mut queue| std::mem::take(&mut *queue))
            .unwrap_or_default()
    }
}

/// Records that the request's main future was woken.
struct Flagged {
    inner: Waker,
    woken: Arc<AtomicBool>,
}

impl Wake for Flagged {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::SeqCst);
        self.inner.wake_by_ref();
    }
}

/// How many times in a row the main future may wake itself before the runner yields to the
/// scheduler (fairness towards other requests).
const MAX_SELF_WAKES: usize = 256;

/// Runs `main` (the GraphQL execution) together with the loader tasks it queues in `tasks`.
pub async fn run<F: Future>(main: F, tasks: LoaderTasks) -> F::Output {
    let mut main = Box::pin(tokio::task::unconstrained(main));
    let mut running: FuturesUnordered<BoxFuture<'static, ()>> = FuturesUnordered::new();
    let woken = Arc::new(AtomicBool::new(false));
    std::future::poll_fn(move |cx| poll(cx, main.as_mut(), &mut running, &tasks, &woken)).await
}

fn poll<O>(
    cx: &mut Context<'_>,
    mut main: Pin<&mut impl Future<Output = O>>,
    running: &mut FuturesUnordered<BoxFuture<'static, ()>>,
    tasks: &LoaderTasks,
    woken: &Arc<AtomicBool>,
) -> Poll<O> {
    let main_waker = Waker::from(Arc::new(Flagged {
        inner: cx.waker().clone(),
        woken: woken.clone(),
    }));
    let mut self_wakes = 0;
    loop {
        woken.store(false, Ordering::SeqCst);
        if let Poll::Ready(output) = main.as_mut().poll(&mut Context::from_waker(&main_waker)) {
            return Poll::Ready(output);
        }
        if woken.load(Ordering::SeqCst) {
            // The resolvers are still registering keys: let them finish first.
            self_wakes += 1;
            if self_wakes >= MAX_SELF_WAKES {
                cx.waker().wake_by_ref();
                return Poll::Pending;
            }
            continue;
        }
        // Every resolver waits. Start the batches they asked for once the previous wave has
        // finished: a batch started while another is still in flight would split keys that
        // the next level registers into as many statements as there are finishing orders.
        if running.is_empty() {
            running.extend(tasks.take());
        }
        while let Poll::Ready(Some(())) = running.poll_next_unpin(cx) {}
        if woken.load(Ordering::SeqCst) {
            continue;
        }
        if !running.is_empty() || tasks.is_empty() {
            return Poll::Pending;
        }
    }
}

#[cfg(test)]
mod tests {
    use futures::FutureExt;

    use super::*;

    #[tokio::test]
    async fn queued_tasks_start_only_when_the_main_future_waits() {
        let tasks = LoaderTasks::default();
        let spawn = tasks.spawner();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let task_log = log.clone();
        let main_log = log.clone();
        let main = async move {
            let mut tx = Some(tx);
            spawn(
                async move {
                    task_log.lock().expect("log lock").push("task");
                    if let Some(tx) = tx.take() {
                        let _ = tx.send(());
                    }
                }
                .boxed(),
            );
            for _ in 0..3 {
                // Yield the way `FuturesUnordered` does: wake yourself, return Pending.
                let mut yielded = false;
                std::future::poll_fn(|cx| {
                    if yielded {
                        Poll::Ready(())
                    } else {
                        yielded = true;
                        cx.waker().wake_by_ref();
                        Poll::Pending
                    }
                })
                .await;
                main_log.lock().expect("log lock").push("main");
            }
            rx.await.ok();
            "done"
        };
        assert_eq!(run(main, tasks).await, "done");
        assert_eq!(
            *log.lock().expect("log lock"),
            vec!["main", "main", "main", "task"]
        );
    }
}
