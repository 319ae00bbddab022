//! What a cached response depends on. A read depends on the object types its document
//! selects (see [`super::reads`]); a write records the entity types it wrote (every store write goes through
//! [`crate::store::audit::record_all`], whose entity type is a node type name). Both are
//! mapped to [`Topic`]s; a write moves its topics to a new generation, and a cached response
//! is served only while its topics keep the generations it was stored with.
//!
//! The map errs towards invalidating: a read type not in [`read_topics`] depends on
//! [`Topic::Any`], which every write moves, and a write of an entity type not in
//! [`Topic::of_write`] moves every topic.

use std::{cell::RefCell, collections::BTreeSet, future::Future};

/// A class of data writes invalidate together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    Film,
    CoProduction,
    Shoot,
    Screening,
    Festival,
    FestivalEdition,
    Location,
    Organization,
    Person,
    Agreement,
    PressMaterial,
    /// Everything else: moved by every write.
    Any,
}

/// Every topic, in a fixed order (indexes of generation tables).
pub const TOPICS: [Topic; 12] = [
    Topic::Film,
    Topic::CoProduction,
    Topic::Shoot,
    Topic::Screening,
    Topic::Festival,
    Topic::FestivalEdition,
    Topic::Location,
    Topic::Organization,
    Topic::Person,
    Topic::Agreement,
    Topic::PressMaterial,
    Topic::Any,
];

impl Topic {
    /// The position of the topic in [`TOPICS`].
    pub fn index(self) -> usize {
        TOPICS
            .iter()
            .position(|t| *t == self)
            .unwrap_or(TOPICS.len() - 1)
    }

    /// The topic's name (for shared stores).
    pub fn name(self) -> &'static str {
        match self {
            Topic::Film => "Film",
            Topic::CoProduction => "CoProduction",
            Topic::Shoot => "Shoot",
            Topic::Screening => "Screening",
            Topic::Festival => "Festival",
            Topic::FestivalEdition => "FestivalEdition",
            Topic::Location => "Location",
            Topic::Organization => "Organization",
            Topic::Person => "Person",
            Topic::Agreement => "Agreement",
            Topic::PressMaterial => "PressMaterial",
            Topic::Any => "*",
        }
    }

    /// The topics a write recorded under `entity_type` moves: its own and [`Topic::Any`];
    /// every topic for an entity type this table does not know.
    pub fn of_write(entity_type: &str) -> Vec<Topic> {
        match TOPICS
            .iter()
            .find(|t| **t != Topic::Any && t.name() == entity_type)
        {
            Some(topic) => vec![*topic, Topic::Any],
            None => TOPICS.to_vec(),
        }
    }
}

/// The topics a read of the object type `name` depends on: the entity types whose writes
/// can change it (parts are written as their owner: credits as `Film` or `Person`, sections
/// as `FestivalEdition`, quotes and subjects as `PressMaterial`, media as their owner).
/// `None` for types this table does not know.
pub fn read_topics(name: &str) -> Option<&'static [Topic]> {
    use Topic::*;
    Some(match name {
        "QueryRoot" | "MutationRoot" | "PageInfo" | "ExternalIds" => &[],
        "Film" | "Genre" => &[Film],
        "Credit" => &[Film, Person],
        "CoProduction" => &[CoProduction, Film, Organization],
        "Shoot" => &[Shoot, Film, Location],
        "Screening" => &[Screening, Film, FestivalEdition, Festival, Location],
        "Festival" => &[Festival],
        "FestivalEdition" | "Section" => &[FestivalEdition, Festival],
        "Location" => &[Location],
        "Organization" => &[Organization],
        "Person" => &[Person],
        "Affiliation" => &[Person, Organization],
        "Agreement" | "Signatory" => &[Agreement, Organization, Person, Film],
        "PressMaterial" | "Quote" | "PressSubject" => &[
            PressMaterial,
            Film,
            Person,
            Organization,
            FestivalEdition,
            Festival,
        ],
        "MediaAsset" => &[Film, PressMaterial],
        _ => return None,
    })
}

/// The object type a field's return type names: `[FilmEdge!]!` and `FilmConnection` read
/// `Film`, so that an empty list still depends on its node type.
pub fn object_type(return_type: &str) -> &str {
    let name = return_type.trim_matches(|c| c == '[' || c == ']' || c == '!');
    ["Connection", "Edge", "Payload"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix).filter(|base| !base.is_empty()))
        .unwrap_or(name)
}

/// The topics of the read types `names`.
pub fn topics_of_reads<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<Topic> {
    let mut topics = BTreeSet::new();
    for name in names {
        let name = object_type(name);
        if name.starts_with("__") || super::reads::is_leaf(name) {
            continue;
        }
        match read_topics(name) {
            Some(read) => topics.extend(read.iter().copied()),
            None => {
                topics.insert(Topic::Any);
            }
        }
    }
    topics
}

/// The topics the entity types `written` move.
pub fn topics_of_writes<'a>(written: impl IntoIterator<Item = &'a String>) -> BTreeSet<Topic> {
    written
        .into_iter()
        .flat_map(|t| Topic::of_write(t))
        .collect()
}

tokio::task_local! {
    static CAPTURE: RefCell<BTreeSet<String>>;
}

/// Runs `future`, returning its output with the entity types its writes recorded.
pub async fn capture<F: Future>(future: F) -> (F::Output, BTreeSet<String>) {
    CAPTURE
        .scope(RefCell::new(BTreeSet::new()), async move {
            let output = future.await;
            let captured = CAPTURE.with(|c| std::mem::take(&mut *c.borrow_mut()));
            (output, captured)
        })
        .await
}

/// Records writes of `entity_types` for the request being captured (none outside one, as
/// in `kinograph import`).
pub fn wrote<'a>(entity_types: impl IntoIterator<Item = &'a str>) {
    let _ = CAPTURE.try_with(|c| {
        if let Ok(mut captured) = c.try_borrow_mut() {
            captured.extend(entity_types.into_iter().map(str::to_string));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_connections_and_edges_read_their_node_type() {
        assert_eq!(object_type("[FilmEdge!]!"), "Film");
        assert_eq!(object_type("FilmConnection!"), "Film");
        assert_eq!(object_type("[Credit!]"), "Credit");
        assert_eq!(object_type("String"), "String");
    }

    #[test]
    fn scalars_add_nothing_and_unknown_types_depend_on_every_write() {
        let topics = topics_of_reads(["QueryRoot", "FilmConnection!", "String!", "Locale"]);
        assert_eq!(topics, BTreeSet::from([Topic::Film]));
        let credits = topics_of_reads(["Film", "[Credit!]!"]);
        assert!(
            credits.contains(&Topic::Person),
            "a person rename shows in credits"
        );
        assert!(topics_of_reads(["Node"]).contains(&Topic::Any));
        assert!(topics_of_reads(["SomethingNew"]).contains(&Topic::Any));
    }

    #[test]
    fn writes_move_their_topic_and_the_catch_all_and_unknown_writes_move_everything() {
        assert_eq!(Topic::of_write("Film"), vec![Topic::Film, Topic::Any]);
        assert_eq!(Topic::of_write("Genre").len(), TOPICS.len());
        for topic in TOPICS {
            assert_eq!(TOPICS[topic.index()], topic);
        }
    }

    #[tokio::test]
    async fn capture_sees_the_writes_of_its_own_future_only() {
        let ((), captured) = capture(async { wrote(["Film", "Shoot"]) }).await;
        assert_eq!(captured.len(), 2);
        wrote(["Person"]); // outside any capture: ignored, no panic
    }
}
