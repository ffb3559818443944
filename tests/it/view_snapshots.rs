//! Snapshots of the pure `view` on ratatui's TestBackend at 80×24, 120×40
//! and 60×20, in Danish, English and NO_COLOR; layout properties that must
//! hold at every size; and a property test that `view` never panics.

use crate::common;

use crate::common::{bundled_app, ctrl, press, render, screen, type_text};
use crossterm::event::KeyCode;
use indsats::app::{Action, App};
use indsats::i18n::Lang;
use indsats::ui::theme::SELECTED_MARKER;
use insta::assert_snapshot;
use proptest::prelude::*;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (60, 20)];

/// The three ways the app looks: Danish, English, and Danish without colour.
const VARIANTS: [(&str, Lang, bool); 3] = [
    ("da", Lang::Da, false),
    ("en", Lang::En, false),
    ("nocolor", Lang::Da, true),
];

type Scene = fn(&mut App);

/// The screens a caseworker sees most: the start screen, a search with a
/// typed municipality and age, an opened entry, the picker and the help.
const SCENES: [(&str, Scene); 5] = [
    ("start", |_| {}),
    ("chips", |a| type_text(a, "skive 17 fgu")),
    ("details", |a| {
        type_text(a, "fgu skolen");
        press(a, KeyCode::Enter);
    }),
    ("picker", |a| {
        ctrl(a, 'f');
        type_text(a, "ran");
    }),
    ("help", |a| press(a, KeyCode::F(1))),
];

#[test]
fn snapshots_at_three_sizes_in_danish_english_and_no_color() {
    for (scene, setup) in SCENES {
        for (w, h) in SIZES {
            for (variant, lang, no_color) in VARIANTS {
                let mut app = bundled_app(lang, (w, h), no_color);
                setup(&mut app);
                // The loop draws once before the user sees it; draw twice so
                // the measured sizes are in.
                render(&mut app);
                let text = screen(&mut app);
                assert_snapshot!(format!("{scene}_{w}x{h}_{variant}"), text);
            }
        }
    }
}

#[test]
fn at_80x24_the_next_steps_are_on_screen_right_after_enter() {
    for query in ["fgu skolen", "ips-ung", "mentorbarn", "kui", "nextworks"] {
        for (lang, heading) in [(Lang::Da, "Næste skridt"), (Lang::En, "Next steps")] {
            let mut app = bundled_app(lang, (80, 24), false);
            type_text(&mut app, query);
            press(&mut app, KeyCode::Enter);
            render(&mut app);
            let text = screen(&mut app);
            assert!(text.contains(heading), "{query}:\n{text}");
            let entry = app.selected_entry().unwrap();
            let first_step: String = entry.next_steps[0].chars().take(20).collect();
            assert!(
                text.contains(&format!("1. {first_step}")),
                "{query}: first step on screen:\n{text}"
            );
        }
    }
}

#[test]
fn at_80_columns_names_get_40_columns_and_the_area_shows() {
    for lang in [Lang::Da, Lang::En] {
        let mut app = bundled_app(lang, (80, 24), false);
        type_text(&mut app, "buddy");
        let text = screen(&mut app);
        let rows: Vec<&str> = text.lines().filter(|l| l.contains("Buddy")).collect();
        assert!(rows.len() >= 2, "{text}");
        for row in &rows {
            // Two similar names are told apart.
            assert!(!row.contains("Buddy-ordning til …"), "{row}");
        }
        assert!(
            text.contains("Hele regionen") || text.contains("Whole region"),
            "{text}"
        );
        // The English status column is not cut.
        assert!(!text.contains("Recommenda…"), "{text}");
    }
}

#[test]
fn bars_keep_f1_quit_and_the_date_at_every_width() {
    for width in [40u16, 60, 80, 100, 120, 200] {
        for lang in [Lang::Da, Lang::En] {
            let mut app = bundled_app(lang, (width, 24), false);
            let text = screen(&mut app);
            let lines: Vec<&str> = text.lines().collect();
            let title = lines[0];
            let hints = lines[lines.len() - 1];
            assert!(hints.contains("F1"), "{width}: {hints}");
            assert!(hints.contains("Ctrl-C"), "{width}: {hints}");
            if width >= 60 {
                assert!(title.contains("2026-12-03"), "{width}: {title}");
            }
        }
    }
}

/// Nothing is cut mid-word without "…": each name in the list shows whole,
/// or cut with "…".
#[test]
fn nothing_is_cut_without_an_ellipsis() {
    for (w, h) in SIZES {
        for lang in [Lang::Da, Lang::En] {
            let mut app = bundled_app(lang, (w, h), false);
            type_text(&mut app, "mentor");
            let text = screen(&mut app);
            let names: Vec<String> = app
                .hits()
                .iter()
                .map(|h| app.catalogue.initiatives[h.index].name.clone())
                .collect();
            let mut checked = 0;
            let mut inside = false;
            for row in text.lines().map(|l| l.trim_matches('"')) {
                if row.starts_with("┌ Result") {
                    inside = true;
                    continue;
                }
                if !inside || row.starts_with('└') {
                    inside = false;
                    continue;
                }
                // Border, marker and the two mark columns come first.
                let cells: String = row.chars().skip(5).collect();
                let shown = cells.split("  ").next().unwrap_or("").trim_end();
                if shown.is_empty() {
                    continue;
                }
                let whole = names.iter().any(|n| n == shown);
                let cut = shown
                    .strip_suffix('…')
                    .is_some_and(|head| names.iter().any(|n| n.starts_with(head)));
                assert!(whole || cut, "{w}x{h}: {shown:?} is cut without …");
                checked += 1;
            }
            assert!(checked >= 3, "{w}x{h}:\n{text}");
        }
    }
}

#[test]
fn no_color_keeps_the_selection_visible() {
    let mut app = bundled_app(Lang::Da, (80, 24), true);
    type_text(&mut app, "fgu");
    let terminal = render(&mut app);
    let buffer = terminal.backend().buffer();
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
fn stale_entries_are_flagged() {
    let mut app = common::app_with(common::bundled(), Lang::Da, "2028-12-01", (120, 40));
    type_text(&mut app, "ips-ung");
    let text = screen(&mut app);
    assert!(text.contains("! Ikke verificeret i over et år"), "{text}");
    let verified = &app.catalogue.find("ips-ung").unwrap().last_verified;
    assert!(text.contains(&format!("({verified})")), "{text}");
    let row = text.lines().find(|l| l.contains("▶   IPS-ung")).unwrap();
    assert!(row.contains(" ! "), "list row flags it: {row}");
}

#[test]
fn too_small_terminal_says_so() {
    let mut app = bundled_app(Lang::Da, (39, 9), false);
    assert!(screen(&mut app).contains("Terminalen er for lille"));
}

#[test]
fn help_scrolls_on_a_short_terminal_and_lists_the_key_table() {
    let mut app = bundled_app(Lang::Da, (80, 24), false);
    press(&mut app, KeyCode::F(1));
    let top = screen(&mut app);
    assert!(top.contains("↓ …"), "says there is more:\n{top}");
    press(&mut app, KeyCode::End);
    let bottom = screen(&mut app);
    assert!(
        bottom.contains("slåfejl"),
        "ends with the legend:\n{bottom}"
    );
    assert!(!bottom.contains("↓ …"));
    press(&mut app, KeyCode::Esc);
    assert!(!app.view.help);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn view_never_panics(width in 0u16..=200, height in 0u16..=100, query in ".{0,40}", open in any::<bool>(), help in any::<bool>(), picker in any::<bool>()) {
        let mut app = bundled_app(Lang::Da, (width, height), false);
        for c in query.chars() {
            app.update(Action::Insert(c));
        }
        if open {
            app.update(Action::Open);
            app.update(Action::PageDown);
        }
        if picker {
            app.update(Action::OpenPicker);
            app.update(Action::Insert('a'));
        }
        if help {
            app.update(Action::ToggleHelp);
        }
        render(&mut app);
    }
}
