//! The start-up cache on a shared server (ARCHITECTURE.md §9): a cache another user
//! could have written is never read, no directory another user can write is
//! written into, files are created exclusively and privately, a cache changed
//! under a running session does no harm, and the administrator's shared
//! cache is read without being rewritten.

use crate::common;
use crate::synthetic;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use indsats::cache::{self, Provenance};
use indsats::catalogue::Loaded;
use indsats::catalogue::load::{Origin, load};
use indsats::catalogue::long_text::Unreadable;

fn write_catalogue(dir: &Path, entries: usize) -> PathBuf {
    let bundled = load(Origin::Bundled).expect("bundled").catalogue;
    let catalogue = synthetic::catalogue(&bundled, entries, 7);
    let path = dir.join("catalogue.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&catalogue).unwrap()).unwrap();
    path
}

fn load_big(path: &Path, dir: &Path) -> Provenance {
    cache::load_indexed(Origin::Flag(path.to_owned()), None, Some(dir))
        .expect("loads")
        .2
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn chown(path: &Path, uid: u32) {
    std::os::unix::fs::chown(path, Some(uid), Some(uid)).unwrap();
}

/// `indsats cache build --catalogue CATALOGUE --out OUT`, the administrator's command.
fn cache_build(home: &Path, catalogue: &Path, out: &Path) -> common::Run {
    common::indsats(home)
        .args(["cache", "build", "--catalogue"])
        .arg(catalogue)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
        .into()
}

fn is_root() -> bool {
    // SAFETY: no preconditions.
    unsafe { libc::geteuid() == 0 }
}

#[test]
fn per_user_cache_files_are_private_and_created_without_following_symlinks() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let path = write_catalogue(home.path(), 700);
    std::fs::create_dir(&dir).unwrap();
    chmod(&dir, 0o700);
    // Symlinks where the old code put its temporary file, at a victim file.
    let victim = home.path().join("bashrc");
    std::fs::write(&victim, "mine").unwrap();
    let file = cache::cache_path(&dir, &path);
    let pid = std::process::id();
    std::os::unix::fs::symlink(&victim, file.with_extension(format!("tmp{pid}"))).unwrap();
    assert_eq!(load_big(&path, &dir), Provenance::Written);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "mine");
    assert_eq!(mode(&file), 0o600);
    // A new per-user dir is 0700.
    let fresh = home.path().join("new/cache");
    assert_eq!(load_big(&path, &fresh), Provenance::Written);
    assert_eq!(mode(&fresh), 0o700);
    assert_eq!(mode(&cache::cache_path(&fresh, &path)), 0o600);
}

#[test]
fn a_cache_others_can_write_is_neither_read_nor_written_into() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let path = write_catalogue(home.path(), 700);
    assert_eq!(load_big(&path, &dir), Provenance::Written);
    let file = cache::cache_path(&dir, &path);
    // A group-writable cache file is not believed (and is replaced).
    chmod(&file, 0o660);
    assert_eq!(load_big(&path, &dir), Provenance::Written);
    assert_eq!(mode(&file), 0o600);
    assert_eq!(load_big(&path, &dir), Provenance::Cache);
    // A directory others can write is not written into.
    chmod(&dir, 0o777);
    std::fs::remove_file(&file).unwrap();
    assert_eq!(load_big(&path, &dir), Provenance::Uncached);
    assert!(!file.exists());
}

#[test]
fn another_users_cache_is_never_read_or_written() {
    if !is_root() {
        eprintln!("skipped: needs root to create files owned by another uid (run as root to test)");
        return;
    }
    let other = 65534; // nobody
    let home = tempfile::tempdir().unwrap();
    chmod(home.path(), 0o755);
    let dir = home.path().join("cache");
    let path = write_catalogue(home.path(), 700);
    assert_eq!(load_big(&path, &dir), Provenance::Written);
    let file = cache::cache_path(&dir, &path);
    let bytes = std::fs::read(&file).unwrap();

    // A valid cache file owned by another user, in our dir: not read.
    chown(&file, other);
    assert_eq!(
        load_big(&path, &dir),
        Provenance::Written,
        "read another user's file"
    );
    assert_eq!(std::fs::metadata(&file).unwrap().uid(), 0);

    // A dir owned by another user holding their valid cache: neither read
    // nor written.
    let theirs = home.path().join("theirs");
    std::fs::create_dir(&theirs).unwrap();
    chmod(&theirs, 0o755);
    let their_file = cache::cache_path(&theirs, &path);
    std::fs::write(&their_file, &bytes).unwrap();
    chmod(&their_file, 0o644);
    chown(&their_file, other);
    chown(&theirs, other);
    assert_eq!(load_big(&path, &theirs), Provenance::Uncached);
    assert_eq!(std::fs::read(&their_file).unwrap(), bytes, "untouched");
    assert_eq!(
        std::fs::read_dir(&theirs).unwrap().count(),
        1,
        "nothing written"
    );

    // A root-owned file (the administrator's) is believed.
    chown(&their_file, 0);
    assert_eq!(load_big(&path, &theirs), Provenance::Cache);
}

/// A session's catalogue from the JSON, then from the cache just written
/// (with its index), and the catalogue's path: for changing the cache
/// under a session.
fn fresh_and_cached(
    home: &Path,
    dir: &Path,
) -> (Loaded, Loaded, indsats::search::SearchIndex, PathBuf) {
    let path = write_catalogue(home, 700);
    let load = || cache::load_indexed(Origin::Flag(path.clone()), None, Some(dir)).unwrap();
    let (fresh, _, _) = load();
    let (cached, index, provenance) = load();
    assert_eq!(provenance, Provenance::Cache);
    (fresh, cached, index, path)
}

#[test]
fn a_cache_replaced_under_a_session_does_no_harm() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let (fresh, cached, _, path) = fresh_and_cached(home.path(), &dir);
    // Replaced the way indsats and `indsats cache build` replace it: a new
    // file renamed over it. The session's descriptor still reads the old one.
    let file = cache::cache_path(&dir, &path);
    let new = dir.join("new.bin");
    std::fs::write(&new, vec![0xAB; 4096]).unwrap();
    std::fs::rename(&new, &file).unwrap();
    assert_eq!(
        cached.catalogue, fresh.catalogue,
        "every long text still reads"
    );
}

#[test]
fn a_cache_truncated_or_overwritten_under_a_session_does_no_harm() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let (fresh, cached, index, path) = fresh_and_cached(home.path(), &dir);
    let file = cache::cache_path(&dir, &path);
    let description = |i: usize| cached.catalogue.initiatives[i].description.text();
    assert_eq!(
        description(3).unwrap(),
        fresh.catalogue.initiatives[3].description.text().unwrap()
    );
    let original = std::fs::read(&file).unwrap();
    // truncate -s 0, then an administrator's cp over it (the same file,
    // rewritten in place): no signal, no wrong text, and the session still
    // searches and shows names; the long texts say they cannot be read.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .unwrap()
        .set_len(0)
        .unwrap();
    assert_eq!(description(3), Err(Unreadable));
    // Another cache of the very same catalogue, copied in place: the same
    // texts at the same places, but written for another file (its nonce).
    let other = home.path().join("other");
    cache::load_indexed(Origin::Flag(path.clone()), None, Some(&other)).unwrap();
    let other = std::fs::read(cache::cache_path(&other, &path)).unwrap();
    assert_eq!(other.len(), original.len());
    std::fs::write(&file, &other).unwrap();
    assert_eq!(description(3), Err(Unreadable));
    // The session's own file copied back in place reads again.
    std::fs::write(&file, &original).unwrap();
    assert_eq!(
        description(3).unwrap(),
        fresh.catalogue.initiatives[3].description.text().unwrap()
    );
    std::fs::write(&file, vec![0xAB; 1 << 20]).unwrap();
    assert_eq!(description(3), Err(Unreadable));
    assert!(!index.search("mentor", &Default::default()).hits.is_empty());
    assert_eq!(
        cached.catalogue.initiatives[3].name,
        fresh.catalogue.initiatives[3].name
    );
    let shown = indsats::report::entry_text(
        &cached.catalogue,
        &cached.catalogue.initiatives[3],
        indsats::i18n::Lang::Da,
        200,
        indsats::date::Date::today(),
        &Default::default(),
    );
    assert!(shown.contains(indsats::i18n::DA.unreadable_text), "{shown}");
}

#[test]
fn a_huge_sparse_cache_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let path = write_catalogue(home.path(), 700);
    assert_eq!(load_big(&path, &dir), Provenance::Written);
    let file = cache::cache_path(&dir, &path);
    let start = std::time::Instant::now();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .unwrap()
        .set_len(20 << 30)
        .unwrap();
    assert_eq!(load_big(&path, &dir), Provenance::Written);
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn a_fifo_as_the_cache_file_is_a_miss_not_a_hang() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cache");
    let path = write_catalogue(home.path(), 700);
    std::fs::create_dir(&dir).unwrap();
    let file = cache::cache_path(&dir, &path);
    let name = std::ffi::CString::new(file.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    assert_eq!(load_big(&path, &dir), Provenance::Written);
}

#[test]
fn the_administrators_cache_is_read_and_never_rewritten() {
    let home = tempfile::tempdir().unwrap();
    let path = write_catalogue(home.path(), 700);
    let out = home.path().join("shared");
    let run = cache_build(home.path(), &path, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("INDSATS_CACHE_DIR="), "{}", run.stdout);
    let file = cache::cache_path(&out, &path);
    assert_eq!(mode(&file), 0o644);
    assert_eq!(mode(&out), 0o755);
    let inode = std::fs::metadata(&file).unwrap().ino();
    let search = common::indsats(home.path())
        .env("INDSATS_CACHE_DIR", &out)
        .args(["search", "--catalogue"])
        .arg(&path)
        .arg("mentor")
        .output()
        .unwrap();
    assert!(search.status.success());
    // Read, not rebuilt: a miss would have renamed a new file into place.
    assert_eq!(
        std::fs::metadata(&file).unwrap().ino(),
        inode,
        "not rewritten"
    );
    // The bundled catalogue is never cached.
    let run: common::Run = common::indsats(home.path())
        .args(["cache", "build", "--out"])
        .arg(&out)
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("indsats: "), "{}", run.stderr);
}

#[test]
fn a_user_at_their_process_limit_still_reads_the_shared_cache() {
    // A second thread sums the cache's texts; where the system refuses one
    // (`ulimit -u` reached on a shared server) the work runs on the main
    // thread instead of a panic. Needs root to act as another user.
    if !is_root() {
        eprintln!("skipped: needs root to run indsats as another user with a process limit");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    chmod(home.path(), 0o755);
    let path = write_catalogue(home.path(), 700);
    let out = home.path().join("shared");
    // The binary copied where the other user can reach it.
    let binary = home.path().join("indsats");
    std::fs::copy(env!("CARGO_BIN_EXE_indsats"), &binary).unwrap();
    let build = std::process::Command::new(&binary)
        .args(["cache", "build", "--catalogue"])
        .arg(&path)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(build.status.success(), "{build:?}");
    let inode = std::fs::metadata(cache::cache_path(&out, &path))
        .unwrap()
        .ino();
    let nobody = 65534;
    let mut search = std::process::Command::new(&binary);
    search
        .env_clear()
        .env("HOME", home.path())
        .env("INDSATS_CACHE_DIR", &out)
        .current_dir(home.path())
        .args(["search", "--limit", "3", "--catalogue"])
        .arg(&path)
        .arg("mentor");
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(&mut search, move || {
            let one = libc::rlimit {
                rlim_cur: 1,
                rlim_max: 1,
            };
            if libc::setrlimit(libc::RLIMIT_NPROC, &one) != 0
                || libc::setgroups(0, std::ptr::null()) != 0
                || libc::setgid(nobody) != 0
                || libc::setuid(nobody) != 0
            {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let run: common::Run = search.output().unwrap().into();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(
        std::fs::metadata(cache::cache_path(&out, &path))
            .unwrap()
            .ino(),
        inode,
        "read from the shared cache"
    );
}

#[test]
fn the_shared_cache_is_open_to_every_user_whatever_the_umask() {
    let home = tempfile::tempdir().unwrap();
    chmod(home.path(), 0o755);
    let path = write_catalogue(home.path(), 700);
    let out = home.path().join("var/cache/indsats");
    // Root's umask 077 would make the new directories 0700: users shut out.
    let run: common::Run = std::process::Command::new("sh")
        .env_remove("INDSATS_CATALOGUE")
        .env("HOME", home.path())
        .arg("-c")
        .arg(r#"umask 077; exec "$0" cache build --catalogue "$1" --out "$2""#)
        .arg(env!("CARGO_BIN_EXE_indsats"))
        .arg(&path)
        .arg(&out)
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(mode(&home.path().join("var")), 0o755);
    assert_eq!(mode(&out), 0o755);
    assert_eq!(mode(&cache::cache_path(&out, &path)), 0o644);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    // A directory above made private beforehand: built, with a warning.
    chmod(&home.path().join("var"), 0o700);
    let run = cache_build(home.path(), &path, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("other users cannot get past it (mode 700)"),
        "{}",
        run.stderr
    );
}

#[test]
fn another_users_symlink_on_the_way_is_not_followed() {
    if !is_root() {
        eprintln!(
            "skipped: needs root to make a symlink owned by another uid (run as root to test)"
        );
        return;
    }
    let home = tempfile::tempdir().unwrap();
    chmod(home.path(), 0o755);
    let path = write_catalogue(home.path(), 700);
    // Another user's link, leading into a directory of root's.
    let target = home.path().join("roots");
    std::fs::create_dir(&target).unwrap();
    chmod(&target, 0o755);
    let link = home.path().join("link");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    std::os::unix::fs::lchown(&link, Some(65534), Some(65534)).unwrap();
    let run = cache_build(home.path(), &path, &link);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("symbolic link of another user's"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_dir(&target).unwrap().count(),
        0,
        "nothing written"
    );
    // The per-user cache is not written through it either.
    assert_eq!(load_big(&path, &link.join("sub")), Provenance::Uncached);
    assert_eq!(
        std::fs::read_dir(&target).unwrap().count(),
        0,
        "nothing written"
    );
    // Root's own link is fine.
    std::os::unix::fs::lchown(&link, Some(0), Some(0)).unwrap();
    assert_eq!(load_big(&path, &link), Provenance::Written);
}
