//! Quick timings without criterion: `cargo run --release --example time_search
//! -- SIZE [QUERY…]` builds a synthetic catalogue of SIZE entries (0 = the
//! bundled one) and prints the index build time and the median time of each
//! query, unfiltered and filtered, understood as the app and `indsats search`
//! understand it (places and ages become filters).

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use indsats::catalogue::Status;
use indsats::catalogue::load::{Origin, load};
use indsats::search::{Filters, SearchIndex};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let size: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let mut queries: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    if queries.is_empty() {
        queries = vec![
            "",
            "m",
            "men",
            "mentorfo",
            "ung job",
            "'x",
            "mentr",
            "mentro",
            "angst",
            "skive 17 droppet ud af eud",
            "kontanthjælpsmodtager",
        ];
    }
    let bundled = load(Origin::Bundled).expect("bundled").catalogue;
    let catalogue = if size == 0 {
        bundled
    } else {
        synthetic::catalogue(&bundled, size, 42)
    };
    let start = Instant::now();
    let index = SearchIndex::new(&catalogue);
    println!("{index:?}");
    println!("build: {:?}", start.elapsed());
    let filtered = Filters {
        municipalities: BTreeSet::from(["skive".to_owned()]),
        statuses: BTreeSet::from([Status::Active, Status::Pilot]),
        age: Some(17),
        ..Filters::default()
    };
    for query in queries {
        for (label, filters) in [("all", Filters::default()), ("filtered", filtered.clone())] {
            let mut times = Vec::new();
            let mut hits = 0;
            for _ in 0..std::env::var("RUNS")
                .ok()
                .and_then(|r| r.parse().ok())
                .unwrap_or(15)
            {
                let start = Instant::now();
                let understood = index.understand(query);
                hits = index.search_understood(&understood, &filters).hits.len();
                times.push(start.elapsed());
            }
            println!(
                "{query:>10} {label:>8}: {:>10.3?}  ({hits} hits)",
                median(times)
            );
        }
    }
}
