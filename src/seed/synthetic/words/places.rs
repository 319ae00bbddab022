//! Cities (with the Russian cases place names need, time zone, coordinates and country) and
//! street names.

/// A city.
#[derive(Debug)]
pub(crate) struct City {
    /// Nominative, genitive and prepositional: `Казань`, `Казани`, `Казани`.
    pub ru: [&'static str; 3],
    pub en: &'static str,
    /// IANA time zone.
    pub time_zone: &'static str,
    pub latitude: f64,
    pub longitude: f64,
    /// ISO 3166-1 alpha-2.
    pub country: &'static str,
}

impl City {
    /// `в Казани`, `во Владивостоке`.
    pub(crate) fn in_ru(&self) -> String {
        super::with_preposition("в", self.ru[2])
    }

    /// `из Казани`.
    pub(crate) fn out_of_ru(&self) -> String {
        format!("из {}", self.ru[1])
    }
}

const fn city(
    ru: [&'static str; 3],
    en: &'static str,
    time_zone: &'static str,
    latitude: f64,
    longitude: f64,
    country: &'static str,
) -> City {
    City {
        ru,
        en,
        time_zone,
        latitude,
        longitude,
        country,
    }
}

/// The cities of the synthetic catalogue; the Russian ones come first and most often.
#[rustfmt::skip]
pub(crate) const CITIES: &[City] = &[
    city(["Москва", "Москвы", "Москве"], "Moscow", "Europe/Moscow", 55.7558, 37.6173, "RU"),
    city(["Санкт-Петербург", "Санкт-Петербурга", "Санкт-Петербурге"], "Saint Petersburg", "Europe/Moscow", 59.9343, 30.3351, "RU"),
    city(["Казань", "Казани", "Казани"], "Kazan", "Europe/Moscow", 55.7961, 49.1064, "RU"),
    city(["Нижний Новгород", "Нижнего Новгорода", "Нижнем Новгороде"], "Nizhny Novgorod", "Europe/Moscow", 56.3269, 44.0059, "RU"),
    city(["Екатеринбург", "Екатеринбурга", "Екатеринбурге"], "Yekaterinburg", "Asia/Yekaterinburg", 56.8389, 60.6057, "RU"),
    city(["Новосибирск", "Новосибирска", "Новосибирске"], "Novosibirsk", "Asia/Novosibirsk", 55.0084, 82.9357, "RU"),
    city(["Владивосток", "Владивостока", "Владивостоке"], "Vladivostok", "Asia/Vladivostok", 43.1155, 131.8855, "RU"),
    city(["Калининград", "Калининграда", "Калининграде"], "Kaliningrad", "Europe/Kaliningrad", 54.7104, 20.4522, "RU"),
    city(["Сочи", "Сочи", "Сочи"], "Sochi", "Europe/Moscow", 43.5855, 39.7231, "RU"),
    city(["Ярославль", "Ярославля", "Ярославле"], "Yaroslavl", "Europe/Moscow", 57.6261, 39.8845, "RU"),
    city(["Самара", "Самары", "Самаре"], "Samara", "Europe/Samara", 53.1959, 50.1002, "RU"),
    city(["Пермь", "Перми", "Перми"], "Perm", "Asia/Yekaterinburg", 58.0105, 56.2502, "RU"),
    city(["Иркутск", "Иркутска", "Иркутске"], "Irkutsk", "Asia/Irkutsk", 52.2870, 104.3050, "RU"),
    city(["Мурманск", "Мурманска", "Мурманске"], "Murmansk", "Europe/Moscow", 68.9585, 33.0827, "RU"),
    city(["Выборг", "Выборга", "Выборге"], "Vyborg", "Europe/Moscow", 60.7096, 28.7490, "RU"),
    city(["Суздаль", "Суздаля", "Суздале"], "Suzdal", "Europe/Moscow", 56.4198, 40.4494, "RU"),
    city(["Париж", "Парижа", "Париже"], "Paris", "Europe/Paris", 48.8566, 2.3522, "FR"),
    city(["Берлин", "Берлина", "Берлине"], "Berlin", "Europe/Berlin", 52.5200, 13.4050, "DE"),
    city(["Рим", "Рима", "Риме"], "Rome", "Europe/Rome", 41.9028, 12.4964, "IT"),
    city(["Белград", "Белграда", "Белграде"], "Belgrade", "Europe/Belgrade", 44.7866, 20.4489, "RS"),
    city(["Стамбул", "Стамбула", "Стамбуле"], "Istanbul", "Europe/Istanbul", 41.0082, 28.9784, "TR"),
    city(["Алматы", "Алматы", "Алматы"], "Almaty", "Asia/Almaty", 43.2220, 76.8512, "KZ"),
    city(["Ереван", "Еревана", "Ереване"], "Yerevan", "Asia/Yerevan", 40.1792, 44.4991, "AM"),
    city(["Минск", "Минска", "Минске"], "Minsk", "Europe/Minsk", 53.9006, 27.5590, "BY"),
    city(["Шанхай", "Шанхая", "Шанхае"], "Shanghai", "Asia/Shanghai", 31.2304, 121.4737, "CN"),
];

/// How many of [`CITIES`] are in Russia (they come first).
pub(crate) const RUSSIAN_CITIES: usize = 16;

/// Street names: (Russian, English).
#[rustfmt::skip]
pub(crate) const STREETS: &[(&str, &str)] = &[
    ("улица Мира", "Mira Street"), ("Садовая улица", "Sadovaya Street"),
    ("Лесная улица", "Lesnaya Street"), ("Центральная улица", "Tsentralnaya Street"),
    ("Заводская улица", "Zavodskaya Street"), ("Школьная улица", "Shkolnaya Street"),
    ("Набережная улица", "Naberezhnaya Street"), ("Театральная площадь", "Teatralnaya Square"),
    ("проспект Победы", "Pobedy Avenue"), ("Студийный проезд", "Studiyny Passage"),
    ("Парковая аллея", "Parkovaya Alley"), ("Речной бульвар", "Rechnoy Boulevard"),
    ("улица Гагарина", "Gagarina Street"), ("Киношный переулок", "Kinoshny Lane"),
    ("Вокзальная площадь", "Vokzalnaya Square"), ("Солнечная улица", "Solnechnaya Street"),
];
