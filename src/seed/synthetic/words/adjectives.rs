//! Russian adjectives: a stem, a declension class and the English word; the endings agree with
//! the noun in gender, case, number and (in the accusative) animacy.

use super::{Case, Gender, Number};

/// Declension class, by the stem's last consonant and the stress of the ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// `новый`: hard stem, unstressed ending.
    Hard,
    /// `молодой`: hard stem, stressed ending.
    HardStressed,
    /// `тихий`: stem in г, к, х, unstressed ending.
    Velar,
    /// `морской`: stem in г, к, х, stressed ending.
    VelarStressed,
    /// `хороший`: stem in ж, ш, щ, ч, unstressed ending.
    Sibilant,
    /// `большой`: stem in ж, ш, щ, ч, stressed ending.
    SibilantStressed,
    /// `синий`: soft stem.
    Soft,
}

/// Which nouns an adjective suits.
pub(crate) const PERSON: u8 = 1;
/// Suits things.
pub(crate) const THING: u8 = 2;
/// Suits places.
pub(crate) const PLACE: u8 = 4;

/// A Russian adjective.
#[derive(Debug)]
pub(crate) struct Adj {
    pub stem: &'static str,
    pub class: Class,
    pub en: &'static str,
    pub suits: u8,
}

type Row = [&'static str; 6];

const HARD: [Row; 4] = [
    ["ый", "ого", "ому", "ый", "ым", "ом"],
    ["ая", "ой", "ой", "ую", "ой", "ой"],
    ["ое", "ого", "ому", "ое", "ым", "ом"],
    ["ые", "ых", "ым", "ые", "ыми", "ых"],
];
const VELAR: [Row; 4] = [
    ["ий", "ого", "ому", "ий", "им", "ом"],
    ["ая", "ой", "ой", "ую", "ой", "ой"],
    ["ое", "ого", "ому", "ое", "им", "ом"],
    ["ие", "их", "им", "ие", "ими", "их"],
];
const SIBILANT: [Row; 4] = [
    ["ий", "его", "ему", "ий", "им", "ем"],
    ["ая", "ей", "ей", "ую", "ей", "ей"],
    ["ее", "его", "ему", "ее", "им", "ем"],
    ["ие", "их", "им", "ие", "ими", "их"],
];
const SOFT: [Row; 4] = [
    ["ий", "его", "ему", "ий", "им", "ем"],
    ["яя", "ей", "ей", "юю", "ей", "ей"],
    ["ее", "его", "ему", "ее", "им", "ем"],
    ["ие", "их", "им", "ие", "ими", "их"],
];

impl Adj {
    /// The ending for a noun of this gender, number and animacy in this case.
    fn ending(&self, case: Case, gender: Gender, number: Number, animate: bool) -> &'static str {
        let row = match (number, gender) {
            (Number::Pl, _) => 3,
            (Number::Sg, Gender::Masc) => 0,
            (Number::Sg, Gender::Fem) => 1,
            (Number::Sg, Gender::Neut) => 2,
        };
        // The accusative of animate masculine singular and of every animate plural is the
        // genitive.
        let case = if case == Case::Acc && animate && (row == 0 || row == 3) {
            Case::Gen
        } else {
            case
        };
        let table = match self.class {
            Class::Hard | Class::HardStressed => &HARD,
            Class::Velar | Class::VelarStressed | Class::SibilantStressed => &VELAR,
            Class::Sibilant => &SIBILANT,
            Class::Soft => &SOFT,
        };
        let stressed = matches!(
            self.class,
            Class::HardStressed | Class::VelarStressed | Class::SibilantStressed
        );
        if stressed && row == 0 && (case == Case::Nom || case == Case::Acc) {
            return "ой";
        }
        table[row][case as usize]
    }

    /// The form agreeing with a noun.
    pub(crate) fn form(&self, case: Case, gender: Gender, number: Number, animate: bool) -> String {
        format!(
            "{}{}",
            self.stem,
            self.ending(case, gender, number, animate)
        )
    }
}

const fn adj(stem: &'static str, class: Class, en: &'static str, suits: u8) -> Adj {
    Adj {
        stem,
        class,
        en,
        suits,
    }
}

use Class::{Hard, HardStressed, Sibilant, SibilantStressed, Soft, Velar, VelarStressed};

#[rustfmt::skip]
pub(crate) const ADJECTIVES: &[Adj] = &[
    adj("нов", Hard, "new", THING | PLACE),
    adj("стар", Hard, "old", PERSON | THING | PLACE),
    adj("бел", Hard, "white", THING | PLACE),
    adj("черн", Hard, "black", THING),
    adj("красн", Hard, "red", THING),
    adj("последн", Soft, "last", PERSON | THING),
    adj("перв", Hard, "first", THING),
    adj("тих", Velar, "quiet", PERSON | THING | PLACE),
    adj("долг", Velar, "long", THING),
    adj("далек", Velar, "distant", THING | PLACE),
    adj("северн", Hard, "northern", THING | PLACE),
    adj("южн", Hard, "southern", THING | PLACE),
    adj("зимн", Soft, "winter", THING | PLACE),
    adj("летн", Soft, "summer", THING | PLACE),
    adj("осенн", Soft, "autumn", THING),
    adj("весенн", Soft, "spring", THING),
    adj("золот", HardStressed, "golden", THING),
    adj("молод", HardStressed, "young", PERSON),
    adj("родн", HardStressed, "native", PLACE),
    adj("больш", SibilantStressed, "big", THING | PLACE),
    adj("хорош", Sibilant, "good", PERSON | THING),
    adj("чуж", SibilantStressed, "foreign", THING | PLACE),
    adj("русск", Velar, "Russian", THING),
    adj("морск", VelarStressed, "sea", THING),
    adj("городск", VelarStressed, "city", THING),
    adj("лесн", HardStressed, "forest", THING | PLACE),
    adj("ночн", HardStressed, "night", THING),
    adj("светл", Hard, "bright", THING),
    adj("темн", Hard, "dark", THING | PLACE),
    adj("счастлив", Hard, "happy", PERSON),
    adj("одинок", Velar, "lonely", PERSON | PLACE),
    adj("храбр", Hard, "brave", PERSON),
    adj("забыт", Hard, "forgotten", THING | PLACE),
    adj("потерянн", Hard, "lost", THING),
    adj("тайн", Hard, "secret", THING),
    adj("вечн", Hard, "eternal", THING),
    adj("снежн", Hard, "snowy", PLACE),
    adj("син", Soft, "blue", THING),
    adj("верн", Hard, "faithful", PERSON),
    adj("пуст", HardStressed, "empty", THING | PLACE),
    adj("жив", HardStressed, "living", THING),
    adj("железн", Hard, "iron", THING),
    adj("стеклянн", Hard, "glass", THING),
    adj("серебрян", Hard, "silver", THING),
    adj("утренн", Soft, "morning", THING),
    adj("вечерн", Soft, "evening", THING),
    adj("древн", Soft, "ancient", THING | PLACE),
    adj("соседн", Soft, "neighbouring", PLACE),
    adj("младш", Sibilant, "younger", PERSON),
    adj("старш", Sibilant, "elder", PERSON),
    adj("бывш", Sibilant, "former", PERSON),
    adj("известн", Hard, "famous", PERSON),
    adj("упрям", Hard, "stubborn", PERSON),
    adj("талантлив", Hard, "talented", PERSON),
    adj("молчалив", Hard, "silent", PERSON),
    adj("маленьк", Velar, "little", PERSON | THING | PLACE),
    adj("заброшенн", Hard, "abandoned", PLACE),
    adj("пропавш", Sibilant, "missing", PERSON | THING),
];
