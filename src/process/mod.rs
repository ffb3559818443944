//! The process's own privacy from its first instruction (ARCHITECTURE.md §6):
//! no core dumps ([`harden`]) and no query on the command line other users
//! can read ([`argv::hide`]). `main` calls both before anything else.

pub mod argv;
pub mod memory;

/// Turns core dumps off for the rest of the process (a dump would hold what
/// was typed or given on the command line): the core limit 0 and the process
/// not dumpable, which also keeps other users' debuggers and
/// `/proc/PID/mem` away. Ignores SIGPIPE and SIGXFSZ: a write that fails
/// (a closed pipe, a file-size limit) is an error where it happens. The very
/// first thing `main` does, before the arguments are parsed or any file is
/// read. Failures are ignored: the app still runs.
pub fn harden() {
    let none = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: plain system calls with valid arguments; they change only this
    // process's limits, dumpable flag and signal dispositions.
    unsafe {
        libc::setrlimit(libc::RLIMIT_CORE, &none);
        #[cfg(any(target_os = "linux", target_os = "android"))]
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hardening_leaves_no_core_limit() {
        super::harden();
        // SAFETY: getrlimit fills the struct it is given.
        let limit = unsafe {
            let mut limit: libc::rlimit = std::mem::zeroed();
            assert_eq!(libc::getrlimit(libc::RLIMIT_CORE, &mut limit), 0);
            limit
        };
        assert_eq!((limit.rlim_cur, limit.rlim_max), (0, 0));
    }
}
