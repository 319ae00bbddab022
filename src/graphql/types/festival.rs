//! Festivals, editions, programme sections and screenings.

use async_graphql::{Context, Enum, ID, InputObject, Object, Result};
use chrono::{DateTime, NaiveDate, Utc};

use crate::{
    domain::{
        enums::{PremiereStatus, SubjectType},
        rules,
    },
    entities::{festival, festival_edition, film, section},
    error::AppError,
    graphql::{
        context::{load, load_list, load_page},
        loaders::{
            AgreementsSignedAt, ById, EditionsOfFestival, OrganizersOfFestival, ScreeningsPage,
            SectionsOfEdition,
        },
        types::json_ld::{self, Json},
        types::{
            agreement::Agreement,
            connection::{PageArgs, PressMaterialConnection, ScreeningConnection},
            film::{Film, press_page},
            id::NodeType,
            locale::{Locale, localized},
            location::Location,
            organization::Organization,
            scalars::{Date, code_list},
        },
    },
    store::screening::{self, ScreeningParent, ScreeningQuery, ScreeningRow},
};

/// A film festival or recurring film event (such as a film week).
#[derive(Clone)]
pub struct Festival(pub festival::Model);

/// A film festival or recurring film event (such as a film week).
#[Object]
impl Festival {
    /// Opaque global id (refetch with `node`).
    pub async fn id(&self) -> ID {
        NodeType::Festival.id(self.0.id)
    }
    /// URL slug, unique among festivals.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Name in the asked language.
    async fn name(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.name_ru, &self.0.name_en)
    }
    /// Description in the asked language.
    async fn description(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.description_ru, &self.0.description_en)
    }
    /// Website URL.
    async fn website(&self) -> Option<&str> {
        self.0.website.as_deref()
    }
    /// The organizations that run the festival.
    async fn organizers(&self, ctx: &Context<'_>) -> Result<Vec<Organization>> {
        Ok(load_list(ctx, OrganizersOfFestival(self.0.id))
            .await?
            .into_iter()
            .map(Organization)
            .collect())
    }
    /// Editions of the festival, latest first.
    async fn editions(&self, ctx: &Context<'_>) -> Result<Vec<FestivalEdition>> {
        Ok(load_list(ctx, EditionsOfFestival(self.0.id))
            .await?
            .into_iter()
            .map(FestivalEdition)
            .collect())
    }
    /// Version of the record; grows by one on every change.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// When the record last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// Filter of a programme's screenings.
#[derive(InputObject, Debug, Clone, Default)]
pub struct ScreeningFilter {
    /// Only screenings starting on this calendar day, in the edition's time zone.
    pub day: Option<Date>,
}

/// A field screenings can be ordered by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ScreeningOrderField {
    /// Start time.
    #[graphql(name = "STARTS_AT")]
    StartsAt,
}

/// Direction of an ordering.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum OrderDirection {
    /// Smallest first.
    #[default]
    #[graphql(name = "ASC")]
    Asc,
    /// Largest first.
    #[graphql(name = "DESC")]
    Desc,
}

/// An ordering term for screenings.
#[derive(InputObject, Debug, Clone, Copy)]
pub struct ScreeningOrder {
    /// The field.
    pub field: ScreeningOrderField,
    /// The direction (ASC when omitted).
    #[graphql(default)]
    pub direction: OrderDirection,
}

/// One edition of a festival (or event), held in a city over some days.
#[derive(Clone)]
pub struct FestivalEdition(pub festival_edition::Model);

impl FestivalEdition {
    /// The UTC instants at which `day` starts and ends in the edition's time zone.
    fn day_range(&self, day: NaiveDate) -> Result<(DateTime<Utc>, DateTime<Utc>), AppError> {
        let tz: chrono_tz::Tz = self.0.time_zone.parse().map_err(|_| {
            AppError::internal(anyhow::anyhow!("bad time zone {:?}", self.0.time_zone))
        })?;
        let start_of = |d: NaiveDate| {
            rules::day_start(tz, d).ok_or_else(|| {
                AppError::bad_input("day", "that day does not exist in the edition's time zone")
            })
        };
        let next = day
            .succ_opt()
            .ok_or_else(|| AppError::bad_input("day", "the day is out of range"))?;
        Ok((start_of(day)?, start_of(next)?))
    }
}

/// One edition of a festival (or event), held in a city over some days.
#[Object]
impl FestivalEdition {
    /// Opaque global id (refetch with `node`).
    pub async fn id(&self) -> ID {
        NodeType::FestivalEdition.id(self.0.id)
    }
    /// URL slug, unique among festival editions.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Name in the asked language.
    async fn name(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.name_ru, &self.0.name_en)
    }
    /// Ordinal number of the edition (2 for the 2nd).
    async fn number(&self) -> i32 {
        self.0.number
    }
    /// Year the edition is held.
    async fn year(&self) -> i32 {
        self.0.year
    }
    /// First day.
    async fn starts_on(&self) -> Date {
        self.0.starts_on.into()
    }
    /// Last day.
    async fn ends_on(&self) -> Date {
        self.0.ends_on.into()
    }
    /// City in the asked language.
    async fn city(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.city_ru, &self.0.city_en)
    }
    /// IANA time zone of the edition's city, e.g. `Europe/Moscow`; `day` filters use it.
    async fn time_zone(&self) -> &str {
        &self.0.time_zone
    }
    /// The festival.
    async fn festival(&self, ctx: &Context<'_>) -> Result<Option<Festival>> {
        Ok(load(ctx, ById::<festival::Entity>::new(self.0.festival_id))
            .await?
            .map(Festival))
    }
    /// Programme sections, in display order.
    async fn sections(&self, ctx: &Context<'_>) -> Result<Vec<Section>> {
        Ok(load_list(ctx, SectionsOfEdition(self.0.id))
            .await?
            .into_iter()
            .map(Section)
            .collect())
    }
    /// The programme: screenings, optionally of one day, by start time.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, last, 20, child_complexity)")]
    async fn screenings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size from the start (at most 100; 20 when omitted).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor after which the page starts.")] after: Option<String>,
        #[graphql(desc = "Page size from the end (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Cursor before which the page ends.")] before: Option<String>,
        #[graphql(desc = "Which screenings to list.")] filter: Option<ScreeningFilter>,
        #[graphql(desc = "Ordering; start time ascending when omitted.")] order_by: Option<
            Vec<ScreeningOrder>,
        >,
    ) -> Result<ScreeningConnection> {
        let descending = order_by
            .unwrap_or_default()
            .first()
            .is_some_and(|o| o.direction == OrderDirection::Desc);
        let starts_within = match filter.and_then(|f| f.day) {
            Some(day) => Some(self.day_range(day.0)?),
            None => None,
        };
        let filter = ScreeningQuery {
            starts_within,
            descending,
        };
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        screening_page(ctx, ScreeningParent::Edition, self.0.id, args, filter).await
    }
    /// schema.org JSON-LD (`Festival`) for the public page, in the asked language: canonical
    /// `@id`/`url` and what the catalogue knows; embed it in `<script type="application/ld+json">`.
    async fn json_ld(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Result<Option<Json>> {
        Ok(json_ld::edition(ctx, locale, &self.0).await?)
    }
    /// Agreements signed at this edition.
    async fn agreements(&self, ctx: &Context<'_>) -> Result<Vec<Agreement>> {
        Ok(load_list(ctx, AgreementsSignedAt(self.0.id))
            .await?
            .into_iter()
            .map(Agreement)
            .collect())
    }
    /// Press materials about the edition, newest first.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, last, 10, child_complexity)")]
    async fn press_materials(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size from the start (at most 100; 10 when omitted).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor after which the page starts.")] after: Option<String>,
        #[graphql(desc = "Page size from the end (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Cursor before which the page ends.")] before: Option<String>,
    ) -> Result<PressMaterialConnection> {
        press_page(
            ctx,
            SubjectType::FestivalEdition,
            self.0.id,
            PageArgs {
                first,
                after,
                last,
                before,
            },
        )
        .await
    }
    /// Version of the record; grows by one on every change.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// When the record last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// The screenings of a film, an edition or a venue, as a connection.
pub async fn screening_page(
    ctx: &Context<'_>,
    parent: ScreeningParent,
    id: i32,
    args: PageArgs,
    filter: ScreeningQuery,
) -> Result<ScreeningConnection> {
    let list = screening::list_tag(filter.descending);
    let page = args.resolve(list, 20)?;
    let page = load_page(
        ctx,
        ScreeningsPage {
            parent,
            id,
            filter,
            page,
        },
    )
    .await?;
    Ok(ScreeningConnection::from_page(list, page, Screening))
}

/// A programme section of a festival edition (competition, special screenings, ...).
#[derive(Clone)]
pub struct Section(pub section::Model);

/// A programme section of a festival edition (competition, special screenings, ...).
#[Object]
impl Section {
    /// Slug, unique within the edition.
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Name in the asked language.
    async fn name(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Option<String> {
        localized(ctx, locale, &self.0.name_ru, &self.0.name_en)
    }
}

/// A screening of a film at a festival edition.
#[derive(Clone)]
pub struct Screening(pub ScreeningRow);

/// A screening of a film at a festival edition.
#[Object]
impl Screening {
    /// Opaque global id (refetch with `node`).
    pub async fn id(&self) -> ID {
        NodeType::Screening.id(self.0.screening.id)
    }
    /// Start time (RFC 3339, UTC); `timeZone` gives the local time zone.
    async fn starts_at(&self) -> DateTime<Utc> {
        self.0.screening.starts_at
    }
    /// IANA time zone of the venue.
    async fn time_zone(&self) -> &str {
        &self.0.venue.time_zone
    }
    /// Premiere status.
    async fn premiere_status(&self) -> PremiereStatus {
        self.0.screening.premiere_status
    }
    /// Spoken language of the screened version (ISO 639-1).
    async fn language(&self) -> Option<&str> {
        self.0.screening.language.as_deref()
    }
    /// Subtitle languages (ISO 639-1).
    async fn subtitle_languages(&self) -> Vec<String> {
        code_list(&self.0.screening.subtitle_languages)
    }
    /// Where to buy tickets.
    async fn ticket_url(&self) -> Option<&str> {
        self.0.screening.ticket_url.as_deref()
    }
    /// The programme section, if any.
    async fn section(&self) -> Option<Section> {
        self.0.section.clone().map(Section)
    }
    /// Where the screening is held.
    async fn venue(&self) -> Location {
        Location(self.0.venue.clone())
    }
    /// The festival edition.
    async fn edition(&self) -> FestivalEdition {
        FestivalEdition(self.0.edition.clone())
    }
    /// schema.org JSON-LD (`ScreeningEvent`) for the public page, in the asked language: canonical
    /// `@id`/`url` and what the catalogue knows; embed it in `<script type="application/ld+json">`.
    async fn json_ld(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Language of the text; the request's locale when omitted.")]
        locale: Option<Locale>,
    ) -> Result<Option<Json>> {
        Ok(json_ld::screening(ctx, locale, &self.0).await?)
    }
    /// The film screened.
    async fn film(&self, ctx: &Context<'_>) -> Result<Option<Film>> {
        Ok(
            load(ctx, ById::<film::Entity>::new(self.0.screening.film_id))
                .await?
                .map(Film),
        )
    }
    /// Version of the record; grows by one on every change.
    async fn version(&self) -> i32 {
        self.0.screening.version
    }
    /// When the record last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.screening.updated_at
    }
}
