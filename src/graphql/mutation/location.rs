//! Location mutations: create, update, delete; and shoots, a film's bookings of locations.

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result, SimpleObject};

use crate::{
    domain::enums::LocationKind,
    entities::location,
    error::AppResult,
    graphql::{
        context::ContextExt,
        mutation::{DeleteInput, DeletePayload, LocalizedTextInput, delete, patch, texts},
        types::{
            id::{NodeType, expect},
            location::{Location, Shoot},
            scalars::Date,
        },
    },
    store::edit::{
        self,
        location::LocationPatch,
        record,
        shoot::{NewShoot, ShootPatch},
        values::Naming,
    },
};

/// The fields of a location besides its slug, kind and name; in an update, a field left
/// out keeps its value and null clears it.
#[derive(InputObject, Debug, Clone, Default)]
pub struct LocationDetailsInput {
    /// What the place is and offers.
    pub description: Option<LocalizedTextInput>,
    /// Street address.
    pub address: Option<LocalizedTextInput>,
    /// City.
    pub city: Option<LocalizedTextInput>,
    /// IANA time zone of the place, e.g. `Europe/Moscow` (the default for a new location).
    pub time_zone: Option<String>,
    /// Latitude in degrees (WGS 84), -90 to 90; given or cleared with the longitude.
    pub latitude: MaybeUndefined<f64>,
    /// Longitude in degrees (WGS 84), -180 to 180; given or cleared with the latitude.
    pub longitude: MaybeUndefined<f64>,
    /// The organization that owns the place.
    pub owner: MaybeUndefined<ID>,
}

impl LocationDetailsInput {
    /// The patch of these fields, with `naming` and `kind` set by the caller.
    fn into_patch(self) -> AppResult<LocationPatch> {
        let owner = patch(self.owner)
            .map(|owner| {
                owner
                    .map(|id| expect(NodeType::Organization, &id, "owner"))
                    .transpose()
            })
            .transpose()?;
        Ok(LocationPatch {
            description: texts(self.description),
            address: texts(self.address),
            city: texts(self.city),
            time_zone: self.time_zone,
            latitude: patch(self.latitude),
            longitude: patch(self.longitude),
            owner_id: owner,
            ..LocationPatch::default()
        })
    }
}

/// A new location.
#[derive(InputObject, Debug, Clone)]
pub struct CreateLocationInput {
    /// URL slug: lowercase latin letters, digits and single hyphens; unique among locations.
    pub slug: String,
    /// What kind of place it is.
    pub kind: LocationKind,
    /// Name, in at least one language.
    pub name: LocalizedTextInput,
    /// Everything else.
    #[graphql(flatten)]
    pub details: LocationDetailsInput,
}

/// Changes to a location made from the version the editor read.
#[derive(InputObject, Debug, Clone)]
pub struct UpdateLocationInput {
    /// The location.
    pub id: ID,
    /// The location's `version` when it was read; a stale version is a CONFLICT.
    pub expected_version: i32,
    /// New URL slug.
    pub slug: Option<String>,
    /// New kind.
    pub kind: Option<LocationKind>,
    /// Name changes: a language left out keeps its name.
    pub name: Option<LocalizedTextInput>,
    /// Everything else.
    #[graphql(flatten)]
    pub details: LocationDetailsInput,
}

/// A film's booking of a location.
#[derive(InputObject, Debug, Clone)]
pub struct AddShootInput {
    /// The film.
    pub film: ID,
    /// The location.
    pub location: ID,
    /// First shooting day.
    pub starts_on: Date,
    /// Last shooting day, not before the first.
    pub ends_on: Date,
}

/// Changes to a shoot made from the version the editor read; a field left out keeps its
/// value.
#[derive(InputObject, Debug, Clone)]
pub struct UpdateShootInput {
    /// The shoot.
    pub id: ID,
    /// The shoot's `version` when it was read; a stale version is a CONFLICT.
    pub expected_version: i32,
    /// Another location.
    pub location: Option<ID>,
    /// New first shooting day.
    pub starts_on: Option<Date>,
    /// New last shooting day, not before the first.
    pub ends_on: Option<Date>,
}

/// The location written.
#[derive(SimpleObject)]
pub struct LocationPayload {
    /// The location as it is now.
    pub location: Location,
}

/// The shoot written.
#[derive(SimpleObject)]
pub struct ShootPayload {
    /// The shoot as it is now.
    pub shoot: Shoot,
}

/// Location and shoot writes.
#[derive(Default)]
pub struct LocationMutation;

#[Object]
impl LocationMutation {
    /// Creates a location. Editors only.
    async fn create_location(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new location.")] input: CreateLocationInput,
    ) -> Result<LocationPayload> {
        let patch = LocationPatch {
            naming: Naming {
                slug: Some(input.slug),
                name: input.name.patches(),
            },
            kind: Some(input.kind),
            ..input.details.into_patch()?
        };
        let location = record::write(ctx.db()?, ctx.caller()?, None, patch).await?;
        Ok(LocationPayload {
            location: Location(location),
        })
    }

    /// Changes a location's fields, from the version the editor read. Editors only.
    async fn update_location(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The location, its expected version, and the changes.")]
        input: UpdateLocationInput,
    ) -> Result<LocationPayload> {
        let id = expect(NodeType::Location, &input.id, "id")?;
        let patch = LocationPatch {
            naming: Naming {
                slug: input.slug,
                name: texts(input.name),
            },
            kind: input.kind,
            ..input.details.into_patch()?
        };
        let location = record::write(
            ctx.db()?,
            ctx.caller()?,
            Some((id, input.expected_version)),
            patch,
        )
        .await?;
        Ok(LocationPayload {
            location: Location(location),
        })
    }

    /// Deletes a location; refused (CONFLICT) while shoots, screenings or press materials
    /// refer to it. Editors only.
    async fn delete_location(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The location.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        delete::<location::Model>(ctx, NodeType::Location, input).await
    }

    /// Books a location for a film's shoot. Editors only.
    async fn add_shoot(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The film, the location and the days.")] input: AddShootInput,
    ) -> Result<ShootPayload> {
        let new = NewShoot {
            film_id: expect(NodeType::Film, &input.film, "film")?,
            location_id: expect(NodeType::Location, &input.location, "location")?,
            starts_on: input.starts_on.0,
            ends_on: input.ends_on.0,
        };
        let row = edit::shoot::add(ctx.db()?, ctx.caller()?, new).await?;
        Ok(ShootPayload { shoot: Shoot(row) })
    }

    /// Changes a shoot's location or days, from the version the editor read. Editors only.
    async fn update_shoot(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The shoot, its expected version, and the changes.")]
        input: UpdateShootInput,
    ) -> Result<ShootPayload> {
        let id = expect(NodeType::Shoot, &input.id, "id")?;
        let patch = ShootPatch {
            location_id: input
                .location
                .map(|location| expect(NodeType::Location, &location, "location"))
                .transpose()?,
            starts_on: input.starts_on.map(|d| d.0),
            ends_on: input.ends_on.map(|d| d.0),
        };
        let row = edit::shoot::update(ctx.db()?, ctx.caller()?, id, input.expected_version, patch)
            .await?;
        Ok(ShootPayload { shoot: Shoot(row) })
    }

    /// Removes a shoot from its film. Editors only.
    async fn remove_shoot(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The shoot.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        let id = expect(NodeType::Shoot, &input.id, "id")?;
        edit::shoot::remove(ctx.db()?, ctx.caller()?, id, input.expected_version).await?;
        Ok(DeletePayload {
            deleted_id: input.id,
        })
    }
}
