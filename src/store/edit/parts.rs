//! Lists of an owner's parts that have no global ids of their own (a person's affiliations,
//! a film's credits): one mutation replaces the whole list, audited as one UPDATE of the
//! owner with the old and new lists.

use super::Writer;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, ModelTrait, PrimaryKeyTrait,
    QueryFilter, QueryOrder,
};
use serde::Serialize;

use crate::{
    domain::viewer::Caller,
    error::AppResult,
    store::{
        audit::{Action, Changes},
        edit::{audited, claim_at, editor, row, settle, values::existing},
    },
};

/// A part kept in a list: how it is tied to its owner, ordered, and listed in the audit.
pub trait Item: ModelTrait + FromQueryResult + Send + Sync {
    /// What the audit trail keeps of it.
    type Listed: Serialize + PartialEq;
    /// The column holding the owner's id.
    const OWNER: <Self::Entity as EntityTrait>::Column;
    /// The column of its place in the list.
    const SORT_ORDER: <Self::Entity as EntityTrait>::Column;
    /// What the audit trail keeps of it.
    fn listed(&self) -> Self::Listed;
}

/// A kind of list: whose it is, the mutation that replaces it, and what its items point at.
#[derive(Debug)]
pub struct List<O: EntityTrait> {
    /// The mutation's name.
    pub mutation: &'static str,
    /// The input (and audited) field of the list, `credits`.
    pub field: &'static str,
    /// The owner's table, name in messages and node type: `("film", "film", "Film")`.
    pub owner: (&'static str, &'static str, &'static str),
    /// The table and name of what each item points at, and the item's field for it:
    /// `("person", "person", "person")`.
    pub target: (&'static str, &'static str, &'static str),
    /// The owner's version.
    pub version: fn(&O::Model) -> i32,
}

impl<O> List<O>
where
    O: EntityTrait<PrimaryKey: PrimaryKeyTrait<ValueType = i32>>,
{
    /// The key name the change is recorded under; the caller must be an editor.
    pub fn editor(&self, caller: &Caller) -> AppResult<String> {
        editor(caller, self.mutation)
    }

    /// The input field of item `i`'s `name`: `credits[2].person`.
    pub fn at(&self, i: usize, name: &str) -> String {
        format!("{}[{i}].{name}", self.field)
    }

    /// Replaces the list of owner `id` (at version `expected`, when given) with `rows`,
    /// whose items point at `targets` (one id per row, in order); returns the owner.
    pub async fn replace<P: Item>(
        &self,
        db: &impl Writer,
        actor: &str,
        id: i32,
        expected: Option<i32>,
        rows: Vec<<P::Entity as EntityTrait>::ActiveModel>,
        targets: &[i32],
    ) -> AppResult<O::Model>
    where
        P::Entity: EntityTrait<Model = P>,
    {
        let (table, what, entity_type) = self.owner;
        let txn = db.begin().await?;
        let result: AppResult<_> = async {
            claim_at(&txn, table, what, id, expected).await?;
            self.known(&txn, targets).await?;
            let old = items::<P>(&txn, id).await?;
            P::Entity::delete_many()
                .filter(P::OWNER.eq(id))
                .exec(&txn)
                .await?;
            if !rows.is_empty() {
                P::Entity::insert_many(rows).exec(&txn).await?;
            }
            let new = items::<P>(&txn, id).await?;
            let owner = row::<O>(&txn, id, what).await?;
            let version = (self.version)(&owner);
            let mut changes = Changes::default();
            changes.field(self.field, &old, &new);
            changes.field("version", &(version - 1), &version);
            audited(&txn, actor, Action::Update, entity_type, id, changes).await?;
            Ok(owner)
        }
        .await;
        settle(txn, result).await
    }

    /// Refuses with `BAD_USER_INPUT` on the first item whose target does not exist.
    async fn known(&self, db: &impl ConnectionTrait, targets: &[i32]) -> AppResult<()> {
        let (table, what, name) = self.target;
        let fields: Vec<(String, i32)> = (0..)
            .zip(targets)
            .map(|(i, id)| (self.at(i, name), *id))
            .collect();
        existing(db, table, what, &fields).await
    }
}

/// The items of owner `id`, in order, as the audit trail lists them.
async fn items<P: Item>(db: &impl ConnectionTrait, id: i32) -> AppResult<Vec<P::Listed>>
where
    P::Entity: EntityTrait<Model = P>,
{
    Ok(P::Entity::find()
        .filter(P::OWNER.eq(id))
        .order_by_asc(P::SORT_ORDER)
        .all(db)
        .await?
        .iter()
        .map(P::listed)
        .collect())
}
