//! Word lists and text generation: Russian words with their real inflected forms (nouns in six
//! cases and two numbers, adjectives agreeing in gender, case, number and animacy, verbs in the
//! infinitive, present and past) and the English words they translate, so that every Russian
//! sentence comes with its English counterpart and a Russian stemmer has real forms to fold.

mod adjectives;
mod brands;
mod clauses;
mod lives;
mod names;
mod nouns;
mod places;
mod press;
mod story;
#[cfg(test)]
mod tests;
mod verbs;

pub(crate) use adjectives::{Adj, PERSON, PLACE, THING};
pub(crate) use brands::{
    FestivalName, location as location_text, organization as organization_text,
};
pub(crate) use lives::{biography, position};
pub(crate) use names::{character, person as person_name};
pub(crate) use nouns::{
    DAY, FESTIVAL, FILM, FILM_FESTIVAL, HALL, HECTARE, PEOPLE, PLACES, SEAT, STAGE, THINGS, YEAR,
};
pub(crate) use places::{CITIES, City, RUSSIAN_CITIES, STREETS};
pub(crate) use press::{Topic, date, press_body, press_lead, press_title, quote};
pub(crate) use story::{logline, synopsis, title};

use super::dice::Dice;

/// A text in Russian and in English.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Bi {
    pub ru: String,
    pub en: String,
}

impl Bi {
    pub(crate) fn new(ru: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            ru: ru.into(),
            en: en.into(),
        }
    }

    /// Appends a sentence to both texts, separated by a space.
    pub(crate) fn sentence(&mut self, ru: &str, en: &str) {
        for (text, add) in [(&mut self.ru, ru), (&mut self.en, en)] {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&capitalize(add));
        }
    }
}

/// Grammatical case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Nom = 0,
    Gen = 1,
    Dat = 2,
    Acc = 3,
    Ins = 4,
    Prep = 5,
}

/// Grammatical gender.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Masc,
    Fem,
    Neut,
}

/// Grammatical number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Number {
    Sg,
    Pl,
}

/// A Russian noun with its twelve forms and its English singular and plural.
#[derive(Debug)]
pub(crate) struct Noun {
    /// Six singular then six plural forms, space-separated.
    forms: &'static str,
    pub gender: Gender,
    pub animate: bool,
    /// Whether the plural reads naturally.
    pub plural: bool,
    /// Preposition of location for places (`в`, `на`), else empty.
    pub at: &'static str,
    pub en: &'static str,
    pub en_pl: &'static str,
    /// English preposition of location for places.
    pub en_at: &'static str,
}

impl Noun {
    pub(crate) fn form(&self, case: Case, number: Number) -> &'static str {
        let index = case as usize + if number == Number::Pl { 6 } else { 0 };
        self.forms.split(' ').nth(index).unwrap_or(self.forms)
    }

    /// `1 зал`, `3 зала`, `25 залов`; in English `1 screen`, `3 screens`.
    pub(crate) fn count(&self, n: i64) -> Bi {
        let (last, tens) = (n % 10, n % 100);
        let ru = if last == 1 && tens != 11 {
            self.form(Case::Nom, Number::Sg)
        } else if (2..=4).contains(&last) && !(12..=14).contains(&tens) {
            self.form(Case::Gen, Number::Sg)
        } else {
            self.form(Case::Gen, Number::Pl)
        };
        let en = if n == 1 { self.en } else { self.en_pl };
        Bi::new(format!("{n} {ru}"), format!("{n} {en}"))
    }

    #[cfg(test)]
    pub(crate) fn form_count(&self) -> usize {
        self.forms.split(' ').count()
    }
}

/// English article before a noun phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Article {
    None,
    A,
    The,
}

/// An adjective (or none) with a noun, in a number.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Phrase {
    pub adj: Option<&'static Adj>,
    pub noun: &'static Noun,
    pub number: Number,
}

impl Phrase {
    /// The Russian phrase in a case: `старого маяка`.
    pub(crate) fn ru(&self, case: Case) -> String {
        let noun = self.noun.form(case, self.number);
        match self.adj {
            Some(adj) => {
                let adj = adj.form(case, self.noun.gender, self.number, self.noun.animate);
                format!("{adj} {noun}")
            }
            None => noun.to_owned(),
        }
    }

    /// The English phrase: `the old lighthouse`, `an old lighthouse`, `old lighthouses`.
    pub(crate) fn en(&self, article: Article) -> String {
        let noun = match self.number {
            Number::Sg => self.noun.en,
            Number::Pl => self.noun.en_pl,
        };
        let words = match self.adj {
            Some(adj) => format!("{} {noun}", adj.en),
            None => noun.to_owned(),
        };
        match (article, self.number) {
            (Article::The, _) => format!("the {words}"),
            (Article::A, Number::Sg) => format!("{} {words}", indefinite(&words)),
            _ => words,
        }
    }

    pub(crate) fn plural(&self) -> bool {
        self.number == Number::Pl
    }
}

/// `a` or `an` before a word.
pub(crate) fn indefinite(word: &str) -> &'static str {
    match word.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'A' | 'E' | 'I' | 'O' | 'U') => "an",
        _ => "a",
    }
}

/// A preposition before a phrase, with the euphonic `во`, `со`, `об`.
pub(crate) fn with_preposition(preposition: &str, phrase: &str) -> String {
    let mut letters = phrase.chars().flat_map(char::to_lowercase);
    let (first, second) = (letters.next(), letters.next());
    let consonant = |c: Option<char>| c.is_some_and(|c| !"аеёиоуыэюяь".contains(c));
    let preposition = match (preposition, first) {
        ("в", Some('в' | 'ф')) if consonant(second) => "во",
        ("с", Some('с' | 'з' | 'ш' | 'ж')) if consonant(second) => "со",
        ("о", Some('а' | 'о' | 'у' | 'э' | 'и')) => "об",
        _ => preposition,
    };
    format!("{preposition} {phrase}")
}

/// The text with its first letter in upper case.
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An English title in title case: `The Secret of the Old Lighthouse`.
pub(crate) fn title_case(text: &str) -> String {
    const SMALL: [&str; 11] = [
        "a", "an", "the", "of", "and", "in", "on", "at", "to", "by", "from",
    ];
    text.split(' ')
        .enumerate()
        .map(|(i, word)| {
            if i > 0 && SMALL.contains(&word) {
                word.to_owned()
            } else {
                capitalize(word)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Roman numerals for edition numbers: `XIV`.
pub(crate) fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// English ordinals: `1st`, `2nd`, `3rd`, `11th`, `22nd`.
pub(crate) fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A random adjective suiting a kind of noun (`PERSON`, `THING`, `PLACE`).
pub(crate) fn adjective(d: &mut Dice, kind: u8) -> &'static Adj {
    loop {
        let adj = d.pick(adjectives::ADJECTIVES);
        if adj.suits & kind != 0 {
            return adj;
        }
    }
}

/// A random phrase of a noun list, with an adjective with probability `adj`.
pub(crate) fn phrase(
    d: &mut Dice,
    nouns: &'static [Noun],
    kind: u8,
    adj: f64,
    plural: f64,
) -> Phrase {
    let noun = d.pick(nouns);
    let number = if noun.plural && d.chance(plural) {
        Number::Pl
    } else {
        Number::Sg
    };
    let adj = d.chance(adj).then(|| adjective(d, kind));
    Phrase { adj, noun, number }
}
