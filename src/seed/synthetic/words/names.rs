//! Names of people, Russian (with their Latin transliteration) and foreign (with their Russian
//! spelling), and the transliteration itself.

use super::{Bi, Gender};
use crate::seed::synthetic::dice::Dice;

#[rustfmt::skip]
const MALE: &[&str] = &[
    "Александр", "Алексей", "Андрей", "Антон", "Артем", "Борис", "Вадим", "Валентин", "Василий",
    "Виктор", "Владимир", "Георгий", "Глеб", "Григорий", "Даниил", "Денис", "Дмитрий", "Евгений",
    "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Константин", "Леонид", "Максим", "Матвей",
    "Михаил", "Никита", "Николай", "Олег", "Павел", "Петр", "Роман", "Семен", "Сергей",
    "Степан", "Тимофей", "Федор", "Юрий", "Ярослав",
];

#[rustfmt::skip]
const FEMALE: &[&str] = &[
    "Александра", "Алина", "Алиса", "Анастасия", "Анна", "Валерия", "Вера", "Вероника",
    "Виктория", "Галина", "Дарья", "Диана", "Евгения", "Екатерина", "Елена", "Елизавета",
    "Ирина", "Карина", "Ксения", "Лариса", "Любовь", "Людмила", "Марина", "Мария", "Надежда",
    "Наталья", "Нина", "Ольга", "Полина", "Светлана", "София", "Таисия", "Татьяна", "Ульяна",
    "Юлия", "Яна",
];

/// Masculine surnames; the feminine is formed by [`feminine`].
#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
    "Новиков", "Федоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семенов", "Егоров",
    "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
    "Захаров", "Зайцев", "Соловьев", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьев",
    "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королев", "Гусев", "Киселев",
    "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалев", "Белов", "Медведев",
    "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев",
    "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов",
    "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов",
    "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов",
    "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев", "Чернышев",
    "Быков", "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов",
    "Пономарев", "Голубев", "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлев",
    "Овчинников", "Трофимов", "Леонов", "Соболев", "Ермаков", "Колесников", "Гончаров",
    "Емельянов", "Никифоров", "Грачев", "Котов", "Гришин", "Ефремов", "Архипов", "Громов",
    "Кириллов", "Малышев", "Панов", "Моисеев", "Румянцев", "Акимов", "Кондратьев", "Бирюков",
    "Горбунов", "Анисимов", "Еремин", "Тихомиров", "Галкин", "Лукьянов", "Михеев", "Скворцов",
    "Юдин", "Белоусов", "Нестеров", "Симонов", "Прокофьев", "Харитонов", "Князев", "Цветков",
    "Левин", "Митрофанов", "Воронцов", "Островский", "Вишневский", "Покровский", "Троицкий",
    "Успенский", "Рождественский", "Шевченко", "Бондаренко", "Ткаченко", "Черных", "Седых",
];

/// Foreign first names: (Russian spelling, original, is female).
#[rustfmt::skip]
const FOREIGN_FIRST: &[(&str, &str, bool)] = &[
    ("Жан", "Jean", false), ("Пьер", "Pierre", false), ("Луи", "Louis", false),
    ("Мари", "Marie", true), ("Софи", "Sophie", true), ("Камиль", "Camille", true),
    ("Ханс", "Hans", false), ("Клаус", "Klaus", false), ("Анна", "Anna", true),
    ("Марко", "Marco", false), ("Лука", "Luca", false), ("Джулия", "Giulia", true),
    ("Кьяра", "Chiara", true), ("Джон", "John", false), ("Джеймс", "James", false),
    ("Эмили", "Emily", true), ("Шарлотта", "Charlotte", true), ("Карлос", "Carlos", false),
    ("Лусия", "Lucía", true), ("Милош", "Miloš", false), ("Ана", "Ana", true),
    ("Арман", "Arman", false), ("Айгерим", "Aigerim", true), ("Мехмет", "Mehmet", false),
    ("Элиф", "Elif", true), ("Ли", "Li", false), ("Мэй", "Mei", true),
];

/// Foreign surnames: (Russian spelling, original); they do not change with gender.
#[rustfmt::skip]
const FOREIGN_LAST: &[(&str, &str)] = &[
    ("Дюбуа", "Dubois"), ("Лоран", "Laurent"), ("Моро", "Moreau"), ("Бернар", "Bernard"),
    ("Шмидт", "Schmidt"), ("Вебер", "Weber"), ("Мюллер", "Müller"), ("Росси", "Rossi"),
    ("Бьянки", "Bianchi"), ("Риччи", "Ricci"), ("Смит", "Smith"), ("Браун", "Brown"),
    ("Тейлор", "Taylor"), ("Гарсия", "García"), ("Мартинес", "Martínez"), ("Йович", "Jović"),
    ("Петрович", "Petrović"), ("Сейткали", "Seitkali"), ("Йылмаз", "Yılmaz"), ("Чжан", "Zhang"),
    ("Ван", "Wang"), ("Оганесян", "Hovhannisyan"),
];

/// The feminine of a Russian masculine surname: `Иванов` → `Иванова`, `Островский` →
/// `Островская`; `Шевченко`, `Черных` do not change.
pub(crate) fn feminine(surname: &str) -> String {
    if let Some(stem) = surname.strip_suffix("ский") {
        format!("{stem}ская")
    } else if surname.ends_with("ов") || surname.ends_with("ев") || surname.ends_with("ин") {
        format!("{surname}а")
    } else {
        surname.to_owned()
    }
}

/// A person's name: Russian (80%) or foreign, with the person's gender.
pub(crate) fn person(d: &mut Dice) -> (Bi, Gender) {
    if d.chance(0.8) {
        let female = d.chance(0.5);
        let first = if female { d.pick(FEMALE) } else { d.pick(MALE) };
        let last = *d.pick(SURNAMES);
        let last = if female {
            feminine(last)
        } else {
            last.to_owned()
        };
        let ru = format!("{first} {last}");
        let en = format!("{} {}", translit(first), translit(&last));
        (
            Bi { ru, en },
            if female { Gender::Fem } else { Gender::Masc },
        )
    } else {
        let (first_ru, first_en, female) = *d.pick(FOREIGN_FIRST);
        let (last_ru, last_en) = *d.pick(FOREIGN_LAST);
        let name = Bi {
            ru: format!("{first_ru} {last_ru}"),
            en: format!("{first_en} {last_en}"),
        };
        (name, if female { Gender::Fem } else { Gender::Masc })
    }
}

/// A first name for a film character.
pub(crate) fn character(d: &mut Dice) -> Bi {
    let name = if d.chance(0.5) {
        d.pick(FEMALE)
    } else {
        d.pick(MALE)
    };
    Bi {
        ru: (*name).to_owned(),
        en: translit(name),
    }
}

/// Russian letters and their Latin transliteration (the passport scheme, `ы` as `y`).
#[rustfmt::skip]
const LATIN: &[(char, &str)] = &[
    ('а', "a"), ('б', "b"), ('в', "v"), ('г', "g"), ('д', "d"), ('е', "e"), ('ё', "e"),
    ('ж', "zh"), ('з', "z"), ('и', "i"), ('й', "y"), ('к', "k"), ('л', "l"), ('м', "m"),
    ('н', "n"), ('о', "o"), ('п', "p"), ('р', "r"), ('с', "s"), ('т', "t"), ('у', "u"),
    ('ф', "f"), ('х', "kh"), ('ц', "ts"), ('ч', "ch"), ('ш', "sh"), ('щ', "shch"), ('ъ', ""),
    ('ы', "y"), ('ь', ""), ('э', "e"), ('ю', "yu"), ('я', "ya"),
];

/// Latin transliteration of Russian text; other characters are kept.
pub(crate) fn translit(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        match LATIN.iter().find(|(letter, _)| *letter == lower) {
            Some((_, latin)) if c != lower => out.push_str(&super::capitalize(latin)),
            Some((_, latin)) => out.push_str(latin),
            None => out.push(c),
        }
    }
    out
}
