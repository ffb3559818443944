//! Signals and process hardening for the interactive app (DESIGN.md §6, §9).
//!
//! Every signal that would end the process — SIGTERM, SIGHUP, SIGINT,
//! SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM — ends the app through the event loop,
//! so the terminal is restored, and then ends the process as that signal
//! would have ([`end_by`]). SIGPIPE is ignored (a TUI writes to its
//! terminal, not a pipe; writes that fail are errors). SIGTSTP restores the
//! terminal and then stops the process; SIGCONT puts raw mode and the
//! alternate screen back and redraws.

use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
};

/// Signals that end the app cleanly.
pub const QUIT: [i32; 7] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM];

/// The stop request from a shell's job control (`kill -TSTP`).
pub const STOP: i32 = SIGTSTP;

/// Sent when a stopped process goes on.
pub const CONTINUE: i32 = SIGCONT;

/// Every signal the event loop listens for.
pub fn handled() -> Vec<i32> {
    let mut all = QUIT.to_vec();
    all.extend([STOP, CONTINUE]);
    all
}

/// Turns core dumps off for the rest of the process (a dump would hold what
/// was typed) and ignores SIGPIPE. Failures are ignored: the app still runs.
pub fn harden_process() {
    let none = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: plain system calls with valid arguments; they change only this
    // process's limits, dumpable flag and SIGPIPE disposition.
    unsafe {
        libc::setrlimit(libc::RLIMIT_CORE, &none);
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}

/// Ends the process as `signal`'s default action would, once the terminal
/// is restored: the parent (a shell, a supervisor) sees it killed by that
/// signal, not a success. Exits 128 + `signal` should the signal not end
/// the process. Core dumps are off ([`harden_process`]), SIGQUIT's too.
pub fn end_by(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}

/// Stops the process until SIGCONT (after the terminal was restored).
pub fn stop_self() {
    let _ = signal_hook::low_level::raise(libc::SIGSTOP);
}

/// Whether a job-control shell could continue this process after a stop:
/// its parent is in the same session. Not so when sshd runs the app as a
/// `ForceCommand`, or a login shell `exec`ed it — nobody could type `fg`, and
/// a stopped app would hang the connection.
pub fn shell_can_continue() -> bool {
    // SAFETY: getppid and getsid only read this process's ids.
    unsafe { libc::getsid(libc::getppid()) == libc::getsid(0) }
}
