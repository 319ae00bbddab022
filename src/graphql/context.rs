//! What a resolver can reach: the database, the caller, the request's loaders and locale,
//! the list of fields served in a fallback language, and the warnings of its writes.

use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

use async_graphql::{
    Context,
    dataloader::{DataLoader, Loader},
};
use sea_orm::DatabaseConnection;

use crate::{
    domain::viewer::{Caller, Viewer},
    error::{AppError, AppResult},
    graphql::{
        batch::LoaderTasks,
        loaders::{AppLoader, measured::Measured},
        types::locale::Locale,
    },
    store::page::Page,
};

/// Per-request state, attached to each request (never to the schema), so no loader batch or
/// cache is shared between callers.
pub struct RequestState {
    /// The database the request reads and writes: the primary for mutations (they write, and
    /// read their own writes), the read replica (when there is one) for queries.
    pub db: DatabaseConnection,
    /// The caller.
    pub caller: Caller,
    /// The request's locale (from `Accept-Language`, else RU).
    pub locale: Locale,
    /// Batched loaders for every relation, their batch sizes counted.
    pub loader: DataLoader<Measured<AppLoader>>,
    /// Paths of localized fields served in the other language.
    pub fallbacks: Collected,
    /// Warnings about accepted writes (`extensions.warnings`).
    pub warnings: Collected,
    /// The loader tasks, run by [`crate::graphql::batch::run`] beside the execution.
    pub tasks: LoaderTasks,
}

impl RequestState {
    /// Fresh state for one request; run its execution with [`crate::graphql::batch::run`].
    pub fn new(db: DatabaseConnection, caller: Caller, locale: Locale) -> Self {
        let tasks = LoaderTasks::default();
        Self {
            loader: DataLoader::new(
                Measured(AppLoader::new(db.clone(), caller.viewer)),
                tasks.spawner(),
            )
            .delay(Duration::ZERO),
            db,
            caller,
            locale,
            fallbacks: Collected::default(),
            warnings: Collected::default(),
            tasks,
        }
    }
}

/// Values a request collects beside its data for the response's `extensions`: the paths of
/// localized fields that fell back to the other language, the warnings of writes.
#[derive(Debug, Clone, Default)]
pub struct Collected(Arc<Mutex<Vec<serde_json::Value>>>);

impl Collected {
    /// Records one value.
    pub fn push(&self, path: serde_json::Value) {
        if let Ok(mut paths) = self.0.lock() {
            paths.push(path);
        }
    }

    /// All recorded values, in the order they were recorded.
    pub fn take(&self) -> Vec<serde_json::Value> {
        self.0
            .lock()
            .map(|mut paths| std::mem::take(&mut *paths))
            .unwrap_or_default()
    }
}

/// Typed access to the schema's and the request's data.
pub trait ContextExt {
    /// The request's database (see [`RequestState::db`]).
    fn db(&self) -> AppResult<&DatabaseConnection>;
    /// This request's state.
    fn request(&self) -> AppResult<&RequestState>;
    /// What the caller may see and do.
    fn viewer(&self) -> AppResult<Viewer> {
        Ok(self.request()?.caller.viewer)
    }
    /// The caller, with the name of its key.
    fn caller(&self) -> AppResult<&Caller> {
        Ok(&self.request()?.caller)
    }
    /// The batched loaders.
    fn loader(&self) -> AppResult<&DataLoader<Measured<AppLoader>>> {
        Ok(&self.request()?.loader)
    }
}

impl ContextExt for Context<'_> {
    fn db(&self) -> AppResult<&DatabaseConnection> {
        Ok(&self.request()?.db)
    }

    fn request(&self) -> AppResult<&RequestState> {
        self.data::<RequestState>()
            .map_err(|_| AppError::internal(anyhow::anyhow!("request state missing")))
    }
}

/// Loads one key through the request's batched loader.
pub async fn load<K>(
    ctx: &Context<'_>,
    key: K,
) -> AppResult<Option<<AppLoader as Loader<K>>::Value>>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    AppLoader: Loader<K, Error = AppError>,
{
    ctx.loader()?.load_one(key).await
}

/// Loads one key whose value is a list; a parent without rows gets an empty list.
pub async fn load_list<K, V>(ctx: &Context<'_>, key: K) -> AppResult<Vec<V>>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    AppLoader: Loader<K, Error = AppError, Value = Vec<V>>,
{
    Ok(load(ctx, key).await?.unwrap_or_default())
}

/// Loads the page of a nested connection; a parent without rows gets an empty page.
pub async fn load_page<K, R>(ctx: &Context<'_>, key: K) -> AppResult<Page<R>>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    AppLoader: Loader<K, Error = AppError, Value = Page<R>>,
{
    Ok(load(ctx, key).await?.unwrap_or_else(|| Page::empty(true)))
}
