//! Signals of the interactive app (ARCHITECTURE.md §6, §9); the process's
//! own hardening is [`crate::process::harden`].
//!
//! Every signal that would end the process and can be waited for — SIGTERM,
//! SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, and the rarer SIGXCPU
//! (a CPU-time limit), SIGVTALRM, SIGPROF, SIGPWR, SIGSTKFLT — ends the app
//! through the event loop, so the terminal is restored, and then ends the
//! process as that signal would have ([`end_by`]). SIGPIPE and SIGXFSZ are
//! ignored from the start ([`crate::process::harden`]): a write that fails
//! (a closed pipe, a file-size limit) is an error where it happens. SIGTSTP
//! restores the terminal and then stops the process; SIGCONT puts raw mode
//! and the alternate screen back and redraws.
//!
//! The signals of a crash — SIGABRT (an `abort`, a failed allocation),
//! SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS — cannot wait for the
//! loop; a handler of their own puts the terminal back on the spot
//! ([`super::restore_at_once`]) and lets the signal end the process.

use libc::{SIGPWR, SIGSTKFLT};
use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
    SIGVTALRM, SIGXCPU,
};

/// Signals that end the app cleanly, through the event loop.
pub const QUIT: [i32; 12] = [
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF,
    SIGPWR, SIGSTKFLT,
];

/// Signals of a crash: the terminal is restored in their handler, then they
/// end the process ([`install_crash_handlers`]).
pub const CRASH: [i32; 7] = [
    libc::SIGABRT,
    libc::SIGSEGV,
    libc::SIGBUS,
    libc::SIGILL,
    libc::SIGFPE,
    libc::SIGTRAP,
    libc::SIGSYS,
];

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

/// Installs the handler of the [`CRASH`] signals: it restores the terminal
/// with async-signal-safe calls only, then the signal ends the process with
/// its default action (the handler is reset on entry, and the signal raised
/// again acts as soon as the handler returns; a fault simply faults again).
/// It runs on the alternate signal stack Rust gives every thread, so a stack
/// overflow reaches it too (Rust's own overflow message is not printed).
pub fn install_crash_handlers() {
    extern "C" fn on_crash(signal: libc::c_int) {
        super::restore_at_once();
        // SAFETY: raise is async-signal-safe; SA_RESETHAND made the action
        // the default one, and the signal stays blocked until we return.
        unsafe {
            libc::raise(signal);
        }
    }
    for signal in CRASH {
        // SAFETY: sigaction with a zeroed, then filled struct; the handler
        // calls only async-signal-safe functions.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_crash as extern "C" fn(libc::c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_RESETHAND | libc::SA_ONSTACK;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

/// Ends the process as `signal`'s default action would, once the terminal
/// is restored: the parent (a shell, a supervisor) sees it killed by that
/// signal, not a success. Exits 128 + `signal` should the signal not end
/// the process. Core dumps are off ([`crate::process::harden`]), SIGQUIT's too.
pub fn end_by(signal: i32) -> ! {
    // The default action back, the signal let through and raised: every
    // signal of [`QUIT`] then ends the process (signal-hook's
    // `emulate_default_handler` knows no SIGPWR or SIGSTKFLT).
    // SAFETY: plain system calls on this process's signal state.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, signal);
        libc::signal(signal, libc::SIG_DFL);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(signal);
    }
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
