//! The sample images of the demo and synthetic films: a portrait poster or a landscape
//! first still, described the same way in both.

use crate::domain::enums::AssetPurpose;

/// File name, size, display order and the words the alt text starts with.
pub(crate) struct FilmImage {
    /// `poster.jpg` or `still-1.jpg`.
    pub file: &'static str,
    /// Pixels.
    pub width: i32,
    /// Pixels.
    pub height: i32,
    /// The poster first.
    pub sort_order: i32,
    /// `Постер фильма` / `Кадр из фильма`.
    pub what_ru: &'static str,
    /// `Poster for` / `Still from`.
    pub what_en: &'static str,
}

impl FilmImage {
    /// The poster for `AssetPurpose::Poster`, the first still otherwise.
    pub(crate) fn of(purpose: AssetPurpose) -> Self {
        if purpose == AssetPurpose::Poster {
            Self {
                file: "poster.jpg",
                width: 1400,
                height: 2000,
                sort_order: 0,
                what_ru: "Постер фильма",
                what_en: "Poster for",
            }
        } else {
            Self {
                file: "still-1.jpg",
                width: 1920,
                height: 1080,
                sort_order: 1,
                what_ru: "Кадр из фильма",
                what_en: "Still from",
            }
        }
    }
}
