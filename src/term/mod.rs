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
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// The most columns the app draws into, whatever size the terminal reports.
///
/// An SSH client can announce any window size (up to 65535×65535), and a
/// drawing buffer costs tens of bytes per cell, twice over: at 3000×3000 the
/// app held 849 MB, at 65535² it could not allocate at all. No screen a
/// caseworker reads needs more than a few hundred columns (a 4K monitor
/// with a small font is about 400), and the layout gains nothing past 140.
/// Beyond this the screen stays blank.
pub const MAX_COLS: u16 = 500;

/// The most rows the app draws into (see [`MAX_COLS`]): at most
/// 500 × 300 = 150 000 cells, a few MB for both of ratatui's buffers.
pub const MAX_ROWS: u16 = 300;

/// The area the app draws into in a `width`×`height` terminal: its top-left
/// corner, at most [`MAX_COLS`]×[`MAX_ROWS`].
pub fn bounded_area(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_COLS), height.min(MAX_ROWS))
}

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
    /// The ratatui terminal drawing on stdout, into a fixed viewport of at
    /// most [`MAX_COLS`]×[`MAX_ROWS`] ([`Session::fit`]).
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
    /// The size the terminal reported when the viewport was last fitted.
    reported: (u16, u16),
}

/// A terminal drawing into [`bounded_area`] of a `width`×`height` terminal.
/// Its viewport is fixed, so ratatui never grows its buffers to the size
/// the terminal reports (as its full-screen viewport does on every draw).
fn bounded_terminal(width: u16, height: u16) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    Terminal::with_options(
        CrosstermBackend::new(io::stdout()),
        TerminalOptions {
            viewport: Viewport::Fixed(bounded_area(width, height)),
        },
    )
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
        let started =
            crossterm::terminal::size().and_then(|(w, h)| Ok((bounded_terminal(w, h)?, (w, h))));
        match started {
            Ok((terminal, reported)) => Ok(Session { terminal, reported }),
            Err(err) => {
                restore();
                Err(err)
            }
        }
    }

    /// Puts raw mode, the alternate screen and bracketed paste back after
    /// [`restore`] (a stop and continue) and clears the screen, so the next
    /// draw repaints everything.
    pub fn resume(&mut self) -> io::Result<()> {
        if !ACTIVE.swap(true, Ordering::SeqCst) {
            enable_raw_mode()?;
            crossterm::execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        }
        self.refit()
    }

    /// The area the app draws into: the terminal's size when last fitted,
    /// at most [`MAX_COLS`]×[`MAX_ROWS`].
    pub fn area(&self) -> Rect {
        bounded_area(self.reported.0, self.reported.1)
    }

    /// After a resize: when the terminal's size changed, clears the whole
    /// screen (what lies beyond the drawn area stays blank) and makes fresh
    /// buffers for the bounded area, so memory a larger size took is given
    /// back. Returns the area to draw into.
    pub fn fit(&mut self) -> io::Result<Rect> {
        if crossterm::terminal::size()? != self.reported {
            self.refit()?;
        }
        Ok(self.area())
    }

    /// Clears the screen and makes fresh buffers at the terminal's present
    /// size: the next draw writes every cell. (Terminal::clear would ask the
    /// terminal for the cursor position, an answer the input thread reads
    /// first.)
    fn refit(&mut self) -> io::Result<()> {
        crossterm::execute!(io::stdout(), Clear(ClearType::All))?;
        let (width, height) = crossterm::terminal::size()?;
        // The old buffers go before the new ones are made.
        self.terminal = bounded_terminal(0, 0)?;
        self.terminal = bounded_terminal(width, height)?;
        self.reported = (width, height);
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
