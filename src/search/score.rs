//! Points of a match, by field and by kind of match.
//!
//! Each positive query term scores the best of its matches in an entry, and
//! an entry's score is the sum over the terms. A term's points:
//!
//! | field                           | whole word | word prefix | inside a word |
//! |---------------------------------|-----------:|------------:|--------------:|
//! | name                            |        100 |          90 |            20 |
//! | alias                           |         95 |          85 |            19 |
//! | theme, target group, provider   |         60 |          55 |            17 |
//! | area (municipalities, note)     |         55 |          50 |            16 |
//! | summary                         |         50 |          45 |            15 |
//! | eligibility, next steps         |         40 |          35 |            14 |
//! | description                     |         35 |          30 |            13 |
//!
//! A hit inside a word (`eud` in `kompetenceudvikling`) ranks below every
//! hit at a word start, in any field and after the ranking prior: the best
//! inside-a-word points (20) are below the worst word-start points (27, a
//! loose description prefix) times the lowest prior ([`PRIOR_FLOOR`], 0.8).
//!
//! A match found only through the loose key ([`super::fold::loose`]) scores
//! [`LOOSE_PENALTY`] less. A scattered fuzzy match or a misspelling (names
//! and aliases only) scores 1–7 by quality ([`fuzzy_points`]): below any
//! word, prefix or substring hit anywhere, even after the prior.
//!
//! The *ranking prior* ([`prior`]) then scales an entry's sum by what a
//! caseworker can act on: an active offer in the region keeps its points, a
//! recommendation, a pool, a council or something outside the region loses
//! up to a fifth. Among equally good text matches the running offer comes
//! first; a much better text match still wins. A term that matches in several fields
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
use crate::catalogue::{Kind, Scope, Status};

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
        Field::Name => [100, 90, 20],
        Field::Alias => [95, 85, 19],
        Field::Theme | Field::TargetGroup | Field::Provider => [60, 55, 17],
        Field::Area => [55, 50, 16],
        Field::Summary => [50, 45, 15],
        Field::Eligibility | Field::NextSteps => [40, 35, 14],
        Field::Description => [35, 30, 13],
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

/// Most points a scattered fuzzy match or a misspelling can give: below the
/// lowest inside-a-word hit (a loose one in the description, 10) even after
/// the lowest prior (0.8 × 10 = 8).
pub const MAX_FUZZY_POINTS: u16 = 7;

/// Points of a scattered fuzzy match or a misspelling in the name or an
/// alias, from its quality (0–[`super::fuzzy::MAX_QUALITY`]): 2–7 in the
/// name, 1–6 in an alias.
pub fn fuzzy_points(field: Field, quality: u16) -> u16 {
    let quality = quality.min(super::fuzzy::MAX_QUALITY);
    let scaled = 1 + quality * 5 / super::fuzzy::MAX_QUALITY;
    match field {
        Field::Name => 1 + scaled,
        _ => scaled,
    }
}

/// Most points a misspelt word (one slip away) can give: a loose hit inside
/// a word of the name.
pub const MAX_SLIP_POINTS: u16 = 20 - LOOSE_PENALTY;

/// The lowest ranking prior, per mille: no entry loses more than a fifth of
/// its text score for what it is. Chosen with the inside-a-word points above
/// so that a word-start hit always beats an inside-a-word hit.
pub const PRIOR_FLOOR: u32 = 800;

/// Prior per mille by kind: an offer can be referred to; a method for
/// professionals is one step away from the young person; a pool or a policy
/// body two.
pub fn kind_prior(kind: Kind) -> u32 {
    match kind {
        Kind::Offer => 1000,
        Kind::Professional => 920,
        Kind::Funding => 880,
        Kind::Policy => 860,
    }
}

/// Prior per mille by status: confirmed to run first, then named but not
/// confirmed, a trial, a recommendation, inspiration from elsewhere, ended.
pub fn status_prior(status: Status) -> u32 {
    match status {
        Status::Active => 1000,
        Status::Unconfirmed => 950,
        Status::Pilot => 930,
        Status::Proposed => 880,
        Status::Inspiration => 860,
        Status::Ended => 820,
    }
}

/// Prior per mille by area: outside the region loses a little more.
pub fn area_prior(scope: Scope) -> u32 {
    match scope {
        Scope::OutsideRegion => 950,
        _ => 1000,
    }
}

/// The ranking prior of an entry, per mille ([`PRIOR_FLOOR`]–1000): the
/// product of its kind, status and area priors.
pub fn prior(kind: Kind, status: Status, scope: Scope) -> u16 {
    let product = kind_prior(kind) * status_prior(status) / 1000 * area_prior(scope) / 1000;
    product.max(PRIOR_FLOOR) as u16
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

    /// The lowest points of a tier over every field and key, after the
    /// lowest prior, and the highest before any prior.
    fn range(tier: Tier) -> (u32, u32) {
        let all = || {
            Field::ALL
                .into_iter()
                .flat_map(|f| [points(f, tier, true), points(f, tier, false)])
        };
        let low = all().min().unwrap_or_default();
        let high = all().max().unwrap_or_default();
        (u32::from(low) * PRIOR_FLOOR / 1000, u32::from(high))
    }

    #[test]
    fn inside_a_word_is_below_every_word_start_even_after_the_prior() {
        let (word_start_low, _) = range(Tier::Prefix);
        let (_, inside_high) = range(Tier::Substring);
        assert!(
            inside_high < word_start_low,
            "{inside_high} < {word_start_low}"
        );
    }

    #[test]
    fn fuzzy_is_below_every_word_match_even_after_the_prior() {
        let (inside_low, _) = range(Tier::Substring);
        assert!(u32::from(MAX_FUZZY_POINTS) < inside_low);
        assert_eq!(fuzzy_points(Field::Name, u16::MAX), MAX_FUZZY_POINTS);
        assert!(fuzzy_points(Field::Name, 5) > fuzzy_points(Field::Alias, 5));
        assert_eq!(fuzzy_points(Field::Name, 0), 2);
    }

    #[test]
    fn the_prior_puts_what_a_caseworker_can_act_on_first() {
        let p = |k, s, a| prior(k, s, a);
        let best = p(Kind::Offer, Status::Active, Scope::Region);
        assert_eq!(best, 1000);
        assert!(best > p(Kind::Offer, Status::Unconfirmed, Scope::Region));
        assert!(
            p(Kind::Offer, Status::Unconfirmed, Scope::Region)
                > p(Kind::Offer, Status::Proposed, Scope::Region)
        );
        assert!(
            p(Kind::Offer, Status::Proposed, Scope::Region)
                > p(Kind::Offer, Status::Inspiration, Scope::OutsideRegion)
        );
        assert!(best > p(Kind::Professional, Status::Active, Scope::Region));
        assert!(
            p(Kind::Professional, Status::Active, Scope::Region)
                > p(Kind::Policy, Status::Active, Scope::Region)
        );
        for kind in Kind::ALL {
            for status in Status::ALL {
                for scope in Scope::ALL {
                    assert!(u32::from(p(kind, status, scope)) >= PRIOR_FLOOR);
                }
            }
        }
    }
}
