//! Ctrl-Z: in raw mode the key arrives as a key, not as SIGTSTP, so the app
//! suspends itself — terminal restored, process stopped — and when the shell
//! continues it (`fg`), takes the terminal back; the caller then redraws
//! everything.

use std::io::{self, Write};
use std::sync::atomic::Ordering;

use crossterm::event::EnableBracketedPaste;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};

/// Restores the terminal, stops the process with SIGTSTP, and once it is
/// continued (SIGCONT) enters raw mode and the alternate screen again.
///
/// In a process group without a job-control shell (an orphaned one) the
/// kernel discards SIGTSTP: then nothing stops and the app simply goes on.
pub fn suspend() -> io::Result<()> {
    super::restore();
    // SAFETY: raising a signal on this process; SIGTSTP's default action
    // stops it, and execution continues here after SIGCONT.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    resume()
}

/// Takes the terminal back after a stop: raw mode, the alternate screen and
/// bracketed paste, as [`super::Session::start`] left them.
pub fn resume() -> io::Result<()> {
    enable_raw_mode()?;
    super::ACTIVE.store(true, Ordering::SeqCst);
    let mut stdout = io::stdout();
    crossterm::execute!(stdout, EnterAlternateScreen, EnableBracketedPaste)?;
    stdout.flush()
}
