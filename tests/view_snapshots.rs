//! Snapshots of the pure `view` on ratatui's TestBackend, and a property test
//! that it never panics at any size or query.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use indsats::app::keys::map_key;
use indsats::app::{Action, App};
use indsats::catalogue::{Origin, load};
use indsats::date::Date;
use indsats::ui::strings::Lang;
use indsats::ui::theme::SELECTED_MARKER;
use insta::assert_snapshot;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

fn app(width: u16, height: u16, no_color: bool) -> App {
    let mut app = common::app_with(common::bundled(), Lang::Da, "2026-11-23", (width, height));
    app.no_color = no_color;
    app
}

fn keys(app: &mut App, codes: &[KeyCode]) {
    for &code in codes {
        if let Some(action) = map_key(app, KeyEvent::new(code, KeyModifiers::NONE)) {
            app.update(action);
        }
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

fn render(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| indsats::ui::view(app, frame))
        .unwrap();
    terminal
}

fn screen(app: &App) -> String {
    render(app).backend().to_string()
}

#[test]
fn selected_entry_120x40() {
    let mut app = app(120, 40, false);
    typed(&mut app, "fgu skolen");
    keys(&mut app, &[KeyCode::Enter]);
    let text = screen(&app);
    assert!(text.contains("Næste skridt"));
    assert!(text.contains("målgruppevurdering"));
    assert_snapshot!(text);
}

#[test]
fn selected_entry_80x24() {
    let mut app = app(80, 24, false);
    typed(&mut app, "ips");
    assert_snapshot!(screen(&app));
}

#[test]
fn detail_view_60x20() {
    let mut app = app(60, 20, false);
    typed(&mut app, "fra kriminel");
    keys(&mut app, &[KeyCode::Enter]);
    let text = screen(&app);
    assert!(
        text.contains("ANBEFALING"),
        "a recommendation is marked as such"
    );
    assert_snapshot!(text);
}

#[test]
fn list_60x20() {
    let mut app = app(60, 20, false);
    typed(&mut app, "mentor");
    assert_snapshot!(screen(&app));
}

#[test]
fn empty_result_80x24() {
    let mut app = app(80, 24, false);
    typed(&mut app, "xyzzyq");
    let text = screen(&app);
    let all = app.catalogue.initiatives.len();
    assert!(text.contains(&format!("0 af {all}")));
    assert_snapshot!(text);
}

#[test]
fn help_120x40() {
    let mut app = app(120, 40, false);
    keys(&mut app, &[KeyCode::F(1)]);
    let text = screen(&app);
    for key in [
        "Ctrl-C",
        "F2",
        "Tab / Shift-Tab",
        "Mellemrum / Enter",
        "Ctrl-W",
    ] {
        assert!(text.contains(key), "help lists {key}");
    }
    assert_snapshot!(text);
}

#[test]
fn filters_and_age_80x24() {
    let mut app = app(80, 24, false);
    keys(&mut app, &[KeyCode::Tab, KeyCode::Down, KeyCode::Char(' ')]);
    keys(
        &mut app,
        &[KeyCode::F(2), KeyCode::Char('1'), KeyCode::Char('7')],
    );
    assert_snapshot!(screen(&app));
}

#[test]
fn english_interface_80x24() {
    let loaded = load::load(Origin::Bundled).unwrap();
    let mut app = App::new(
        loaded,
        Lang::En,
        Date::parse_iso("2026-11-23").unwrap(),
        false,
    );
    app.update(Action::Resize(80, 24));
    typed(&mut app, "ungegarantien");
    let text = screen(&app);
    assert!(text.contains("Search ›"));
    assert!(text.contains("INSPIRATION – runs outside Region Midtjylland"));
    assert_snapshot!(text);
}

#[test]
fn stale_entries_are_flagged() {
    let loaded = load::load(Origin::Bundled).unwrap();
    // Two years on, every entry of the bundled catalogue is stale.
    let mut app = App::new(
        loaded,
        Lang::Da,
        Date::parse_iso("2028-12-01").unwrap(),
        false,
    );
    app.update(Action::Resize(120, 40));
    typed(&mut app, "ips-ung");
    let text = screen(&app);
    assert!(text.contains("! Ikke verificeret i over et år"), "{text}");
    assert!(text.contains("(2026-11-23)"), "{text}");
    let row = text.lines().find(|l| l.contains("▶    IPS-ung")).unwrap();
    assert!(row.contains(" ! "), "list row flags it: {row}");
}

#[test]
fn no_color_keeps_the_selection_visible() {
    let mut app = app(80, 24, true);
    typed(&mut app, "fgu");
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    assert_snapshot!(terminal.backend().to_string());
    let mut found = false;
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            assert_eq!(cell.fg, Color::Reset, "no colour at {x},{y}");
            assert_eq!(cell.bg, Color::Reset, "no colour at {x},{y}");
            assert!(
                !cell.modifier.contains(Modifier::REVERSED),
                "no reverse video"
            );
        }
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_owned())
            .collect();
        if let Some(at) = row.find(SELECTED_MARKER.trim_end()) {
            let x = row[..at].chars().count() as u16;
            assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
            assert!(buffer[(x + 2, y)].modifier.contains(Modifier::BOLD));
            found = true;
        }
    }
    assert!(found, "the selected row carries the marker");
}

#[test]
fn too_small_terminal_says_so() {
    let app = app(39, 9, false);
    assert!(screen(&app).contains("Terminalen er for lille"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn view_never_panics(width in 0u16..=200, height in 0u16..=100, query in ".{0,40}", open in any::<bool>(), help in any::<bool>()) {
        let mut app = app(width, height, false);
        typed(&mut app, &query);
        if open {
            app.update(Action::Open);
            app.update(Action::PageDown);
        }
        if help {
            app.update(Action::ToggleHelp);
        }
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| indsats::ui::view(&app, frame)).unwrap();
    }
}

#[test]
fn help_scrolls_on_a_short_terminal_80x24() {
    let mut app = app(80, 24, false);
    keys(&mut app, &[KeyCode::F(1)]);
    let top = screen(&app);
    assert!(top.contains("↓ …"), "says there is more:\n{top}");
    assert!(!top.contains("Til mødet"));
    keys(&mut app, &[KeyCode::End]);
    let bottom = screen(&app);
    assert!(bottom.contains("Til mødet"), "{bottom}");
    assert!(bottom.contains("afslut og udskriv"));
    assert!(!bottom.contains("↓ …"));
    assert_snapshot!(bottom);
    keys(&mut app, &[KeyCode::Esc]);
    assert!(!app.help);
}
