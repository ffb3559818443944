//! The command line hidden from other users (ARCHITECTURE.md §6).
//!
//! `/proc/PID/cmdline` is readable by every user of the machine, and
//! `indsats skive 17 angst` would leave a citizen's situation there for as
//! long as the app runs. Once `main` has copied the arguments, [`hide`]
//! overwrites every one after the program's name with zero bytes in place,
//! as `setproctitle` does, and the kernel then shows only `indsats`.
//!
//! The strings lie where the kernel put them at `exec`, which std does not
//! expose; glibc calls the functions in `.init_array` with `argc`, `argv`
//! and `envp` before `main` (std itself takes its arguments the same way
//! there), so a function placed there keeps `argv`. musl calls them without
//! arguments: on any system but Linux with glibc, [`hide`] does nothing.

/// Overwrites the process's arguments after the program name with zero
/// bytes, where other users read them in `/proc/PID/cmdline`. Call it once
/// the arguments are copied (`std::env::args_os` reads the same memory and
/// yields empty strings afterwards). Returns how many were hidden; 0 where
/// the arguments are unknown (not Linux with glibc), or do not match what
/// std read (then nothing is written).
pub fn hide() -> usize {
    imp::hide()
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod imp {
    use std::ffi::{CStr, OsString};
    use std::os::unix::ffi::OsStrExt;
    use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

    use libc::{c_char, c_int};

    /// `argc` as glibc gave it before `main`.
    static ARGC: AtomicUsize = AtomicUsize::new(0);
    /// `argv` as glibc gave it before `main`; null until then.
    static ARGV: AtomicPtr<*mut c_char> = AtomicPtr::new(std::ptr::null_mut());

    /// Run by glibc before `main`, with the process's own `argc` and `argv`.
    #[used]
    #[unsafe(link_section = ".init_array")]
    pub(super) static CAPTURE: extern "C" fn(c_int, *mut *mut c_char, *mut *mut c_char) = capture;

    extern "C" fn capture(argc: c_int, argv: *mut *mut c_char, _envp: *mut *mut c_char) {
        ARGC.store(usize::try_from(argc).unwrap_or(0), Ordering::SeqCst);
        ARGV.store(argv, Ordering::SeqCst);
    }

    pub(super) fn hide() -> usize {
        let argv = ARGV.load(Ordering::SeqCst);
        let argc = ARGC.load(Ordering::SeqCst);
        let expected: Vec<OsString> = std::env::args_os().collect();
        if argv.is_null() || argc != expected.len() {
            return 0;
        }
        // SAFETY: `argv` is the process's argument vector as glibc handed it
        // to `.init_array`: `argc` pointers to NUL-terminated strings in the
        // process's own writable memory (the top of the main stack), alive
        // for the whole process. Each string is first compared with what std
        // read from the same vector, and only its own bytes before the NUL
        // are overwritten, so every write stays inside memory the kernel
        // gave this process for its arguments. Nothing else reads them
        // afterwards but std's `args`, which then sees empty strings.
        let strings: Vec<*mut c_char> = (1..argc).map(|i| unsafe { *argv.add(i) }).collect();
        for (pointer, arg) in strings.iter().zip(&expected[1..]) {
            if pointer.is_null() || unsafe { CStr::from_ptr(*pointer) }.to_bytes() != arg.as_bytes()
            {
                return 0;
            }
        }
        for (pointer, arg) in strings.iter().zip(&expected[1..]) {
            unsafe { std::ptr::write_bytes(*pointer, 0, arg.len()) };
        }
        strings.len()
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod imp {
    pub(super) fn hide() -> usize {
        0
    }
}
