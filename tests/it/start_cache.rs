//! The start-up cache: a large catalogue is read from the cache only while the
//! cache matches it, and gives exactly what loading the JSON gives.

use crate::common;
use crate::synthetic;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use indsats::cache::{self, MIN_CACHED_BYTES, Provenance};
use indsats::catalogue::load::{Origin, load};
use indsats::search::{Filters, SearchIndex};

/// Writes a synthetic catalogue of `entries` entries and returns its path.
fn write_catalogue(dir: &Path, entries: usize, seed: u64) -> PathBuf {
    let bundled = load(Origin::Bundled).expect("bundled").catalogue;
    let catalogue = synthetic::catalogue(&bundled, entries, seed);
    let path = dir.join("catalogue.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&catalogue).unwrap()).unwrap();
    path
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

fn load_big(path: &Path, dir: &Path) -> (indsats::catalogue::Loaded, SearchIndex, Provenance) {
    cache::load_indexed(Origin::Flag(path.to_owned()), None, Some(dir)).expect("loads")
}

#[test]
fn a_large_catalogue_is_cached_and_the_cache_gives_the_same_catalogue_and_results() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let path = write_catalogue(home.path(), 700, 7);
    assert!(std::fs::metadata(&path).unwrap().len() >= MIN_CACHED_BYTES);

    let (fresh, fresh_index, first) = load_big(&path, &dir);
    assert_eq!(first, Provenance::Written);
    assert_eq!(cache_files(&dir).len(), 1);
    let (cached, cached_index, second) = load_big(&path, &dir);
    assert_eq!(second, Provenance::Cache);
    assert_eq!(cached.catalogue, fresh.catalogue);
    assert_eq!(cached.origin, fresh.origin);
    // The texts of the details stay in the cache file until shown, not on
    // the heap; the summaries (printed with every search result) are read.
    for entry in &cached.catalogue.initiatives {
        assert!(entry.summary.as_inline().is_some());
        assert!(
            entry
                .texts_of_the_details()
                .all(|text| text.as_inline().is_none() && text.stored_at().is_some())
        );
    }

    let skive = Filters {
        municipalities: BTreeSet::from(["skive".to_owned()]),
        age: Some(17),
        ..Filters::default()
    };
    for query in [
        "",
        "m",
        "mentor",
        "ung job",
        "'praktik !fgu",
        "^men",
        "østjyl",
    ] {
        for filters in [Filters::default(), skive.clone()] {
            assert_eq!(
                cached_index.search(query, &filters),
                fresh_index.search(query, &filters),
                "query {query:?}"
            );
        }
    }
    // Commands without search read the cached catalogue too.
    let plain = cache::load_catalogue(Origin::Flag(path.clone()), None, Some(&dir)).unwrap();
    assert_eq!(plain.catalogue, fresh.catalogue);
}

#[test]
fn a_changed_catalogue_is_loaded_again_and_replaces_its_cache() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let path = write_catalogue(home.path(), 700, 7);
    let (first, _, _) = load_big(&path, &dir);
    // Same size, new content: the modification time (and inode) differ.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut catalogue = first.catalogue.clone();
    catalogue.initiatives[0].name = "Helt nyt navn".to_owned();
    let replacement = home.path().join("new.json");
    std::fs::write(&replacement, serde_json::to_vec_pretty(&catalogue).unwrap()).unwrap();
    std::fs::rename(&replacement, &path).unwrap();

    let (second, index, provenance) = load_big(&path, &dir);
    assert_eq!(provenance, Provenance::Written);
    assert_eq!(second.catalogue.initiatives[0].name, "Helt nyt navn");
    let top = &index.search("'helt 'nyt 'navn", &Filters::default()).hits[0];
    assert_eq!(top.index, 0, "the index knows the new name");
    assert_eq!(cache_files(&dir).len(), 1, "one cache file per catalogue");
    assert_eq!(load_big(&path, &dir).2, Provenance::Cache);
}

#[test]
fn a_damaged_cache_is_ignored_and_rewritten() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let path = write_catalogue(home.path(), 700, 7);
    let (fresh, _, _) = load_big(&path, &dir);
    let file = cache_files(&dir).remove(0);
    let intact = std::fs::read(&file).unwrap();

    let mut flipped = intact.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    // A tenth in: inside the texts section (descriptions are most of it),
    // which a start only sums: damage there is a miss too.
    let mut flipped_text = intact.clone();
    flipped_text[intact.len() / 10] ^= 0x01;
    let truncated = intact[..intact.len() - 100].to_vec();
    for damaged in [
        flipped,
        flipped_text,
        truncated,
        Vec::new(),
        b"INDSATS2".to_vec(),
    ] {
        std::fs::write(&file, &damaged).unwrap();
        let (loaded, _, provenance) = load_big(&path, &dir);
        assert_eq!(provenance, Provenance::Written);
        assert_eq!(loaded.catalogue, fresh.catalogue);
        // Rewritten (the same size; not the same bytes, as each file has
        // its own random nonce), and read from then on.
        assert_eq!(
            std::fs::read(&file).unwrap().len(),
            intact.len(),
            "rewritten"
        );
        let (again, _, provenance) = load_big(&path, &dir);
        assert_eq!(provenance, Provenance::Cache);
        assert_eq!(again.catalogue, fresh.catalogue);
    }
}

#[test]
fn small_catalogues_and_an_unwritable_cache_dir_work_without_a_cache() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let small = common::fixture("valid.json");
    let (_, _, provenance) =
        cache::load_indexed(Origin::Flag(small), None, Some(&dir)).expect("loads");
    assert_eq!(provenance, Provenance::Uncached);
    assert!(cache_files(&dir).is_empty());

    let path = write_catalogue(home.path(), 700, 7);
    let blocked = home.path().join("a-file");
    std::fs::write(&blocked, "not a dir").unwrap();
    let (loaded, _, provenance) =
        cache::load_indexed(Origin::Flag(path), None, Some(&blocked)).expect("loads");
    assert_eq!(provenance, Provenance::Uncached);
    assert_eq!(loaded.catalogue.initiatives.len(), 700);
}

#[test]
fn search_prints_the_same_from_the_cache_and_the_cache_can_be_turned_off() {
    let home = tempfile::tempdir().unwrap();
    let path = write_catalogue(home.path(), 700, 7);
    let run = |cache_dir: Option<&str>| {
        let mut cmd = common::indsats(home.path());
        cmd.args(["search", "--catalogue"]).arg(&path).args([
            "mentor",
            "--kommune",
            "skive",
            "--json",
        ]);
        if let Some(dir) = cache_dir {
            cmd.env("INDSATS_CACHE_DIR", dir);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let cache = home.path().join("cache/indsats");
    let cold = run(None);
    assert_eq!(
        cache_files(&cache).len(),
        1,
        "written to XDG_CACHE_HOME/indsats"
    );
    let warm = run(None);
    assert_eq!(warm, cold);
    std::fs::remove_dir_all(&cache).unwrap();
    assert_eq!(run(Some("")), cold);
    assert!(
        cache_files(&cache).is_empty(),
        "INDSATS_CACHE_DIR= turns it off"
    );
}

#[test]
fn a_catalogue_read_from_a_cache_is_not_cached_again() {
    // Its long texts point into its own cache file; another file written
    // from it would point into the wrong one.
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let path = write_catalogue(home.path(), 700, 7);
    load_big(&path, &dir);
    let (cached, index, provenance) = load_big(&path, &dir);
    assert_eq!(provenance, Provenance::Cache);
    let key = cache::Key::new(&path, None).unwrap();
    let other = home.path().join("other.bin");
    let written = cache::write(&other, &key, &cached, &index, cache::Audience::Owner);
    assert!(written.is_err());
    assert!(!other.exists(), "no file left behind");
}

#[test]
fn a_local_catalogue_is_cached_with_the_catalogue_and_its_texts_read_back() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let path = write_catalogue(home.path(), 700, 7);
    let local = common::fixture("local-valid.json");
    let load = || {
        cache::load_indexed(Origin::Flag(path.clone()), Some(&local), Some(&dir)).expect("loads")
    };
    let (fresh, _, first) = load();
    assert_eq!(first, Provenance::Written);
    let (cached, index, second) = load();
    assert_eq!(second, Provenance::Cache);
    assert_eq!(cached.catalogue, fresh.catalogue);
    assert_eq!(cached.local, fresh.local);
    let guide = cached
        .catalogue
        .initiatives
        .iter()
        .find(|e| e.id == "skive-ungeguide")
        .expect("the local entry");
    assert!(
        guide.description.as_inline().is_none(),
        "read from the file"
    );
    assert_eq!(
        guide.description.text().unwrap(),
        "Testindgang i et lokalt katalog."
    );
    let top = &index.search("ungeguiden", &Filters::default()).hits[0];
    assert_eq!(
        cached.catalogue.initiatives[top.index].id,
        "skive-ungeguide"
    );
}

#[test]
fn a_local_catalogue_whose_name_holds_an_escape_is_not_cached() {
    // A cache refuses to decode such a name, so writing one would only
    // rebuild it on every start; the catalogue loads from the JSON instead.
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let path = write_catalogue(home.path(), 700, 7);
    let local = home.path().join("lokal\u{1b}[2J.json");
    std::fs::copy(common::fixture("local-valid.json"), &local).unwrap();
    for _ in 0..2 {
        let (loaded, _, provenance) =
            cache::load_indexed(Origin::Flag(path.clone()), Some(&local), Some(&dir))
                .expect("loads");
        assert_eq!(provenance, Provenance::Uncached);
        assert_eq!(loaded.local.expect("merged").path, local);
    }
    assert!(cache_files(&dir).is_empty());
}
