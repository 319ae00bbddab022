//! Batched loaders for every relation. One `AppLoader` per request (it carries the caller,
//! so visibility applies inside every batch); each key type is one relation, loaded for all
//! parents of a batch with one statement (`WHERE … IN (…)`, or one windowed statement for
//! pages of nested connections). `measured` counts the keys of every batch.

pub mod measured;

use std::{collections::HashMap, future::Future, hash::Hash, marker::PhantomData};

use async_graphql::dataloader::Loader;
use sea_orm::DatabaseConnection;

use crate::{
    domain::{enums::SubjectType, viewer::Viewer},
    entities::{
        affiliation, agreement, agreement_scope, agreement_signatory, festival, festival_edition,
        genre, location, media_asset, organization, press_material, press_subject, quote, section,
    },
    error::{AppError, AppResult},
    store::{
        self,
        co_production::{CoProductionParent, CoProductionRow},
        credit::CreditRow,
        lookup::Lookup,
        organization::AffiliationSide,
        page::{Page, PageQuery},
        screening::{ScreeningParent, ScreeningQuery, ScreeningRow},
        shoot::ShootRow,
    },
};

/// The request's loader: the database and the caller.
pub struct AppLoader {
    db: DatabaseConnection,
    viewer: Viewer,
}

impl AppLoader {
    /// A loader for one request by `viewer`.
    pub fn new(db: DatabaseConnection, viewer: Viewer) -> Self {
        Self { db, viewer }
    }
}

/// A row of table `E` by id.
pub struct ById<E>(pub i32, PhantomData<fn() -> E>);

impl<E> ById<E> {
    /// The key of row `id`.
    pub fn new(id: i32) -> Self {
        ById(id, PhantomData)
    }
}

impl<E> Clone for ById<E> {
    fn clone(&self) -> Self {
        ById::new(self.0)
    }
}
impl<E> PartialEq for ById<E> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl<E> Eq for ById<E> {}
impl<E> Hash for ById<E> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl<E: Lookup> Loader<ById<E>> for AppLoader
where
    E::Model: Send + Sync + Clone + 'static,
{
    type Value = E::Model;
    type Error = AppError;

    async fn load(&self, keys: &[ById<E>]) -> AppResult<HashMap<ById<E>, E::Model>> {
        let rows =
            store::lookup::by_ids::<E>(&self.db, self.viewer, keys.iter().map(|k| k.0)).await?;
        Ok(rows
            .into_iter()
            .map(|(id, row)| (ById::new(id), row))
            .collect())
    }
}

/// Defines a key type `$key(parent id)` whose value is `$value`, loaded by `$load`.
macro_rules! relation {
    ($(#[$doc:meta])* $key:ident => $value:ty, |$db:ident, $viewer:ident, $ids:ident| $load:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $key(pub i32);

        impl Loader<$key> for AppLoader {
            type Value = $value;
            type Error = AppError;

            async fn load(&self, keys: &[$key]) -> AppResult<HashMap<$key, $value>> {
                let $db = &self.db;
                let $viewer = self.viewer;
                let $ids: Vec<i32> = keys.iter().map(|k| k.0).collect();
                let _ = $viewer;
                let rows = $load.await?;
                Ok(rows.into_iter().map(|(id, value)| ($key(id), value)).collect())
            }
        }
    };
}

relation!(/** A film's genres. */ GenresOfFilm => Vec<genre::Model>, |db, viewer, ids| store::film::genres_of(db, ids));
relation!(/** A film's poster and stills. */ AssetsOfFilm => Vec<media_asset::Model>, |db, viewer, ids| store::film::assets_of(db, ids));
relation!(/** A film's co-productions. */ CoProductionsOfFilm => Vec<CoProductionRow>, |db, viewer, ids| store::co_production::of_films(db, viewer, ids));
relation!(/** A film's credits. */ CreditsOfFilm => Vec<CreditRow>, |db, viewer, ids| store::credit::of_films(db, viewer, ids));
relation!(/** A person's credits. */ CreditsOfPerson => Vec<CreditRow>, |db, viewer, ids| store::credit::of_people(db, viewer, ids));
relation!(/** A film's shoots. */ ShootsOfFilm => Vec<ShootRow>, |db, viewer, ids| store::shoot::of_films(db, viewer, ids));
relation!(/** A co-production by id. */ CoProductionById => CoProductionRow, |db, viewer, ids| store::co_production::by_ids(db, viewer, ids));
relation!(/** A shoot by id. */ ShootById => ShootRow, |db, viewer, ids| store::shoot::by_ids(db, viewer, ids));
relation!(/** A screening by id. */ ScreeningById => ScreeningRow, |db, viewer, ids| store::screening::by_ids(db, viewer, ids));
relation!(/** An organization's affiliations. */ AffiliationsOfOrganization => Vec<affiliation::Model>, |db, viewer, ids| store::organization::affiliations_of(db, AffiliationSide::Organization, ids));
relation!(/** A person's affiliations. */ AffiliationsOfPerson => Vec<affiliation::Model>, |db, viewer, ids| store::organization::affiliations_of(db, AffiliationSide::Person, ids));
relation!(/** The locations an organization owns. */ LocationsOfOwner => Vec<location::Model>, |db, viewer, ids| store::organization::locations_of(db, ids));
relation!(/** The festivals an organization organizes. */ FestivalsOfOrganizer => Vec<festival::Model>, |db, viewer, ids| store::organization::festivals_of(db, ids));
relation!(/** A festival's organizers. */ OrganizersOfFestival => Vec<organization::Model>, |db, viewer, ids| store::organization::organizers_of(db, ids));
relation!(/** A festival's editions. */ EditionsOfFestival => Vec<festival_edition::Model>, |db, viewer, ids| store::festival::editions_of(db, ids));
relation!(/** An edition's sections. */ SectionsOfEdition => Vec<section::Model>, |db, viewer, ids| store::festival::sections_of(db, ids));
relation!(/** Agreements signed at an edition. */ AgreementsSignedAt => Vec<agreement::Model>, |db, viewer, ids| store::agreement::signed_at(db, ids));
relation!(/** An agreement's parties. */ PartiesOfAgreement => Vec<organization::Model>, |db, viewer, ids| store::agreement::parties_of(db, ids));
relation!(/** An agreement's signatories. */ SignatoriesOfAgreement => Vec<agreement_signatory::Model>, |db, viewer, ids| store::agreement::signatories_of(db, ids));
relation!(/** An agreement's scope items. */ ScopesOfAgreement => Vec<agreement_scope::Model>, |db, viewer, ids| store::agreement::scopes_of(db, ids));
relation!(/** A press material's subjects. */ SubjectsOfPress => Vec<press_subject::Model>, |db, viewer, ids| store::press::subjects_of(db, ids));
relation!(/** A press material's quotes. */ QuotesOfPress => Vec<quote::Model>, |db, viewer, ids| store::press::quotes_of(db, ids));
relation!(/** A press material's assets. */ AssetsOfPress => Vec<media_asset::Model>, |db, viewer, ids| store::press::assets_of(db, ids));

/// Runs one windowed fetch per distinct set of arguments among `keys` and hands each key
/// its parent's page (an empty page for a parent without rows).
async fn pages<K, A, R, F, Fut>(
    keys: &[K],
    split: impl Fn(&K) -> (i32, A),
    fetch: F,
) -> AppResult<HashMap<K, Page<R>>>
where
    K: Clone + Eq + Hash,
    A: Clone + Eq + Hash,
    R: Clone,
    F: Fn(A, Vec<i32>) -> Fut,
    Fut: Future<Output = AppResult<HashMap<i32, Page<R>>>>,
{
    let mut groups: HashMap<A, Vec<(i32, K)>> = HashMap::new();
    for key in keys {
        let (parent, args) = split(key);
        groups.entry(args).or_default().push((parent, key.clone()));
    }
    let mut result = HashMap::new();
    for (args, members) in groups {
        let parents: Vec<i32> = members.iter().map(|(parent, _)| *parent).collect();
        let found = fetch(args, parents).await?;
        for (parent, key) in members {
            let page = found
                .get(&parent)
                .cloned()
                .unwrap_or_else(|| Page::empty(true));
            result.insert(key, page);
        }
    }
    Ok(result)
}

/// A page of screenings of a film, an edition or a venue.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ScreeningsPage {
    /// What the parent is.
    pub parent: ScreeningParent,
    /// The parent's id.
    pub id: i32,
    /// Filter and order.
    pub filter: ScreeningQuery,
    /// Which page.
    pub page: PageQuery,
}

impl Loader<ScreeningsPage> for AppLoader {
    type Value = Page<ScreeningRow>;
    type Error = AppError;

    async fn load(
        &self,
        keys: &[ScreeningsPage],
    ) -> AppResult<HashMap<ScreeningsPage, Self::Value>> {
        pages(
            keys,
            |k| (k.id, (k.parent, k.filter.clone(), k.page.clone())),
            |(parent, filter, page), ids| async move {
                store::screening::pages_of(&self.db, self.viewer, parent, ids, &filter, &page).await
            },
        )
        .await
    }
}

/// A page of the press materials about a subject.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PressPage {
    /// What the subject is.
    pub subject: SubjectType,
    /// The subject's id.
    pub id: i32,
    /// Which page.
    pub page: PageQuery,
}

impl Loader<PressPage> for AppLoader {
    type Value = Page<press_material::Model>;
    type Error = AppError;

    async fn load(&self, keys: &[PressPage]) -> AppResult<HashMap<PressPage, Self::Value>> {
        pages(
            keys,
            |k| (k.id, (k.subject, k.page.clone())),
            |(subject, page), ids| async move {
                store::press::pages_about(&self.db, self.viewer, subject, ids, &page).await
            },
        )
        .await
    }
}

/// A page of an organization's or an agreement's co-productions.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CoProductionsPage {
    /// What the parent is.
    pub parent: CoProductionParent,
    /// The parent's id.
    pub id: i32,
    /// Which page.
    pub page: PageQuery,
}

impl Loader<CoProductionsPage> for AppLoader {
    type Value = Page<CoProductionRow>;
    type Error = AppError;

    async fn load(
        &self,
        keys: &[CoProductionsPage],
    ) -> AppResult<HashMap<CoProductionsPage, Self::Value>> {
        pages(
            keys,
            |k| (k.id, (k.parent, k.page.clone())),
            |(parent, page), ids| async move {
                store::co_production::pages_of(&self.db, self.viewer, parent, ids, &page).await
            },
        )
        .await
    }
}

/// A page of an organization's agreements.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AgreementsPage {
    /// The organization's id.
    pub id: i32,
    /// Which page.
    pub page: PageQuery,
}

impl Loader<AgreementsPage> for AppLoader {
    type Value = Page<agreement::Model>;
    type Error = AppError;

    async fn load(
        &self,
        keys: &[AgreementsPage],
    ) -> AppResult<HashMap<AgreementsPage, Self::Value>> {
        pages(
            keys,
            |k| (k.id, k.page.clone()),
            |page, ids| async move { store::agreement::pages_of_parties(&self.db, ids, &page).await },
        )
        .await
    }
}

/// A page of a location's shoots.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ShootsPage {
    /// The location's id.
    pub id: i32,
    /// Which page.
    pub page: PageQuery,
}

impl Loader<ShootsPage> for AppLoader {
    type Value = Page<ShootRow>;
    type Error = AppError;

    async fn load(&self, keys: &[ShootsPage]) -> AppResult<HashMap<ShootsPage, Self::Value>> {
        pages(
            keys,
            |k| (k.id, k.page.clone()),
            |page, ids| async move {
                store::shoot::pages_of_locations(&self.db, self.viewer, ids, &page).await
            },
        )
        .await
    }
}
