//! Resident memory of loading a catalogue as the app does:
//! `cargo run --release --example measure_memory -- [CATALOGUE.json]` loads it
//! (through the start-up cache in `$INDSATS_CACHE_DIR`, or the user's cache
//! dir), searches once, and prints the time taken and the process's resident
//! memory: all of it, anonymous (heap), file-backed and shared memory.
//! Run it twice: the first run writes the cache, the second reads it.

use std::path::PathBuf;
use std::time::Instant;

use indsats::cache;
use indsats::catalogue::load::Origin;

/// A `/proc/self/status` field in MiB (Linux only).
fn field(status: &str, name: &str) -> f64 {
    status
        .lines()
        .find(|l| l.starts_with(name))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    format!(
        "VmRSS {:.0} MiB (anonymous {:.0}, file {:.0}, shmem {:.0}), peak {:.0} MiB",
        field(&status, "VmRSS:"),
        field(&status, "RssAnon:"),
        field(&status, "RssFile:"),
        field(&status, "RssShmem:"),
        field(&status, "VmHWM:"),
    )
}

/// The system's shared memory in MiB (`Shmem` in /proc/meminfo).
fn system_shmem() -> f64 {
    let info = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    field(&info, "Shmem:")
}

fn main() {
    let origin = match std::env::args().nth(1) {
        Some(path) => Origin::Flag(PathBuf::from(path)),
        None => Origin::Bundled,
    };
    println!("start: {}", memory());
    let shmem = system_shmem();
    let start = Instant::now();
    let dir = cache::cache_dir();
    let (loaded, index, provenance) =
        cache::load_indexed(origin, None, dir.as_deref()).expect("a valid catalogue");
    println!("{provenance:?} in {:?}: {}", start.elapsed(), memory());
    // Shared memory outside the resident set (an earlier version kept a
    // private copy of the cache there): none should be taken now.
    println!(
        "shared memory taken: {:.0} MiB (system-wide Shmem growth)",
        system_shmem() - shmem
    );
    let results = index.search("m", &Default::default());
    let first = results.hits.first().map(|hit| hit.index).unwrap_or(0);
    // What the details pane reads.
    let shown = loaded.catalogue.initiatives[first]
        .description
        .text()
        .map_or(0, |text| text.len());
    println!(
        "searched ({} hits, {shown} bytes of description shown): {}",
        results.hits.len(),
        memory()
    );
}
