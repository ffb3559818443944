//! Measures the real app in a pseudo-terminal: time to the first frame, time
//! and bytes written per keystroke, and resident memory.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example measure_tui                      # bundled catalogue
//! cargo run --release --example measure_tui -- big.json          # another catalogue
//! ```
//!
//! Times include the PTY round trip, so they are upper bounds of what a
//! caseworker waits for on the server itself.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const QUERY: &str = "ungeindsats psyk";

fn main() {
    let catalogue = std::env::args().nth(1);
    let binary = std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.parent()?.parent()?.join("indsats")))
        .filter(|p| p.exists())
        .expect("build the binary first: cargo build --release");
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    // A first run warms the page cache; the measured runs follow.
    let cold = measure(&binary, catalogue.as_deref());
    println!(
        "cold start (first run) to first frame: {:.1} ms, searchable {:.1} ms",
        ms(cold.first_frame),
        ms(cold.searchable)
    );
    let mut first_frames = Vec::new();
    let mut searchables = Vec::new();
    let mut keystrokes = Vec::new();
    let mut bytes = Vec::new();
    let mut rss = 0;
    let mut pss = 0;
    for _ in 0..runs {
        let m = measure(&binary, catalogue.as_deref());
        first_frames.push(m.first_frame);
        searchables.push(m.searchable);
        keystrokes.extend(m.keystrokes);
        bytes.extend(m.bytes);
        rss = rss.max(m.rss_kib);
        pss = pss.max(m.pss_kib);
    }
    first_frames.sort();
    searchables.sort();
    keystrokes.sort();
    bytes.sort();
    let median = |v: &[Duration]| v[v.len() / 2];
    println!("catalogue: {}", catalogue.as_deref().unwrap_or("bundled"));
    println!(
        "start to first frame: median {:.1} ms, max {:.1} ms ({runs} runs)",
        ms(median(&first_frames)),
        ms(*first_frames.last().unwrap())
    );
    println!(
        "start to a searchable screen: median {:.1} ms, max {:.1} ms",
        ms(median(&searchables)),
        ms(*searchables.last().unwrap())
    );
    println!(
        "keystroke to redrawn screen: median {:.2} ms, p90 {:.2} ms, max {:.2} ms ({} keystrokes)",
        ms(median(&keystrokes)),
        ms(keystrokes[keystrokes.len() * 9 / 10]),
        ms(*keystrokes.last().unwrap()),
        keystrokes.len()
    );
    println!(
        "bytes written per keystroke: median {}, max {}",
        bytes[bytes.len() / 2],
        bytes.last().unwrap()
    );
    println!(
        "resident memory after typing: VmRSS {:.1} MiB, PSS {:.1} MiB",
        rss as f64 / 1024.0,
        pss as f64 / 1024.0
    );
    // The binary's pages are shared between sessions; the private part is what adds up.
    println!(
        "50 concurrent sessions: about {:.0} MiB (50 × PSS; at most {:.0} MiB = 50 × VmRSS)",
        pss as f64 * 50.0 / 1024.0,
        rss as f64 * 50.0 / 1024.0
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Measurement {
    first_frame: Duration,
    searchable: Duration,
    keystrokes: Vec<Duration>,
    bytes: Vec<usize>,
    rss_kib: u64,
    /// Proportional set size: shared pages (the binary) divided among the processes sharing them.
    pss_kib: u64,
}

fn measure(binary: &std::path::Path, catalogue: Option<&str>) -> Measurement {
    let (rows, cols) = (40, 120);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut cmd = CommandBuilder::new(binary);
    if let Some(path) = catalogue {
        cmd.args(["--catalogue", path]);
    }
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home.path());
    cmd.env("XDG_DATA_HOME", home.path().join("data"));
    cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let pid = child.process_id().unwrap();
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        NonZeroU16::new(rows).unwrap(),
        NonZeroU16::new(cols).unwrap(),
        0,
    )));
    let total = Arc::new(Mutex::new(0usize));
    // Bumped after each read: the waiting side looks at the screen only
    // when something came. Polling the screen every few hundred µs took a
    // good part of a core from the app it measures.
    let arrived = Arc::new((Mutex::new(0u64), Condvar::new()));
    let (p, t, a) = (parser.clone(), total.clone(), arrived.clone());
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            p.lock().unwrap().process(&buf[..n]);
            *t.lock().unwrap() += n;
            *a.0.lock().unwrap() += 1;
            a.1.notify_all();
        }
    });
    let wait_for = |check: &dyn Fn(&str) -> bool| {
        let deadline = Instant::now() + Duration::from_secs(120);
        let (count, signal) = &*arrived;
        let mut seen = *count.lock().unwrap();
        loop {
            if check(&parser.lock().unwrap().screen().contents()) {
                return;
            }
            let now = Instant::now();
            assert!(now < deadline, "timed out");
            let mut guard = count.lock().unwrap();
            while *guard == seen && Instant::now() < deadline {
                guard = signal.wait_timeout(guard, deadline - now).unwrap().0;
            }
            seen = *guard;
        }
    };
    // The first frame: the search line drawn (a large catalogue's shows
    // its loading progress first).
    wait_for(&|s| s.contains("Søg ›"));
    let first_frame = started.elapsed();
    // Searchable: the result count shown.
    wait_for(&|s| s.contains(" af ") && s.contains("Resultater"));
    let searchable = started.elapsed();
    std::thread::sleep(Duration::from_millis(100));
    let mut keystrokes = Vec::new();
    let mut bytes = Vec::new();
    let mut typed = String::new();
    for c in QUERY.chars() {
        typed.push(c);
        let before = *total.lock().unwrap();
        let sent = Instant::now();
        writer.write_all(c.to_string().as_bytes()).unwrap();
        writer.flush().unwrap();
        if c == ' ' {
            // A trailing space does not show on the screen: nothing to wait for.
            std::thread::sleep(Duration::from_millis(50));
            continue;
        }
        let want = format!("Søg › {typed}");
        wait_for(&|s| s.lines().nth(1).is_some_and(|l| l.contains(&want)));
        keystrokes.push(sent.elapsed());
        // Let the frame finish, then count what crossed the "wire".
        std::thread::sleep(Duration::from_millis(30));
        bytes.push(*total.lock().unwrap() - before);
    }
    let field = |file: &str, name: &str| -> u64 {
        std::fs::read_to_string(format!("/proc/{pid}/{file}"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with(name))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            })
            .unwrap_or(0)
    };
    let rss_kib = field("status", "VmRSS:");
    let pss_kib = field("smaps_rollup", "Pss:");
    writer.write_all(b"\x03").unwrap();
    writer.flush().unwrap();
    let _ = child.wait();
    Measurement {
        first_frame,
        searchable,
        keystrokes,
        bytes,
        rss_kib,
        pss_kib,
    }
}
