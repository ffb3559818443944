//! Danish stemming of folded words, with the Snowball stemmer
//! (`rust-stemmers`): `klausuler` and `klausul`, `uddannelser` and
//! `uddannelse` share a stem. Used on both sides: the dictionaries keep each
//! word's stem (at load), and every query piece is stemmed (per keystroke).
//!
//! The stemmer runs on folded text (`ae`, `oe`, `aa` for æ, ø, å); that
//! makes a few stems differ from a dictionary's, but the same on both sides,
//! which is all matching needs.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// Words shorter than this (in bytes) are their own stem: stemming `job` or
/// `ung` gains nothing and makes short words collide.
const MIN_STEMMED: usize = 4;

static DANISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Danish));

/// The stem of a folded word.
pub fn stem(word: &str) -> String {
    if word.len() < MIN_STEMMED || word.bytes().all(|b| b.is_ascii_digit()) {
        return word.to_owned();
    }
    let stem = DANISH.stem(word);
    // The stemmer never grows a word; keep at least three letters.
    if stem.chars().count() < 3 {
        word.to_owned()
    } else {
        stem.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::stem;
    use crate::fold::fold;

    /// Inflected forms a caseworker types meet the forms in the catalogue.
    #[test]
    fn inflections_share_a_stem() {
        let same = [
            ("klausuler", "klausul"),
            ("uddannelser", "uddannelse"),
            ("virksomheder", "virksomhed"),
            ("mentorer", "mentor"),
            ("praktikker", "praktik"),
            ("kriminelle", "kriminel"),
            ("droppet", "droppe"),
            ("sociale", "social"),
            ("unges", "unge"),
            ("psykiske", "psykisk"),
        ];
        for (a, b) in same {
            assert_eq!(stem(&fold(a)), stem(&fold(b)), "{a} / {b}");
        }
    }

    #[test]
    fn different_words_keep_different_stems() {
        let differ = [
            ("mentor", "menneske"),
            ("skole", "skive"),
            ("job", "jobcenter"),
        ];
        for (a, b) in differ {
            assert_ne!(stem(&fold(a)), stem(&fold(b)), "{a} / {b}");
        }
        assert_eq!(stem("job"), "job");
        assert_eq!(stem("2024"), "2024");
        assert_eq!(stem(""), "");
    }
}
