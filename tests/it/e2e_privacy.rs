//! Privacy from the first instruction, seen from outside the process as
//! another user would: the query given on the command line is gone from
//! `/proc/PID/cmdline`, and core dumps are off in every command, not only
//! in the interactive app.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::thread;
use std::time::{Duration, Instant};

use crate::common;
use crate::common::pty::{PtyApp, keys};

/// The words of a citizen's situation given on the command line.
const QUERY: [&str; 3] = ["skive", "17", "angst"];

/// The arguments in `/proc/PID/cmdline`, the empty ones left out.
fn cmdline(pid: u32) -> Vec<String> {
    let bytes = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    bytes
        .split(|&b| b == 0)
        .filter(|arg| !arg.is_empty())
        .map(|arg| String::from_utf8_lossy(arg).into_owned())
        .collect()
}

/// The soft and hard core-file limits in `/proc/PID/limits`.
fn core_limit(pid: u32) -> (String, String) {
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).expect("limits");
    let line = limits
        .lines()
        .find_map(|line| line.strip_prefix("Max core file size"))
        .expect("a core limit");
    let mut values = line.split_whitespace();
    let soft = values.next().expect("soft").to_owned();
    let hard = values.next().expect("hard").to_owned();
    (soft, hard)
}

/// Waits until `/proc/PID/cmdline` is the binary's and no longer holds
/// `word`; fails with it on timeout.
fn wait_hidden(pid: u32, word: &str) -> Vec<String> {
    let deadline = Instant::now() + common::pty::TIMEOUT;
    loop {
        let args = cmdline(pid);
        let ours = args.first().is_some_and(|arg| arg.ends_with("indsats"));
        if ours && !args.iter().any(|arg| arg.contains(word)) {
            return args;
        }
        if Instant::now() > deadline {
            panic!("{word:?} still in /proc/{pid}/cmdline: {args:?}");
        }
        thread::sleep(Duration::from_millis(10));
    }
}

/// Raises the soft core limit to the hard one in a child before it runs,
/// so the app itself must lower it (a test machine's own soft limit is
/// often 0 already). Returns whether that made it non-zero.
fn core_dumps_possible() -> bool {
    // SAFETY: getrlimit fills the struct it is given.
    unsafe {
        let mut limit: libc::rlimit = std::mem::zeroed();
        libc::getrlimit(libc::RLIMIT_CORE, &mut limit) == 0 && limit.rlim_max != 0
    }
}

#[test]
fn the_query_on_the_command_line_is_hidden_and_no_core_can_be_dumped_in_the_app() {
    let home = tempfile::tempdir().unwrap();
    let binary = env!("CARGO_BIN_EXE_indsats");
    // Through a shell that allows core dumps up to the hard limit, then
    // becomes the app.
    let mut args = vec![
        "-c",
        "ulimit -S -c \"$(ulimit -H -c)\"; exec \"$0\" \"$@\"",
        binary,
    ];
    args.extend(QUERY);
    let mut app = PtyApp::start_program("/bin/sh", home.path(), &args, 100, 30, &[]);
    // The query was read: the search line and the chips show it.
    app.wait_for("Søg › angst");
    app.wait_for("Skive");
    let pid = app.pid();
    let shown = cmdline(pid);
    eprintln!("/proc/{pid}/cmdline: {shown:?}");
    assert_eq!(shown, vec![binary.to_owned()], "only the program's name");
    if core_dumps_possible() {
        assert_eq!(core_limit(pid), ("0".to_owned(), "0".to_owned()));
    }
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

/// A pipe already full: whoever writes to its write end waits until the
/// read end is read. Returns (read end, write end).
fn full_pipe() -> (std::fs::File, std::os::fd::OwnedFd) {
    use std::os::fd::FromRawFd;
    let mut fds = [0; 2];
    // SAFETY: pipe fills two new descriptors, each then owned once; fcntl
    // and write act only on them.
    unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0, "pipe");
        let (read, write) = (fds[0], fds[1]);
        let flags = libc::fcntl(write, libc::F_GETFL);
        libc::fcntl(write, libc::F_SETFL, flags | libc::O_NONBLOCK);
        let filler = [b'\n'; 4096];
        while libc::write(write, filler.as_ptr().cast(), filler.len()) > 0 {}
        // The child gets a write end that blocks.
        libc::fcntl(write, libc::F_SETFL, flags);
        (
            std::fs::File::from_raw_fd(read),
            std::os::fd::OwnedFd::from_raw_fd(write),
        )
    }
}

#[test]
fn a_command_hides_its_query_and_dumps_no_core_before_it_reads_a_file() {
    let home = tempfile::tempdir().unwrap();
    let (mut output, stdout) = full_pipe();
    let mut cmd = common::indsats(home.path());
    cmd.args(["search", "--json"])
        .args(QUERY)
        .stdin(Stdio::null())
        .stdout(Stdio::from(stdout))
        .stderr(Stdio::null());
    // SAFETY: only getrlimit and setrlimit between fork and exec, both
    // async-signal-safe.
    unsafe {
        cmd.pre_exec(|| {
            let mut limit: libc::rlimit = std::mem::zeroed();
            if libc::getrlimit(libc::RLIMIT_CORE, &mut limit) == 0 {
                limit.rlim_cur = limit.rlim_max;
                libc::setrlimit(libc::RLIMIT_CORE, &limit);
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("spawn indsats search");
    // Our copy of the write end goes, so the output ends with the child.
    drop(cmd);
    let pid = child.id();
    // Its output waits on the full pipe: the search stays alive.
    let shown = wait_hidden(pid, "angst");
    let limit = core_limit(pid);
    let running = child.try_wait().expect("try_wait").is_none();
    let mut out = Vec::new();
    output.read_to_end(&mut out).expect("read the output");
    let status = child.wait().expect("wait");
    assert!(running, "the search ended before it could be looked at");
    assert!(status.success(), "{status:?}");
    eprintln!("/proc/{pid}/cmdline: {shown:?}");
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].ends_with("indsats"), "{shown:?}");
    if core_dumps_possible() {
        assert_eq!(limit, ("0".to_owned(), "0".to_owned()));
    }
    // The search itself still read the query.
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("\"angst\""), "{}", text.trim());
}
