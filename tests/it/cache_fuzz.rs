//! The cache decoder on hostile bytes: arbitrary and mutated bytes of a real
//! cache file decode to a clean miss or to a catalogue and index every search
//! can use — never a panic, an out-of-bounds index or a huge allocation.
//! Bounded for `cargo test`; `.ci/run` runs more cases (PROPTEST_CASES).

use std::path::Path;
use std::sync::OnceLock;

use indsats::cache::{self, Audience, Key};
use indsats::catalogue::load::{Origin, load};
use indsats::search::{Filters, SearchIndex};
use proptest::prelude::*;

/// A real cache file's bytes and its key.
fn real_cache() -> &'static (Vec<u8>, Key) {
    static CACHE: OnceLock<(Vec<u8>, Key)> = OnceLock::new();
    CACHE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalogue.json");
        std::fs::write(&path, indsats::catalogue::load::BUNDLED_JSON).unwrap();
        let loaded = load(Origin::Flag(path.clone())).unwrap();
        let index = SearchIndex::new(&loaded.catalogue);
        let key = Key::new(&path, None).unwrap();
        let file = dir.path().join("cache.bin");
        cache::write(&file, &key, &loaded, &index, Audience::Owner).unwrap();
        let (cached, _, _) = cache::read(&file, &key).expect("the intact file reads");
        assert_eq!(cached, loaded.catalogue);
        (std::fs::read(&file).unwrap(), key)
    })
}

/// Writes `bytes` as a cache file, reads it back as a session would but
/// without the checksum (so damage reaches the decoder and the stored
/// texts), and when that succeeds uses everything as the app would.
fn exercise(bytes: &[u8], key: &Key) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cache.bin");
    std::fs::write(&file, bytes).unwrap();
    exercise_file(&file, key);
}

fn exercise_file(file: &Path, key: &Key) {
    let Some((catalogue, _, index)) = cache::read_unverified(file, key) else {
        return;
    };
    for query in [
        "", "m", "mentor", "ung job", "'fgu", "^men", "indsats$", "!pilot", "mntr",
    ] {
        let mut results = index.search(query, &Filters::default());
        for hit in &results.hits {
            assert!(hit.index < catalogue.initiatives.len());
        }
        index.fill_details(query, &mut results.hits);
    }
    for entry in &catalogue.initiatives {
        assert!(indsats::charrules::first_forbidden(&entry.name, false).is_none());
        // A damaged stored text is unreadable, never unchecked.
        for text in entry.long_texts() {
            if let Ok(text) = text.text() {
                assert!(indsats::charrules::first_forbidden(&text, false).is_none());
            }
        }
    }
}

/// One change to a cache file.
#[derive(Debug, Clone)]
enum Mutation {
    /// XOR a byte.
    Flip(usize, u8),
    /// Overwrite 8 bytes with a little-endian number (a length or index).
    Number(usize, u64),
    /// Cut the file.
    Truncate(usize),
    /// Remove a stretch.
    Remove(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<prop::sample::Index>();
    prop_oneof![
        (at.clone(), 1..=255u8).prop_map(|(i, x)| Mutation::Flip(i.index(usize::MAX), x)),
        (
            at.clone(),
            prop_oneof![
                Just(u64::MAX),
                Just(1u64 << 47),
                Just(u64::from(u32::MAX)),
                0..100_000u64
            ]
        )
            .prop_map(|(i, n)| Mutation::Number(i.index(usize::MAX), n)),
        at.clone()
            .prop_map(|i| Mutation::Truncate(i.index(usize::MAX))),
        (at, 1..64usize).prop_map(|(i, n)| Mutation::Remove(i.index(usize::MAX), n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len().max(1);
    match *mutation {
        Mutation::Flip(at, x) => {
            if let Some(b) = bytes.get_mut(at % len) {
                *b ^= x;
            }
        }
        Mutation::Number(at, n) => {
            let at = (at % len).min(bytes.len().saturating_sub(8));
            if let Some(slot) = bytes.get_mut(at..at + 8) {
                slot.copy_from_slice(&n.to_le_bytes());
            }
        }
        Mutation::Truncate(at) => bytes.truncate(at % len),
        Mutation::Remove(at, n) => {
            let at = at % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(200),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_caches_decode_cleanly(mutations in prop::collection::vec(mutation(), 1..4)) {
        let (intact, key) = real_cache();
        let mut bytes = intact.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        exercise(&bytes, key);
    }

    #[test]
    fn arbitrary_bytes_after_a_valid_header_decode_cleanly(
        tail in prop::collection::vec(any::<u8>(), 0..4096),
        cut in any::<prop::sample::Index>(),
    ) {
        let (intact, key) = real_cache();
        // The real header (magic, key, texts' length) and a prefix of the
        // rest, then noise.
        let keep = 8 + 8 + key_len(intact) + 8 + cut.index(intact.len() / 2);
        let mut bytes = intact[..keep.min(intact.len())].to_vec();
        bytes.extend_from_slice(&tail);
        exercise(&bytes, key);
    }
}

/// Length of the key stored after the magic.
fn key_len(bytes: &[u8]) -> usize {
    let mut n = [0u8; 8];
    n.copy_from_slice(&bytes[8..16]);
    u64::from_le_bytes(n) as usize
}

#[test]
fn an_index_with_an_out_of_range_name_rank_is_refused() {
    // The crash of issue 13 (matcher.rs:103): a name rank beyond the entries.
    let (intact, key) = real_cache();
    let mut hits = 0;
    // Overwrite each u32-aligned spot in the last part (name ranks, facets)
    // with a huge value; every decode must be a miss or a usable index.
    for at in (intact.len() * 3 / 4..intact.len() - 4).step_by(52) {
        let mut bytes = intact.clone();
        bytes[at..at + 4].copy_from_slice(&0x7fff_ffffu32.to_le_bytes());
        exercise(&bytes, key);
        hits += 1;
    }
    assert!(hits > 0);
}
