//! Two sessions of one user keep each other's favourites, and a favourites
//! file that cannot be read is never overwritten.

use indsats::store::{self, FILE_NAME, Store};
use indsats::store_merge::save_merged;

#[test]
fn two_sessions_both_keep_their_marks() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = Store::new();
    old.toggle_favourite("kui");
    store::save(dir.path(), &old).unwrap();

    // Both sessions start from the same file.
    let (a_before, _) = store::load(dir.path());
    let (b_before, _) = store::load(dir.path());
    let mut a = a_before.clone();
    let mut b = b_before.clone();
    a.toggle_favourite("ips-ung");
    a.opened("ips-ung");
    b.toggle_favourite("fgu-skolen");
    b.toggle_favourite("kui"); // b removes one
    b.opened("fgu-skolen");
    save_merged(dir.path(), &a_before, &a).unwrap();
    let merged = save_merged(dir.path(), &b_before, &b).unwrap();
    let (on_disk, warning) = store::load(dir.path());
    assert_eq!(warning, None);
    assert_eq!(on_disk, merged);
    assert_eq!(on_disk.favourites, ["ips-ung", "fgu-skolen"]);
    assert_eq!(on_disk.recent, ["fgu-skolen", "ips-ung"]);
}

#[test]
fn concurrent_saves_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let dir = dir.path().to_owned();
            std::thread::spawn(move || {
                let before = Store::new();
                let mut now = before.clone();
                for j in 0..5 {
                    let mut next = now.clone();
                    next.toggle_favourite(&format!("id-{i}-{j}"));
                    now = save_merged(&dir, &now, &next).unwrap();
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    let (on_disk, _) = store::load(dir.path());
    assert_eq!(on_disk.favourites.len(), 40, "{:?}", on_disk.favourites);
}

#[test]
fn an_unreadable_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the file should be: it cannot be read.
    std::fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
    std::fs::write(dir.path().join(FILE_NAME).join("keep"), "x").unwrap();
    let (loaded, warning) = store::load(dir.path());
    assert!(
        matches!(warning, Some(store::Warning::Unreadable(_))),
        "{warning:?}"
    );
    let mut now = loaded.clone();
    now.toggle_favourite("ips-ung");
    let err = save_merged(dir.path(), &loaded, &now).unwrap_err();
    assert!(err.to_string().contains("not overwritten"), "{err}");
    assert!(dir.path().join(FILE_NAME).join("keep").exists());

    // A file that is not valid JSON (written after loading) is kept too.
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join(FILE_NAME), "{half").unwrap();
    let err = save_merged(other.path(), &Store::new(), &now).unwrap_err();
    assert!(err.to_string().contains("not overwritten"), "{err}");
    assert_eq!(
        std::fs::read_to_string(other.path().join(FILE_NAME)).unwrap(),
        "{half"
    );
}
