//! Findable at 80×24 (issue 22): the hint bar says what the focused part's
//! keys do, with copy and print once a hit is open; F1 has a legend for
//! every status, kind and mark and says how the search reads words; paging
//! the help never skips a line.

use crate::common::pty::{PtyApp, keys};

/// The bottom line of the screen.
fn hint_bar(app: &PtyApp) -> String {
    app.screen().lines().last().unwrap_or_default().to_owned()
}

#[test]
fn the_hint_bar_follows_the_focus() {
    let home = tempfile::tempdir().unwrap();
    let mut app = PtyApp::started(home.path(), 80, 24);
    app.type_text("randers 23 kui");
    app.wait_for("Filtre: [Randers] [23 år]");
    let search = hint_bar(&app);
    assert!(search.contains("Enter åbn"), "{search}");
    app.send(keys::ENTER);
    app.wait_for("Kontakt (Randers)");
    app.wait_until("the details' hints", |s| s.contains("Ctrl-Y kopiér"));
    let details = hint_bar(&app);
    for hint in ["Ctrl-Y kopiér", "Ctrl-X udskriv"] {
        assert!(details.contains(hint), "{details}");
    }
    // In the details the arrows scroll, and Enter opens nothing more.
    assert!(
        !details.contains("vælg") && !details.contains("Enter"),
        "{details}"
    );
    app.send(keys::CTRL_Y);
    app.wait_until("the menu's hints", |s| {
        s.lines().last().is_some_and(|l| l.contains("Enter kopiér"))
    });
    app.send(keys::ESC);
    app.wait_gone("Kopiér til udklipsholderen");
    app.send(b"\x1bOP");
    app.wait_until("the help's hints", |s| {
        s.lines().last().is_some_and(|l| l.contains("↑↓ rul"))
    });
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

/// The screen once it has stopped changing (a frame is drawn in pieces).
fn settled(app: &PtyApp) -> String {
    let mut last = app.screen();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(60));
        let now = app.screen();
        if now == last {
            return now;
        }
        last = now;
    }
}

/// The help's text lines, without the frame and the "↓ …" row.
fn help_text(screen: &str) -> Vec<String> {
    let mut lines: Vec<String> = screen
        .lines()
        .filter_map(|l| l.strip_prefix('│')?.strip_suffix('│'))
        .map(|l| l.trim_end().to_owned())
        .filter(|l| l != "↓ …")
        .collect();
    // The rows under the end of the help.
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

#[test]
fn the_help_has_a_legend_and_paging_never_skips_a_line() {
    // All of it, on a tall screen.
    let home = tempfile::tempdir().unwrap();
    let mut tall = PtyApp::started(home.path(), 80, 200);
    tall.send(b"\x1bOP");
    tall.wait_for("Forklaring");
    let whole = help_text(&settled(&tall));
    for part in [
        "Ubekræftet",
        "Anbefaling",
        "Fagfolk",
        "Pulje",
        "Mærker",
        "Indgang",
        "[17 år…]",
        "slåfejl",
    ] {
        assert!(
            whole.iter().any(|l| l.contains(part)),
            "no {part} in the legend"
        );
    }
    tall.send(keys::CTRL_C);
    tall.wait_exit();
    // Page by page at 80×24: each page goes on where the last one stopped.
    let mut app = PtyApp::started(home.path(), 80, 24);
    app.send(b"\x1bOP");
    app.wait_for("Hjælp – taster");
    // Where each page sits in the whole: the first place from the last
    // page's start where all its lines match.
    let (mut start, mut seen) = (0, 0);
    loop {
        let page = help_text(&settled(&app));
        let at = (start..=whole.len() - page.len())
            .find(|&p| whole[p..p + page.len()] == page[..])
            .expect("the page is a part of the help");
        assert!(at <= seen, "skipped {:?}", &whole[seen..at]);
        (start, seen) = (at, at + page.len());
        if seen >= whole.len() {
            break;
        }
        app.send(b"\x1b[6~");
        app.wait_until("the next page", |s| help_text(s) != page);
    }
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}
