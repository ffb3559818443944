//! Key sequences → state, through `map_key` and `update`, without a terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keys::map_key;
use super::{Action, App, Effect, Facet, FilterValue, Focus, ListView, Measured};
use crate::catalogue::{Kind, Origin, Status, load};
use crate::date::Date;
use crate::i18n::Lang;

mod meeting;
mod undo;

fn app_at(width: u16, height: u16) -> App {
    let loaded = load::load(Origin::Bundled).expect("bundled catalogue");
    let mut app = App::new(
        loaded,
        Lang::Da,
        Date::parse_iso("2026-11-23").unwrap(),
        false,
    );
    app.update(Action::Resize(width, height));
    app
}

fn app() -> App {
    app_at(120, 40)
}

/// Hands the app what a draw would have measured: `list_rows` rows of
/// results, and details of `detail_lines` lines in `detail_rows` rows. (The
/// view's own measuring is tested with the view, in tests/it.)
fn measured(app: &mut App, list_rows: usize, detail_rows: usize, detail_lines: usize) {
    app.set_measured(Measured {
        list_rows,
        detail_rows,
        detail_lines,
        ..Measured::default()
    });
}

fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

fn ctrl(app: &mut App, c: char) {
    press_with(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = map_key(app, KeyEvent::new(code, modifiers)) {
        app.update(action);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn selected_id(app: &App) -> Option<String> {
    app.selected_entry().map(|e| e.id.clone())
}

fn to_list(app: &mut App) {
    while app.view.focus != Focus::List {
        press(app, KeyCode::Tab);
    }
}

#[test]
fn typing_searches_on_every_keystroke() {
    let mut app = app();
    let total = app.hits().len();
    assert_eq!(total, app.catalogue.initiatives.len());
    type_text(&mut app, "fgu");
    let after_three = app.hits().len();
    assert!(after_three < total && after_three >= 6, "{after_three}");
    type_text(&mut app, " skolen");
    assert_eq!(app.query(), "fgu skolen");
    assert_eq!(selected_id(&app).as_deref(), Some("fgu-skolen"));
}

#[test]
fn the_search_line_edits_like_a_shell() {
    let mut app = app();
    type_text(&mut app, "ips ung");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.query(), "ips un");
    ctrl(&mut app, 'w');
    assert_eq!(app.query(), "ips ");
    type_text(&mut app, "ung");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Delete);
    assert_eq!(app.query(), "ips ug");
    ctrl(&mut app, 'a');
    type_text(&mut app, "^");
    assert_eq!(app.query(), "^ips ug");
    press(&mut app, KeyCode::End);
    type_text(&mut app, "x");
    assert_eq!(app.query(), "^ips ugx");
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Right);
    ctrl(&mut app, 'e');
    press(&mut app, KeyCode::Left);
    ctrl(&mut app, 'u');
    assert_eq!(app.query(), "x", "Ctrl-U deletes what is before the cursor");
    ctrl(&mut app, 'e');
    ctrl(&mut app, 'u');
    assert_eq!(app.query(), "");
    assert_eq!(app.hits().len(), app.catalogue.initiatives.len());
}

#[test]
fn arrows_ctrl_keys_pages_home_and_end_move_the_selection() {
    let mut app = app();
    let last = app.hits().len() - 1;
    press(&mut app, KeyCode::Down);
    ctrl(&mut app, 'n');
    ctrl(&mut app, 'j');
    assert_eq!(app.search.selected, 3);
    ctrl(&mut app, 'k');
    ctrl(&mut app, 'p');
    press(&mut app, KeyCode::Up);
    assert_eq!(app.search.selected, 0);
    to_list(&mut app);
    press(&mut app, KeyCode::End);
    assert_eq!(app.search.selected, last);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.search.selected, last, "clamped at the end");
    press(&mut app, KeyCode::Home);
    assert_eq!(app.search.selected, 0);
    measured(&mut app, 17, 10, 30);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.search.selected, 16, "a page: the list's rows, one kept");
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.search.selected, 0);
}

#[test]
fn enter_opens_details_and_esc_backs_out_but_never_quits() {
    let mut app = app();
    type_text(&mut app, "ips");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view.focus, Focus::Details);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view.focus, Focus::List);
    assert_eq!(app.query(), "ips");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view.focus, Focus::Query);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.query(), "", "then Esc clears the search");
    for _ in 0..5 {
        press(&mut app, KeyCode::Esc);
    }
    assert!(!app.outbox.quit);
}

#[test]
fn narrow_terminals_open_details_as_their_own_view() {
    let mut app = app_at(60, 20);
    type_text(&mut app, "ips");
    press(&mut app, KeyCode::Enter);
    assert!(app.view.detail_view);
    press(&mut app, KeyCode::Esc);
    assert!(!app.view.detail_view);
    assert_eq!(app.view.focus, Focus::List);
}

#[test]
fn tab_cycles_search_list_details() {
    let mut app = app();
    let mut seen = vec![app.view.focus];
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
        seen.push(app.view.focus);
    }
    assert_eq!(
        seen,
        [Focus::Query, Focus::List, Focus::Details, Focus::Query]
    );
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.view.focus, Focus::Details);
}

/// No plain letter is ever a command: typed in any focus, with the help,
/// the picker or the copy menu open, letters never quit, mark, save, copy,
/// print or open a view.
#[test]
fn letters_are_never_commands_anywhere() {
    let letters: String = (' '..='~').chain("æøåÆØÅ".chars()).collect();
    type Setup = fn(&mut App);
    let setups: [(&str, Setup); 7] = [
        ("search line", |_| {}),
        ("list", |a| to_list(a)),
        ("details", |a| press(a, KeyCode::Enter)),
        ("help", |a| press(a, KeyCode::F(1))),
        ("picker", |a| ctrl(a, 'f')),
        ("age picker", |a| press(a, KeyCode::F(2))),
        ("copy menu", |a| ctrl(a, 'y')),
    ];
    for (name, setup) in setups {
        let mut app = app();
        type_text(&mut app, "fgu");
        setup(&mut app);
        app.outbox.effects.clear();
        type_text(&mut app, &letters);
        assert!(!app.outbox.quit, "{name}: quit");
        assert!(app.meeting.shortlist.is_empty(), "{name}: marked");
        assert!(app.meeting.store.favourites.is_empty(), "{name}: saved");
        assert!(
            app.outbox.effects.is_empty(),
            "{name}: {:?}",
            app.outbox.effects
        );
        assert_eq!(
            app.view.list_view,
            ListView::Search,
            "{name}: a view opened"
        );
    }
}

#[test]
fn ctrl_c_always_quits_and_ctrl_z_suspends() {
    type Setup = fn(&mut App);
    let setups: [Setup; 5] = [
        |_| {},
        |a| to_list(a),
        |a| press(a, KeyCode::F(1)),
        |a| ctrl(a, 'f'),
        |a| press(a, KeyCode::Enter),
    ];
    for setup in setups {
        let mut app = app();
        setup(&mut app);
        app.outbox.effects.clear();
        ctrl(&mut app, 'z');
        assert_eq!(app.outbox.effects, [Effect::Suspend]);
        ctrl(&mut app, 'c');
        assert!(app.outbox.quit);
    }
}

#[test]
fn help_opens_with_f1_and_typing_closes_it_and_types() {
    let mut app = app();
    press(&mut app, KeyCode::F(1));
    assert!(app.view.help);
    press(&mut app, KeyCode::Esc);
    assert!(!app.view.help);
    press(&mut app, KeyCode::F(1));
    type_text(&mut app, "?");
    assert!(!app.view.help);
    assert_eq!(app.query(), "?", "? is typed, never a command");
}

#[test]
fn letters_typed_in_the_list_or_details_search() {
    let mut app = app();
    to_list(&mut app);
    type_text(&mut app, "ips");
    assert_eq!(app.view.focus, Focus::Query);
    assert_eq!(app.query(), "ips");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, " ung");
    assert_eq!(app.query(), "ips ung");
}

#[test]
fn ctrl_w_and_ctrl_u_edit_the_search_from_the_list_and_details() {
    // The next situation is typed straight from the details of the last.
    for (keys, left) in [
        (&['w'][..], "ips "),
        (&['u'][..], ""),
        (&['w', 'w'][..], ""),
    ] {
        let mut app = app();
        type_text(&mut app, "ips ung");
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.view.focus, Focus::Details);
        for &c in keys {
            ctrl(&mut app, c);
        }
        assert_eq!(app.view.focus, Focus::Query, "{keys:?}");
        assert_eq!(app.query(), left, "{keys:?}");
    }
    let mut app = app();
    type_text(&mut app, "ips ung");
    to_list(&mut app);
    ctrl(&mut app, 'u');
    type_text(&mut app, "fgu");
    assert_eq!(app.query(), "fgu");
}

#[test]
fn details_scroll_and_stay_within_the_text() {
    let mut app = app_at(80, 24);
    type_text(&mut app, "fgu aarhus");
    press(&mut app, KeyCode::Enter);
    measured(&mut app, 5, 12, 40);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.view.detail_scroll, 1);
    press(&mut app, KeyCode::End);
    let bottom = app.view.detail_scroll;
    assert_eq!(bottom, 40 - 12, "the last line at the bottom");
    press(&mut app, KeyCode::Down);
    assert_eq!(app.view.detail_scroll, bottom);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.view.detail_scroll, 0);
}

#[test]
fn apply_defers_the_search_until_sync() {
    let mut app = app();
    for c in "fgu".chars() {
        app.apply(Action::Insert(c));
    }
    assert_eq!(
        app.hits().len(),
        app.catalogue.initiatives.len(),
        "not yet searched"
    );
    app.sync();
    assert!(app.hits().len() < app.catalogue.initiatives.len());
}

#[test]
fn apply_never_searches_even_for_an_action_that_reads_the_results() {
    let mut app = app();
    for c in "fgu".chars() {
        app.apply(Action::Insert(c));
    }
    for action in [
        Action::Down,
        Action::Open,
        Action::ToggleMark,
        Action::OpenPicker,
    ] {
        assert!(action.reads_results(), "{action:?}");
        app.apply(action);
        assert_eq!(
            app.hits().len(),
            app.catalogue.initiatives.len(),
            "{action:?} searched"
        );
    }
    assert!(!Action::Insert('x').reads_results());
    // The loop's way: brought up to date first, so Enter opens an FGU entry.
    let mut app = app_at(120, 40);
    type_text(&mut app, "fgu skive");
    app.update(Action::Open);
    assert_eq!(app.view.focus, Focus::Details);
    assert!(app.selected_entry().is_some_and(|e| e.name.contains("FGU")));
}

#[test]
fn query_length_is_capped() {
    let mut app = app();
    for _ in 0..500 {
        app.apply(Action::Insert('a'));
    }
    app.sync();
    assert_eq!(app.query().chars().count(), super::state::MAX_QUERY_CHARS);
}

#[test]
fn a_typed_municipality_and_age_become_chips_and_backspace_removes_them() {
    let mut app = app();
    type_text(&mut app, "skive");
    assert_eq!(app.query(), "skive", "not finished yet");
    assert!(app.search.effective.municipalities.contains("skive"));
    assert_eq!(app.chip_labels(), [("Skive".to_owned(), true)]);
    type_text(&mut app, " 17 år fgu");
    assert_eq!(
        app.query(),
        "fgu",
        "the line keeps the words still searched"
    );
    assert_eq!(
        app.chip_labels(),
        [("Skive".to_owned(), false), ("17 år".to_owned(), false)]
    );
    assert_eq!(app.search.filters.age, Some(17));
    let with_words = app.hits().len();
    ctrl(&mut app, 'w');
    assert_eq!(app.query(), "");
    assert!(app.hits().len() >= with_words);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.search.filters.age, None, "the last chip goes first");
    press(&mut app, KeyCode::Backspace);
    assert!(app.search.filters.is_empty());
    assert_eq!(app.hits().len(), app.catalogue.initiatives.len());
}

#[test]
fn enter_finishes_the_line_and_keeps_the_selection() {
    let mut app = app();
    type_text(&mut app, "fgu aarhus");
    press(&mut app, KeyCode::Down);
    let chosen = selected_id(&app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.query(), "fgu");
    assert!(app.search.filters.municipalities.contains("aarhus"));
    assert_eq!(selected_id(&app), chosen);
    assert_eq!(app.view.focus, Focus::Details);
}

#[test]
fn a_new_age_replaces_the_old_one() {
    let mut app = app();
    type_text(&mut app, "17 ");
    assert_eq!(app.search.filters.age, Some(17));
    type_text(&mut app, "24 ");
    assert_eq!(app.search.filters.age, Some(24), "typed in the search");
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "19");
    assert_eq!(app.search.filters.age, Some(19), "typed in the picker");
    press(&mut app, KeyCode::Up);
    assert_eq!(app.search.filters.age, Some(20));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view.picker, None);
    let ages = app
        .search
        .chips
        .iter()
        .filter(|c| matches!(c.value, FilterValue::Age(_)))
        .count();
    assert_eq!(ages, 1);
    press(&mut app, KeyCode::F(2));
    press(&mut app, KeyCode::Delete);
    assert_eq!(app.search.filters.age, None);
}

#[test]
fn ctrl_u_clears_the_typed_situation_but_keeps_picked_filters() {
    let mut app = app();
    ctrl(&mut app, 'f');
    type_text(&mut app, "aarhus");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "herning 24 angst");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view.focus, Focus::Details);
    let labels =
        |app: &App| -> Vec<String> { app.chip_labels().into_iter().map(|c| c.0).collect() };
    assert_eq!(labels(&app), ["Aarhus", "Herning", "24 år"]);
    ctrl(&mut app, 'u');
    assert_eq!(app.query(), "");
    assert_eq!(labels(&app), ["Aarhus"], "picked in the picker: stays");
    type_text(&mut app, "skive 17 fgu");
    assert_eq!(labels(&app), ["Aarhus", "Skive", "17 år"]);
    assert!(!app.search.filters.municipalities.contains("herning"));
}

/// Every facet of the table is a tab of the picker, in the table's order;
/// picking the first value of each facet with values makes a chip with the
/// value's label, and the count shown is what it leaves.
#[test]
fn every_facet_of_the_table_is_picked_the_same_way() {
    let mut app = app();
    ctrl(&mut app, 'f');
    for spec in &crate::search::facets::FACETS {
        assert_eq!(app.view.picker.as_ref().unwrap().facet, spec.facet);
        if spec.values().is_some() {
            let first = app.picker_values()[0].clone();
            press(&mut app, KeyCode::Enter);
            assert_eq!(app.hits().len(), first.count, "{:?}", spec.facet);
            assert_eq!(app.chip_labels(), [(first.label, false)]);
            assert_eq!(app.chosen_in(spec.facet), 1);
            press(&mut app, KeyCode::Delete);
            assert!(app.search.filters.is_empty(), "{:?}", spec.facet);
        }
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(app.view.picker.as_ref().unwrap().facet, Facet::Municipality);
}

#[test]
fn the_picker_finds_by_typing_and_counts_live() {
    let mut app = app();
    ctrl(&mut app, 'f');
    assert_eq!(app.view.picker.as_ref().unwrap().facet, Facet::Municipality);
    type_text(&mut app, "ski");
    let values = app.picker_values();
    assert_eq!(values[0].label, "Skive");
    let expected = values[0].count;
    press(&mut app, KeyCode::Enter);
    assert!(app.search.filters.municipalities.contains("skive"));
    assert_eq!(
        app.hits().len(),
        expected,
        "the count shown is what it leaves"
    );
    assert_eq!(app.chip_labels(), [("Skive".to_owned(), false)]);
    // Kind and status are facets too.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert_eq!(app.view.picker.as_ref().unwrap().facet, Facet::Kind);
    press(&mut app, KeyCode::Enter);
    assert!(app.search.filters.kinds.contains(&Kind::Offer));
    assert!(
        app.hits()
            .iter()
            .all(|h| app.catalogue.initiatives[h.index].kind == Kind::Offer)
    );
    press(&mut app, KeyCode::Delete);
    assert!(app.search.filters.kinds.is_empty());
    press(&mut app, KeyCode::Right);
    type_text(&mut app, "anbef");
    press(&mut app, KeyCode::Enter);
    assert!(app.search.filters.statuses.contains(&Status::Proposed));
    press(&mut app, KeyCode::Esc);
    assert!(app.view.picker.is_none());
    assert_eq!(app.query(), "", "type-ahead never reaches the search");
}

#[test]
fn the_start_screen_lists_confirmed_offers_first_and_no_recents() {
    let mut app = app();
    app.meeting.store.opened("talentspejderne");
    app.meeting.store.opened("uddannelsespulje");
    app.refresh();
    let entries: Vec<_> = app
        .hits()
        .iter()
        .map(|h| &app.catalogue.initiatives[h.index])
        .collect();
    let offers = entries
        .iter()
        .take_while(|e| e.kind == Kind::Offer && e.status == Status::Active)
        .count();
    assert!(offers > 0);
    assert!(
        entries[offers..]
            .iter()
            .all(|e| !(e.kind == Kind::Offer && e.status == Status::Active))
    );
    assert_ne!(entries[0].id, "uddannelsespulje", "no recents first");
}

#[test]
fn highlights_are_filled_in_far_down_a_long_list() {
    let mut loaded = load::load(Origin::Bundled).expect("bundled catalogue");
    let template = loaded.catalogue.find("mentorbarn").unwrap().clone();
    for i in 0..1500 {
        let mut entry = template.clone();
        entry.id = format!("mentor-{i}");
        entry.name = format!("Mentorordning {i}");
        loaded.catalogue.initiatives.push(entry);
    }
    let mut app = App::new(
        loaded,
        Lang::Da,
        Date::parse_iso("2026-11-23").unwrap(),
        false,
    );
    app.update(Action::Resize(120, 40));
    type_text(&mut app, "mentor");
    assert!(app.hits().len() > crate::search::DETAILED_HITS);
    while app.search.selected < crate::search::DETAILED_HITS + 100 {
        press(&mut app, KeyCode::PageDown);
    }
    let hit = app.selected_hit().unwrap();
    assert!(
        !hit.matched_fields().is_empty(),
        "details filled for the selected row"
    );
    let selected = app.search.selected;
    let near = &app.hits()[selected - 10..=selected];
    let named: Vec<_> = near
        .iter()
        .filter(|h| {
            app.catalogue.initiatives[h.index]
                .name
                .starts_with("Mentorordning")
        })
        .collect();
    assert!(!named.is_empty());
    assert!(
        named
            .iter()
            .all(|h| h.name_positions() == [0, 1, 2, 3, 4, 5])
    );
}
