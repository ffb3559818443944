//! The terminal: raw mode and the alternate screen on, and off again on every
//! exit path — normal, error, panic and signal.

pub mod events;
pub mod signals;

use std::io::{self, Stdout, Write};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// Whether the terminal is currently in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The terminal's settings before raw mode (of standard input, which the app
/// requires to be a terminal), for [`restore_at_once`].
static COOKED: OnceLock<libc::termios> = OnceLock::new();

/// What [`restore`] writes, as one byte string a signal handler can write:
/// end a synchronized update, bracketed paste off, the main screen, the cursor.
const RESTORE_BYTES: &[u8] = b"\x1b[?2026l\x1b[?2004l\x1b[?1049l\x1b[?25h";

/// The terminal in app mode; restores it when dropped.
pub struct Session {
    /// The ratatui terminal drawing on stdout.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Session {
    /// Enters raw mode and the alternate screen, and makes sure a panic restores them.
    pub fn start() -> io::Result<Session> {
        install_panic_hook();
        save_cooked_settings();
        signals::install_crash_handlers();
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let mut stdout = io::stdout();
        if let Err(err) = crossterm::execute!(stdout, EnterAlternateScreen, EnableBracketedPaste) {
            restore();
            return Err(err);
        }
        match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(terminal) => Ok(Session { terminal }),
            Err(err) => {
                restore();
                Err(err)
            }
        }
    }
}

impl Session {
    /// Puts raw mode, the alternate screen and bracketed paste back after
    /// [`restore`] (a stop and continue) and clears the screen, so the next
    /// draw repaints everything.
    pub fn resume(&mut self) -> io::Result<()> {
        if !ACTIVE.swap(true, Ordering::SeqCst) {
            enable_raw_mode()?;
            crossterm::execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        }
        crossterm::execute!(io::stdout(), Clear(ClearType::All))?;
        // Fresh buffers: the next draw writes every cell. (Terminal::clear
        // would ask the terminal for the cursor position, an answer the
        // input thread reads first.)
        self.terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves raw mode and the alternate screen and shows the cursor. Safe to call
/// more than once and from any thread; errors are ignored (the terminal may be gone).
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut stdout = io::stdout();
        let _ = crossterm::execute!(
            stdout,
            EndSynchronizedUpdate,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            Show
        );
        let _ = disable_raw_mode();
        let _ = stdout.flush();
    }
}

/// Remembers the terminal's settings before raw mode, once.
fn save_cooked_settings() {
    if COOKED.get().is_some() {
        return;
    }
    // SAFETY: termios is plain data that tcgetattr fills; a failure leaves
    // nothing saved.
    unsafe {
        let mut settings: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(libc::STDIN_FILENO, &mut settings) == 0 {
            let _ = COOKED.set(settings);
        }
    }
}

/// [`restore`] for a signal handler: only async-signal-safe calls (an atomic
/// swap, `write`, `tcsetattr`), no locks and no allocation. Used where the
/// process is about to die of a crash signal.
pub fn restore_at_once() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        // SAFETY: write and tcsetattr are async-signal-safe; the settings
        // were saved before the handler was installed and never change.
        unsafe {
            libc::write(
                libc::STDOUT_FILENO,
                RESTORE_BYTES.as_ptr().cast(),
                RESTORE_BYTES.len(),
            );
            if let Some(settings) = COOKED.get() {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, settings);
            }
        }
    }
}

/// On panic: restore the terminal first, then print one clean line (no backtrace).
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        restore();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".to_owned());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("indsats: internal error{place}: {message}");
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signal_handlers_restore_writes_what_restore_writes() {
        let mut expected = Vec::new();
        crossterm::queue!(
            expected,
            EndSynchronizedUpdate,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            Show
        )
        .unwrap();
        assert_eq!(RESTORE_BYTES, expected.as_slice());
    }
}
