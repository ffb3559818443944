//! Danish compounds against the catalogue's own words: `socialklausul` is
//! `social` + `klausul`, `virksomhedsnetværk` is `virksomhed(s)` + `netværk`,
//! `kontanthjælpsmodtager` starts with `kontanthjælp`.
//!
//! Both sides use [`splits`]: at load, a long word of a name or text whose
//! two halves are words of the same dictionary also counts as those halves
//! (so `netværk` meets `Virksomhedsnetværk` at a word start, not inside a
//! word); per keystroke, a query word the dictionaries do not know is tried
//! as two words they do.

use crate::fold::MAX_WORD;

/// Shortest half of a compound, in bytes (shorter halves are mostly noise:
/// `for` + `løb`).
pub const MIN_PART: usize = 4;

/// Shortest word tried as a compound, in bytes.
pub const MIN_COMPOUND: usize = 2 * MIN_PART;

/// The ways to cut a folded `word` into a head and a tail that `known`
/// accepts, each at least [`MIN_PART`] bytes. The head may end in a linking
/// `s` or `e` that the known word lacks (`virksomheds|netvaerk` gives
/// `virksomhed`, `netvaerk`). Longest head first.
///
/// Each cut costs two lookups as long as the word, so a word longer than
/// [`MAX_WORD`] chars (which the callers cut off first) is not tried: the
/// cost stays within `MAX_WORD` cuts of `MAX_WORD` chars.
pub fn splits<'w>(word: &'w str, known: &dyn Fn(&str) -> bool) -> Vec<(&'w str, &'w str)> {
    let mut found = Vec::new();
    if word.len() < MIN_COMPOUND || word.chars().nth(MAX_WORD).is_some() {
        return found;
    }
    let cuts = word
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i >= MIN_PART && word.len() - i >= MIN_PART);
    for cut in cuts.rev() {
        let (head, tail) = word.split_at(cut);
        if !known(tail) {
            continue;
        }
        if known(head) {
            found.push((head, tail));
        } else if let Some(bare) = head.strip_suffix(['s', 'e'])
            && bare.len() >= MIN_PART
            && known(bare)
        {
            found.push((bare, tail));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(words: &'static [&'static str]) -> impl Fn(&str) -> bool {
        move |w| words.contains(&w)
    }

    #[test]
    fn compounds_split_into_known_words() {
        let words = known(&[
            "social",
            "klausul",
            "virksomhed",
            "netvaerk",
            "kontanthjaelp",
            "ungdom",
            "uddannelse",
        ]);
        let table: &[(&str, &[(&str, &str)])] = &[
            ("socialklausul", &[("social", "klausul")]),
            ("virksomhedsnetvaerk", &[("virksomhed", "netvaerk")]),
            ("ungdomsuddannelse", &[("ungdom", "uddannelse")]),
            ("kontanthjaelpsmodtager", &[]),
            ("netvaerk", &[]),
            ("abc", &[]),
        ];
        for (word, expected) in table {
            assert_eq!(splits(word, &words), *expected, "{word}");
        }
    }

    #[test]
    fn a_word_past_the_limit_costs_no_lookups() {
        // Before the limit, a 100,000-char word cost 100,000 cuts, each
        // hashing up to the whole word.
        let calls = std::cell::Cell::new(0usize);
        let known = |_: &str| {
            calls.set(calls.get() + 1);
            false
        };
        assert!(splits(&"a".repeat(100_000), &known).is_empty());
        assert_eq!(calls.get(), 0);
        let longest = "a".repeat(MAX_WORD);
        assert!(splits(&longest, &known).is_empty());
        assert!(calls.get() <= 2 * MAX_WORD, "{}", calls.get());
    }

    #[test]
    fn short_halves_are_not_split_off() {
        let words = known(&["for", "loeb", "forloeb"]);
        assert!(splits("forloeb", &words).is_empty());
    }
}
