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

/// The lock of the favourites in the data dir `dir` (created if missing),
/// held as another session's save holds it until the file is dropped:
/// `flock` on a descriptor of its own, which also stops a save of this
/// same process.
pub fn hold_favourites_lock(dir: &Path) -> std::fs::File {
    std::fs::create_dir_all(dir).expect("data dir");
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join(indsats::store_merge::LOCK_NAME))
        .expect("lock file");
    // SAFETY: flock on a descriptor this function owns.
    let held = unsafe { libc::flock(std::os::fd::AsRawFd::as_raw_fd(&file), libc::LOCK_EX) };
    assert_eq!(held, 0, "flock");
    file
}

/// Runs the binary with `args` in `home`, without input, and fails (killing
/// it) when it has not finished within `limit`. Its output is read while it
/// runs, so a long output cannot stall it.
pub fn run_bounded(home: &Path, args: &[&str], limit: std::time::Duration) -> Run {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = indsats(home)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run indsats");
    fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    }
    let stdout = drain(child.stdout.take().expect("stdout"));
    let stderr = drain(child.stderr.take().expect("stderr"));
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for indsats") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            let shown: Vec<String> = args.iter().map(|a| a.chars().take(40).collect()).collect();
            panic!("indsats {shown:?} took longer than {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: stdout.join().expect("stdout"),
        stderr: stderr.join().expect("stderr"),
    }
}

/// Asserts that nothing looks like a panic or a backtrace.
pub fn assert_no_panic(run: &Run) {
    for text in [&run.stdout, &run.stderr] {
        assert!(!text.contains("panicked"), "panic in output: {text}");
        assert!(!text.contains("RUST_BACKTRACE"), "backtrace hint: {text}");
    }
}

/// The date the snapshots and counts are taken on (the bundled catalogue's date).
pub const TODAY: &str = "2026-11-23";

/// The one app builder of the tests: the app on `catalogue` in `lang`,
/// `today` as given, sized `width`×`height`.
pub fn app_with(
    catalogue: indsats::catalogue::Catalogue,
    lang: indsats::i18n::Lang,
    today: &str,
    (width, height): (u16, u16),
) -> indsats::app::App {
    let loaded = indsats::catalogue::Loaded {
        catalogue,
        origin: indsats::catalogue::Origin::Bundled,
        local: None,
        ignored: Vec::new(),
    };
    let today = indsats::date::Date::parse_iso(today).expect("a date");
    let mut app = indsats::app::App::new(loaded, lang, today, false);
    app.update(indsats::app::Action::Resize(width, height));
    app
}

/// The app on the bundled catalogue.
pub fn bundled_app(
    lang: indsats::i18n::Lang,
    size: (u16, u16),
    no_color: bool,
) -> indsats::app::App {
    let mut app = app_with(bundled(), lang, TODAY, size);
    app.no_color = no_color;
    app
}

/// The bundled catalogue.
pub fn bundled() -> indsats::catalogue::Catalogue {
    indsats::catalogue::load::load(indsats::catalogue::Origin::Bundled)
        .expect("bundled catalogue")
        .catalogue
}

/// How many initiatives the bundled catalogue has.
pub fn bundled_total() -> usize {
    bundled().initiatives.len()
}

/// Presses a key (through the key table).
pub fn press(app: &mut indsats::app::App, code: crossterm::event::KeyCode) {
    press_with(app, code, crossterm::event::KeyModifiers::NONE);
}

/// Presses Ctrl and a letter.
pub fn ctrl(app: &mut indsats::app::App, c: char) {
    press_with(
        app,
        crossterm::event::KeyCode::Char(c),
        crossterm::event::KeyModifiers::CONTROL,
    );
}

/// Presses a key with modifiers (through the key table).
pub fn press_with(
    app: &mut indsats::app::App,
    code: crossterm::event::KeyCode,
    modifiers: crossterm::event::KeyModifiers,
) {
    let key = crossterm::event::KeyEvent::new(code, modifiers);
    if let Some(action) = indsats::app::keys::map_key(app, key) {
        app.update(action);
    }
}

/// Types text key by key.
pub fn type_text(app: &mut indsats::app::App, text: &str) {
    for c in text.chars() {
        press(app, crossterm::event::KeyCode::Char(c));
    }
}

/// Draws the app on a test terminal of its size, as the event loop does
/// (handing back what the draw measured), and returns the terminal.
pub fn render(app: &mut indsats::app::App) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let (w, h) = app.view.size;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("terminal");
    let mut measured = None;
    terminal
        .draw(|frame| measured = Some(indsats::ui::view(app, frame)))
        .expect("draw");
    if let Some(measured) = measured {
        app.set_measured(measured);
    }
    terminal
}

/// The screen as text.
pub fn screen(app: &mut indsats::app::App) -> String {
    render(app).backend().to_string()
}
