//! Shared checks and pieces of write inputs: a slug and a name, text in two languages, lists
//! without repeats, ids that must name rows, and the ordered lists of other rows a record
//! links to, replaced whole.

use std::collections::HashSet;

use sea_orm::{
    ConnectionTrait,
    sea_query::{Alias, Expr, ExprTrait, Order, Query},
};

use crate::{
    domain::rules::{self, TITLE_MAX_CHARS},
    error::{AppError, AppResult},
    store::{audit::Changes, edit::Patch},
};

/// A change to a text in Russian and English, `(ru, en)`.
pub type TextPatch = (Patch<String>, Patch<String>);

/// The text `(ru, en)` with `change` applied: each language trimmed, blank as none, at most
/// `max_chars` characters; a `required` text keeps at least one language, an optional one
/// may end with none.
pub fn text(
    field: &str,
    (ru, en): (Option<String>, Option<String>),
    (new_ru, new_en): TextPatch,
    max_chars: usize,
    required: bool,
) -> AppResult<(Option<String>, Option<String>)> {
    let ru = new_ru.unwrap_or(ru);
    let en = new_en.unwrap_or(en);
    let blank = |text: &Option<String>| text.as_deref().is_none_or(|t| t.trim().is_empty());
    if !required && blank(&ru) && blank(&en) {
        return Ok((None, None));
    }
    let text = rules::localized_text(field, ru.as_deref(), en.as_deref(), max_chars)?;
    Ok((text.ru, text.en))
}

/// Changes to what most records have: a slug and a name.
#[derive(Debug, Clone, Default)]
pub struct Naming {
    /// URL slug.
    pub slug: Option<String>,
    /// Name in Russian and English.
    pub name: TextPatch,
}

impl Naming {
    /// Applies the changes to a record's `slug` and `name`, which must remain in one language.
    pub fn apply(
        self,
        slug: &mut String,
        (ru, en): (&mut Option<String>, &mut Option<String>),
    ) -> AppResult<()> {
        if let Some(new) = self.slug {
            *slug = rules::slug("slug", &new)?;
        }
        (*ru, *en) = text(
            "name",
            (ru.take(), en.take()),
            self.name,
            TITLE_MAX_CHARS,
            true,
        )?;
        Ok(())
    }
}

/// Refuses a list `field` in which a value repeats: `BAD_USER_INPUT` on `field[i]`, its
/// second place.
pub fn distinct<T: PartialEq>(field: &str, values: &[T], what: &str) -> AppResult<()> {
    match repeated(values) {
        Some(i) => {
            let at = format!("{field}[{i}]");
            Err(AppError::bad_input(
                &at,
                format!("\"{at}\" repeats an earlier {what}; list each {what} once"),
            ))
        }
        None => Ok(()),
    }
}

/// The place of the first value of `values` that repeats an earlier one.
pub fn repeated<T: PartialEq>(values: &[T]) -> Option<usize> {
    (0..values.len()).find(|&i| values[..i].contains(&values[i]))
}

/// Checks that each `(field, id)` names a row of `table`: `BAD_USER_INPUT` on the field of
/// the first that does not. One statement.
pub async fn existing(
    db: &impl ConnectionTrait,
    table: &'static str,
    what: &str,
    ids: &[(String, i32)],
) -> AppResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let select = Query::select()
        .column(Alias::new("id"))
        .from(Alias::new(table))
        .and_where(Expr::col(Alias::new("id")).is_in(ids.iter().map(|(_, id)| *id)))
        .to_owned();
    let found = db
        .query_all(&select)
        .await?
        .iter()
        .map(|row| row.try_get::<i32>("", "id"))
        .collect::<Result<HashSet<_>, _>>()?;
    match ids.iter().find(|(_, id)| !found.contains(id)) {
        Some((field, _)) => Err(AppError::bad_input(
            field,
            format!("\"{field}\" names no {what}"),
        )),
        None => Ok(()),
    }
}

/// The input fields of the items of list `field`: `field[i]`, with each value.
pub fn indexed<T: Copy>(field: &str, values: &[T]) -> Vec<(String, T)> {
    (0..)
        .zip(values)
        .map(|(i, value): (usize, &T)| (format!("{field}[{i}]"), *value))
        .collect()
}

/// An ordered list of other rows a record links to, `table(owner, target, sort_order)`, named
/// by the input list `field`; edited by replacing it whole.
#[derive(Debug, Clone, Copy)]
pub struct Links {
    /// The link table.
    pub table: &'static str,
    /// Its column holding the root's id.
    pub owner: &'static str,
    /// Its column holding the linked row's id.
    pub target: &'static str,
    /// The table of the linked rows.
    pub target_table: &'static str,
    /// What a linked row is, in words.
    pub what: &'static str,
    /// The input list, as the API spells it; also the audited field.
    pub field: &'static str,
}

impl Links {
    /// The ids linked from `owner`, in order.
    pub async fn of(&self, db: &impl ConnectionTrait, owner: i32) -> AppResult<Vec<i32>> {
        let select = Query::select()
            .column(Alias::new(self.target))
            .from(Alias::new(self.table))
            .and_where(Expr::col(Alias::new(self.owner)).eq(owner))
            .order_by(Alias::new("sort_order"), Order::Asc)
            .to_owned();
        Ok(db
            .query_all(&select)
            .await?
            .iter()
            .map(|row| row.try_get::<i32>("", self.target))
            .collect::<Result<_, _>>()?)
    }

    /// Replaces the list of `owner` with `ids` when given (each must name a row; `distinct`
    /// checked them before), recording the old and new lists in `changes`.
    pub async fn replace(
        &self,
        db: &impl ConnectionTrait,
        owner: i32,
        ids: Option<&[i32]>,
        changes: &mut Changes,
    ) -> AppResult<()> {
        let Some(ids) = ids else {
            return Ok(());
        };
        existing(db, self.target_table, self.what, &indexed(self.field, ids)).await?;
        let old = self.of(db, owner).await?;
        let delete = Query::delete()
            .from_table(Alias::new(self.table))
            .and_where(Expr::col(Alias::new(self.owner)).eq(owner))
            .to_owned();
        db.execute(&delete).await?;
        if !ids.is_empty() {
            let mut insert = Query::insert()
                .into_table(Alias::new(self.table))
                .columns([
                    Alias::new(self.owner),
                    Alias::new(self.target),
                    Alias::new("sort_order"),
                ])
                .to_owned();
            for (order, id) in (0..).zip(ids) {
                insert.values_panic([owner, *id, order].map(Expr::val));
            }
            db.execute(&insert).await?;
        }
        changes.field(self.field, &old, &ids.to_vec());
        Ok(())
    }
}
