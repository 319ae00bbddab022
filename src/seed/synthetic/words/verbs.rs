//! Russian verbs in the forms the stories use (infinitive, third person present or future,
//! past by gender and number) with their English forms and what they govern.

/// How a verb takes its object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gov {
    /// The accusative: `ищет письмо`.
    Acc,
    /// The dative: `помогает сестре`.
    Dat,
    /// The genitive: `боится зимы`.
    Gen,
    /// The instrumental: `становится капитаном`.
    Ins,
    /// `о` and the prepositional: `мечтает о море`.
    About,
    /// `в`/`на` and the accusative: `возвращается в город`.
    To,
    /// `из`/`с` and the genitive: `уезжает из города`.
    From,
    /// `в`/`на` and the prepositional: `живет на острове`.
    In,
    /// `с` and the instrumental: `спорит с отцом`.
    With,
}

/// What a verb's object can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Object {
    /// A person.
    Person,
    /// A thing.
    Thing,
    /// A person or a thing.
    Any,
    /// A place.
    Place,
}

/// A verb.
#[derive(Debug)]
pub(crate) struct Verb {
    /// Infinitive, 3rd person singular and plural (present, or future for a perfective verb),
    /// past masculine, feminine, neuter and plural.
    forms: &'static str,
    /// English base form, 3rd person singular present and past, separated by `|`.
    en: &'static str,
    pub gov: Gov,
    pub object: Object,
    /// Perfective verbs have no present: they appear in the infinitive and the past only.
    pub perfective: bool,
}

impl Verb {
    fn ru(&self, index: usize) -> &'static str {
        self.forms.split(' ').nth(index).unwrap_or(self.forms)
    }

    fn english(&self, index: usize) -> &'static str {
        self.en.split('|').nth(index).unwrap_or(self.en)
    }

    /// The infinitive.
    pub(crate) fn infinitive(&self) -> &'static str {
        self.ru(0)
    }

    /// The 3rd person (present of an imperfective verb): `ищет`, `ищут`.
    pub(crate) fn third(&self, plural: bool) -> &'static str {
        self.ru(if plural { 2 } else { 1 })
    }

    /// The past, agreeing with the subject: `искал`, `искала`, `искало`, `искали`.
    pub(crate) fn past(&self, gender: super::Gender, plural: bool) -> &'static str {
        use super::Gender::{Fem, Masc, Neut};
        self.ru(match (plural, gender) {
            (true, _) => 6,
            (false, Masc) => 3,
            (false, Fem) => 4,
            (false, Neut) => 5,
        })
    }

    /// English base form: `search for`.
    pub(crate) fn en_base(&self) -> &'static str {
        self.english(0)
    }

    /// English present: `searches for` (singular) or `search for` (plural).
    pub(crate) fn en_present(&self, plural: bool) -> &'static str {
        self.english(if plural { 0 } else { 1 })
    }

    /// English past: `searched for`.
    pub(crate) fn en_past(&self) -> &'static str {
        self.english(2)
    }

    /// Checks the number of forms (for tests).
    #[cfg(test)]
    pub(crate) fn counts(&self) -> (usize, usize) {
        (self.forms.split(' ').count(), self.en.split('|').count())
    }
}

const fn verb(
    forms: &'static str,
    en: &'static str,
    gov: Gov,
    object: Object,
    perfective: bool,
) -> Verb {
    Verb {
        forms,
        en,
        gov,
        object,
        perfective,
    }
}

const IMPF: bool = false;
const PF: bool = true;

use Gov::{About, Acc, Dat, From, Gen, In, Ins, To, With};
use Object::{Any, Person, Place, Thing};

#[rustfmt::skip]
pub(crate) const VERBS: &[Verb] = &[
    verb("искать ищет ищут искал искала искало искали", "search for|searches for|searched for", Acc, Any, IMPF),
    verb("находить находит находят находил находила находило находили", "find|finds|found", Acc, Thing, IMPF),
    verb("найти найдет найдут нашел нашла нашло нашли", "find|finds|found", Acc, Any, PF),
    verb("терять теряет теряют терял теряла теряло теряли", "lose|loses|lost", Acc, Thing, IMPF),
    verb("скрывать скрывает скрывают скрывал скрывала скрывало скрывали", "hide|hides|hid", Acc, Thing, IMPF),
    verb("защищать защищает защищают защищал защищала защищало защищали", "protect|protects|protected", Acc, Any, IMPF),
    verb("спасти спасет спасут спас спасла спасло спасли", "save|saves|saved", Acc, Any, PF),
    verb("встречать встречает встречают встречал встречала встречало встречали", "meet|meets|met", Acc, Person, IMPF),
    verb("помогать помогает помогают помогал помогала помогало помогали", "help|helps|helped", Dat, Person, IMPF),
    verb("вспоминать вспоминает вспоминают вспоминал вспоминала вспоминало вспоминали", "remember|remembers|remembered", About, Any, IMPF),
    verb("мечтать мечтает мечтают мечтал мечтала мечтало мечтали", "dream of|dreams of|dreamed of", About, Any, IMPF),
    verb("бояться боится боятся боялся боялась боялось боялись", "fear|fears|feared", Gen, Any, IMPF),
    verb("ждать ждет ждут ждал ждала ждало ждали", "wait for|waits for|waited for", Acc, Any, IMPF),
    verb("становиться становится становятся становился становилась становилось становились", "become|becomes|became", Ins, Person, IMPF),
    verb("жить живет живут жил жила жило жили", "live|lives|lived", In, Place, IMPF),
    verb("работать работает работают работал работала работало работали", "work|works|worked", In, Place, IMPF),
    verb("возвращаться возвращается возвращаются возвращался возвращалась возвращалось возвращались", "return to|returns to|returned to", To, Place, IMPF),
    verb("приезжать приезжает приезжают приезжал приезжала приезжало приезжали", "come to|comes to|came to", To, Place, IMPF),
    verb("уезжать уезжает уезжают уезжал уезжала уезжало уезжали", "leave|leaves|left", From, Place, IMPF),
    verb("писать пишет пишут писал писала писало писали", "write to|writes to|wrote to", Dat, Person, IMPF),
    verb("получать получает получают получал получала получало получали", "receive|receives|received", Acc, Thing, IMPF),
    verb("открыть откроет откроют открыл открыла открыло открыли", "discover|discovers|discovered", Acc, Thing, PF),
    verb("продать продаст продадут продал продала продало продали", "sell|sells|sold", Acc, Thing, PF),
    verb("строить строит строят строил строила строило строили", "build|builds|built", Acc, Thing, IMPF),
    verb("прятать прячет прячут прятал прятала прятало прятали", "hide|hides|hid", Acc, Thing, IMPF),
    verb("узнавать узнает узнают узнавал узнавала узнавало узнавали", "learn about|learns about|learned about", About, Any, IMPF),
    verb("спорить спорит спорят спорил спорила спорило спорили", "argue with|argues with|argued with", With, Person, IMPF),
    verb("вернуть вернет вернут вернул вернула вернуло вернули", "bring back|brings back|brought back", Acc, Thing, PF),
    verb("увидеть увидит увидят увидел увидела увидело увидели", "see|sees|saw", Acc, Any, PF),
    verb("рассказывать рассказывает рассказывают рассказывал рассказывала рассказывало рассказывали", "tell about|tells about|told about", About, Any, IMPF),
    verb("покинуть покинет покинут покинул покинула покинуло покинули", "leave|leaves|left", Acc, Place, PF),
    verb("любить любит любят любил любила любило любили", "love|loves|loved", Acc, Any, IMPF),
];
