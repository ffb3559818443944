//! How an entry's match is scored and ordered: BM25F over the catalogue's
//! fields, with a ranking prior and a few rules a caseworker can rely on.
//!
//! **Evidence of a word in an entry.** Each query word meets an entry's
//! fields as a whole word, at a word's start or inside a word. Each field
//! and kind of match is worth [`points`] (a whole-word hit in the name is
//! 100):
//!
//! | field                              | whole word | word start | inside a word |
//! |------------------------------------|-----------:|-----------:|--------------:|
//! | name                               |        100 |         90 |            16 |
//! | alias                              |         95 |         85 |            15 |
//! | the entry's own keywords           |         90 |         80 |            14 |
//! | summary                            |         60 |         54 |            13 |
//! | provider                           |         50 |         45 |            12 |
//! | eligibility, next steps            |         45 |         40 |            12 |
//! | description                        |         40 |         36 |            11 |
//! | area (municipality names, note)    |         35 |         31 |            10 |
//! | theme, target group (label or keyword) | 30     |         27 |             9 |
//!
//! A word's evidence in an entry adds up over the fields it meets, the best
//! field whole and each further one a third ([`combine`]); a word repeated
//! in a field counts once. A match
//! found only through the loose key ([`super::fold::loose`]) is worth
//! [`LOOSE_PENALTY`] less; a misspelling of a word one slip away is worth a
//! loose inside-a-word hit in its field; a scattered fuzzy match in a name
//! or alias 1–4 ([`fuzzy_points`]). Inside-a-word hits count only where the
//! word meets the entry nowhere at a word start.
//!
//! **BM25F.** A word adds `idf × tf (K1 + 1) / (K1 + tf)` to an entry's
//! score, where `tf` is its evidence over 100 and `idf = ln(1 + (N − n +
//! 0.5) / (n + 0.5))` for `n` of the `N` entries it meets ([`idf`],
//! [`saturate`]): a word many entries share counts for less, and a word met
//! in five fields counts less than five times a word met in one. The fields
//! are short, so there is no length normalisation (BM25F's `b` is 0).
//!
//! **Order.** Entries are ordered by, in turn:
//! 1. whether the query *names* the entry: every known word in its name or
//!    aliases (`kui` opens on the youth effort, not on a school that
//!    mentions it);
//! 2. whether any word met the entry in its *own* words (name, aliases,
//!    keywords, summary, description, eligibility, next steps, provider,
//!    area) rather than only through a theme or target group: a programme
//!    found only through its theme's keyword comes after every entry found
//!    by its own words;
//! 3. how much of the query it covers: the sum of the `idf` of the words
//!    that met it, half for a word met only inside a word, by a slip, or
//!    only in the longer texts (soft AND — an entry meeting every word ranks
//!    above one meeting fewer, and a word meeting nothing at all is left
//!    out). A municipality typed or chosen is a word too: the entries of
//!    that municipality meet it in their own area;
//! 4. the score, times the ranking [`prior`] (what a caseworker can act on
//!    first), plus a bonus for the chosen municipality's own entries;
//! 5. the narrower fit: local, then regional, then national, then outside
//!    the region; then the smaller age range ([`fit`]);
//! 6. only then the name.
//!
//! A scattered fuzzy match covers a word only where the word meets no entry
//! better: `mentrbarn` covers Mentorbarn, but `sosu` scattered over a name
//! does not count as meeting `sosu`.

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

/// Points taken off a match found only through the loose key: just below
/// the strict match of the same field and tier.
pub const LOOSE_PENALTY: u16 = 3;

/// Shortest substring (in chars) matched inside words of names and aliases.
pub const MIN_SUBSTRING_NAME: usize = 2;

/// Shortest substring (in chars) matched inside words of the other fields.
pub const MIN_SUBSTRING_TEXT: usize = 4;

/// Shortest plain term (in chars) tried as a slip or a scattered match.
pub const MIN_FUZZY: usize = 3;

/// Shortest plain term (in chars) tried as a scattered match: three
/// letters scatter over too many names (`mor` over "Mentorbarn").
pub const MIN_SCATTERED: usize = 4;

/// Points of a word-level match of one term in `field`.
pub fn points(field: Field, tier: Tier, loose: bool) -> u16 {
    let [exact, prefix, substring] = match field {
        Field::Name => [100, 90, 16],
        Field::Alias => [95, 85, 15],
        Field::Keyword => [90, 80, 14],
        Field::Summary => [60, 54, 13],
        Field::Provider => [50, 45, 12],
        Field::Eligibility | Field::NextSteps => [45, 40, 12],
        Field::Description => [40, 36, 11],
        Field::Area => [35, 31, 10],
        Field::Theme | Field::TargetGroup => [30, 27, 9],
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

/// Most points a scattered fuzzy match can give: below the lowest
/// inside-a-word hit (a loose one in the area, 7) even after the lowest
/// prior (0.8 × 7 = 5.6).
pub const MAX_FUZZY_POINTS: u16 = 4;

/// Points of a scattered fuzzy match in the name or an alias, from its
/// quality (0–[`super::fuzzy_words::MAX_QUALITY`]): 2–4 in the name, 1–3 in an
/// alias.
pub fn fuzzy_points(field: Field, quality: u16) -> u16 {
    let quality = quality.min(super::fuzzy_words::MAX_QUALITY);
    let scaled = 1 + quality * 2 / super::fuzzy_words::MAX_QUALITY;
    match field {
        Field::Name => 1 + scaled,
        _ => scaled,
    }
}

/// Most points a misspelt word (one slip away) can give: a loose hit inside
/// a word of the name.
pub const MAX_SLIP_POINTS: u16 = 16 - LOOSE_PENALTY;

/// The evidence of a word met in two fields worth `a` and `b` points: the
/// better field, and a third of the other — the fields of one entry mostly
/// say the same thing again, so three middling fields never outweigh a
/// whole-word hit in the name.
pub fn combine(a: u16, b: u16) -> u16 {
    a.max(b).saturating_add(a.min(b) / 3)
}

/// BM25's saturation constant, below the usual 1.2: the fields of an entry
/// are short and say the same thing in other words, so a word met in the
/// name, the summary and the description is little more evidence than the
/// name alone (`tf` 1 scores 1, `tf` 3 scores 1.3, not 1.6).
pub const K1: f32 = 0.5;

/// A word's evidence in an entry (points, 100 = a whole-word name hit),
/// saturated: `tf (K1 + 1) / (K1 + tf)`.
pub fn saturate(points: u32) -> f32 {
    let tf = points as f32 / 100.0;
    tf * (K1 + 1.0) / (K1 + tf)
}

/// BM25's inverse document frequency of a word meeting `matched` of `len`
/// entries: about 4.3 for one entry in 76, 0.01 for all of them; never
/// negative.
pub fn idf(matched: usize, len: usize) -> f32 {
    let (n, len) = (matched as f32, len.max(matched) as f32);
    (1.0 + (len - n + 0.5) / (n + 0.5)).ln()
}

/// The evidence of the chosen municipality's own entries (a whole-word hit
/// in the area, as a place name typed would give), with the `idf` of how
/// many entries are local: `fgu aarhus` puts FGU Aarhus before the
/// national FGU entry.
pub const LOCAL_POINTS: u32 = 35;

/// An entry's narrower fit, smaller first: where it is offered (0 in named
/// municipalities, 1 the region, 2 nationally, 3 outside the region) in the
/// high byte, the width of its age range (no bound: 10 and 35, the ages a
/// query can name; no range at all: 255) in the low byte.
pub fn fit(scope: Scope, age: Option<crate::catalogue::AgeRange>) -> u16 {
    let place = match scope {
        Scope::Municipalities => 0,
        Scope::Region => 1,
        Scope::National => 2,
        Scope::OutsideRegion => 3,
    };
    let width = age.map_or(255, |a| {
        let min = a.min.unwrap_or(super::understand::MIN_AGE);
        let max = a.max.unwrap_or(super::understand::MAX_AGE);
        u16::from(max.saturating_sub(min)).min(254)
    });
    place << 8 | width
}

/// The lowest ranking prior, per mille. The prior scales the score only,
/// after coverage: it orders entries meeting the same words, and a
/// recommendation meeting the words better than an offer needs to meet
/// them about twice as well to come first.
pub const PRIOR_FLOOR: u32 = 300;

/// Prior per mille by kind: an offer can be referred to; a method for
/// professionals is one step away from the young person; a pool or a policy
/// body two — a caseworker with the young person across the table wants
/// the offer.
pub fn kind_prior(kind: Kind) -> u32 {
    match kind {
        Kind::Offer => 1000,
        Kind::Professional => 800,
        Kind::Funding => 700,
        Kind::Policy => 650,
    }
}

/// Prior per mille by status: confirmed to run first, then named but not
/// confirmed, a trial, a recommendation (nothing to refer to yet),
/// inspiration from elsewhere, ended.
pub fn status_prior(status: Status) -> u32 {
    match status {
        Status::Active => 1000,
        Status::Unconfirmed => 900,
        Status::Pilot => 900,
        Status::Proposed => 700,
        Status::Inspiration => 650,
        Status::Ended => 500,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_tiers_are_ordered() {
        let order = [
            Field::Name,
            Field::Alias,
            Field::Keyword,
            Field::Summary,
            Field::Eligibility,
            Field::Description,
            Field::Area,
            Field::Theme,
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

    /// The lowest and highest points of a tier over every field and key.
    fn range(tier: Tier) -> (u32, u32) {
        let all = || {
            Field::ALL
                .into_iter()
                .flat_map(|f| [points(f, tier, true), points(f, tier, false)])
        };
        let low = all().min().unwrap_or_default();
        let high = all().max().unwrap_or_default();
        (u32::from(low), u32::from(high))
    }

    #[test]
    fn inside_a_word_is_below_every_word_start() {
        let (word_start_low, _) = range(Tier::Prefix);
        let (_, inside_high) = range(Tier::Substring);
        assert!(
            inside_high < word_start_low,
            "{inside_high} < {word_start_low}"
        );
    }

    #[test]
    fn saturation_keeps_inside_a_word_below_every_word_start() {
        let (word_start_low, _) = range(Tier::Prefix);
        let (_, inside_high) = range(Tier::Substring);
        assert!(saturate(word_start_low) > saturate(inside_high));
        assert!((saturate(100) - 1.0).abs() < 1e-6);
        assert!(saturate(200) < 2.0 * saturate(100));
        assert!(saturate(200) > saturate(100));
    }

    #[test]
    fn rarer_words_weigh_more_and_none_weighs_less_than_nothing() {
        assert!(idf(1, 76) > idf(10, 76));
        assert!(idf(10, 76) > idf(70, 76));
        assert!(idf(76, 76) >= 0.0);
        assert!(idf(5, 0) >= 0.0);
    }

    #[test]
    fn the_narrower_fit_is_smaller() {
        use crate::catalogue::AgeRange;
        let narrow = Some(AgeRange {
            min: Some(18),
            max: Some(24),
        });
        assert!(fit(Scope::Municipalities, None) < fit(Scope::Region, narrow));
        assert!(fit(Scope::Region, None) < fit(Scope::National, narrow));
        assert!(fit(Scope::National, narrow) < fit(Scope::National, None));
        let open = Some(AgeRange {
            min: Some(18),
            max: None,
        });
        assert!(fit(Scope::National, narrow) < fit(Scope::National, open));
    }

    #[test]
    fn fuzzy_is_below_every_word_match() {
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
