//! Enumerations of the domain: stored as checked text, served as GraphQL enums.

use sea_orm::{Iterable, entity::prelude::*};

/// The stored string of every value of an enum, in declaration order.
pub trait AllValues {
    /// Every stored value.
    fn all_values() -> Vec<String>;
}

macro_rules! impl_all_values {
    ($($t:ty),*) => {$(
        impl AllValues for $t {
            fn all_values() -> Vec<String> {
                <$t>::iter().map(|v| v.to_value()).collect()
            }
        }
    )*};
}

/// Publication status of a film or press material. Anonymous clients only ever see PUBLISHED.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum PublicationStatus {
    /// Being prepared; visible to editors only.
    #[sea_orm(string_value = "DRAFT")]
    #[graphql(name = "DRAFT")]
    Draft,
    /// Public (once any embargo has passed).
    #[sea_orm(string_value = "PUBLISHED")]
    #[graphql(name = "PUBLISHED")]
    Published,
    /// Withdrawn from public view; kept for the record.
    #[sea_orm(string_value = "ARCHIVED")]
    #[graphql(name = "ARCHIVED")]
    Archived,
}

/// Production stage of a film project.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum ProductionStatus {
    /// Announced, not yet in development.
    #[sea_orm(string_value = "ANNOUNCED")]
    #[graphql(name = "ANNOUNCED")]
    Announced,
    /// In development: script, financing, casting.
    #[sea_orm(string_value = "DEVELOPMENT")]
    #[graphql(name = "DEVELOPMENT")]
    Development,
    /// Shooting.
    #[sea_orm(string_value = "PRODUCTION")]
    #[graphql(name = "PRODUCTION")]
    Production,
    /// Editing, sound, effects.
    #[sea_orm(string_value = "POST_PRODUCTION")]
    #[graphql(name = "POST_PRODUCTION")]
    PostProduction,
    /// Released to audiences.
    #[sea_orm(string_value = "RELEASED")]
    #[graphql(name = "RELEASED")]
    Released,
}

/// What kind of organization this is.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum OrganizationKind {
    /// A media holding company.
    #[sea_orm(string_value = "MEDIA_HOLDING")]
    #[graphql(name = "MEDIA_HOLDING")]
    MediaHolding,
    /// A film studio or production company.
    #[sea_orm(string_value = "STUDIO")]
    #[graphql(name = "STUDIO")]
    Studio,
    /// A city or regional film commission.
    #[sea_orm(string_value = "FILM_COMMISSION")]
    #[graphql(name = "FILM_COMMISSION")]
    FilmCommission,
    /// A film distributor.
    #[sea_orm(string_value = "DISTRIBUTOR")]
    #[graphql(name = "DISTRIBUTOR")]
    Distributor,
    /// An organizer of festivals and film events.
    #[sea_orm(string_value = "FESTIVAL_ORGANIZER")]
    #[graphql(name = "FESTIVAL_ORGANIZER")]
    FestivalOrganizer,
    /// A TV broadcaster or streaming service.
    #[sea_orm(string_value = "BROADCASTER")]
    #[graphql(name = "BROADCASTER")]
    Broadcaster,
    /// Any other organization.
    #[sea_orm(string_value = "OTHER")]
    #[graphql(name = "OTHER")]
    Other,
}

/// The part an organization plays in making or bringing out a film.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum CoProductionRole {
    /// Lead producer.
    #[sea_orm(string_value = "LEAD_PRODUCER")]
    #[graphql(name = "LEAD_PRODUCER")]
    LeadProducer,
    /// Co-producer.
    #[sea_orm(string_value = "CO_PRODUCER")]
    #[graphql(name = "CO_PRODUCER")]
    CoProducer,
    /// Majority co-producer.
    #[sea_orm(string_value = "MAJORITY_CO_PRODUCER")]
    #[graphql(name = "MAJORITY_CO_PRODUCER")]
    MajorityCoProducer,
    /// Minority co-producer.
    #[sea_orm(string_value = "MINORITY_CO_PRODUCER")]
    #[graphql(name = "MINORITY_CO_PRODUCER")]
    MinorityCoProducer,
    /// Distributor.
    #[sea_orm(string_value = "DISTRIBUTOR")]
    #[graphql(name = "DISTRIBUTOR")]
    Distributor,
    /// Supporting organization (funding, facilities, promotion).
    #[sea_orm(string_value = "SUPPORTED_BY")]
    #[graphql(name = "SUPPORTED_BY")]
    SupportedBy,
}

/// A person's role in a film's credits.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum CreditRole {
    /// Director.
    #[sea_orm(string_value = "DIRECTOR")]
    #[graphql(name = "DIRECTOR")]
    Director,
    /// Producer.
    #[sea_orm(string_value = "PRODUCER")]
    #[graphql(name = "PRODUCER")]
    Producer,
    /// Screenwriter.
    #[sea_orm(string_value = "SCREENWRITER")]
    #[graphql(name = "SCREENWRITER")]
    Screenwriter,
    /// Director of photography.
    #[sea_orm(string_value = "CINEMATOGRAPHER")]
    #[graphql(name = "CINEMATOGRAPHER")]
    Cinematographer,
    /// Composer.
    #[sea_orm(string_value = "COMPOSER")]
    #[graphql(name = "COMPOSER")]
    Composer,
    /// Film editor.
    #[sea_orm(string_value = "EDITOR")]
    #[graphql(name = "EDITOR")]
    Editor,
    /// Production designer.
    #[sea_orm(string_value = "PRODUCTION_DESIGNER")]
    #[graphql(name = "PRODUCTION_DESIGNER")]
    ProductionDesigner,
    /// Cast member; see `character`.
    #[sea_orm(string_value = "ACTOR")]
    #[graphql(name = "ACTOR")]
    Actor,
}

/// An area of cooperation an agreement covers.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum AgreementScope {
    /// Joint production of films and series.
    #[sea_orm(string_value = "CO_PRODUCTION")]
    #[graphql(name = "CO_PRODUCTION")]
    CoProduction,
    /// Joint promotion of films and of the city's image.
    #[sea_orm(string_value = "PROMOTION")]
    #[graphql(name = "PROMOTION")]
    Promotion,
    /// Access to studio lots, backlots and other facilities for shoots.
    #[sea_orm(string_value = "FACILITY_ACCESS")]
    #[graphql(name = "FACILITY_ACCESS")]
    FacilityAccess,
    /// Organizing and holding festivals and other cultural events.
    #[sea_orm(string_value = "FESTIVALS")]
    #[graphql(name = "FESTIVALS")]
    Festivals,
    /// Mutual information support of joint initiatives.
    #[sea_orm(string_value = "INFORMATION_SUPPORT")]
    #[graphql(name = "INFORMATION_SUPPORT")]
    InformationSupport,
}

/// What kind of place a location is.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum LocationKind {
    /// A studio lot or film factory with production facilities.
    #[sea_orm(string_value = "STUDIO")]
    #[graphql(name = "STUDIO")]
    Studio,
    /// A sound stage.
    #[sea_orm(string_value = "SOUND_STAGE")]
    #[graphql(name = "SOUND_STAGE")]
    SoundStage,
    /// An outdoor backlot or film park with standing sets.
    #[sea_orm(string_value = "BACKLOT")]
    #[graphql(name = "BACKLOT")]
    Backlot,
    /// A cinema.
    #[sea_orm(string_value = "CINEMA")]
    #[graphql(name = "CINEMA")]
    Cinema,
    /// A festival venue other than a cinema.
    #[sea_orm(string_value = "FESTIVAL_VENUE")]
    #[graphql(name = "FESTIVAL_VENUE")]
    FestivalVenue,
    /// Any other place.
    #[sea_orm(string_value = "OTHER")]
    #[graphql(name = "OTHER")]
    Other,
}

/// Premiere status of a screening.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum PremiereStatus {
    /// World premiere.
    #[sea_orm(string_value = "WORLD")]
    #[graphql(name = "WORLD")]
    World,
    /// International premiere (first outside the country of production).
    #[sea_orm(string_value = "INTERNATIONAL")]
    #[graphql(name = "INTERNATIONAL")]
    International,
    /// National premiere.
    #[sea_orm(string_value = "NATIONAL")]
    #[graphql(name = "NATIONAL")]
    National,
    /// City premiere.
    #[sea_orm(string_value = "CITY")]
    #[graphql(name = "CITY")]
    City,
    /// Not a premiere.
    #[sea_orm(string_value = "NONE")]
    #[graphql(name = "NONE")]
    None,
}

/// Kind of press material.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum PressMaterialKind {
    /// Press release.
    #[sea_orm(string_value = "PRESS_RELEASE")]
    #[graphql(name = "PRESS_RELEASE")]
    PressRelease,
    /// News item.
    #[sea_orm(string_value = "NEWS")]
    #[graphql(name = "NEWS")]
    News,
    /// Official statement.
    #[sea_orm(string_value = "STATEMENT")]
    #[graphql(name = "STATEMENT")]
    Statement,
    /// Photo release.
    #[sea_orm(string_value = "PHOTO")]
    #[graphql(name = "PHOTO")]
    Photo,
    /// Poster release.
    #[sea_orm(string_value = "POSTER")]
    #[graphql(name = "POSTER")]
    Poster,
    /// Trailer release.
    #[sea_orm(string_value = "TRAILER")]
    #[graphql(name = "TRAILER")]
    Trailer,
    /// Press kit.
    #[sea_orm(string_value = "PRESS_KIT")]
    #[graphql(name = "PRESS_KIT")]
    PressKit,
    /// Fact sheet.
    #[sea_orm(string_value = "FACT_SHEET")]
    #[graphql(name = "FACT_SHEET")]
    FactSheet,
}

/// Kind of record a press material is about.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum SubjectType {
    /// A film.
    #[sea_orm(string_value = "FILM")]
    #[graphql(name = "FILM")]
    Film,
    /// An organization.
    #[sea_orm(string_value = "ORGANIZATION")]
    #[graphql(name = "ORGANIZATION")]
    Organization,
    /// An agreement.
    #[sea_orm(string_value = "AGREEMENT")]
    #[graphql(name = "AGREEMENT")]
    Agreement,
    /// A festival edition.
    #[sea_orm(string_value = "FESTIVAL_EDITION")]
    #[graphql(name = "FESTIVAL_EDITION")]
    FestivalEdition,
    /// A person.
    #[sea_orm(string_value = "PERSON")]
    #[graphql(name = "PERSON")]
    Person,
    /// A location.
    #[sea_orm(string_value = "LOCATION")]
    #[graphql(name = "LOCATION")]
    Location,
}

/// A kind of record that search finds.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum SearchType {
    /// Films.
    #[sea_orm(string_value = "FILM")]
    #[graphql(name = "FILM")]
    Film,
    /// Press materials.
    #[sea_orm(string_value = "PRESS_MATERIAL")]
    #[graphql(name = "PRESS_MATERIAL")]
    PressMaterial,
    /// Organizations.
    #[sea_orm(string_value = "ORGANIZATION")]
    #[graphql(name = "ORGANIZATION")]
    Organization,
    /// People.
    #[sea_orm(string_value = "PERSON")]
    #[graphql(name = "PERSON")]
    Person,
    /// Festival editions.
    #[sea_orm(string_value = "FESTIVAL_EDITION")]
    #[graphql(name = "FESTIVAL_EDITION")]
    FestivalEdition,
    /// Locations.
    #[sea_orm(string_value = "LOCATION")]
    #[graphql(name = "LOCATION")]
    Location,
    /// Agreements.
    #[sea_orm(string_value = "AGREEMENT")]
    #[graphql(name = "AGREEMENT")]
    Agreement,
    /// Festivals.
    #[sea_orm(string_value = "FESTIVAL")]
    #[graphql(name = "FESTIVAL")]
    Festival,
}

/// What a media asset is used as.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum AssetPurpose {
    /// A film's poster.
    #[sea_orm(string_value = "POSTER")]
    #[graphql(name = "POSTER")]
    Poster,
    /// A still from a film.
    #[sea_orm(string_value = "STILL")]
    #[graphql(name = "STILL")]
    Still,
    /// A file attached to a press material.
    #[sea_orm(string_value = "ATTACHMENT")]
    #[graphql(name = "ATTACHMENT")]
    Attachment,
}

/// Kind of media file.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, async_graphql::Enum,
)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum MediaKind {
    /// An image.
    #[sea_orm(string_value = "IMAGE")]
    #[graphql(name = "IMAGE")]
    Image,
    /// A video.
    #[sea_orm(string_value = "VIDEO")]
    #[graphql(name = "VIDEO")]
    Video,
    /// An audio file.
    #[sea_orm(string_value = "AUDIO")]
    #[graphql(name = "AUDIO")]
    Audio,
    /// A document such as a PDF.
    #[sea_orm(string_value = "DOCUMENT")]
    #[graphql(name = "DOCUMENT")]
    Document,
}

// all_values: the stored strings of each enum, for CHECK constraints and validation.
impl_all_values!(
    PublicationStatus,
    ProductionStatus,
    OrganizationKind,
    CoProductionRole,
    CreditRole,
    AgreementScope,
    LocationKind,
    PremiereStatus,
    PressMaterialKind,
    SubjectType,
    SearchType,
    AssetPurpose,
    MediaKind
);
