//! The growing lists: the film catalogue and the press room.

use async_graphql::{Context, Enum, ID, InputObject, Object, Result};
use chrono::{DateTime, Utc};

use crate::{
    domain::enums::{PressMaterialKind, ProductionStatus, SubjectType},
    error::AppError,
    graphql::{
        context::ContextExt,
        types::{
            connection::{FilmConnection, PageArgs, PressMaterialConnection},
            festival::OrderDirection,
            film::Film,
            id::{NodeType, decode},
            locale::Locale,
            press::PressMaterial,
        },
    },
    store::{
        self,
        film::{FilmFilter as StoreFilmFilter, FilmSort},
        press::PressFilter,
    },
};

/// Which films to list. Every field is optional; fields combine with AND, list values with OR.
#[derive(InputObject, Debug, Clone, Default)]
pub struct FilmFilter {
    /// Year at or after.
    pub year_from: Option<i32>,
    /// Year at or before.
    pub year_to: Option<i32>,
    /// Genre slugs; a film with any of them matches.
    pub genres: Option<Vec<String>>,
    /// Production stages; a film in any of them matches.
    pub production_statuses: Option<Vec<ProductionStatus>>,
    /// Slug of an organization taking part in the film in any role.
    pub organization_slug: Option<String>,
    /// Production countries (ISO 3166-1 alpha-2); a film from any of them matches.
    pub countries: Option<Vec<String>>,
    /// Changed at or after this time (for incremental sync).
    pub updated_since: Option<DateTime<Utc>>,
}

/// A field films can be ordered by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum FilmOrderField {
    /// Year (a film without a year counts as year 0).
    #[graphql(name = "YEAR")]
    Year,
    /// Title, in the language the titles are shown in.
    #[graphql(name = "TITLE")]
    Title,
    /// Time of the last change.
    #[graphql(name = "UPDATED_AT")]
    UpdatedAt,
    /// Time of creation.
    #[graphql(name = "CREATED_AT")]
    CreatedAt,
    /// Slug.
    #[graphql(name = "SLUG")]
    Slug,
}

/// An ordering term for films. Terms apply in order; ties are always broken by id.
#[derive(InputObject, Debug, Clone, Copy)]
pub struct FilmOrder {
    /// The field.
    pub field: FilmOrderField,
    /// The direction (ASC when omitted).
    #[graphql(default)]
    pub direction: OrderDirection,
}

/// Which press materials to list.
#[derive(InputObject, Debug, Clone, Default)]
pub struct PressMaterialFilter {
    /// Kinds; a material of any of them matches.
    pub kinds: Option<Vec<PressMaterialKind>>,
    /// Global id of a film, organization, agreement, festival edition, person or location the
    /// material is about.
    pub subject: Option<ID>,
    /// Published at or after this time.
    pub published_after: Option<DateTime<Utc>>,
    /// Published before this time.
    pub published_before: Option<DateTime<Utc>>,
}

fn store_filter(filter: Option<FilmFilter>) -> Result<StoreFilmFilter, AppError> {
    let filter = filter.unwrap_or_default();
    let countries = filter
        .countries
        .map(|codes| {
            codes
                .into_iter()
                .map(|code| {
                    let upper = code.trim().to_ascii_uppercase();
                    if upper.len() == 2 && upper.bytes().all(|b| b.is_ascii_uppercase()) {
                        Ok(upper)
                    } else {
                        Err(AppError::bad_input(
                            "filter.countries",
                            format!("\"{code}\" is not an ISO 3166-1 alpha-2 country code such as \"RU\""),
                        ))
                    }
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    Ok(StoreFilmFilter {
        year_from: filter.year_from,
        year_to: filter.year_to,
        genres: filter.genres,
        production_statuses: filter.production_statuses,
        organization_slug: filter.organization_slug,
        countries,
        updated_since: filter.updated_since,
    })
}

/// The locale the titles of the page are shown in: the `locale` argument of the selected
/// `title` field, else the request's locale.
fn title_locale(ctx: &Context<'_>) -> Locale {
    let look = ctx.look_ahead();
    for title in [
        look.field("edges").field("node").field("title"),
        look.field("nodes").field("title"),
    ] {
        for field in title.selection_fields() {
            if let Ok(arguments) = field.arguments()
                && let Some((_, value)) =
                    arguments.iter().find(|(name, _)| name.as_str() == "locale")
            {
                match value {
                    async_graphql::Value::Enum(name) if name.as_str() == "EN" => return Locale::En,
                    async_graphql::Value::Enum(name) if name.as_str() == "RU" => return Locale::Ru,
                    _ => {}
                }
            }
        }
    }
    ctx.request().map(|r| r.locale).unwrap_or_default()
}

/// The film catalogue and the press room.
#[derive(Default)]
pub struct CatalogueQuery;

// Public catalogue reads: a generous hint, cut to `--cache-max-age` and to the next embargo
// lift by the HTTP layer (src/http/caching.rs).
#[Object(cache_control(max_age = 86400))]
impl CatalogueQuery {
    /// Films the caller may see, filtered and ordered (year descending, then title, when
    /// `orderBy` is omitted). Paging with `after: endCursor` visits every match exactly once.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, last, 24, child_complexity)")]
    async fn films(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size from the start (at most 100; 24 when omitted).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor after which the page starts.")] after: Option<String>,
        #[graphql(desc = "Page size from the end (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Cursor before which the page ends.")] before: Option<String>,
        #[graphql(desc = "Which films to list.")] filter: Option<FilmFilter>,
        #[graphql(desc = "Ordering terms, applied in order; ties are broken by id.")]
        order_by: Option<Vec<FilmOrder>>,
    ) -> Result<FilmConnection> {
        let order_by = order_by.filter(|o| !o.is_empty()).unwrap_or_else(|| {
            vec![
                FilmOrder {
                    field: FilmOrderField::Year,
                    direction: OrderDirection::Desc,
                },
                FilmOrder {
                    field: FilmOrderField::Title,
                    direction: OrderDirection::Asc,
                },
            ]
        });
        if order_by.len() > 5 {
            return Err(AppError::bad_input("orderBy", "\"orderBy\" takes at most 5 terms").into());
        }
        let locale = title_locale(ctx);
        let order: Vec<(FilmSort, bool)> = order_by
            .iter()
            .map(|o| {
                let sort = match o.field {
                    FilmOrderField::Year => FilmSort::Year,
                    FilmOrderField::Title => FilmSort::Title {
                        ru: locale == Locale::Ru,
                    },
                    FilmOrderField::UpdatedAt => FilmSort::UpdatedAt,
                    FilmOrderField::CreatedAt => FilmSort::CreatedAt,
                    FilmOrderField::Slug => FilmSort::Slug,
                };
                (sort, o.direction == OrderDirection::Desc)
            })
            .collect();
        let tag: Vec<String> = order
            .iter()
            .map(|(sort, desc)| format!("{}-{}", sort.tag(), if *desc { "DESC" } else { "ASC" }))
            .collect();
        let list = format!("films:{}", tag.join(","));
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .resolve(&list, 24)?;
        let filter = store_filter(filter)?;
        let with_total = ctx.look_ahead().field("totalCount").exists();
        let db = ctx.db()?;
        let result =
            store::film::list(db, ctx.viewer()?, &filter, &order, &page, with_total).await?;
        Ok(FilmConnection::from_page(&list, result, Film))
    }

    /// Press materials the caller may see, newest first.
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
        #[graphql(desc = "Which materials to list.")] filter: Option<PressMaterialFilter>,
    ) -> Result<PressMaterialConnection> {
        let filter = filter.unwrap_or_default();
        let subject = match &filter.subject {
            None => None,
            Some(id) => Some(match decode(id) {
                Some((NodeType::Film, row)) => (SubjectType::Film, row),
                Some((NodeType::Organization, row)) => (SubjectType::Organization, row),
                Some((NodeType::Agreement, row)) => (SubjectType::Agreement, row),
                Some((NodeType::FestivalEdition, row)) => (SubjectType::FestivalEdition, row),
                Some((NodeType::Person, row)) => (SubjectType::Person, row),
                Some((NodeType::Location, row)) => (SubjectType::Location, row),
                _ => {
                    return Err(AppError::bad_input(
                        "filter.subject",
                        "\"subject\" must be the global id of a film, organization, agreement, festival edition, person or location",
                    )
                    .into());
                }
            }),
        };
        let store_filter = PressFilter {
            kinds: filter.kinds,
            subject,
            published_after: filter.published_after,
            published_before: filter.published_before,
        };
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .resolve(store::press::LIST, 10)?;
        let with_total = ctx.look_ahead().field("totalCount").exists();
        let result =
            store::press::list(ctx.db()?, ctx.viewer()?, &store_filter, &page, with_total).await?;
        Ok(PressMaterialConnection::from_page(
            store::press::LIST,
            result,
            PressMaterial,
        ))
    }
}
