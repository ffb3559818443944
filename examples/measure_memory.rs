//! Resident memory at each stage of start-up: `cargo run --release --example
//! measure_memory -- [CATALOGUE.json]` prints VmRSS after loading and
//! validating the catalogue and after building the search index.

use std::path::PathBuf;
use std::time::Instant;

use indsats::catalogue::load::{Origin, load};
use indsats::search::SearchIndex;

/// VmRSS and VmHWM of this process, in MiB, from /proc (Linux only).
fn rss() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    format!(
        "VmRSS {:.0} MiB, peak {:.0} MiB",
        field("VmRSS:"),
        field("VmHWM:")
    )
}

unsafe extern "C" {
    fn malloc_trim(pad: usize) -> i32;
}

fn main() {
    let origin = match std::env::args().nth(1) {
        Some(path) => Origin::Flag(PathBuf::from(path)),
        None => Origin::Bundled,
    };
    println!("start: {}", rss());
    let start = Instant::now();
    let loaded = load(origin).expect("a valid catalogue");
    println!("loaded in {:?}: {}", start.elapsed(), rss());
    unsafe { malloc_trim(0) };
    println!("trimmed: {}", rss());
    let start = Instant::now();
    let index = SearchIndex::new(&loaded.catalogue);
    println!("indexed in {:?}: {}", start.elapsed(), rss());
    unsafe { malloc_trim(0) };
    println!("trimmed: {}", rss());
    let hits = index.search("m", &Default::default()).hits.len();
    println!("searched ({hits} hits): {}", rss());
}
