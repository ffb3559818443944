//! Helpers shared by the integration tests: run the real binary.

#![allow(dead_code)]

pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Path of a file in `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A command for the built binary with a clean, isolated environment: no
/// catalogue or language variables, and config/data dirs in `home`.
pub fn indsats(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_indsats"));
    cmd.env_remove("INDSATS_CATALOGUE")
        .env_remove("INDSATS_LANG")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("INDSATS_CACHE_DIR")
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// What a finished run printed and returned.
pub struct Run {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Runs the binary with `args` in a fresh temporary home.
pub fn run(args: &[&str]) -> Run {
    let home = tempfile::tempdir().expect("temp dir");
    run_in(home.path(), args)
}

/// Runs the binary with `args` in the given home.
pub fn run_in(home: &Path, args: &[&str]) -> Run {
    indsats(home)
        .args(args)
        .output()
        .expect("run indsats")
        .into()
}

/// Asserts that nothing looks like a panic or a backtrace.
pub fn assert_no_panic(run: &Run) {
    for text in [&run.stdout, &run.stderr] {
        assert!(!text.contains("panicked"), "panic in output: {text}");
        assert!(!text.contains("RUST_BACKTRACE"), "backtrace hint: {text}");
    }
}

/// The app on `catalogue` in Danish, `today` as given, sized `width`×`height`.
pub fn app_with(
    catalogue: indsats::catalogue::Catalogue,
    lang: indsats::ui::strings::Lang,
    today: &str,
    (width, height): (u16, u16),
) -> indsats::app::App {
    let loaded = indsats::catalogue::Loaded {
        catalogue,
        origin: indsats::catalogue::Origin::Bundled,
        local: None,
    };
    let today = indsats::date::Date::parse_iso(today).expect("a date");
    let mut app = indsats::app::App::new(loaded, lang, today, false);
    app.update(indsats::app::Action::Resize(width, height));
    app
}

/// The bundled catalogue.
pub fn bundled() -> indsats::catalogue::Catalogue {
    indsats::catalogue::load::load(indsats::catalogue::Origin::Bundled)
        .expect("bundled catalogue")
        .catalogue
}

/// The count line of the start screen with nothing searched: "N af N" (or
/// "N of N"), N the bundled catalogue's size — never a literal that goes
/// stale when the catalogue grows.
#[allow(dead_code)]
pub fn everything(of: &str) -> String {
    let n = indsats::catalogue::load::load(indsats::catalogue::Origin::Bundled)
        .expect("bundled catalogue")
        .catalogue
        .initiatives
        .len();
    format!("{n} {of} {n}")
}
