//! Sample press materials about the sample films: published news, a statement and a trailer,
//! one draft and one under an embargo that never ends. Every lead says it is sample data.

use super::catalogue::{DISTRIBUTOR, FESTIVAL_ORGANIZER, FOREIGN_STUDIO};
use super::festival::{FESTIVAL_2026, PREMIERE_HALL};
use super::films::DRAFT_FILM;
use super::partnership::{AGREEMENT, FILM_WEEK_2025, GAZPROM_MEDIA, KINOPARK, KINOZAVOD, MOSKINO};
use super::press::{Asset, Item, Quote};
use crate::domain::enums::MediaKind;
use crate::domain::enums::PressMaterialKind::{News, Statement, Trailer};
use crate::domain::enums::SubjectType::{
    Agreement, FestivalEdition, Film, Location, Organization, Person,
};

/// Defaults of a sample press material: an unpublished news item with nothing attached.
const SAMPLE: Item = Item {
    slug: "",
    kind: News,
    title_ru: "",
    title_en: None,
    lead_ru: "",
    lead_en: None,
    body_ru: "",
    body_en: None,
    published: None,
    embargo_until: None,
    subjects: &[],
    quotes: &[],
    assets: &[],
};

pub(super) const ITEMS: [Item; 7] = [
    Item {
        slug: "sample-news-architect-wrap",
        title_ru: "Завершены съемки фильма «Архитектор»",
        title_en: Some("Shooting of “The Architect” wraps"),
        lead_ru: "Демонстрационные данные. Съемки исторической драмы «Архитектор» прошли в кинопарке и на кинозаводе «Москино» в рамках соглашения о сотрудничестве между «Газпром-Медиа Холдингом» и АНО «Москино».",
        lead_en: Some(
            "Sample data. The historical drama “The Architect” was shot at the Moskino Film Park and Film Factory under the cooperation agreement between Gazprom-Media Holding and Moskino.",
        ),
        body_ru: "Демонстрационные данные. Вымышленная новость: натурные сцены Москвы 1930-х годов снимали в кинопарке «Москино», интерьеры — в павильонах кинозавода «Москино». Фильм создается в рамках соглашения о сотрудничестве, подписанного 25 августа 2025 года, и выходит на этап постпроизводства.",
        body_en: Some(
            "Sample data. An invented news item: the exterior scenes of 1930s Moscow were shot at the Moskino Film Park, the interiors on the stages of the Moskino Film Factory. The film is made under the cooperation agreement signed on 25 August 2025 and now enters post-production.",
        ),
        published: Some((2026, 2, 5, 9)),
        subjects: &[
            (Film, "sample-architect"),
            (Agreement, AGREEMENT),
            (Location, KINOPARK),
            (Location, KINOZAVOD),
            (Organization, GAZPROM_MEDIA),
            (Organization, MOSKINO),
            (Person, "sample-igor-sokolov"),
        ],
        quotes: &[Quote {
            person: Some("sample-igor-sokolov"),
            organization: None,
            position_ru: Some("режиссер фильма"),
            position_en: Some("director of the film"),
            text_ru: "Кинопарк дал нам целую улицу тридцатых годов, а кинозавод — павильоны для всего остального.",
            text_en: Some(
                "The film park gave us a whole street of the thirties, and the film factory gave us stages for everything else.",
            ),
        }],
        assets: &[Asset {
            kind: MediaKind::Image,
            file: "set-photo.jpg",
            mime_type: "image/jpeg",
            size: Some((1920, 1280)),
            alt_ru: "Съемочная площадка фильма «Архитектор». Демонстрационное изображение.",
            alt_en: Some("On the set of “The Architect”. Sample image."),
        }],
        ..SAMPLE
    },
    Item {
        slug: "sample-news-snow-fox-premiere",
        title_ru: "«Снежная лиса» впервые показана на Московской международной неделе кино",
        title_en: Some("“The Snow Fox” premieres at the Moscow International Film Week"),
        // No English lead: the Russian one shows as a fallback.
        lead_ru: "Демонстрационные данные. Мировая премьера анимационного фильма «Снежная лиса» прошла на II Московской международной неделе кино.",
        body_ru: "Демонстрационные данные. Вымышленная новость о премьерном показе семейного анимационного фильма под открытым небом.",
        published: Some((2025, 8, 29, 9)),
        subjects: &[
            (Film, "sample-snow-fox"),
            (FestivalEdition, FILM_WEEK_2025),
            (Organization, GAZPROM_MEDIA),
        ],
        assets: &[Asset {
            kind: MediaKind::Image,
            file: "premiere.jpg",
            mime_type: "image/jpeg",
            size: Some((1600, 1067)),
            alt_ru: "Зрители на премьере «Снежной лисы». Демонстрационное изображение.",
            alt_en: None,
        }],
        ..SAMPLE
    },
    Item {
        slug: "sample-statement-paris-moscow-express",
        kind: Statement,
        title_ru: "Заявление о прокате фильма «Экспресс Париж — Москва»",
        title_en: Some("Statement on the release of “Paris–Moscow Express”"),
        lead_ru: "Демонстрационные данные. Дистрибьютор и французский сопродюсер объявляют о прокате фильма во Франции.",
        lead_en: Some(
            "Sample data. The distributor and the French co-producer announce the film's release in France.",
        ),
        body_ru: "Демонстрационные данные. Вымышленное заявление компаний «Демо Дистрибьюшн» и «Экзампль».",
        body_en: Some(
            "Sample data. An invented statement by Demo Distribution and Studio Exemple.",
        ),
        published: Some((2025, 10, 1, 12)),
        subjects: &[
            (Film, "sample-paris-moscow-express"),
            (Organization, DISTRIBUTOR),
            (Organization, FOREIGN_STUDIO),
        ],
        quotes: &[Quote {
            person: None,
            organization: Some(DISTRIBUTOR),
            position_ru: None,
            position_en: None,
            text_ru: "Мы рады, что фильм увидят зрители по обе стороны маршрута.",
            text_en: Some(
                "We are glad the film will be seen by audiences at both ends of the line.",
            ),
        }],
        ..SAMPLE
    },
    Item {
        slug: "sample-news-festival-programme-2026",
        title_ru: "Объявлена программа I Демонстрационного кинофестиваля",
        title_en: Some("Programme of the 1st Sample Film Festival announced"),
        lead_ru: "Демонстрационные данные. Фестиваль откроется 4 июня 2026 года мировой премьерой фильма «Архитектор».",
        lead_en: Some(
            "Sample data. The festival opens on 4 June 2026 with the world premiere of “The Architect”.",
        ),
        body_ru: "Демонстрационные данные. В программе три секции: основной конкурс, «Панорама» и семейная программа. Показы пройдут в двух кинотеатрах и в фестивальном шатре.",
        body_en: Some(
            "Sample data. The programme has three sections: the main competition, Panorama and the family programme. Screenings take place in two cinemas and the festival tent.",
        ),
        published: Some((2026, 5, 20, 9)),
        subjects: &[
            (FestivalEdition, FESTIVAL_2026),
            (Film, "sample-architect"),
            (Film, "sample-city-of-light"),
            (Organization, FESTIVAL_ORGANIZER),
            (Organization, MOSKINO),
            (Location, PREMIERE_HALL),
        ],
        assets: &[Asset {
            kind: MediaKind::Document,
            file: "programme.pdf",
            mime_type: "application/pdf",
            size: None,
            alt_ru: "Программа фестиваля (PDF). Демонстрационный файл.",
            alt_en: Some("Festival programme (PDF). Sample file."),
        }],
        ..SAMPLE
    },
    Item {
        slug: "sample-trailer-city-of-light",
        kind: Trailer,
        title_ru: "Трейлер фильма «Город света»",
        title_en: Some("Trailer: “City of Light”"),
        lead_ru: "Демонстрационные данные. Первый трейлер документального фильма о ночной Москве.",
        lead_en: Some("Sample data. The first trailer of the documentary about Moscow at night."),
        body_ru: "Демонстрационные данные. Вымышленный трейлер.",
        published: Some((2026, 4, 10, 9)),
        subjects: &[(Film, "sample-city-of-light"), (Organization, MOSKINO)],
        assets: &[Asset {
            kind: MediaKind::Video,
            file: "trailer.mp4",
            mime_type: "video/mp4",
            size: Some((1920, 1080)),
            alt_ru: "Трейлер фильма «Город света». Демонстрационное видео.",
            alt_en: Some("Trailer of “City of Light”. Sample video."),
        }],
        ..SAMPLE
    },
    Item {
        slug: "sample-draft-unannounced-project",
        title_ru: "Черновик: анонс нового проекта",
        title_en: Some("Draft: a new project announcement"),
        lead_ru: "Демонстрационные данные. Черновик, который анонимные клиенты не должны видеть.",
        lead_en: Some("Sample data. A draft that anonymous clients must not see."),
        body_ru: "Демонстрационные данные. Текст анонса еще готовится.",
        published: None,
        subjects: &[(Film, DRAFT_FILM), (Organization, GAZPROM_MEDIA)],
        ..SAMPLE
    },
    Item {
        slug: "sample-embargoed-northern-route",
        title_ru: "Под эмбарго: подробности фильма «Северный маршрут»",
        title_en: Some("Embargoed: details of “Northern Route”"),
        lead_ru: "Демонстрационные данные. Материал опубликован, но находится под эмбарго до 2099 года: его видят только партнеры.",
        lead_en: Some(
            "Sample data. Published, but under embargo until 2099: only partners see it.",
        ),
        body_ru: "Демонстрационные данные. Вымышленные подробности полярной экспедиции.",
        published: Some((2026, 1, 15, 7)),
        embargo_until: Some((2099, 1, 1, 0)),
        subjects: &[
            (Film, "sample-northern-route"),
            (Organization, GAZPROM_MEDIA),
            (Organization, FOREIGN_STUDIO),
        ],
        ..SAMPLE
    },
];
