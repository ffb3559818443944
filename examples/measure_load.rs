//! Times the cold path's phases for one catalogue file:
//! `cargo run --release --example measure_load -- CATALOGUE.json` reads it,
//! validates it into the typed model, builds the search index, and prints
//! each phase's wall time and the process's peak resident memory.

use std::time::Instant;

use indsats::catalogue::load;
use indsats::catalogue::validate;
use indsats::search::SearchIndex;

fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: measure_load CATALOGUE.json");
        std::process::exit(2);
    };
    let start = Instant::now();
    let bytes = load::read_file(std::path::Path::new(&path)).expect("a readable file");
    let read = start.elapsed();
    let catalogue = validate::parse_bytes(&path, &bytes).expect("a valid catalogue");
    let validated = start.elapsed();
    let peak_validated = peak_mib();
    drop(bytes);
    let index = SearchIndex::new(&catalogue);
    let indexed = start.elapsed();
    println!(
        "{} entries: read {:.1} ms, validated {:.1} ms, indexed {:.1} ms; total {:.1} ms; peak {:.0} MiB while validating, {:.0} MiB in all",
        index.len(),
        read.as_secs_f64() * 1e3,
        (validated - read).as_secs_f64() * 1e3,
        (indexed - validated).as_secs_f64() * 1e3,
        indexed.as_secs_f64() * 1e3,
        peak_validated,
        peak_mib()
    );
}
