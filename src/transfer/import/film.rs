//! Importing films with their genres, co-productions, credits, shoots, screenings and
//! assets, ending in the publication status of the file.

use sea_orm::{
    ConnectionTrait, DatabaseTransaction,
    sea_query::{Alias, Expr, ExprTrait, Query},
};

use super::{Outcome, date, existing, pair, resolve, resolve_opt, set, text, time, value};
use crate::{
    domain::{enums::PublicationStatus, viewer::Caller},
    error::AppResult,
    store::edit::{
        co_production::{self, NewCoProduction},
        credit::{self, NewCredit},
        film::{self as film_edit, FilmPatch},
        media::{self, AssetOwner, NewAsset},
        screening::{self, ScreeningPatch},
        shoot::{self, NewShoot},
    },
    transfer::format,
};

/// The ids of the rows of `table` whose `column` is `owner`, in id order.
async fn owned(
    db: &impl ConnectionTrait,
    table: &'static str,
    column: &'static str,
    owner: i32,
) -> AppResult<Vec<i32>> {
    let select = Query::select()
        .column(Alias::new("id"))
        .from(Alias::new(table))
        .and_where(Expr::col(Alias::new(column)).eq(owner))
        .order_by(Alias::new("id"), sea_orm::sea_query::Order::Asc)
        .to_owned();
    let mut ids = Vec::new();
    for row in db.query_all(&select).await? {
        ids.push(row.try_get::<i32>("", "id")?);
    }
    Ok(ids)
}

pub(super) fn assets(field: &str, list: Vec<format::Asset>) -> AppResult<Vec<NewAsset>> {
    let mut assets = Vec::with_capacity(list.len());
    for (i, a) in list.into_iter().enumerate() {
        let (alt_ru, alt_en) = pair(a.alt);
        assets.push(NewAsset {
            purpose: value(&format!("{field}[{i}].purpose"), &a.purpose)?,
            kind: value(&format!("{field}[{i}].kind"), &a.kind)?,
            url: a.url,
            mime_type: a.mime_type,
            width: a.width,
            height: a.height,
            alt_ru,
            alt_en,
            credit: a.credit,
            license: a.license,
        });
    }
    Ok(assets)
}

/// A film with all its parts.
pub async fn film(
    db: &DatabaseTransaction,
    caller: &Caller,
    f: format::Film,
) -> AppResult<Outcome> {
    let at = existing(db, "film", &f.slug).await?;
    let status: PublicationStatus = value("status", &f.status)?;
    let published_at = f
        .published_at
        .as_deref()
        .map(|t| time("publishedAt", t))
        .transpose()?;
    let (title_ru, title_en) = pair(f.title);
    let (logline_ru, logline_en) = pair(f.logline);
    let (synopsis_ru, synopsis_en) = pair(f.synopsis);
    let patch = FilmPatch {
        slug: Some(f.slug),
        title_ru: Some(title_ru),
        title_en: Some(title_en),
        original_title: Some(f.original_title),
        original_language: set(f.original_language),
        production_status: Some(value("productionStatus", &f.production_status)?),
        year: set(f.year),
        runtime_minutes: set(f.runtime_minutes),
        countries: Some(f.countries),
        age_rating: set(f.age_rating),
        logline_ru: Some(logline_ru),
        logline_en: Some(logline_en),
        synopsis_ru: Some(synopsis_ru),
        synopsis_en: Some(synopsis_en),
        genres: Some(f.genres),
        imdb_id: set(f.imdb_id),
        eidr_id: set(f.eidr_id),
        distribution_certificate: set(f.distribution_certificate),
    };
    let row = match at {
        Some((id, version)) => film_edit::update(db, caller, id, version, patch).await?,
        None => film_edit::create(db, caller, patch).await?,
    };
    let id = row.id;

    let mut credits = Vec::with_capacity(f.credits.len());
    for (i, c) in f.credits.into_iter().enumerate() {
        let field = |name: &str| format!("credits[{i}].{name}");
        credits.push(NewCredit {
            person_id: resolve(db, "person", "person", &field("person"), &c.person).await?,
            role: value(&field("role"), &c.role)?,
            character: text(c.character),
        });
    }
    credit::set(db, caller, id, None, credits).await?;

    // Parts with ids of their own are replaced: the old ones removed, the file's added.
    for old in owned(db, "co_production", "film_id", id).await? {
        co_production::remove(db, caller, old, None).await?;
    }
    for (i, c) in f.co_productions.into_iter().enumerate() {
        let field = |name: &str| format!("coProductions[{i}].{name}");
        let new = NewCoProduction {
            film_id: id,
            organization_id: resolve(
                db,
                "organization",
                "organization",
                &field("organization"),
                &c.organization,
            )
            .await?,
            role: value(&field("role"), &c.role)?,
            share_percent: c.share_percent,
            agreement_id: resolve_opt(
                db,
                "agreement",
                "agreement",
                &field("agreement"),
                c.agreement.as_deref(),
            )
            .await?,
        };
        co_production::add(db, caller, new).await?;
    }
    for old in owned(db, "shoot", "film_id", id).await? {
        shoot::remove(db, caller, old, None).await?;
    }
    for (i, s) in f.shoots.into_iter().enumerate() {
        let field = |name: &str| format!("shoots[{i}].{name}");
        let new = NewShoot {
            film_id: id,
            location_id: resolve(db, "location", "location", &field("location"), &s.location)
                .await?,
            starts_on: date(&field("startsOn"), &s.starts_on)?,
            ends_on: date(&field("endsOn"), &s.ends_on)?,
        };
        shoot::add(db, caller, new).await?;
    }
    for old in owned(db, "screening", "film_id", id).await? {
        screening::remove(db, caller, old, None).await?;
    }
    for (i, s) in f.screenings.into_iter().enumerate() {
        let field = |name: &str| format!("screenings[{i}].{name}");
        let edition_id = resolve(
            db,
            "festival_edition",
            "festival edition",
            &field("edition"),
            &s.edition,
        )
        .await?;
        let patch = ScreeningPatch {
            film_id: Some(id),
            venue_id: Some(resolve(db, "location", "location", &field("venue"), &s.venue).await?),
            section: set(s.section),
            starts_at: Some(time(&field("startsAt"), &s.starts_at)?),
            premiere_status: Some(value(&field("premiereStatus"), &s.premiere_status)?),
            language: set(s.language),
            subtitle_languages: Some(s.subtitle_languages),
            ticket_url: set(s.ticket_url),
        };
        screening::add(db, caller, edition_id, patch).await?;
    }
    media::set_assets(
        db,
        caller,
        AssetOwner::Film(id),
        None,
        assets("assets", f.assets)?,
    )
    .await?;

    if row.status != status || row.published_at != published_at {
        film_edit::change_status(db, caller, id, None, status, published_at).await?;
    }
    Ok(match at {
        Some(_) => Outcome::Updated,
        None => Outcome::Created,
    })
}
