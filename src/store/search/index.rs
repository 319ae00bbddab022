//! Keeping the index in step with the catalogue: the documents of records that a write
//! touched are rebuilt inside the write's transaction ([`follow`]); the demo seed and an
//! index created on an existing catalogue rebuild it whole ([`rebuild`]); the synthetic
//! seed writes the documents of each batch of rows beside them ([`insert`]).

use std::collections::BTreeMap;

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
};

use crate::{
    entities::{
        agreement, festival, festival_edition, film, location, organization, person,
        press_material, search_document,
    },
    store::search::document::Indexed,
};

/// Documents per multi-row insert (ten columns each: far below both engines' bind limits).
const PER_STATEMENT: usize = 500;
/// Rows read per statement while rebuilding.
const PER_READ: u64 = 1_000;

/// Inserts new documents (their `id` is left to the database).
pub async fn insert(
    db: &impl ConnectionTrait,
    documents: Vec<search_document::Model>,
) -> Result<(), DbErr> {
    let mut rows = documents.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<search_document::ActiveModel> = rows
            .by_ref()
            .take(PER_STATEMENT)
            .map(|doc| {
                let mut active = doc.into_active_model().reset_all();
                active.id = NotSet;
                active
            })
            .collect();
        search_document::Entity::insert_many(chunk)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Rebuilds the documents of rows `ids` of `E`: those that exist get a fresh document, the
/// others (deleted) lose theirs.
async fn refresh<E: Indexed>(db: &impl ConnectionTrait, ids: &[i32]) -> Result<(), DbErr> {
    let rows = E::find()
        .filter(E::id_column().is_in(ids.iter().copied()))
        .all(db)
        .await?;
    search_document::Entity::delete_many()
        .filter(search_document::Column::Kind.eq(E::KIND))
        .filter(search_document::Column::EntityId.is_in(ids.iter().copied()))
        .exec(db)
        .await?;
    insert(db, rows.iter().map(E::document).collect()).await
}

/// Follows writes: `changed` lists the entities a transaction created, changed or deleted,
/// as the audit trail names them (node type name, row id); the documents of the searchable
/// ones are rebuilt. Three statements per kind of searchable entity touched.
pub async fn follow<'a>(
    db: &impl ConnectionTrait,
    changed: impl IntoIterator<Item = (&'a str, i32)>,
) -> Result<(), DbErr> {
    let mut by_type: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
    for (entity_type, id) in changed {
        by_type.entry(entity_type).or_default().push(id);
    }
    for (entity_type, ids) in by_type {
        match entity_type {
            "Film" => refresh::<film::Entity>(db, &ids).await?,
            "PressMaterial" => refresh::<press_material::Entity>(db, &ids).await?,
            "Organization" => refresh::<organization::Entity>(db, &ids).await?,
            "Person" => refresh::<person::Entity>(db, &ids).await?,
            "FestivalEdition" => refresh::<festival_edition::Entity>(db, &ids).await?,
            "Location" => refresh::<location::Entity>(db, &ids).await?,
            "Agreement" => refresh::<agreement::Entity>(db, &ids).await?,
            "Festival" => refresh::<festival::Entity>(db, &ids).await?,
            _ => {}
        }
    }
    Ok(())
}

/// Writes the documents of every row of `E`, reading the table in id order.
async fn rebuild_kind<E: Indexed>(db: &impl ConnectionTrait) -> Result<usize, DbErr> {
    let mut after = 0;
    let mut written = 0;
    loop {
        let rows = E::find()
            .filter(E::id_column().gt(after))
            .order_by_asc(E::id_column())
            .limit(PER_READ)
            .all(db)
            .await?;
        let Some(last) = rows.last() else {
            return Ok(written);
        };
        after = E::id_of(last);
        written += rows.len();
        insert(db, rows.iter().map(E::document).collect()).await?;
    }
}

/// Replaces the whole index by the documents of every searchable row; returns how many.
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<usize, DbErr> {
    search_document::Entity::delete_many().exec(db).await?;
    Ok(rebuild_kind::<film::Entity>(db).await?
        + rebuild_kind::<press_material::Entity>(db).await?
        + rebuild_kind::<organization::Entity>(db).await?
        + rebuild_kind::<person::Entity>(db).await?
        + rebuild_kind::<festival_edition::Entity>(db).await?
        + rebuild_kind::<location::Entity>(db).await?
        + rebuild_kind::<agreement::Entity>(db).await?
        + rebuild_kind::<festival::Entity>(db).await?)
}
