//! Clauses: heroes, places and objects in the cases their verbs govern, pronouns, and
//! present-tense predicates, each in Russian and English.

use super::verbs::{Gov, Object, VERBS, Verb};
use super::{
    Article, Bi, Case, Gender, Number, PEOPLE, PERSON, PLACE, PLACES, Phrase, THING, THINGS,
    phrase, with_preposition,
};
use crate::seed::synthetic::dice::Dice;

/// A verb matching a condition.
pub(crate) fn verb(d: &mut Dice, fits: impl Fn(&Verb) -> bool) -> &'static Verb {
    loop {
        let verb = d.pick(VERBS);
        if fits(verb) {
            return verb;
        }
    }
}

/// A hero: a person, often with an adjective, sometimes several people.
pub(crate) fn hero(d: &mut Dice) -> Phrase {
    phrase(d, PEOPLE, PERSON, 0.8, 0.12)
}

/// A place, often with an adjective.
pub(crate) fn place(d: &mut Dice) -> Phrase {
    phrase(d, PLACES, PLACE, 0.6, 0.05)
}

/// A thing or a person as a verb's object, in the form the verb governs.
pub(crate) fn object(d: &mut Dice, verb: &Verb) -> Bi {
    let person = match verb.object {
        Object::Person => true,
        Object::Any => d.chance(0.5),
        Object::Thing => false,
        Object::Place => {
            let p = place(d);
            return govern(d, verb.gov, &p);
        }
    };
    let object = if person {
        phrase(d, PEOPLE, PERSON, 0.6, 0.15)
    } else {
        phrase(d, THINGS, THING, 0.6, 0.15)
    };
    govern(d, verb.gov, &object)
}

/// A phrase in the case (and with the preposition) a verb governs.
pub(crate) fn govern(d: &mut Dice, gov: Gov, p: &Phrase) -> Bi {
    let article = if d.chance(0.5) {
        Article::The
    } else {
        Article::A
    };
    let at = if p.noun.at.is_empty() {
        "в"
    } else {
        p.noun.at
    };
    match gov {
        Gov::Acc => Bi::new(p.ru(Case::Acc), p.en(article)),
        Gov::Dat => Bi::new(p.ru(Case::Dat), p.en(article)),
        Gov::Gen => Bi::new(p.ru(Case::Gen), p.en(article)),
        Gov::Ins => Bi::new(p.ru(Case::Ins), p.en(Article::A)),
        Gov::About => Bi::new(with_preposition("о", &p.ru(Case::Prep)), p.en(article)),
        Gov::To => Bi::new(with_preposition(at, &p.ru(Case::Acc)), p.en(Article::The)),
        Gov::From => {
            let from = if at == "на" { "с" } else { "из" };
            Bi::new(with_preposition(from, &p.ru(Case::Gen)), p.en(Article::The))
        }
        Gov::In => Bi::new(
            with_preposition(at, &p.ru(Case::Prep)),
            format!("{} {}", p.noun.en_at, p.en(article)),
        ),
        Gov::With => Bi::new(with_preposition("с", &p.ru(Case::Ins)), p.en(article)),
    }
}

/// Where something happens: `в заброшенной усадьбе` / `on an abandoned estate`.
pub(crate) fn location(d: &mut Dice) -> Bi {
    let p = place(d);
    govern(d, Gov::In, &p)
}

/// A personal pronoun for a phrase, as a verb's object: `ей`, `с ним`, `о них` / `her`.
pub(crate) fn pronoun(gov: Gov, gender: Gender, plural: bool) -> Bi {
    let column = match (plural, gender) {
        (true, _) => 3,
        (false, Gender::Masc) => 0,
        (false, Gender::Fem) => 1,
        (false, Gender::Neut) => 2,
    };
    let (ru, prefix) = match gov {
        Gov::Dat => (["ему", "ей", "ему", "им"], ""),
        Gov::With => (["ним", "ней", "ним", "ними"], "с "),
        Gov::About => (["нем", "ней", "нем", "них"], "о "),
        _ => (["его", "ее", "его", "их"], ""),
    };
    let en = ["him", "her", "it", "them"];
    Bi::new(format!("{prefix}{}", ru[column]), en[column])
}

/// The subject pronoun: `он`, `она`, `они` / `he`, `she`, `they`.
pub(crate) fn subject(p: &Phrase) -> (&'static str, &'static str) {
    match (p.number, p.noun.gender) {
        (Number::Pl, _) => ("они", "they"),
        (_, Gender::Masc) => ("он", "he"),
        (_, Gender::Fem) => ("она", "she"),
        (_, Gender::Neut) => ("оно", "it"),
    }
}

/// A present-tense clause with a person or thing as object: `ищет старое письмо` /
/// `searches for an old letter`.
pub(crate) fn predicate(d: &mut Dice, plural: bool) -> Bi {
    let verb = verb(d, |v| !v.perfective && v.object != Object::Place);
    let object = object(d, verb);
    Bi::new(
        format!("{} {}", verb.third(plural), object.ru),
        format!("{} {}", verb.en_present(plural), object.en),
    )
}
