//! Query parsing: whitespace-separated terms, all of which must match (AND),
//! with fzf's operators.
//!
//! | term       | meaning                                                        |
//! |------------|----------------------------------------------------------------|
//! | `mentor`   | word, prefix or substring anywhere; fuzzy in names and aliases |
//! | `'mentor`  | substring only, never fuzzy (any length, even one letter)      |
//! | `'mentor'` | a whole word                                                   |
//! | `^ung`     | a word *starts* with `ung` (`ungeindsats`, `ung`)              |
//! | `indsats$` | a word *ends* with `indsats` (`ungeindsats`, `indsats`)        |
//! | `^fgu$`    | the whole word `fgu`                                           |
//! | `!psyk`    | leave out entries containing `psyk` (`!^x`, `!x$`, `!'x` too)  |
//!
//! `^` and `$` work on words, not on whole fields: Danish glues words into
//! compounds (`ungeindsats`, `mentorforløb`), and a caseworker typing `^ung`
//! means "a word beginning with ung", wherever it stands in the text.
//!
//! A term is folded ([`super::fold::fold`]) and cut into *pieces*, its runs of
//! letters and digits (`ips-ung` → `ips`, `ung`); every piece must match. A
//! term without any letter or digit (`-`, a lone `!`) is ignored. Parsing
//! never fails and never panics.

use super::fold::{cut_word, fold, loose, words};

/// The most chars of a query that the search reads: far beyond any real
/// query (the relevance sets' longest is 14 words), and what the app's
/// search line holds. `indsats search` reads no more either, so a pasted
/// document costs no more than a long query: with words cut to
/// [`MAX_WORD`] chars, at most a hundred words of bounded cost.
///
/// [`MAX_WORD`]: crate::fold::MAX_WORD
pub const MAX_QUERY_CHARS: usize = 200;

/// `query` cut to its first [`MAX_QUERY_CHARS`] chars.
pub fn cut_query(query: &str) -> &str {
    match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((at, _)) => &query[..at],
        None => query,
    }
}

/// How a term's pieces may match a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Plain term: whole word, prefix, substring; fuzzy in names and aliases.
    Fuzzy,
    /// `'term`: whole word, prefix or substring, never fuzzy.
    Substring,
    /// `^term`: a word starting with it.
    Prefix,
    /// `term$`: a word ending with it.
    Suffix,
    /// `^term$` or `'term'`: a whole word.
    Word,
}

/// One piece of a term: a run of letters and digits, in both keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The strict folded key.
    pub strict: String,
    /// The loose key.
    pub loose: String,
    /// The Danish stem of the strict key ([`super::stem::stem`]).
    pub stem: String,
}

impl Piece {
    /// The piece of a folded word, cut to its first [`MAX_WORD`] chars as
    /// the dictionaries' words are ([`cut_word`]).
    ///
    /// [`MAX_WORD`]: crate::fold::MAX_WORD
    pub fn new(strict: &str) -> Piece {
        let strict = cut_word(strict);
        Piece {
            strict: strict.to_owned(),
            loose: loose(strict),
            stem: super::stem::stem(strict),
        }
    }
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// How the pieces match.
    pub mode: Mode,
    /// `!term`: entries matching it are left out.
    pub negated: bool,
    /// The runs of letters and digits of the folded term (never empty).
    pub pieces: Vec<Piece>,
    /// The term as typed, operators included (to say which word was left
    /// out when it matched nothing).
    pub raw: String,
}

impl Term {
    /// The pieces run together, cut to [`MAX_WORD`] chars (the pattern for
    /// fuzzy matching, which compares it with single words).
    ///
    /// [`MAX_WORD`]: crate::fold::MAX_WORD
    pub fn joined(&self) -> String {
        let joined: String = self.pieces.iter().map(|p| p.strict.as_str()).collect();
        cut_word(&joined).to_owned()
    }

    /// Length in chars of the pieces run together.
    pub fn char_len(&self) -> usize {
        self.pieces.iter().map(|p| p.strict.chars().count()).sum()
    }
}

/// A parsed query: the terms that must match and those that must not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Terms every result must match, in query order.
    pub positive: Vec<Term>,
    /// Terms no result may match.
    pub negative: Vec<Term>,
    /// Terms that add points where they match but leave no entry out (stop
    /// words, recognised municipality names; see [`super::understand`]).
    pub optional: Vec<Term>,
}

impl Query {
    /// Whether the query selects everything (no term that matches or excludes).
    pub fn is_empty(&self) -> bool {
        self.positive.is_empty() && self.negative.is_empty()
    }
}

/// Parses the text of an understood query and its optional words.
pub fn parse_understood(understood: &super::understand::Understood) -> Query {
    let mut parsed = parse(&understood.text);
    parsed.optional = understood
        .optional
        .iter()
        .filter_map(|word| parse_term(word))
        .filter(|t| !t.negated)
        .collect();
    parsed
}

/// Parses a query (its first [`MAX_QUERY_CHARS`] chars); never fails and
/// never panics.
pub fn parse(query: &str) -> Query {
    let mut parsed = Query::default();
    for raw in cut_query(query).split_whitespace() {
        if let Some(term) = parse_term(raw) {
            if term.negated {
                parsed.negative.push(term);
            } else {
                parsed.positive.push(term);
            }
        }
    }
    parsed
}

fn parse_term(raw: &str) -> Option<Term> {
    let (negated, rest) = match raw.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let mut mode = Mode::Fuzzy;
    let mut text = rest;
    if let Some(rest) = text.strip_prefix('\'') {
        text = rest;
        mode = match text.strip_suffix('\'') {
            Some(inner) => {
                text = inner;
                Mode::Word
            }
            None => Mode::Substring,
        };
    } else {
        let prefix = text.strip_prefix('^');
        if let Some(rest) = prefix {
            text = rest;
        }
        let suffix = text.strip_suffix('$');
        if let Some(rest) = suffix {
            text = rest;
        }
        mode = match (prefix.is_some(), suffix.is_some()) {
            (true, true) => Mode::Word,
            (true, false) => Mode::Prefix,
            (false, true) => Mode::Suffix,
            (false, false) => mode,
        };
    }
    let folded = fold(text);
    let pieces: Vec<Piece> = words(&folded).map(Piece::new).collect();
    if pieces.is_empty() {
        return None;
    }
    Some(Term {
        mode,
        negated,
        pieces,
        raw: raw.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one(q: &str) -> Term {
        let mut parsed = parse(q);
        parsed
            .positive
            .pop()
            .or(parsed.negative.pop())
            .expect("a term")
    }

    fn strict(t: &Term) -> Vec<&str> {
        t.pieces.iter().map(|p| p.strict.as_str()).collect()
    }

    #[test]
    fn operators() {
        assert_eq!(one("mentor").mode, Mode::Fuzzy);
        assert_eq!(one("'mentor").mode, Mode::Substring);
        assert_eq!(one("'mentor'").mode, Mode::Word);
        assert_eq!(one("^ung").mode, Mode::Prefix);
        assert_eq!(one("indsats$").mode, Mode::Suffix);
        assert_eq!(one("^fgu$").mode, Mode::Word);
        let not = one("!psyk");
        assert!(not.negated);
        assert_eq!(not.mode, Mode::Fuzzy);
        let not = one("!^psyk");
        assert!(not.negated);
        assert_eq!(not.mode, Mode::Prefix);
        assert_eq!(strict(&one("!'Østjylland")), vec!["oestjylland"]);
    }

    #[test]
    fn terms_are_folded_and_cut_into_pieces() {
        let t = one("IPS-Ung");
        assert_eq!(strict(&t), vec!["ips", "ung"]);
        assert_eq!(t.joined(), "ipsung");
        assert_eq!(one("Østjylland").pieces[0].loose, "ostjyland");
    }

    #[test]
    fn words_are_anded_and_empty_terms_dropped() {
        let q = parse("  psykisk   job !fgu - ! ^ $ ' '' ");
        assert_eq!(q.positive.len(), 2);
        assert_eq!(q.negative.len(), 1);
        assert!(parse("").is_empty());
        assert!(parse(" -- !! ").is_empty());
    }

    proptest! {
        #[test]
        fn parsing_never_panics(q in any::<String>()) {
            let parsed = parse(&q);
            for term in parsed.positive.iter().chain(&parsed.negative) {
                prop_assert!(!term.pieces.is_empty());
                prop_assert!(term.pieces.iter().all(|p| !p.strict.is_empty() && !p.loose.is_empty()));
            }
        }

        #[test]
        fn operator_soup_never_panics(q in "[!'^$ a-zæøå\u{0301}-]{0,40}") {
            let _ = parse(&q);
        }
    }
}
