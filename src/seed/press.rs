//! Press materials: the press release of 2025-08-26 with its two quotes and subjects, and the
//! machinery that inserts a press material with its subjects, quotes and assets.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseTransaction, DbErr, EntityTrait};

use super::partnership::{
    AGREEMENT, FILM_WEEK_2025, GAZPROM_MEDIA, KHANCHALYAN, KINOPARK, KINOZAVOD, MOSKINO, PROKOPOV,
};
use super::{Ids, newsroom, text, utc};
use crate::domain::enums::{
    AssetPurpose, MediaKind, PressMaterialKind, PublicationStatus, SubjectType,
};
use crate::entities::{media_asset, press_material, press_subject, quote};

/// The Russian text of the press release, as published (the only body; English falls back).
const PRESS_RELEASE_RU: &str = include_str!("press-release-2025-08-25.txt");

/// A press material to insert, with what it is about, who it quotes and what it attaches.
pub(super) struct Item {
    pub slug: &'static str,
    pub kind: PressMaterialKind,
    pub title_ru: &'static str,
    pub title_en: Option<&'static str>,
    pub lead_ru: &'static str,
    pub lead_en: Option<&'static str>,
    pub body_ru: &'static str,
    pub body_en: Option<&'static str>,
    /// Publication time in UTC (year, month, day, hour); `None` keeps the material a draft.
    pub published: Option<(i32, u32, u32, u32)>,
    /// Embargo end in UTC (year, month, day, hour), if any.
    pub embargo_until: Option<(i32, u32, u32, u32)>,
    pub subjects: &'static [(SubjectType, &'static str)],
    pub quotes: &'static [Quote],
    pub assets: &'static [Asset],
}

/// A quotation: who said it (a person, an organization or both), in what position.
pub(super) struct Quote {
    pub person: Option<&'static str>,
    pub organization: Option<&'static str>,
    pub position_ru: Option<&'static str>,
    pub position_en: Option<&'static str>,
    pub text_ru: &'static str,
    pub text_en: Option<&'static str>,
}

/// A file attached to a press material, hosted under `https://example.org/kinograph/press/`.
pub(super) struct Asset {
    pub kind: MediaKind,
    pub file: &'static str,
    pub mime_type: &'static str,
    pub size: Option<(i32, i32)>,
    pub alt_ru: &'static str,
    pub alt_en: Option<&'static str>,
}

const PRESS_RELEASE: Item = Item {
    slug: "gazprom-media-moskino-agreement-2025",
    kind: PressMaterialKind::PressRelease,
    title_ru: "«Газпром-Медиа Холдинг» и АНО «Москино» подписали соглашение о сотрудничестве",
    title_en: Some("Gazprom-Media Holding and Moskino sign a cooperation agreement"),
    lead_ru: "25 августа в рамках II Московской международной недели кино «Газпром-Медиа Холдинг» и АНО «Москино» подписали соглашение о сотрудничестве. Документ предусматривает совместное производство и продвижение кино для российского и зарубежного зрителя, а также продвижение образа Москвы.",
    lead_en: Some(
        "On 25 August, during the 2nd Moscow International Film Week, Gazprom-Media Holding and Moskino signed a cooperation agreement. It provides for the joint production and promotion of films for Russian and foreign audiences and for the promotion of the image of Moscow.",
    ),
    body_ru: "", // the included text, see `insert`
    body_en: None,
    published: Some((2025, 8, 26, 6)), // 09:00 Moscow time
    embargo_until: None,
    subjects: &[
        (SubjectType::Agreement, AGREEMENT),
        (SubjectType::Organization, GAZPROM_MEDIA),
        (SubjectType::Organization, MOSKINO),
        (SubjectType::Person, KHANCHALYAN),
        (SubjectType::Person, PROKOPOV),
        (SubjectType::FestivalEdition, FILM_WEEK_2025),
        (SubjectType::Location, KINOPARK),
        (SubjectType::Location, KINOZAVOD),
    ],
    quotes: &[
        Quote {
            person: Some(KHANCHALYAN),
            organization: Some(GAZPROM_MEDIA),
            position_ru: Some("заместитель генерального директора"),
            position_en: Some("Deputy Director General"),
            text_ru: "“Газпром-Медиа Холдинг” высоко ценит подобные партнерства. Объединяя экспертизу лидирующего медиахолдинга страны и ресурсы “Москино”, представляющего одну из самых креативных столиц мира – город Москву, мы планируем снимать проекты, которые смогут достойно представить российскую культуру и завоюют признание глобальной аудитории",
            text_en: Some(
                "Gazprom-Media Holding values such partnerships highly. By combining the expertise of the country's leading media holding with the resources of Moskino, which represents one of the most creative capitals of the world, the city of Moscow, we plan to make projects that can worthily represent Russian culture and win the recognition of a global audience.",
            ),
        },
        Quote {
            person: Some(PROKOPOV),
            organization: Some(MOSKINO),
            position_ru: Some("генеральный директор"),
            position_en: Some("Director General"),
            text_ru: "Сотрудничество с таким крупным холдингом, как «Газпром-Медиа», важно по двум основным причинам. Прежде всего, соглашение подчеркивает значимость Московского кинокластера для отечественной киноиндустрии. Кроме того, “Газпром-Медиа Холдинг” усиливает работу на международном направлении, которое является одним из приоритетных для нас – как для организации съемок совместных проектов в столице, так и для продвижения образа Москвы за рубежом",
            text_en: Some(
                "Cooperation with a holding as large as Gazprom-Media matters for two main reasons. First, the agreement underlines the importance of the Moscow Film Cluster for the national film industry. Second, Gazprom-Media Holding is strengthening its international work, which is one of our priorities, both for organizing shoots of joint projects in the capital and for promoting the image of Moscow abroad.",
            ),
        },
    ],
    assets: &[],
};

/// Inserts the press release and the sample press materials.
pub(super) async fn insert(txn: &DatabaseTransaction, ids: &Ids) -> Result<(), DbErr> {
    insert_item(txn, ids, &PRESS_RELEASE, Some(PRESS_RELEASE_RU.trim())).await?;
    for item in &newsroom::ITEMS {
        insert_item(txn, ids, item, None).await?;
    }
    Ok(())
}

/// Inserts one press material; `body_ru` overrides the item's own Russian body.
async fn insert_item(
    txn: &DatabaseTransaction,
    ids: &Ids,
    item: &Item,
    body_ru: Option<&str>,
) -> Result<(), DbErr> {
    let published_at = hour(item.published)?;
    // A draft was last edited on a fixed day; published material was last changed when published.
    let at = match published_at {
        Some(at) => at,
        None => utc(2026, 3, 2, 11, 0)?,
    };
    let row = press_material::ActiveModel {
        slug: Set(item.slug.to_owned()),
        kind: Set(item.kind),
        status: Set(if published_at.is_some() {
            PublicationStatus::Published
        } else {
            PublicationStatus::Draft
        }),
        title_ru: Set(Some(item.title_ru.to_owned())),
        title_en: Set(text(item.title_en)),
        lead_ru: Set(Some(item.lead_ru.to_owned())),
        lead_en: Set(text(item.lead_en)),
        body_ru: Set(Some(body_ru.unwrap_or(item.body_ru).to_owned())),
        body_en: Set(text(item.body_en)),
        published_at: Set(published_at),
        embargo_until: Set(hour(item.embargo_until)?),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
        ..Default::default()
    }
    .insert(txn)
    .await?;

    let mut subjects = Vec::new();
    for (order, (subject_type, slug)) in (0..).zip(item.subjects) {
        subjects.push(press_subject::ActiveModel {
            press_material_id: Set(row.id),
            subject_type: Set(*subject_type),
            subject_id: Set(subject_id(ids, *subject_type, slug)?),
            sort_order: Set(order),
        });
    }
    if !subjects.is_empty() {
        press_subject::Entity::insert_many(subjects)
            .exec_without_returning(txn)
            .await?;
    }

    for (order, q) in (0..).zip(item.quotes) {
        quote::ActiveModel {
            press_material_id: Set(row.id),
            person_id: Set(q.person.map(|slug| ids.person(slug)).transpose()?),
            organization_id: Set(q
                .organization
                .map(|slug| ids.organization(slug))
                .transpose()?),
            position_ru: Set(text(q.position_ru)),
            position_en: Set(text(q.position_en)),
            text_ru: Set(Some(q.text_ru.to_owned())),
            text_en: Set(text(q.text_en)),
            sort_order: Set(order),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }

    for (order, asset) in (0..).zip(item.assets) {
        media_asset::ActiveModel {
            film_id: Set(None),
            press_material_id: Set(Some(row.id)),
            purpose: Set(AssetPurpose::Attachment),
            kind: Set(asset.kind),
            url: Set(format!(
                "https://example.org/kinograph/press/{}/{}",
                item.slug, asset.file
            )),
            mime_type: Set(asset.mime_type.to_owned()),
            width: Set(asset.size.map(|(width, _)| width)),
            height: Set(asset.size.map(|(_, height)| height)),
            alt_ru: Set(Some(asset.alt_ru.to_owned())),
            alt_en: Set(text(asset.alt_en)),
            credit: Set(Some("Kinograph sample data".to_owned())),
            license: Set(Some("CC0-1.0".to_owned())),
            sort_order: Set(order),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// The id of a press material's subject, looked up by its slug in the table it names.
fn subject_id(ids: &Ids, subject_type: SubjectType, slug: &str) -> Result<i32, DbErr> {
    match subject_type {
        SubjectType::Film => ids.film(slug),
        SubjectType::Organization => ids.organization(slug),
        SubjectType::Agreement => ids.agreement(slug),
        SubjectType::FestivalEdition => ids.edition(slug),
        SubjectType::Person => ids.person(slug),
        SubjectType::Location => ids.location(slug),
    }
}

/// An optional whole hour in UTC.
fn hour(at: Option<(i32, u32, u32, u32)>) -> Result<Option<DateTime<Utc>>, DbErr> {
    at.map(|(y, m, d, h)| utc(y, m, d, h, 0)).transpose()
}
