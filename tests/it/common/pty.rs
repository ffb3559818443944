//! Runs the real binary in a pseudo-terminal and reads its screen with vt100.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The first screen of the bundled catalogue: "46 af 46" with the real count.
pub fn all_shown(lang_en: bool) -> String {
    let total = super::bundled_total();
    let of = if lang_en { "of" } else { "af" };
    format!("{total} {of} {total}")
}

/// Whether `needle` occurs in `haystack` (the raw output, say).
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    count(haystack, needle) > 0
}

/// How often `needle` occurs in `haystack`.
pub fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// How long to wait for the screen or the process before failing.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// The app running in a PTY.
pub struct PtyApp {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn MasterPty + Send>,
    /// When the process was started.
    pub started: Instant,
}

impl PtyApp {
    /// Starts `indsats args…` in a `cols`×`rows` terminal with its home in `home`.
    pub fn start(home: &Path, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> PtyApp {
        PtyApp::start_program(env!("CARGO_BIN_EXE_indsats"), home, args, cols, rows, env)
    }

    /// Starts `indsats` with no arguments in a `cols`×`rows` terminal and
    /// waits for its first screen (the whole bundled catalogue).
    pub fn started(home: &Path, cols: u16, rows: u16) -> PtyApp {
        let app = PtyApp::start(home, &[], cols, rows, &[]);
        app.wait_for(&all_shown(false));
        app
    }

    /// Starts `program args…` (a shell, say) in the same environment.
    pub fn start_program(
        program: &str,
        home: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> PtyApp {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env_remove("INDSATS_CATALOGUE");
        cmd.env_remove("INDSATS_LANG");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("TMUX");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn indsats");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows).expect("rows"),
            std::num::NonZeroU16::new(cols).expect("cols"),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        PtyApp {
            child,
            writer,
            parser,
            raw,
            _master: pair.master,
            started,
        }
    }

    /// Whether the terminal is back in its normal (cooked) mode: lines
    /// edited before they are read (ICANON) and echoed (ECHO), as a shell
    /// needs it after the app.
    pub fn cooked(&self) -> bool {
        let fd = self._master.as_raw_fd().expect("the master's descriptor");
        // SAFETY: termios is plain data that tcgetattr fills; the master
        // reads the settings of its terminal.
        unsafe {
            let mut settings: libc::termios = std::mem::zeroed();
            assert_eq!(libc::tcgetattr(fd, &mut settings), 0, "tcgetattr");
            settings.c_lflag & (libc::ICANON | libc::ECHO) == (libc::ICANON | libc::ECHO)
        }
    }

    /// The visible screen as text.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Everything the app wrote, as bytes.
    pub fn output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the screen contains `text`; fails with the screen on timeout.
    pub fn wait_for(&self, text: &str) -> Duration {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if self.screen().contains(text) {
                return self.started.elapsed();
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until `done` holds for the screen; fails with `what` and the
    /// screen on timeout.
    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) {
        self.wait_until_within(TIMEOUT, what, done);
    }

    /// [`PtyApp::wait_until`] with a time limit of its own.
    pub fn wait_until_within(&self, limit: Duration, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + limit;
        loop {
            if done(&self.screen()) {
                return;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the screen no longer contains `text`.
    pub fn wait_gone(&self, text: &str) {
        let deadline = Instant::now() + TIMEOUT;
        while self.screen().contains(text) {
            if Instant::now() > deadline {
                panic!(
                    "timed out waiting for {text:?} to go; screen:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Sends bytes as if typed.
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Types text.
    pub fn type_text(&mut self, text: &str) {
        self.send(text.as_bytes());
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Waits for the process to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        self.wait_status().exit_code()
    }

    /// Waits for the process to end; how it ended (its code, or the signal
    /// that killed it).
    pub fn wait_status(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader thread take the last bytes.
                thread::sleep(Duration::from_millis(100));
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the app did not exit; screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for PtyApp {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// Bytes of special keys.
pub mod keys {
    /// Enter.
    pub const ENTER: &[u8] = b"\r";
    /// Escape.
    pub const ESC: &[u8] = b"\x1b";
    /// Tab.
    pub const TAB: &[u8] = b"\t";
    /// Arrow down.
    pub const DOWN: &[u8] = b"\x1b[B";
    /// End.
    pub const END: &[u8] = b"\x1b[F";
    /// Ctrl-C.
    pub const CTRL_C: &[u8] = b"\x03";
    /// F2.
    pub const F2: &[u8] = b"\x1bOQ";
    /// Backspace.
    pub const BACKSPACE: &[u8] = b"\x7f";
    /// Ctrl-F: the filter picker.
    pub const CTRL_F: &[u8] = b"\x06";
    /// Ctrl-G: save as a favourite.
    pub const CTRL_G: &[u8] = b"\x07";
    /// Ctrl-L: show the shortlist.
    pub const CTRL_L: &[u8] = b"\x0c";
    /// Ctrl-O: show the favourites.
    pub const CTRL_O: &[u8] = b"\x0f";
    /// Ctrl-R: show the recently opened.
    pub const CTRL_R: &[u8] = b"\x12";
    /// Ctrl-T: put on the shortlist.
    pub const CTRL_T: &[u8] = b"\x14";
    /// Ctrl-U: clear the typed situation.
    pub const CTRL_U: &[u8] = b"\x15";
    /// Ctrl-X: print and come back.
    pub const CTRL_X: &[u8] = b"\x18";
    /// Ctrl-Y: copy.
    pub const CTRL_Y: &[u8] = b"\x19";
    /// Ctrl-Z: suspend.
    pub const CTRL_Z: &[u8] = b"\x1a";
}

impl PtyApp {
    /// Resizes the screen parser and the terminal (the app gets SIGWINCH).
    /// The parser is resized first and stays locked until the terminal is:
    /// the app's redraw for the new size must not be read at the old one,
    /// where it would be clipped and later frames only send what changed.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.resize_with_screen(cols, rows, cols, rows);
    }

    /// Resizes the terminal to any size, up to 65535×65535, as an SSH
    /// client may announce it; the screen parser takes only the part the app
    /// draws into ([`indsats::term::bounded_area`]), so the test itself does
    /// not hold a screen of that size.
    pub fn resize_beyond(&mut self, cols: u16, rows: u16) {
        let drawn = indsats::term::bounded_area(cols, rows);
        self.resize_with_screen(cols, rows, drawn.width, drawn.height);
    }

    /// The terminal to `cols`×`rows`, the screen parser to `screen_cols`×
    /// `screen_rows` first (see [`PtyApp::resize`]).
    fn resize_with_screen(&mut self, cols: u16, rows: u16, screen_cols: u16, screen_rows: u16) {
        let mut parser = self.parser.lock().unwrap();
        if let (Some(rows), Some(cols)) = (
            std::num::NonZeroU16::new(screen_rows),
            std::num::NonZeroU16::new(screen_cols),
        ) {
            parser.screen_mut().set_size(rows, cols);
        }
        self._master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        drop(parser);
    }

    /// The resident memory of the process in kB (`VmRSS` in
    /// `/proc/PID/status`).
    pub fn resident_kb(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .expect("/proc/PID/status");
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|value| value.split_whitespace().next())
            .and_then(|kb| kb.parse().ok())
            .expect("VmRSS in /proc/PID/status")
    }

    /// Whether the process is still running.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

/// How the system names `signal` in an exit status ("Terminated", "Hangup"),
/// as the PTY library reports a process killed by it.
pub fn signal_name(signal: libc::c_int) -> String {
    // SAFETY: strsignal returns a pointer to a static or thread-local string,
    // read at once.
    unsafe { std::ffi::CStr::from_ptr(libc::strsignal(signal)) }
        .to_string_lossy()
        .into_owned()
}
