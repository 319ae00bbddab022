//! The `jsonLd` fields: the `JSON` scalar and, per type, the batched loads that gather a
//! document's rows before `crate::seo::json_ld` builds it.

use async_graphql::{Context, Scalar, ScalarType, Value};
use futures::future::try_join_all;

use crate::{
    domain::enums::SubjectType,
    entities::{
        agreement, festival, festival_edition, film, location, organization, person, press_material,
    },
    error::{AppError, AppResult},
    graphql::{
        context::{load, load_list},
        loaders::{
            AffiliationsOfPerson, AssetsOfFilm, AssetsOfPress, ById, CoProductionsOfFilm,
            CreditsOfFilm, GenresOfFilm, OrganizersOfFestival, SubjectsOfPress,
        },
        types::locale::{Locale, asked, record_fallback},
    },
    seo::{
        json_ld::{self, FilmParts, Lang, Subject},
        urls::PublicUrl,
    },
    store::screening::ScreeningRow,
};

/// Any JSON value: here a schema.org JSON-LD document, ready for a
/// `<script type="application/ld+json">` element.
#[derive(Debug, Clone, PartialEq)]
pub struct Json(pub serde_json::Value);

/// Any JSON value (objects, lists, text, numbers); `jsonLd` fields return schema.org
/// JSON-LD documents in it.
#[Scalar(name = "JSON")]
impl ScalarType for Json {
    fn parse(value: Value) -> async_graphql::InputValueResult<Self> {
        Ok(Json(value.into_json()?))
    }

    fn to_value(&self) -> Value {
        Value::from_json(self.0.clone()).unwrap_or(Value::Null)
    }
}

/// The public site's base URL (schema data).
fn urls<'a>(ctx: &Context<'a>) -> AppResult<&'a PublicUrl> {
    ctx.data::<PublicUrl>()
        .map_err(|_| AppError::internal(anyhow::anyhow!("public URL missing from the schema")))
}

/// Builds a document in the asked locale and records a fallback to the other language.
fn finish(ctx: &Context<'_>, lang: &Lang, document: serde_json::Value) -> Json {
    if lang.fell_back() {
        record_fallback(ctx);
    }
    Json(document)
}

/// A film's `Movie`.
pub async fn film(
    ctx: &Context<'_>,
    locale: Option<Locale>,
    film: &film::Model,
) -> AppResult<Json> {
    let (genres, credits, co_productions, assets) = futures::try_join!(
        load_list(ctx, GenresOfFilm(film.id)),
        load_list(ctx, CreditsOfFilm(film.id)),
        load_list(ctx, CoProductionsOfFilm(film.id)),
        load_list(ctx, AssetsOfFilm(film.id)),
    )?;
    let lang = Lang::new(asked(ctx, locale));
    let parts = FilmParts {
        film,
        genres: &genres,
        credits: &credits,
        co_productions: &co_productions,
        assets: &assets,
    };
    Ok(finish(ctx, &lang, json_ld::movie(urls(ctx)?, &lang, parts)))
}

/// A screening's `ScreeningEvent`; None when its film is not visible.
pub async fn screening(
    ctx: &Context<'_>,
    locale: Option<Locale>,
    row: &ScreeningRow,
) -> AppResult<Option<Json>> {
    let (film, festival) = futures::try_join!(
        load(ctx, ById::<film::Entity>::new(row.screening.film_id)),
        load(ctx, ById::<festival::Entity>::new(row.edition.festival_id)),
    )?;
    let (Some(film), Some(festival)) = (film, festival) else {
        return Ok(None);
    };
    let lang = Lang::new(asked(ctx, locale));
    let document = json_ld::screening_event(urls(ctx)?, &lang, row, &film, &festival);
    Ok(Some(finish(ctx, &lang, document)))
}

/// An edition's `Festival`.
pub async fn edition(
    ctx: &Context<'_>,
    locale: Option<Locale>,
    edition: &festival_edition::Model,
) -> AppResult<Option<Json>> {
    let (festival, organizers) = futures::try_join!(
        load(ctx, ById::<festival::Entity>::new(edition.festival_id)),
        load_list(ctx, OrganizersOfFestival(edition.festival_id)),
    )?;
    let Some(festival) = festival else {
        return Ok(None);
    };
    let lang = Lang::new(asked(ctx, locale));
    let document = json_ld::festival(urls(ctx)?, &lang, edition, &festival, &organizers);
    Ok(Some(finish(ctx, &lang, document)))
}

/// An organization's `Organization`.
pub fn organization(
    ctx: &Context<'_>,
    locale: Option<Locale>,
    org: &organization::Model,
) -> AppResult<Json> {
    let lang = Lang::new(asked(ctx, locale));
    let document = json_ld::organization(urls(ctx)?, &lang, org);
    Ok(finish(ctx, &lang, document))
}

/// A person's `Person`, with the organizations of their current positions.
pub async fn person(
    ctx: &Context<'_>,
    locale: Option<Locale>,
    person: &person::Model,
) -> AppResult<Json> {
    let current: Vec<_> = load_list(ctx, AffiliationsOfPerson(person.id))
        .await?
        .into_iter()
        .filter(|a| a.ends_on.is_none())
        .collect();
    let orgs = try_join_all(
        current
            .iter()
            .map(|a| load(ctx, ById::<organization::Entity>::new(a.organization_id))),
    )
    .await?;
    let employers: Vec<_> = current
        .into_iter()
        .zip(orgs)
        .filter_map(|(a, org)| Some((org?, a.position_ru, a.position_en)))
        .collect();
    let lang = Lang::new(asked(ctx, locale));
    let document = json_ld::person(urls(ctx)?, &lang, person, &employers);
    Ok(finish(ctx, &lang, document))
}

/// A press material's `NewsArticle`, with the subjects the caller may see.
pub async fn press(
    ctx: &Context<'_>,
    locale: Option<Locale>,
    press: &press_material::Model,
) -> AppResult<Json> {
    let (links, assets) = futures::try_join!(
        load_list(ctx, SubjectsOfPress(press.id)),
        load_list(ctx, AssetsOfPress(press.id)),
    )?;
    let subjects = try_join_all(
        links
            .iter()
            .map(|link| subject(ctx, link.subject_type, link.subject_id)),
    )
    .await?;
    let subjects: Vec<Subject> = subjects.into_iter().flatten().collect();
    let lang = Lang::new(asked(ctx, locale));
    let document = json_ld::news_article(urls(ctx)?, &lang, press, &subjects, &assets);
    Ok(finish(ctx, &lang, document))
}

async fn subject(ctx: &Context<'_>, kind: SubjectType, id: i32) -> AppResult<Option<Subject>> {
    Ok(match kind {
        SubjectType::Film => load(ctx, ById::<film::Entity>::new(id))
            .await?
            .map(Subject::Film),
        SubjectType::Organization => load(ctx, ById::<organization::Entity>::new(id))
            .await?
            .map(Subject::Organization),
        SubjectType::Person => load(ctx, ById::<person::Entity>::new(id))
            .await?
            .map(Subject::Person),
        SubjectType::Location => load(ctx, ById::<location::Entity>::new(id))
            .await?
            .map(Subject::Location),
        SubjectType::Agreement => load(ctx, ById::<agreement::Entity>::new(id))
            .await?
            .map(Subject::Agreement),
        SubjectType::FestivalEdition => {
            let Some(edition) = load(ctx, ById::<festival_edition::Entity>::new(id)).await? else {
                return Ok(None);
            };
            load(ctx, ById::<festival::Entity>::new(edition.festival_id))
                .await?
                .map(|festival| Subject::Edition(edition, festival))
        }
    })
}
