//! Resident memory of loading a catalogue as the app does:
//! `cargo run --release --example measure_memory -- [CATALOGUE.json]` loads it,
//! builds its index, searches once, and prints the time taken and the
//! process's resident memory: all of it, anonymous (heap), file-backed and
//! shared memory.

use std::path::PathBuf;
use std::time::Instant;

use indsats::catalogue::load::{self, Origin};
use indsats::search::SearchIndex;

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

fn main() {
    let origin = match std::env::args().nth(1) {
        Some(path) => Origin::Flag(PathBuf::from(path)),
        None => Origin::Bundled,
    };
    println!("start: {}", memory());
    let start = Instant::now();
    let loaded = load::load(origin).expect("a valid catalogue");
    let index = SearchIndex::new(&loaded.catalogue);
    println!("loaded and indexed in {:?}: {}", start.elapsed(), memory());
    let results = index.search("m", &Default::default());
    let first = results.hits.first().map(|hit| hit.index).unwrap_or(0);
    // What the details pane reads.
    let shown = loaded.catalogue.initiatives[first].description.len();
    println!(
        "searched ({} hits, {shown} bytes of description shown): {}",
        results.hits.len(),
        memory()
    );
}
