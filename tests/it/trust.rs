//! One trust rule for every file the app believes (README, "What is
//! trusted on a shared server"): a file someone else could have written —
//! writable by its group or everyone, or in a folder others can write to —
//! is not read; the app starts on what lies below it and says why in one
//! line. Tests run as one user, so they make such files with modes; the
//! last test plays two users when it can (root with `setpriv`).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::common::{self, assert_no_panic, fixture, run_in};

/// A patch, as another user could plant it, giving FGU Aarhus a forged phone.
const FORGED: &str = r#"{"schema_version": 2, "patches": [{"id": "fgu-aarhus",
  "contacts": [{"organisation": "FGU Aarhus", "role": "Optagelse",
                "phone": "70 70 66 66", "municipalities": ["aarhus"]}]}]}"#;

const FORGED_PHONE: &str = "70 70 66 66";

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A home whose config dir (mode 0755) holds `local.json` (mode 0644)
/// with `text`; the modes are set whatever the umask.
fn home_with_local(text: &str) -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/indsats");
    std::fs::create_dir_all(&config).unwrap();
    chmod(&home.path().join("config"), 0o755);
    chmod(&config, 0o755);
    let local = config.join("local.json");
    std::fs::write(&local, text).unwrap();
    chmod(&local, 0o644);
    (home, local)
}

/// `indsats show fgu-aarhus` in `home`: it must work, and says whether
/// the forged phone was shown.
fn forged_shown(home: &Path, lang: &str) -> (bool, String) {
    let run = run_in(home, &["--lang", lang, "show", "fgu-aarhus"]);
    assert_no_panic(&run);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (run.stdout.contains(FORGED_PHONE), run.stderr)
}

#[test]
fn a_local_json_others_can_write_is_not_read() {
    let (home, local) = home_with_local(FORGED);
    // Only the user can write it: it is believed (the patch is valid).
    let (shown, stderr) = forged_shown(home.path(), "da");
    assert!(shown, "a trusted local.json is used");
    assert_eq!(stderr, "");
    for mode in [0o664, 0o646, 0o666] {
        chmod(&local, mode);
        let (shown, stderr) = forged_shown(home.path(), "da");
        assert!(!shown, "mode {mode:o}: the forged phone was shown");
        assert_eq!(
            stderr,
            format!(
                "indsats: {} ignoreret: andre kan skrive i filen\n",
                local.display()
            )
        );
    }
    let (_, stderr) = forged_shown(home.path(), "en");
    assert!(
        stderr.ends_with("local.json ignored: others can write to the file\n"),
        "{stderr}"
    );
}

#[test]
fn a_local_json_in_a_folder_others_can_write_is_not_read() {
    let (home, local) = home_with_local(FORGED);
    // The config dir itself, and a folder above it (XDG_CONFIG_HOME in a
    // shared place), group-writable and not sticky.
    for folder in [local.parent().unwrap(), &home.path().join("config")] {
        chmod(folder, 0o775);
        let (shown, stderr) = forged_shown(home.path(), "da");
        assert!(!shown, "{}: the forged phone was shown", folder.display());
        assert_eq!(
            stderr,
            format!(
                "indsats: {} ignoreret: andre kan skrive i mappen ({})\n",
                local.display(),
                folder.display()
            )
        );
        // Sticky, like /tmp: others cannot rename what is not theirs.
        chmod(folder, 0o1777);
        assert!(forged_shown(home.path(), "da").0, "sticky is safe");
        chmod(folder, 0o755);
    }
    // Every search command goes on after the note.
    chmod(local.parent().unwrap(), 0o775);
    for args in [
        &["search", "fgu"][..],
        &["stats"],
        &["vocab"],
        &["show", "kui"],
    ] {
        let run = run_in(home.path(), args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("local.json ignoreret: andre kan skrive i mappen"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(!run.stdout.contains(FORGED_PHONE));
    }
}

/// A copy of `valid.json` (two entries, not fgu-aarhus) with `mode`.
fn catalogue_copy(dir: &Path, name: &str, mode: u32) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(fixture("valid.json"), &path).unwrap();
    chmod(&path, mode);
    path
}

#[test]
fn a_catalogue_others_can_write_is_passed_over_for_the_next_one() {
    let home = tempfile::tempdir().unwrap();
    let own = catalogue_copy(home.path(), "own.json", 0o644);
    let open = catalogue_copy(home.path(), "open.json", 0o666);
    // fgu-aarhus is in the bundled catalogue, not in valid.json: `show`
    // exits 0 on the bundled one and 1 on the copy.
    let show = |env: Option<&Path>, flag: Option<&Path>| {
        let mut cmd = common::indsats(home.path());
        if let Some(env) = env {
            cmd.env("INDSATS_CATALOGUE", env);
        }
        if let Some(flag) = flag {
            cmd.arg("--catalogue").arg(flag);
        }
        let run: common::Run = cmd.args(["show", "fgu-aarhus"]).output().unwrap().into();
        assert_no_panic(&run);
        run
    };
    // The file is read when only its owner can write it.
    let run = show(Some(&own), None);
    assert_eq!(run.code, 1, "the copy is used: {}", run.stderr);
    // $INDSATS_CATALOGUE of mode 0666: the bundled catalogue, with a note.
    let run = show(Some(&open), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "indsats: {} ignoreret: andre kan skrive i filen\n",
            open.display()
        )
    );
    // --catalogue of mode 0666 falls back to $INDSATS_CATALOGUE, saying so.
    let run = show(Some(&own), Some(&open));
    assert_eq!(run.code, 1, "the env's copy is used: {}", run.stderr);
    assert!(
        run.stderr.starts_with(&format!(
            "indsats: {} ignoreret: andre kan skrive i filen\n",
            open.display()
        )),
        "{}",
        run.stderr
    );
    // catalogue.json in a config dir others can write: bundled.
    let config = home.path().join("config/indsats");
    std::fs::create_dir_all(&config).unwrap();
    chmod(&home.path().join("config"), 0o755);
    chmod(&config, 0o775);
    let planted = catalogue_copy(&config, "catalogue.json", 0o644);
    let run = show(None, None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "indsats: {} ignoreret: andre kan skrive i mappen ({})\n",
            planted.display(),
            config.display()
        )
    );
    chmod(&config, 0o755);
    assert_eq!(show(None, None).code, 1, "the config dir's copy is used");
    // Every file passed over is named, each on its line.
    chmod(&config, 0o775);
    let run = show(Some(&open), Some(&open));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 3, "{}", run.stderr);
}

#[test]
fn a_broken_local_json_never_stops_the_app() {
    type Make = dyn Fn(&Path);
    let cases: [(&str, &Make); 4] = [
        ("ugyldig, se indsats check", &|p| {
            std::fs::write(p, "{garbage").unwrap()
        }),
        ("ikke en almindelig fil", &|p| mkfifo(p)),
        ("ikke en almindelig fil", &|p| {
            std::fs::create_dir(p).unwrap()
        }),
        ("for stor", &|p| {
            // Sparse: takes no disk space.
            let file = std::fs::File::create(p).unwrap();
            file.set_len(indsats::catalogue::load::MAX_FILE_BYTES + 1)
                .unwrap();
        }),
    ];
    for (why, make) in cases {
        let (home, local) = home_with_local("");
        std::fs::remove_file(&local).unwrap();
        make(&local);
        let run = run_in(home.path(), &["search", "fgu"]);
        assert_no_panic(&run);
        assert_eq!(run.code, 0, "{why}: {}", run.stderr);
        assert!(run.stdout.contains("fgu-aarhus"), "{why}: {}", run.stdout);
        assert!(
            run.stderr
                .starts_with(&format!("indsats: {} ignoreret: {why}\n", local.display())),
            "{}",
            run.stderr
        );
        // `indsats check` still tells the whole story, and fails.
        let check = run_in(home.path(), &["check"]);
        assert_ne!(check.code, 0, "{why}: {}", check.stdout);
        assert!(check.stderr.contains("local.json"), "{}", check.stderr);
    }
}

fn mkfifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

#[test]
fn check_validates_an_untrusted_file_and_says_the_app_would_not_read_it() {
    let home = tempfile::tempdir().unwrap();
    let path = catalogue_copy(home.path(), "catalogue.json", 0o644);
    let run = run_in(home.path(), &["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("ville ikke"), "{}", run.stdout);
    chmod(&path, 0o666);
    let run = run_in(home.path(), &["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "{}: appen ville ikke læse denne fil her: andre kan skrive i filen",
            path.display()
        )
    );
    assert!(lines.last().unwrap().ends_with(": ok"), "{}", run.stdout);
    // In a folder others can write, in English.
    chmod(&path, 0o644);
    chmod(home.path(), 0o777);
    let run = run_in(
        home.path(),
        &["--lang", "en", "check", path.to_str().unwrap()],
    );
    chmod(home.path(), 0o700);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(&format!(
            "{}: the app would not read this file here: others can write to the folder ({})\n",
            path.display(),
            home.path().display()
        )),
        "{}",
        run.stdout
    );
    // A local.json others can write: checked in full, and named.
    let (home, local) = home_with_local(FORGED);
    chmod(&local, 0o666);
    let run = run_in(home.path(), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(&format!(
            "{}: appen ville ikke læse denne fil her: andre kan skrive i filen\n",
            local.display()
        )),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("1 patched): ok"), "{}", run.stdout);
}

#[test]
fn favourites_others_can_write_are_not_read() {
    use indsats::store::{Store, StoreError, Warning, load};
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data/indsats");
    std::fs::create_dir_all(&data).unwrap();
    chmod(&home.path().join("data"), 0o755);
    chmod(&data, 0o700);
    let file = data.join(indsats::store::FILE_NAME);
    std::fs::write(
        &file,
        r#"{"version": 1, "favourites": ["kui"], "recent": []}"#,
    )
    .unwrap();
    chmod(&file, 0o600);
    assert!(load(&data).0.is_favourite("kui"));
    // The file, or a folder on the way (XDG_DATA_HOME somewhere shared).
    for (place, mode, back) in [
        (&file, 0o620, 0o600),
        (&home.path().join("data"), 0o775, 0o755),
    ] {
        chmod(place, mode);
        let (store, warning) = load(&data);
        assert_eq!(store, Store::new(), "{}", place.display());
        assert!(
            matches!(
                warning,
                Some(Warning::Unreadable(StoreError::UnsafeFolder(_)))
            ),
            "{warning:?}"
        );
        assert!(file.exists(), "left alone, never moved aside");
        chmod(place, back);
    }
}

#[test]
fn the_app_says_at_start_which_file_it_passed_over() {
    use crate::common::pty::{PtyApp, all_shown};
    let (home, local) = home_with_local(FORGED);
    chmod(&local, 0o666);
    let mut app = PtyApp::start(home.path(), &[], 80, 24, &[]);
    app.wait_for(&all_shown(false));
    app.wait_for("local.json ignoreret: andre kan skrive i filen");
    app.send(b"\x03");
    assert_eq!(app.wait_exit(), 0);
}
