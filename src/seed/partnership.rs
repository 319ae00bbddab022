//! The facts of the press release: the two partners, their signatories, the film week where
//! the agreement was signed, the agreement itself and the partner's studio sites.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseTransaction, DbErr, EntityTrait};

use super::record::{Location, Organization, Person};
use super::{Ids, MOSCOW_TZ, date, utc};
use crate::domain::enums::{AgreementScope, LocationKind, OrganizationKind};
use crate::entities::{
    affiliation, agreement, agreement_party, agreement_scope, agreement_signatory, festival,
    festival_edition, festival_organizer,
};

pub(super) const GAZPROM_MEDIA: &str = "gazprom-media";
pub(super) const MOSKINO: &str = "moskino";
pub(super) const KHANCHALYAN: &str = "boris-khanchalyan";
pub(super) const PROKOPOV: &str = "georgy-prokopov";
pub(super) const FILM_WEEK_2025: &str = "moscow-international-film-week-2025";
pub(super) const AGREEMENT: &str = "gazprom-media-moskino-2025";
pub(super) const KINOPARK: &str = "moskino-kinopark";
pub(super) const KINOZAVOD: &str = "moskino-kinozavod";

const KHANCHALYAN_POSITION: (&str, &str) = (
    "заместитель генерального директора",
    "Deputy Director General",
);
const PROKOPOV_POSITION: (&str, &str) = ("генеральный директор", "Director General");

/// When the press release was published (2025-08-26 09:00 Moscow time); the seed's facts are
/// recorded as created then.
pub(super) fn recorded_at() -> Result<DateTime<Utc>, DbErr> {
    utc(2025, 8, 26, 6, 0)
}

const ORGANIZATIONS: [Organization; 2] = [
    Organization {
        slug: GAZPROM_MEDIA,
        kind: OrganizationKind::MediaHolding,
        name_ru: "«Газпром-Медиа Холдинг»",
        name_en: Some("Gazprom-Media Holding"),
        description_ru: "Медиахолдинг, сторона соглашения о сотрудничестве с АНО «Москино», подписанного 25 августа 2025 года в рамках II Московской международной недели кино. В пресс-релизе о соглашении назван лидирующим медиахолдингом страны.",
        description_en: Some(
            "Media holding, party to the cooperation agreement with Moskino signed on 25 August 2025 during the 2nd Moscow International Film Week. The press release on the agreement calls it the country's leading media holding.",
        ),
        country: "RU",
        website: Some("https://www.gazprom-media.com/"),
    },
    Organization {
        slug: MOSKINO,
        kind: OrganizationKind::FilmCommission,
        name_ru: "АНО «Москино»",
        name_en: Some("Moskino"),
        description_ru: "Автономная некоммерческая организация «Москино» представляет Москву — одну из самых креативных столиц мира. Открывает площадки Московского международного кинокластера — кинопарк «Москино» и кинозавод «Москино» — для съемок национальных и международных проектов и проводит Московскую международную неделю кино.",
        description_en: Some(
            "Moskino, an autonomous non-profit organization, represents Moscow, one of the most creative capitals of the world. It opens the sites of the Moscow International Film Cluster, the Moskino Film Park and the Moskino Film Factory, to national and international shoots and holds the Moscow International Film Week.",
        ),
        country: "RU",
        website: Some("https://moskino.ru/"),
    },
];

const PEOPLE: [Person; 2] = [
    Person {
        slug: KHANCHALYAN,
        name_ru: "Борис Ханчалян",
        name_en: Some("Boris Khanchalyan"),
        biography_ru: "Заместитель генерального директора «Газпром-Медиа Холдинга». 25 августа 2025 года подписал соглашение о сотрудничестве с АНО «Москино».",
        biography_en: Some(
            "Deputy Director General of Gazprom-Media Holding. On 25 August 2025 he signed the cooperation agreement with Moskino.",
        ),
    },
    Person {
        slug: PROKOPOV,
        name_ru: "Георгий Прокопов",
        name_en: Some("Georgy Prokopov"),
        biography_ru: "Генеральный директор АНО «Москино». 25 августа 2025 года подписал соглашение о сотрудничестве с «Газпром-Медиа Холдингом».",
        biography_en: Some(
            "Director General of Moskino. On 25 August 2025 he signed the cooperation agreement with Gazprom-Media Holding.",
        ),
    },
];

const LOCATIONS: [Location; 2] = [
    Location {
        slug: KINOPARK,
        kind: LocationKind::Backlot,
        name_ru: "Кинопарк «Москино»",
        name_en: "Moskino Film Park",
        description_ru: "Площадка Московского международного кинокластера для натурных съемок национальных и международных проектов: декорации под открытым небом и павильоны. Адрес и координаты указаны приблизительно.",
        description_en: "The Moscow International Film Cluster's site for outdoor shoots of national and international projects: open-air standing sets and stages. Address and coordinates are approximate.",
        address_ru: "Москва, поселение Краснопахорское, село Красная Пахра",
        address_en: Some("Krasnaya Pakhra, Krasnopakhorskoye settlement, Moscow"),
        latitude: 55.419,
        longitude: 37.26,
        owner: Some(MOSKINO),
    },
    Location {
        slug: KINOZAVOD,
        kind: LocationKind::Studio,
        name_ru: "Кинозавод «Москино»",
        name_en: "Moskino Film Factory",
        description_ru: "Студийная площадка Московского международного кинокластера: павильоны для съемок национальных и международных проектов, цеха костюма и реквизита. Адрес и координаты указаны приблизительно.",
        description_en: "The Moscow International Film Cluster's studio site: stages for national and international shoots, costume and props workshops. Address and coordinates are approximate.",
        address_ru: "Москва, Рязанский проспект",
        address_en: Some("Ryazansky Prospekt, Moscow"),
        latitude: 55.7205,
        longitude: 37.777,
        owner: Some(MOSKINO),
    },
];

/// Inserts the press release's organizations, people, film week, agreement and locations.
pub(super) async fn insert(txn: &DatabaseTransaction, ids: &mut Ids) -> Result<(), DbErr> {
    let at = recorded_at()?;
    for org in &ORGANIZATIONS {
        org.insert(txn, ids, at).await?;
    }
    for person in &PEOPLE {
        person.insert(txn, ids, at).await?;
    }
    for (person, org, (position_ru, position_en)) in [
        (KHANCHALYAN, GAZPROM_MEDIA, KHANCHALYAN_POSITION),
        (PROKOPOV, MOSKINO, PROKOPOV_POSITION),
    ] {
        affiliation::ActiveModel {
            person_id: Set(ids.person(person)?),
            organization_id: Set(ids.organization(org)?),
            position_ru: Set(Some(position_ru.to_owned())),
            position_en: Set(Some(position_en.to_owned())),
            starts_on: Set(None),
            ends_on: Set(None),
            sort_order: Set(0),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    for location in &LOCATIONS {
        location.insert(txn, ids, at).await?;
    }
    insert_film_week(txn, ids, at).await?;
    insert_agreement(txn, ids, at).await
}

/// The Moscow International Film Week, organized by Moskino, and its 2nd edition.
async fn insert_film_week(
    txn: &DatabaseTransaction,
    ids: &mut Ids,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let week = festival::ActiveModel {
        slug: Set("moscow-international-film-week".to_owned()),
        name_ru: Set(Some("Московская международная неделя кино".to_owned())),
        name_en: Set(Some("Moscow International Film Week".to_owned())),
        description_ru: Set(Some("Международная неделя кино в Москве, которую проводит АНО «Москино». В рамках II недели, 25 августа 2025 года, «Газпром-Медиа Холдинг» и АНО «Москино» подписали соглашение о сотрудничестве.".to_owned())),
        description_en: Set(Some("An international film week in Moscow held by Moskino. During the 2nd week, on 25 August 2025, Gazprom-Media Holding and Moskino signed a cooperation agreement.".to_owned())),
        website: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    ids.festival
        .insert("moscow-international-film-week", week.id);
    festival_organizer::Entity::insert(festival_organizer::ActiveModel {
        festival_id: Set(week.id),
        organization_id: Set(ids.organization(MOSKINO)?),
        sort_order: Set(0),
    })
    .exec_without_returning(txn)
    .await?;
    // The press release only says the agreement was signed on 25 August "during the 2nd
    // Moscow International Film Week"; the week's exact dates are an assumption
    // (23–31 August 2025) that brackets the signing day.
    let edition = festival_edition::ActiveModel {
        slug: Set(FILM_WEEK_2025.to_owned()),
        festival_id: Set(week.id),
        number: Set(2),
        year: Set(2025),
        name_ru: Set(Some("II Московская международная неделя кино".to_owned())),
        name_en: Set(Some("2nd Moscow International Film Week".to_owned())),
        starts_on: Set(date(2025, 8, 23)?),
        ends_on: Set(date(2025, 8, 31)?),
        city_ru: Set(Some("Москва".to_owned())),
        city_en: Set(Some("Moscow".to_owned())),
        time_zone: Set(MOSCOW_TZ.to_owned()),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    ids.edition.insert(FILM_WEEK_2025, edition.id);
    Ok(())
}

/// The cooperation agreement with its parties, signatories and scope.
async fn insert_agreement(
    txn: &DatabaseTransaction,
    ids: &mut Ids,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let row = agreement::ActiveModel {
        slug: Set(AGREEMENT.to_owned()),
        title_ru: Set(Some("Соглашение о сотрудничестве между «Газпром-Медиа Холдингом» и АНО «Москино»".to_owned())),
        title_en: Set(Some("Cooperation agreement between Gazprom-Media Holding and Moskino".to_owned())),
        summary_ru: Set(Some("Стороны договорились о совместном производстве и продвижении кино для российского и зарубежного зрителя и о продвижении образа Москвы как уникального креативного центра. «Москино» окажет «Газпром-Медиа Холдингу» содействие в доступе к площадкам Московского международного кинокластера — кинопарку «Москино» и кинозаводу «Москино» — для съемок национальных и международных проектов. Соглашение также предусматривает взаимодействие в организации и проведении крупных культурных событий, таких как кинофестивали, и взаимную информационную поддержку совместных инициатив.".to_owned())),
        summary_en: Set(Some("The parties agreed to co-produce and promote films for Russian and foreign audiences and to promote the image of Moscow as a unique creative centre. Moskino will help Gazprom-Media Holding access the sites of the Moscow International Film Cluster, the Moskino Film Park and the Moskino Film Factory, for national and international shoots. The agreement also provides for cooperation in organizing and holding major cultural events such as film festivals, and for mutual information support of joint initiatives.".to_owned())),
        signed_on: Set(date(2025, 8, 25)?),
        signing_event_id: Set(Some(ids.edition(FILM_WEEK_2025)?)),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    ids.agreement.insert(AGREEMENT, row.id);

    let parties = [GAZPROM_MEDIA, MOSKINO];
    let mut party_rows = Vec::new();
    for (order, org) in (0..).zip(parties) {
        party_rows.push(agreement_party::ActiveModel {
            agreement_id: Set(row.id),
            organization_id: Set(ids.organization(org)?),
            sort_order: Set(order),
        });
    }
    agreement_party::Entity::insert_many(party_rows)
        .exec_without_returning(txn)
        .await?;

    let signatories = [
        (KHANCHALYAN, GAZPROM_MEDIA, KHANCHALYAN_POSITION),
        (PROKOPOV, MOSKINO, PROKOPOV_POSITION),
    ];
    for (order, (person, org, (position_ru, position_en))) in (0..).zip(signatories) {
        agreement_signatory::ActiveModel {
            agreement_id: Set(row.id),
            person_id: Set(ids.person(person)?),
            organization_id: Set(ids.organization(org)?),
            position_ru: Set(Some(position_ru.to_owned())),
            position_en: Set(Some(position_en.to_owned())),
            sort_order: Set(order),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }

    let scopes = [
        AgreementScope::CoProduction,
        AgreementScope::Promotion,
        AgreementScope::FacilityAccess,
        AgreementScope::Festivals,
        AgreementScope::InformationSupport,
    ];
    let scope_rows = (0..)
        .zip(scopes)
        .map(|(order, scope)| agreement_scope::ActiveModel {
            agreement_id: Set(row.id),
            scope: Set(scope),
            sort_order: Set(order),
        });
    agreement_scope::Entity::insert_many(scope_rows)
        .exec_without_returning(txn)
        .await?;
    Ok(())
}
