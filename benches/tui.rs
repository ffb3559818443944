//! One keystroke in the app, without a terminal: `update` (search, ranking,
//! facets) plus `view` drawn into ratatui's TestBackend at 120×40.
//!
//! `cargo bench --bench tui`

#[path = "support/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use indsats::app::{Action, App};
use indsats::catalogue::load::{Origin, load};
use indsats::catalogue::{Catalogue, Loaded};
use indsats::date::Date;
use indsats::ui::strings::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(catalogue: Catalogue) -> App {
    let loaded = Loaded {
        catalogue,
        origin: Origin::Bundled,
        local: None,
        ignored: Vec::new(),
    };
    let mut app = App::new(
        loaded,
        Lang::Da,
        Date::parse_iso("2026-11-23").unwrap(),
        false,
    );
    app.update(Action::Resize(120, 40));
    app
}

fn keystrokes(c: &mut Criterion) {
    let bundled = load(Origin::Bundled).unwrap().catalogue;
    let sizes = [
        ("bundled", bundled.clone()),
        ("10000", synthetic::catalogue(&bundled, 10_000, 42)),
        ("100000", synthetic::catalogue(&bundled, 100_000, 42)),
    ];
    let mut group = c.benchmark_group("keystroke_update_and_view");
    group.sample_size(20);
    for (name, catalogue) in sizes {
        let mut app = app(catalogue);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        // Type "men", then alternate between "ment" and "men": each iteration is
        // one keystroke that changes the results, then one frame.
        for c in "men".chars() {
            app.update(Action::Insert(c));
        }
        let mut grow = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                app.update(if grow {
                    Action::Insert('t')
                } else {
                    Action::DeleteBack
                });
                grow = !grow;
                terminal
                    .draw(|frame| {
                        indsats::ui::view(&app, frame);
                    })
                    .unwrap();
            })
        });
    }
    group.finish();
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
