//! Points of a match, by field and by kind of match.
//!
//! Each positive query term scores the best of its matches in an entry, and
//! an entry's score is the sum over the terms. A term's points:
//!
//! | field                           | whole word | word prefix | inside a word |
//! |---------------------------------|-----------:|------------:|--------------:|
//! | name                            |        100 |          90 |            70 |
//! | alias                           |         95 |          85 |            65 |
//! | theme, target group, provider   |         60 |          55 |            40 |
//! | area (municipalities, note)     |         55 |          50 |            35 |
//! | summary                         |         50 |          45 |            30 |
//! | eligibility, next steps         |         40 |          35 |            25 |
//! | description                     |         35 |          30 |            20 |
//!
//! A match found only through the loose key ([`super::fold::loose`]) scores
//! [`LOOSE_PENALTY`] less. A scattered fuzzy match (names and aliases only)
//! scores 2–16 in the name and 1–15 in an alias, by quality: below any word,
//! prefix or substring hit anywhere. A term that matches in several fields
//! gets [`EXTRA_FIELD_POINTS`] more per extra field, for at most
//! [`MAX_EXTRA_FIELDS`] of them. An entry's score is the sum over the terms
//! of these points times the term's [`rarity_weight`].
//!
//! Two adjacent words of a name or alias run together (`ipsung` for
//! `IPS-ung`) match as whole words and prefixes only, [`PAIR_PENALTY`] below
//! the same match of the name's own words.
//!
//! Substring matches inside a word count from 2 letters in names and aliases
//! and from 4 letters in other fields (shorter ones inside the words of a long
//! text match almost anything: `ips` in "partnerships", `men` in "sammen");
//! `'term` lifts that limit.

use super::Field;

/// How a piece of a term met a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Inside a word (or at its end).
    Substring,
    /// At the start of a word.
    Prefix,
    /// The whole word.
    Exact,
}

/// Points taken off a match found only through the loose key.
pub const LOOSE_PENALTY: u16 = 3;

/// Most extra fields a term is rewarded for.
pub const MAX_EXTRA_FIELDS: u16 = 4;

/// Points per extra field a term matched in.
pub const EXTRA_FIELD_POINTS: u16 = 2;

/// Shortest substring (in chars) matched inside words of names and aliases.
pub const MIN_SUBSTRING_NAME: usize = 2;

/// Shortest substring (in chars) matched inside words of the other fields.
pub const MIN_SUBSTRING_TEXT: usize = 4;

/// Shortest plain term (in chars) tried as a scattered fuzzy match.
pub const MIN_FUZZY: usize = 3;

/// Points of a word-level match of one term in `field`.
pub fn points(field: Field, tier: Tier, loose: bool) -> u16 {
    let [exact, prefix, substring] = match field {
        Field::Name => [100, 90, 70],
        Field::Alias => [95, 85, 65],
        Field::Theme | Field::TargetGroup | Field::Provider => [60, 55, 40],
        Field::Area => [55, 50, 35],
        Field::Summary => [50, 45, 30],
        Field::Eligibility | Field::NextSteps => [40, 35, 25],
        Field::Description => [35, 30, 20],
    };
    let base = match tier {
        Tier::Exact => exact,
        Tier::Prefix => prefix,
        Tier::Substring => substring,
    };
    if loose { base - LOOSE_PENALTY } else { base }
}

/// Points taken off a match of two adjacent words of a name or alias run
/// together (`ipsung` for `IPS-ung`).
pub const PAIR_PENALTY: u16 = 5;

/// Points of a match with two adjacent words of a name or alias run
/// together: as [`points`] less [`PAIR_PENALTY`]; never a substring.
pub fn pair_points(field: Field, tier: Tier, loose: bool) -> u16 {
    match tier {
        Tier::Substring => 0,
        _ => points(field, tier, loose) - PAIR_PENALTY,
    }
}

/// Most points a scattered fuzzy match can give.
pub const MAX_FUZZY_POINTS: u16 = 2 + super::fuzzy::MAX_QUALITY;

/// Points of a scattered fuzzy match in the name or an alias, from its
/// quality (0–[`super::fuzzy::MAX_QUALITY`]).
pub fn fuzzy_points(field: Field, quality: u16) -> u16 {
    let quality = quality.min(super::fuzzy::MAX_QUALITY);
    match field {
        Field::Name => 2 + quality,
        _ => 1 + quality,
    }
}

/// The bonus of a term that matched in the fields of `mask`.
pub fn extra_fields_bonus(mask: u16) -> u16 {
    (mask.count_ones() as u16)
        .saturating_sub(1)
        .min(MAX_EXTRA_FIELDS)
        * EXTRA_FIELD_POINTS
}

/// The weight of a term that `matched` of `len` entries match: from 64 for a
/// term matching every entry to 128 for a rare one. All entries get the same
/// weight for a term, so it never reorders a one-term search; with several
/// terms, the rarer term ("psykisk" in "psykisk job") counts more.
pub fn rarity_weight(matched: usize, len: usize) -> u32 {
    128 - (64 * matched / len.max(1)).min(64) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_tiers_are_ordered() {
        let order = [
            Field::Name,
            Field::Alias,
            Field::Theme,
            Field::Area,
            Field::Summary,
            Field::Eligibility,
            Field::Description,
        ];
        for tier in [Tier::Exact, Tier::Prefix, Tier::Substring] {
            for pair in order.windows(2) {
                assert!(points(pair[0], tier, false) > points(pair[1], tier, false));
            }
        }
        for field in Field::ALL {
            assert!(points(field, Tier::Exact, false) > points(field, Tier::Prefix, false));
            assert!(points(field, Tier::Prefix, false) > points(field, Tier::Substring, false));
            assert!(points(field, Tier::Exact, true) < points(field, Tier::Exact, false));
        }
    }

    #[test]
    fn fuzzy_is_below_every_word_match() {
        let lowest = Field::ALL
            .into_iter()
            .map(|f| points(f, Tier::Substring, true))
            .min()
            .unwrap_or_default();
        assert!(fuzzy_points(Field::Name, u16::MAX) < lowest);
        assert_eq!(fuzzy_points(Field::Name, u16::MAX), MAX_FUZZY_POINTS);
        assert!(fuzzy_points(Field::Name, 5) > fuzzy_points(Field::Alias, 5));
        assert_eq!(fuzzy_points(Field::Name, 0), 2);
    }
}
