//! Files that are not regular files — FIFOs, devices, directories — are
//! refused at once with a clear message, wherever indsats reads a file.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::assert_no_panic;

fn mkfifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

/// Runs the binary in `home`, killing it (and failing) after 10 seconds.
fn run_bounded(home: &Path, args: &[&str]) -> common::Run {
    let run = common::run_bounded(home, args, Duration::from_secs(10));
    assert_no_panic(&run);
    run
}

#[test]
fn a_fifo_as_the_catalogue_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("catalogue.json");
    mkfifo(&fifo);
    for args in [
        vec!["check", fifo.to_str().unwrap()],
        vec!["search", "--catalogue", fifo.to_str().unwrap(), "ung"],
        vec!["--catalogue", fifo.to_str().unwrap()],
    ] {
        let run = run_bounded(home.path(), &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with("indsats: "), "{}", run.stderr);
        assert!(run.stderr.contains("FIFO"), "{}", run.stderr);
    }
}

#[test]
fn devices_and_directories_are_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    for path in ["/dev/zero", "/dev/null", home.path().to_str().unwrap()] {
        let start = Instant::now();
        let run = run_bounded(home.path(), &["check", path]);
        assert_eq!(run.code, 2, "{path}: {}", run.stderr);
        assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
        assert!(start.elapsed() < Duration::from_secs(5), "{path} was read");
    }
}

#[test]
fn a_fifo_as_local_json_is_passed_over_at_once() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/indsats");
    std::fs::create_dir_all(&config).unwrap();
    mkfifo(&config.join("local.json"));
    // A broken local.json never stops the app: it goes on without it.
    let run = run_bounded(home.path(), &["search", "ung"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("local.json ignoreret: ikke en almindelig fil"),
        "{}",
        run.stderr
    );
    // `check` still refuses it, at once.
    let run = run_bounded(home.path(), &["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("FIFO"), "{}", run.stderr);
}

#[test]
fn a_fifo_as_the_favourites_file_is_a_warning_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join(indsats::store::FILE_NAME));
    let (tx, rx) = std::sync::mpsc::channel();
    let path = dir.path().to_owned();
    std::thread::spawn(move || {
        let _ = tx.send(indsats::store::load(&path));
    });
    let (store, warning) = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("loading favourites from a FIFO hung");
    assert_eq!(store, indsats::store::Store::new());
    match warning {
        Some(indsats::store::Warning::Unreadable(reason)) => {
            assert_eq!(
                reason,
                indsats::store::StoreError::NotAFile("a FIFO (named pipe)")
            )
        }
        other => panic!("expected an unreadable warning, got {other:?}"),
    }
}
