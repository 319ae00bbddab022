//! Row specifications shared by the demo-data areas: organizations, people and locations.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseTransaction, DbErr};

use super::{Ids, MOSCOW_TZ, text};
use crate::domain::enums::{LocationKind, OrganizationKind};
use crate::entities::{location, organization, person};

/// An organization to insert.
pub(super) struct Organization {
    pub slug: &'static str,
    pub kind: OrganizationKind,
    pub name_ru: &'static str,
    pub name_en: Option<&'static str>,
    pub description_ru: &'static str,
    pub description_en: Option<&'static str>,
    pub country: &'static str,
    pub website: Option<&'static str>,
}

impl Organization {
    pub(super) async fn insert(
        &self,
        txn: &DatabaseTransaction,
        ids: &mut Ids,
        at: DateTime<Utc>,
    ) -> Result<i32, DbErr> {
        let row = organization::ActiveModel {
            slug: Set(self.slug.to_owned()),
            kind: Set(self.kind),
            name_ru: Set(Some(self.name_ru.to_owned())),
            name_en: Set(text(self.name_en)),
            description_ru: Set(Some(self.description_ru.to_owned())),
            description_en: Set(text(self.description_en)),
            country: Set(Some(self.country.to_owned())),
            website: Set(text(self.website)),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        ids.organization.insert(self.slug, row.id);
        Ok(row.id)
    }
}

/// A person to insert.
pub(super) struct Person {
    pub slug: &'static str,
    pub name_ru: &'static str,
    pub name_en: Option<&'static str>,
    pub biography_ru: &'static str,
    pub biography_en: Option<&'static str>,
}

impl Person {
    pub(super) async fn insert(
        &self,
        txn: &DatabaseTransaction,
        ids: &mut Ids,
        at: DateTime<Utc>,
    ) -> Result<i32, DbErr> {
        let row = person::ActiveModel {
            slug: Set(self.slug.to_owned()),
            name_ru: Set(Some(self.name_ru.to_owned())),
            name_en: Set(text(self.name_en)),
            biography_ru: Set(Some(self.biography_ru.to_owned())),
            biography_en: Set(text(self.biography_en)),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        ids.person.insert(self.slug, row.id);
        Ok(row.id)
    }
}

/// A place in Moscow to insert: a studio site, a backlot, a cinema or a festival venue.
pub(super) struct Location {
    pub slug: &'static str,
    pub kind: LocationKind,
    pub name_ru: &'static str,
    pub name_en: &'static str,
    pub description_ru: &'static str,
    pub description_en: &'static str,
    pub address_ru: &'static str,
    pub address_en: Option<&'static str>,
    pub latitude: f64,
    pub longitude: f64,
    /// Slug of the owning organization, if any.
    pub owner: Option<&'static str>,
}

impl Location {
    pub(super) async fn insert(
        &self,
        txn: &DatabaseTransaction,
        ids: &mut Ids,
        at: DateTime<Utc>,
    ) -> Result<i32, DbErr> {
        let owner_id = match self.owner {
            Some(slug) => Some(ids.organization(slug)?),
            None => None,
        };
        let row = location::ActiveModel {
            slug: Set(self.slug.to_owned()),
            kind: Set(self.kind),
            name_ru: Set(Some(self.name_ru.to_owned())),
            name_en: Set(Some(self.name_en.to_owned())),
            description_ru: Set(Some(self.description_ru.to_owned())),
            description_en: Set(Some(self.description_en.to_owned())),
            address_ru: Set(Some(self.address_ru.to_owned())),
            address_en: Set(text(self.address_en)),
            city_ru: Set(Some("Москва".to_owned())),
            city_en: Set(Some("Moscow".to_owned())),
            time_zone: Set(MOSCOW_TZ.to_owned()),
            latitude: Set(Some(self.latitude)),
            longitude: Set(Some(self.longitude)),
            owner_id: Set(owner_id),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        ids.location.insert(self.slug, row.id);
        Ok(row.id)
    }
}
