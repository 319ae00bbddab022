//! The one rule of who sees what: drafts, archived material and embargoes. Every path that
//! reads films or press materials (lists, counts, look-ups, `node`, back-references) and
//! every row hanging off a film (co-productions, credits, shoots, screenings, assets) filters
//! through these conditions.

use chrono::Utc;
use sea_orm::{
    ColumnTrait,
    sea_query::{Condition, Expr, ExprTrait, IntoColumnRef, Query, SimpleExpr},
};

use crate::{
    domain::{enums::PublicationStatus, viewer::Viewer},
    entities::{film, press_material},
};

/// Films the viewer may see, as a condition on the `film` table.
pub fn film(viewer: Viewer) -> Condition {
    if viewer.sees_unpublished() {
        Condition::all()
    } else {
        Condition::all().add(film::Column::Status.eq(PublicationStatus::Published))
    }
}

/// Rows whose film (the column `film_id`) the viewer may see.
pub fn film_ref(viewer: Viewer, film_id: impl IntoColumnRef) -> Condition {
    if viewer.sees_unpublished() {
        return Condition::all();
    }
    let visible = Query::select()
        .column(film::Column::Id)
        .from(film::Entity)
        .cond_where(film(viewer))
        .to_owned();
    Condition::all().add(Expr::col(film_id).in_subquery(visible))
}

/// Press materials the viewer may see, as a condition on the `press_material` table.
pub fn press_material(viewer: Viewer) -> Condition {
    if viewer.sees_unpublished() {
        return Condition::all();
    }
    let published = press_material::Column::Status.eq(PublicationStatus::Published);
    if viewer.sees_embargoed() {
        return Condition::all().add(published);
    }
    let lifted: SimpleExpr = Condition::any()
        .add(press_material::Column::EmbargoUntil.is_null())
        .add(press_material::Column::EmbargoUntil.lte(Utc::now()))
        .into();
    Condition::all().add(published).add(lifted)
}

/// Rows whose press material (the column `press_material_id`) the viewer may see.
pub fn press_material_ref(viewer: Viewer, press_material_id: impl IntoColumnRef) -> Condition {
    if viewer.sees_unpublished() {
        return Condition::all();
    }
    let visible = Query::select()
        .column(press_material::Column::Id)
        .from(press_material::Entity)
        .cond_where(press_material(viewer))
        .to_owned();
    Condition::all().add(Expr::col(press_material_id).in_subquery(visible))
}
