//! Search benchmarks: per-keystroke search (ranking and facet counts) at the
//! bundled catalogue and at 1,000 / 10,000 / 100,000 synthetic entries, for
//! 1-, 3- and 8-letter queries with and without filters; and index build time.
//!
//! `cargo bench --bench search`; `cargo bench --bench search -- 100000` for one size.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use indsats::catalogue::Catalogue;
use indsats::catalogue::Status;
use indsats::catalogue::load::{Origin, load};
use indsats::search::{Filters, SearchIndex};

/// The queries: what a caseworker has typed after 1, 3 and 8 letters.
const QUERIES: [&str; 3] = ["m", "men", "mentorfo"];

fn catalogues() -> Vec<(String, Catalogue)> {
    let bundled = load(Origin::Bundled).expect("bundled catalogue").catalogue;
    let mut all = vec![(
        format!("bundled-{}", bundled.initiatives.len()),
        bundled.clone(),
    )];
    for size in [1_000, 10_000, 100_000] {
        all.push((size.to_string(), synthetic::catalogue(&bundled, size, 42)));
    }
    all
}

/// A caseworker in Skive with a 17-year-old, active and pilot offers only.
fn filters() -> Filters {
    Filters {
        municipalities: BTreeSet::from(["skive".to_owned()]),
        statuses: BTreeSet::from([Status::Active, Status::Pilot]),
        age: Some(17),
        ..Filters::default()
    }
}

fn bench(c: &mut Criterion) {
    let catalogues = catalogues();
    let mut build = c.benchmark_group("index_build");
    build.sample_size(10).warm_up_time(Duration::from_secs(1));
    for (name, catalogue) in &catalogues {
        build.bench_with_input(BenchmarkId::from_parameter(name), catalogue, |b, cat| {
            b.iter(|| SearchIndex::new(black_box(cat)))
        });
    }
    build.finish();

    let mut search = c.benchmark_group("search");
    search
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    let filtered = filters();
    for (name, catalogue) in &catalogues {
        let index = SearchIndex::new(catalogue);
        for query in QUERIES {
            for (label, f) in [("all", Filters::default()), ("filtered", filtered.clone())] {
                let id = BenchmarkId::new(format!("{name}/{label}"), query);
                search.bench_function(id, |b| b.iter(|| index.search(black_box(query), &f)));
            }
        }
        let id = BenchmarkId::new(format!("{name}/all"), "empty");
        search.bench_function(id, |b| {
            b.iter(|| index.search(black_box(""), &Filters::default()))
        });
    }
    search.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
