//! Danish-aware folding of text for matching (issue #3, ARCHITECTURE.md §4).
//!
//! Two keys are derived from any text, on both the catalogue side (once, at
//! load) and the query side (per keystroke):
//!
//! * [`fold`] — the *strict* key: Unicode NFC, lower case, `æ`→`ae`, `ø`→`oe`,
//!   `å`→`aa`, then every other accent stripped (canonical decomposition with
//!   the combining marks dropped). `fold("Østjylland") == "oestjylland"`,
//!   `fold("Århus") == fold("Aarhus") == "aarhus"`.
//! * [`loose`] — the *loose* key, derived from the strict key so that the
//!   ASCII spellings people type without a Danish keyboard meet: an `e` right
//!   after an `a` or `o` is dropped (`ae`→`a`, `oe`→`o`), and a run of the same
//!   letter collapses to one (`aa`→`a`, and also `ll`→`l`, `mm`→`m`). So
//!   `ostjylland`, `oestjylland` and `Østjylland` all have the loose key
//!   `ostjyland`; `ærø`, `aero` and `aro` all have `aro`. Doubled consonants
//!   collapsing also forgives the commonest Danish misspelling (`komune`).
//!   The loose key is used only when the strict key does not match, and such
//!   a match ranks a little lower.
//!
//! Both keys can be produced together with a map from each byte of the key
//! back to the char index in the original text it came from, so a match in a
//! key can be highlighted in the original name.

mod ascii_words;
pub use ascii_words::each_word;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{
    canonical_combining_class, decompose_canonical, is_combining_mark,
};

/// The strict folded key of `text` (see the module documentation).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    fold_into(text, &mut out);
    out
}

/// Appends the strict folded key of `text` to `out` (no allocation when `out`
/// has room), for folding many texts into one buffer.
pub fn fold_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    // An ASCII char starts a chunk of its own unless a combining mark
    // follows it, so a run of such chars is lower-cased as a whole and the
    // rest goes char by char through `fold_chunks`: the same result as the
    // char-by-char path alone (tested), at a fraction of the cost for the
    // mostly-ASCII texts of a catalogue.
    let plain = |at: usize| bytes[at].is_ascii() && bytes.get(at + 1).is_none_or(u8::is_ascii);
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        // Every byte up to the first non-ASCII one is plain but the last
        // before it (a combining mark may follow that one).
        let ascii = at + ascii_len(&bytes[at..]);
        at = if ascii < bytes.len() {
            ascii.saturating_sub(1).max(at)
        } else {
            ascii
        };
        if at > start {
            let from = out.len();
            out.push_str(&text[start..at]);
            out[from..].make_ascii_lowercase();
        }
        if at == bytes.len() {
            break;
        }
        // `at` is on a char boundary: a byte before it was ASCII or it is
        // where the last stretch stopped, on an ASCII byte.
        let start = at;
        at += 1;
        while at < bytes.len() && !plain(at) {
            at += 1;
        }
        fold_chunks(&text[start..at], |_, c| out.push(c));
    }
}

/// How many bytes `bytes` starts with that are ASCII, looked at eight at a time.
fn ascii_len(bytes: &[u8]) -> usize {
    let mut eights = bytes.chunks_exact(8);
    let mut len = 0;
    for eight in eights.by_ref() {
        let word = u64::from_le_bytes(eight.try_into().unwrap_or([0x80; 8]));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        len += 8;
    }
    len + bytes[len..].iter().take_while(|b| b.is_ascii()).count()
}

/// The strict folded key of `text` and, for each byte of it, the index of the
/// char of `text` it came from.
pub fn fold_with_map(text: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len() + 8);
    let mut map = Vec::with_capacity(text.len() + 8);
    fold_chunks(text, |origin, c| {
        out.push(c);
        map.extend(std::iter::repeat_n(origin, c.len_utf8()));
    });
    (out, map)
}

/// The loose key of an already folded text (see the module documentation).
/// `loose(&fold(x))` is the loose key of `x`.
pub fn loose(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut last = None;
    for c in folded.chars() {
        if keep_loose(last, c) {
            out.push(c);
            last = Some(c);
        }
    }
    out
}

/// The loose key of a folded text and its map back to the original text,
/// given the folded text's own map (from [`fold_with_map`]).
pub fn loose_with_map(folded: &str, folded_map: &[u32]) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(folded.len());
    let mut map = Vec::with_capacity(folded.len());
    let mut last = None;
    for (at, c) in folded.char_indices() {
        if keep_loose(last, c) {
            out.push(c);
            let origin = folded_map.get(at).copied().unwrap_or_default();
            map.extend(std::iter::repeat_n(origin, c.len_utf8()));
            last = Some(c);
        }
    }
    (out, map)
}

/// Whether `c` survives in the loose key after the kept char `last`.
fn keep_loose(last: Option<char>, c: char) -> bool {
    match last {
        Some('a' | 'o') if c == 'e' => false,
        Some(prev) if prev == c && c.is_alphabetic() => false,
        _ => true,
    }
}

/// Whether `c` belongs to a word: words are maximal runs of alphanumeric chars.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The most chars of a folded word that matching reads (issue 24): longer
/// words are cut to their first `MAX_WORD` chars on both sides, in the
/// search's dictionaries and in a query, so that compound splitting, slips,
/// scattered letters and stemming cost at most this much per word, never
/// the square of a pasted megabyte. Danish compounds stay well within it:
/// the longest in the bundled catalogue folds to 34 chars, and
/// `speciallægepraksisplanlægningsstabiliseringsperiode`, often named the
/// longest Danish word, to 53. Text is still shown whole; only matching is
/// cut.
pub const MAX_WORD: usize = 64;

/// `word` cut to its first [`MAX_WORD`] chars, the part of it that matching
/// reads (see there). Costs at most `MAX_WORD` chars' look, however long
/// the word.
pub fn cut_word(word: &str) -> &str {
    // No more bytes than chars allowed: nothing to count.
    if word.len() <= MAX_WORD {
        return word;
    }
    match word.char_indices().nth(MAX_WORD) {
        Some((at, _)) => &word[..at],
        None => word,
    }
}

/// The words of a folded text, in order (maximal runs of [`is_word_char`]).
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    let bytes = folded.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // Skip to a word, then to its end; ASCII bytes decide without
        // decoding a char.
        let in_word = |at: usize| -> (bool, usize) {
            let b = bytes[at];
            if b.is_ascii() {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                let c = folded[at..].chars().next().unwrap_or(' ');
                (is_word_char(c), c.len_utf8())
            }
        };
        while at < bytes.len() {
            let (word, len) = in_word(at);
            if word {
                break;
            }
            at += len;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            let (word, len) = in_word(at);
            if !word {
                break;
            }
            at += len;
        }
        Some(&folded[start..at])
    })
}

/// Runs the folding pipeline over `text`, calling `emit(origin, c)` for each
/// output char with the index of the original char it stems from.
///
/// The text is cut into chunks of one starter (a char of canonical combining
/// class 0) and the combining chars that follow it. A lone char takes a fast
/// path (NFC cannot change it, except for singletons that the later
/// decomposition undoes anyway); a longer chunk is NFC-composed first, so that
/// `a` + combining ring becomes `å` and folds to `aa`.
fn fold_chunks(text: &str, mut emit: impl FnMut(u32, char)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut origin = 0u32; // char index of the char at `at`
    while at < bytes.len() {
        let b = bytes[at];
        // Fast path: an ASCII char not followed by a combining mark (all of
        // which are non-ASCII) folds on its own.
        if b.is_ascii() && bytes.get(at + 1).is_none_or(|n| n.is_ascii()) {
            emit(origin, char::from(b.to_ascii_lowercase()));
            at += 1;
            origin += 1;
            continue;
        }
        // The same for the Danish letters, the commonest chars that are
        // not ASCII in a catalogue (two bytes each, `0xC3` first).
        if b == 0xC3
            && bytes.get(at + 2).is_none_or(|n| n.is_ascii())
            && let Some(pair) = bytes.get(at + 1).and_then(|&second| danish_pair(second))
        {
            emit(origin, pair[0]);
            emit(origin, pair[1]);
            at += 2;
            origin += 1;
            continue;
        }
        let start = at;
        let chunk_origin = origin;
        let mut len = 0;
        for c in text[start..].chars() {
            let combining = !c.is_ascii() && canonical_combining_class(c) != 0;
            if len > 0 && !combining {
                break;
            }
            at += c.len_utf8();
            origin += 1;
            len += 1;
        }
        flush(&text[start..at], len, chunk_origin, &mut emit);
    }
}

fn flush(chunk: &str, len: usize, origin: u32, emit: &mut impl FnMut(u32, char)) {
    if len == 1 {
        if let Some(c) = chunk.chars().next() {
            fold_char(c, &mut |c| emit(origin, c));
        }
    } else {
        for c in chunk.nfc() {
            fold_char(c, &mut |c| emit(origin, c));
        }
    }
}

/// Folds one (composed) char: lower case, Danish letters, accents stripped.
fn fold_char(c: char, emit: &mut impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        if !danish(lower, emit) {
            decompose_canonical(lower, |part| {
                if !is_combining_mark(part) && !danish(part, emit) {
                    emit(part);
                }
            });
        }
    }
}

/// The two-letter spelling of the Danish letter (either case) whose UTF-8
/// is `0xC3` and then `second`.
fn danish_pair(second: u8) -> Option<[char; 2]> {
    match second {
        0xA6 | 0x86 => Some(['a', 'e']), // æ Æ
        0xB8 | 0x98 => Some(['o', 'e']), // ø Ø
        0xA5 | 0x85 => Some(['a', 'a']), // å Å
        _ => None,
    }
}

/// Emits the two-letter spelling of a lower-case Danish letter.
fn danish(c: char, emit: &mut impl FnMut(char)) -> bool {
    let pair = match c {
        'æ' => ['a', 'e'],
        'ø' => ['o', 'e'],
        'å' => ['a', 'a'],
        _ => return false,
    };
    emit(pair[0]);
    emit(pair[1]);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn danish_table() {
        let cases = [
            ("Østjylland", "oestjylland"),
            ("østjylland", "oestjylland"),
            ("ØSTJYLLAND", "oestjylland"),
            ("Århus", "aarhus"),
            ("Aarhus", "aarhus"),
            ("Ærø", "aeroe"),
            ("Ringkøbing-Skjern", "ringkoebing-skjern"),
            ("Læreplads", "laereplads"),
            ("Støtte", "stoette"),
            ("Måltid", "maaltid"),
            ("Café", "cafe"),
            ("Müller", "muller"),
            ("naïve", "naive"),
            ("Ångström", "aangstrom"),
            ("a\u{030A}", "aa"),   // decomposed å
            ("A\u{030A}R", "aar"), // decomposed Å
            ("\u{212B}", "aa"),    // the angstrom sign
            ("ǽ", "ae"),           // æ with an accent
            ("ǿ", "oe"),           // ø with an accent
            ("IPS-ung", "ips-ung"),
            ("FGU", "fgu"),
            ("", ""),
        ];
        for (input, folded) in cases {
            assert_eq!(fold(input), folded, "fold({input:?})");
        }
    }

    #[test]
    fn loose_keys_meet() {
        let key = |s: &str| loose(&fold(s));
        assert_eq!(key("Østjylland"), "ostjyland");
        assert_eq!(key("ostjylland"), "ostjyland");
        assert_eq!(key("oestjylland"), "ostjyland");
        assert_eq!(key("Århus"), key("arhus"));
        assert_eq!(key("Ærø"), key("aro"));
        assert_eq!(key("kommune"), key("komune"));
        assert_ne!(key("ung"), key("ing"));
    }

    #[test]
    fn maps_point_back_to_original_chars() {
        let (folded, map) = fold_with_map("Ærø-ung");
        assert_eq!(folded, "aeroe-ung");
        assert_eq!(map, vec![0, 0, 1, 2, 2, 3, 4, 5, 6]);
        let (lkey, lmap) = loose_with_map(&folded, &map);
        assert_eq!(lkey, "aro-ung");
        assert_eq!(lmap, vec![0, 1, 2, 3, 4, 5, 6]);
        let (folded, map) = fold_with_map("a\u{030A}b");
        assert_eq!(folded, "aab");
        assert_eq!(map, vec![0, 0, 2]);
        let (folded, map) = fold_with_map("éx");
        assert_eq!(folded, "ex");
        assert_eq!(map, vec![0, 1]);
    }

    #[test]
    fn words_are_cut_for_matching() {
        assert_eq!(cut_word("ungeindsats"), "ungeindsats");
        let long = "æ".repeat(100_000);
        assert_eq!(cut_word(&long).chars().count(), MAX_WORD);
        assert_eq!(cut_word(&long[..2 * MAX_WORD]), &long[..2 * MAX_WORD]);
        assert_eq!(cut_word(""), "");
    }

    #[test]
    fn words_split_on_non_alphanumerics() {
        let w: Vec<_> = words("ips-ung, 16-29 aar").collect();
        assert_eq!(w, vec!["ips", "ung", "16", "29", "aar"]);
        let w: Vec<_> = words("–ørn·日本 x").collect();
        assert_eq!(w, vec!["ørn", "日本", "x"]);
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" ,- ").count(), 0);
    }

    /// A combining mark or a Danish letter at any place of the eight-byte
    /// stretches `fold_into` looks at ASCII in.
    #[test]
    fn the_first_char_that_is_not_ascii_is_found_at_any_place() {
        for before in 0..20 {
            let ascii = "A".repeat(before);
            for (odd, folded) in [("A\u{30A}", "aa"), ("Æ", "ae"), ("A\u{30A}Ø", "aaoe")] {
                let text = format!("{ascii}{odd}X{ascii}");
                let want = format!("{}{folded}x{}", "a".repeat(before), "a".repeat(before));
                assert_eq!(fold(&text), want, "{text:?}");
            }
        }
    }

    /// `text` folded a chunk (a char and the combining marks after it) at
    /// a time, with none of the fast ways.
    fn chunk_by_chunk(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, _)) = chars.next() {
            let mut len = 1;
            while let Some(&(_, c)) = chars.peek() {
                if c.is_ascii() || canonical_combining_class(c) == 0 {
                    break;
                }
                chars.next();
                len += 1;
            }
            let end = chars.peek().map_or(text.len(), |&(at, _)| at);
            flush(&text[start..end], len, 0, &mut |_, c| out.push(c));
        }
        out
    }

    /// Replaces each Danish letter in `s` by one of its ASCII spellings, chosen by `pick`.
    fn asciify(s: &str, pick: &[bool]) -> String {
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            let alt = pick.get(i % pick.len().max(1)).copied().unwrap_or(false);
            match (c, alt) {
                ('æ', false) => out.push_str("ae"),
                ('æ', true) => out.push('a'),
                ('ø', false) => out.push_str("oe"),
                ('ø', true) => out.push('o'),
                ('å', false) => out.push_str("aa"),
                ('å', true) => out.push('a'),
                (c, _) => out.push(c),
            }
        }
        out
    }

    proptest! {
        #[test]
        fn fold_is_idempotent(s in "\\PC*") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn fold_is_idempotent_on_any_chars(s in any::<String>()) {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn words_are_the_alphanumeric_runs(s in any::<String>()) {
            let fast: Vec<&str> = words(&s).collect();
            let plain: Vec<&str> = s.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).collect();
            prop_assert_eq!(fast, plain);
        }

        #[test]
        fn loose_is_idempotent(s in any::<String>()) {
            let key = loose(&fold(&s));
            prop_assert_eq!(loose(&fold(&key)), key.clone());
        }

        /// The fast ways (ASCII stretches, Danish letters) change nothing:
        /// `fold_into` and `fold_with_map` fold as the chunk-by-chunk path
        /// alone does, combining marks after ASCII and Danish letters included.
        #[test]
        fn fold_into_folds_as_char_by_char(
            pieces in proptest::collection::vec(
                proptest::sample::select(&[
                    "a", "A", "e", "E", " ", "-", "x", "\u{30A}", "\u{301}", "\u{327}",
                    "æ", "Æ", "ø", "Ø", "å", "Å", "É", "\u{212B}", "ǽ", "日", "Ã",
                ][..]),
                0..24,
            ),
            any in any::<String>(),
        ) {
            let pieces = pieces.concat();
            for text in [&pieces, &any] {
                let slow = chunk_by_chunk(text);
                prop_assert_eq!(fold(text), slow.clone());
                prop_assert_eq!(fold_with_map(text).0, slow);
            }
        }

        #[test]
        fn maps_have_one_entry_per_byte(s in any::<String>()) {
            let chars = s.chars().count() as u32;
            let (folded, map) = fold_with_map(&s);
            prop_assert_eq!(&folded, &fold(&s));
            prop_assert_eq!(map.len(), folded.len());
            prop_assert!(map.windows(2).all(|w| w[0] <= w[1]));
            prop_assert!(map.iter().all(|&m| m < chars.max(1)));
            let (lkey, lmap) = loose_with_map(&folded, &map);
            prop_assert_eq!(&lkey, &loose(&folded));
            prop_assert_eq!(lmap.len(), lkey.len());
        }

        /// Any ASCII spelling of a Danish word has the same loose key as the word.
        #[test]
        fn ascii_spellings_share_the_loose_key(
            s in "[a-zæøåÆØÅ -]{0,24}",
            pick in proptest::collection::vec(any::<bool>(), 1..8),
        ) {
            let ascii = asciify(&s.to_lowercase(), &pick);
            prop_assert_eq!(loose(&fold(&s)), loose(&fold(&ascii)));
        }

        /// Equal strict keys give equal loose keys, and a strict substring match
        /// of whole words is also a loose match.
        #[test]
        fn loose_matching_is_consistent(
            words in proptest::collection::vec("[a-zæøå]{1,8}", 1..6),
            pick in 0usize..6,
        ) {
            let text = words.join(" ");
            let word = &words[pick % words.len()];
            prop_assert!(fold(&text).contains(&fold(word)));
            let loose_words: Vec<String> = crate::fold::words(&loose(&fold(&text)))
                .map(str::to_owned)
                .collect();
            prop_assert!(loose_words.contains(&loose(&fold(word))));
        }
    }
}
