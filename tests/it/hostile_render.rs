//! Hostile catalogue text — escape sequences, bidi overrides, zero-width and
//! combining characters, emoji, very long words — never corrupts the screen.

use crate::common;

use indsats::app::{Action, App};
use indsats::catalogue::load;
use indsats::i18n::Lang;
use indsats::text::is_unsafe_char;
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The hostile fixture, plus escape sequences that validation would refuse
/// (injected after loading, to prove the renderer does not rely on validation).
fn hostile_app(width: u16, height: u16) -> App {
    // Read without validation: the validator now refuses the fixture's bidi
    // and zero-width characters, and the renderer must cope regardless.
    let text = std::fs::read_to_string(common::fixture("hostile.json")).unwrap();
    let mut catalogue: indsats::catalogue::Catalogue = serde_json::from_str(&text).unwrap();
    assert!(load::load_file(&common::fixture("hostile.json")).is_err());
    let entry = &mut catalogue.initiatives[0];
    entry.description = format!(
        "{} \u{1b}[2J\u{1b}]0;pwned\u{7} \u{9b}31m",
        entry.description
    );
    let step = &mut catalogue.initiatives[1].next_steps[0];
    *step = format!("{}\u{1b}[?1049l\r\n\t", step);
    common::app_with(catalogue, Lang::Da, common::TODAY, (width, height))
}

fn draw(app: &mut App) -> Terminal<TestBackend> {
    common::render(app)
}

fn assert_clean(terminal: &Terminal<TestBackend>) {
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(is_unsafe_char),
            "unsafe character reached the screen: {:?}",
            cell.symbol()
        );
    }
}

#[test]
fn hostile_entries_render_cleanly_120x40() {
    for selected in 0..2 {
        let mut app = hostile_app(120, 40);
        for _ in 0..selected {
            app.update(Action::Down);
        }
        app.update(Action::Open);
        let terminal = draw(&mut app);
        assert_clean(&terminal);
        assert_snapshot!(
            format!("hostile_120x40_{selected}"),
            terminal.backend().to_string()
        );
    }
}

#[test]
fn hostile_entries_render_cleanly_narrow_and_scrolled() {
    for (w, h) in [(60, 20), (80, 24), (40, 10)] {
        let mut app = hostile_app(w, h);
        app.update(Action::Open);
        for _ in 0..50 {
            app.update(Action::Down);
            assert_clean(&draw(&mut app));
        }
    }
    let mut app = hostile_app(60, 20);
    app.update(Action::Open);
    assert_snapshot!("hostile_60x20", draw(&mut app).backend().to_string());
}

#[test]
fn hostile_catalogue_keeps_the_real_screen_intact() {
    let home = tempfile::tempdir().unwrap();
    // The fixture without the characters validation refuses (the app would
    // not start on it): combining stacks, emoji, long words stay.
    let text = std::fs::read_to_string(common::fixture("hostile.json")).unwrap();
    let text: String = text
        .chars()
        .filter(|&c| c == '\n' || !is_unsafe_char(c))
        .collect();
    let path = home.path().join("hostile.json");
    std::fs::write(&path, text).unwrap();
    let mut app = common::pty::PtyApp::start(
        home.path(),
        &["--catalogue", path.to_str().unwrap()],
        100,
        30,
        &[],
    );
    app.wait_for("2 af 2");
    app.send(common::pty::keys::ENTER);
    app.wait_for("Næste skridt");
    for _ in 0..20 {
        app.send(common::pty::keys::DOWN);
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let screen = app.screen();
    let rows: Vec<&str> = screen.lines().collect();
    assert!(
        rows[0].starts_with(" indsats · ") && rows[0].contains("2 indsatser"),
        "title bar stays on top:\n{screen}"
    );
    // Every body row keeps its right-hand border in the last column.
    for row in &rows[3..rows.len() - 1] {
        assert!(
            row.ends_with('│') || row.ends_with('┐') || row.ends_with('┘'),
            "broken row {row:?} in\n{screen}"
        );
    }
    app.send(common::pty::keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_local_file_name_with_escapes_is_shown_escaped_in_the_details() {
    let mut app = hostile_app(120, 40);
    let ids = app.catalogue.initiatives.iter().map(|e| e.id.clone());
    app.local = Some(indsats::catalogue::local::LocalInfo {
        path: "/home/x/\u{1b}[2J\u{202e}lokal.json".into(),
        ids: ids.collect(),
        added: 1,
        replaced: 0,
        patched: 0,
    });
    app.update(Action::Open);
    let terminal = draw(&mut app);
    assert_clean(&terminal);
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains(r"/home/x/\u{1b}[2J\u{202e}lokal.json"),
        "the file name is shown, escaped:\n{screen}"
    );
}
