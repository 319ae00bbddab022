//! Writing media assets: the poster, stills and attachments of a film or a press material,
//! the list replaced whole.

use super::Writer;
use chrono::Utc;
use sea_orm::{ActiveEnum, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    domain::{
        enums::{AssetPurpose, MediaKind},
        rules::{self, TITLE_MAX_CHARS},
        viewer::Caller,
    },
    entities::media_asset,
    error::{AppError, AppResult},
    store::{
        audit::{Action, Changes},
        edit::{audited, claim_at, editor, settle},
    },
};

/// Whose assets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssetOwner {
    /// A film's poster and stills.
    Film(i32),
    /// A press material's attachments.
    PressMaterial(i32),
}

/// A media file to attach.
#[derive(Debug, Clone)]
pub struct NewAsset {
    /// What it is used as.
    pub purpose: AssetPurpose,
    /// Kind of media.
    pub kind: MediaKind,
    /// Absolute URL.
    pub url: String,
    /// MIME type, `type/subtype`.
    pub mime_type: String,
    /// Width in pixels.
    pub width: Option<i32>,
    /// Height in pixels.
    pub height: Option<i32>,
    /// Alt text in Russian.
    pub alt_ru: Option<String>,
    /// Alt text in English.
    pub alt_en: Option<String>,
    /// Credit line.
    pub credit: Option<String>,
    /// License.
    pub license: Option<String>,
}

/// Replaces the assets of `owner` with `assets`, in display order; returns them as stored.
pub async fn set_assets(
    db: &impl Writer,
    caller: &Caller,
    owner: AssetOwner,
    expected: Option<i32>,
    assets: Vec<NewAsset>,
) -> AppResult<Vec<media_asset::Model>> {
    let actor = editor(caller, "setMediaAssets")?;
    let now = Utc::now();
    let (film_id, press_id) = match owner {
        AssetOwner::Film(id) => (Some(id), None),
        AssetOwner::PressMaterial(id) => (None, Some(id)),
    };
    let mut rows = Vec::with_capacity(assets.len());
    let mut posters = 0;
    for (i, asset) in assets.into_iter().enumerate() {
        let field = |name: &str| format!("assets[{i}].{name}");
        let url = rules::url(&field("url"), &asset.url)?;
        let mime_type = mime_type(&field("mimeType"), &asset.mime_type)?;
        for (name, size) in [("width", asset.width), ("height", asset.height)] {
            if size.is_some_and(|s| !(1..=100_000).contains(&s)) {
                return Err(AppError::bad_input(
                    field(name),
                    format!("\"{}\" must be 1 to 100000 pixels", field(name)),
                ));
            }
        }
        if asset.purpose == AssetPurpose::Poster {
            posters += 1;
            if posters > 1 || press_id.is_some() {
                return Err(AppError::bad_input(
                    field("purpose"),
                    "a film has at most one POSTER, and press materials have ATTACHMENTs only",
                ));
            }
        }
        let alt = match (&asset.alt_ru, &asset.alt_en) {
            (None, None) => rules::LocalizedText::default(),
            (ru, en) => {
                rules::localized_text(&field("alt"), ru.as_deref(), en.as_deref(), TITLE_MAX_CHARS)?
            }
        };
        rows.push(media_asset::ActiveModel {
            film_id: Set(film_id),
            press_material_id: Set(press_id),
            purpose: Set(asset.purpose),
            kind: Set(asset.kind),
            url: Set(url),
            mime_type: Set(mime_type),
            width: Set(asset.width),
            height: Set(asset.height),
            alt_ru: Set(alt.ru),
            alt_en: Set(alt.en),
            credit: Set(asset
                .credit
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())),
            license: Set(asset
                .license
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())),
            sort_order: Set(i as i32),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        });
    }
    let txn = db.begin().await?;
    let result: AppResult<_> = async {
        let (table, what, entity_type, id, column) = match owner {
            AssetOwner::Film(id) => ("film", "film", "Film", id, media_asset::Column::FilmId),
            AssetOwner::PressMaterial(id) => (
                "press_material",
                "press material",
                "PressMaterial",
                id,
                media_asset::Column::PressMaterialId,
            ),
        };
        claim_at(&txn, table, what, id, expected).await?;
        let listed = |assets: &[media_asset::Model]| -> Vec<String> {
            assets
                .iter()
                .map(|a| format!("{} {}", a.purpose.to_value(), a.url))
                .collect()
        };
        let old = media_asset::Entity::find()
            .filter(column.eq(id))
            .order_by_asc(media_asset::Column::SortOrder)
            .all(&txn)
            .await?;
        media_asset::Entity::delete_many()
            .filter(column.eq(id))
            .exec(&txn)
            .await?;
        if !rows.is_empty() {
            media_asset::Entity::insert_many(rows).exec(&txn).await?;
        }
        let new = media_asset::Entity::find()
            .filter(column.eq(id))
            .order_by_asc(media_asset::Column::SortOrder)
            .all(&txn)
            .await?;
        let mut changes = Changes::default();
        changes.field("assets", &listed(&old), &listed(&new));
        audited(&txn, &actor, Action::Update, entity_type, id, changes).await?;
        Ok(new)
    }
    .await;
    settle(txn, result).await
}

/// A MIME type: `type/subtype` in lower case, with a known top-level type.
fn mime_type(field: &str, value: &str) -> AppResult<String> {
    let mime = value.trim().to_ascii_lowercase();
    let valid = mime.split_once('/').is_some_and(|(top, sub)| {
        [
            "image",
            "video",
            "audio",
            "application",
            "text",
            "font",
            "model",
        ]
        .contains(&top)
            && !sub.is_empty()
            && sub
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    });
    if valid {
        Ok(mime)
    } else {
        Err(AppError::bad_input(
            field,
            format!(
                "\"{field}\" must be a MIME type such as \"image/jpeg\" or \"application/pdf\""
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mime_types_are_type_and_subtype() {
        assert_eq!(
            mime_type("m", " Image/JPEG ").ok().as_deref(),
            Some("image/jpeg")
        );
        assert!(
            mime_type(
                "m",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            )
            .is_ok()
        );
        for bad in ["jpeg", "image/", "nonsense/x", "image/jp eg"] {
            assert!(mime_type("m", bad).is_err(), "{bad}");
        }
    }
}
