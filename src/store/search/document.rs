//! What the index holds of each searchable record: its title (or name) and the rest of its
//! text per language, and their lexemes for SQLite's FTS5 table.

use crate::{
    domain::{
        enums::SearchType,
        search::{Config, lexemes},
    },
    entities::{
        agreement, festival, festival_edition, film, location, organization, person,
        press_material, search_document,
    },
    store::lookup::Lookup,
};

/// A table whose rows search finds.
pub trait Indexed: Lookup {
    /// The kind of its rows.
    const KIND: SearchType;
    /// The index's document of one row.
    fn document(model: &Self::Model) -> search_document::Model;
}

/// The non-empty parts joined by blank lines; None when all are empty.
fn joined(parts: &[Option<&str>]) -> Option<String> {
    let parts: Vec<&str> = parts
        .iter()
        .flatten()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// Lexemes of the Russian and the English text, space-separated with a space at either end
/// (so `instr(column, ' lexeme ')` finds a whole lexeme).
fn lexeme_list(ru: &Option<String>, en: &Option<String>) -> (String, usize) {
    let mut all = lexemes(Config::Russian, ru.as_deref().unwrap_or_default());
    all.extend(lexemes(Config::English, en.as_deref().unwrap_or_default()));
    (format!(" {} ", all.join(" ")), all.len())
}

/// A document: `title` and `body` are (Russian, English) lists of text parts.
fn document(
    kind: SearchType,
    entity_id: i32,
    title: [&[Option<&str>]; 2],
    body: [&[Option<&str>]; 2],
) -> search_document::Model {
    let (title_ru, title_en) = (joined(title[0]), joined(title[1]));
    let (body_ru, body_en) = (joined(body[0]), joined(body[1]));
    let (title_lexemes, title_words) = lexeme_list(&title_ru, &title_en);
    let (body_lexemes, _) = lexeme_list(&body_ru, &body_en);
    search_document::Model {
        id: 0,
        kind,
        entity_id,
        title_ru,
        title_en,
        body_ru,
        body_en,
        title_lexemes,
        body_lexemes,
        title_words: i32::try_from(title_words).unwrap_or(i32::MAX),
    }
}

impl Indexed for film::Entity {
    const KIND: SearchType = SearchType::Film;
    fn document(m: &film::Model) -> search_document::Model {
        // The original title counts as a title when neither translation says it.
        let original = Some(m.original_title.as_str())
            .filter(|o| Some(*o) != m.title_ru.as_deref() && Some(*o) != m.title_en.as_deref());
        document(
            Self::KIND,
            m.id,
            [&[m.title_ru.as_deref(), original], &[m.title_en.as_deref()]],
            [
                &[m.logline_ru.as_deref(), m.synopsis_ru.as_deref()],
                &[m.logline_en.as_deref(), m.synopsis_en.as_deref()],
            ],
        )
    }
}

impl Indexed for press_material::Entity {
    const KIND: SearchType = SearchType::PressMaterial;
    fn document(m: &press_material::Model) -> search_document::Model {
        document(
            Self::KIND,
            m.id,
            [&[m.title_ru.as_deref()], &[m.title_en.as_deref()]],
            [
                &[m.lead_ru.as_deref(), m.body_ru.as_deref()],
                &[m.lead_en.as_deref(), m.body_en.as_deref()],
            ],
        )
    }
}

impl Indexed for organization::Entity {
    const KIND: SearchType = SearchType::Organization;
    fn document(m: &organization::Model) -> search_document::Model {
        document(
            Self::KIND,
            m.id,
            [&[m.name_ru.as_deref()], &[m.name_en.as_deref()]],
            [
                &[m.description_ru.as_deref()],
                &[m.description_en.as_deref()],
            ],
        )
    }
}

impl Indexed for person::Entity {
    const KIND: SearchType = SearchType::Person;
    fn document(m: &person::Model) -> search_document::Model {
        document(
            Self::KIND,
            m.id,
            [&[m.name_ru.as_deref()], &[m.name_en.as_deref()]],
            [&[m.biography_ru.as_deref()], &[m.biography_en.as_deref()]],
        )
    }
}

impl Indexed for festival_edition::Entity {
    const KIND: SearchType = SearchType::FestivalEdition;
    fn document(m: &festival_edition::Model) -> search_document::Model {
        document(
            Self::KIND,
            m.id,
            [&[m.name_ru.as_deref()], &[m.name_en.as_deref()]],
            [&[m.city_ru.as_deref()], &[m.city_en.as_deref()]],
        )
    }
}

impl Indexed for location::Entity {
    const KIND: SearchType = SearchType::Location;
    fn document(m: &location::Model) -> search_document::Model {
        document(
            Self::KIND,
            m.id,
            [&[m.name_ru.as_deref()], &[m.name_en.as_deref()]],
            [
                &[
                    m.description_ru.as_deref(),
                    m.address_ru.as_deref(),
                    m.city_ru.as_deref(),
                ],
                &[
                    m.description_en.as_deref(),
                    m.address_en.as_deref(),
                    m.city_en.as_deref(),
                ],
            ],
        )
    }
}

impl Indexed for agreement::Entity {
    const KIND: SearchType = SearchType::Agreement;
    fn document(m: &agreement::Model) -> search_document::Model {
        document(
            Self::KIND,
            m.id,
            [&[m.title_ru.as_deref()], &[m.title_en.as_deref()]],
            [&[m.summary_ru.as_deref()], &[m.summary_en.as_deref()]],
        )
    }
}

impl Indexed for festival::Entity {
    const KIND: SearchType = SearchType::Festival;
    fn document(m: &festival::Model) -> search_document::Model {
        document(
            Self::KIND,
            m.id,
            [&[m.name_ru.as_deref()], &[m.name_en.as_deref()]],
            [
                &[m.description_ru.as_deref()],
                &[m.description_en.as_deref()],
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_join_their_parts_and_list_lexemes_of_both_languages() {
        let doc = document(
            SearchType::Location,
            7,
            [&[Some("Кинопарк «Москино»")], &[Some("Moskino Film Park")]],
            [&[Some(" Площадка "), None, Some("Москва")], &[None]],
        );
        assert_eq!(doc.body_ru.as_deref(), Some("Площадка\n\nМосква"));
        assert_eq!(doc.body_en, None);
        assert_eq!(doc.title_lexemes, " кинопарк москин moskino film park ");
        assert_eq!(doc.title_words, 5);
        assert_eq!(doc.body_lexemes, " площадк москв ");
    }
}
