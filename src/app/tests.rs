//! Key sequences → state, through `map_key` and `update`, without a terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keys::map_key;
use super::{Action, App, Facet, Focus};
use crate::catalogue::{Origin, Status, load};
use crate::date::Date;
use crate::i18n::Lang;

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

fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
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

#[test]
fn typing_searches_on_every_keystroke() {
    let mut app = app();
    let total = app.hits().len();
    assert_eq!(total, app.catalogue.initiatives.len());
    type_text(&mut app, "fgu");
    let after_three = app.hits().len();
    assert!(after_three < total && after_three >= 6, "{after_three}");
    type_text(&mut app, " skolen");
    assert_eq!(app.query, "fgu skolen");
    assert_eq!(selected_id(&app).as_deref(), Some("fgu-skolen"));
}

#[test]
fn backspace_ctrl_w_and_ctrl_u_edit_the_query() {
    let mut app = app();
    type_text(&mut app, "ips ung");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.query, "ips un");
    press_with(&mut app, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(app.query, "ips ");
    type_text(&mut app, "ung");
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.query, "");
    assert_eq!(app.hits().len(), app.catalogue.initiatives.len());
}

#[test]
fn arrows_pages_home_and_end_move_the_selection() {
    let mut app = app();
    let last = app.hits().len() - 1;
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected, 2);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.selected, 1);
    press(&mut app, KeyCode::End);
    assert_eq!(app.selected, last);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected, last, "clamped at the end");
    press(&mut app, KeyCode::Home);
    assert_eq!(app.selected, 0);
    press(&mut app, KeyCode::PageDown);
    assert!(
        app.selected > 10,
        "a page is the list height: {}",
        app.selected
    );
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.selected, 0);
}

#[test]
fn a_new_query_selects_the_best_match_again() {
    let mut app = app();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "k");
    assert_eq!(app.selected, 0);
}

#[test]
fn enter_opens_details_and_esc_backs_out_step_by_step() {
    let mut app = app();
    type_text(&mut app, "ips");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Focus::Details);
    assert!(
        !app.detail_view,
        "wide screens show details beside the list"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::List);
    assert_eq!(app.query, "ips");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.query, "", "Esc in the list clears the query");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::Query);
}

#[test]
fn narrow_terminals_open_details_as_their_own_view() {
    let mut app = app_at(60, 20);
    type_text(&mut app, "ips");
    press(&mut app, KeyCode::Enter);
    assert!(app.detail_view);
    press(&mut app, KeyCode::Esc);
    assert!(!app.detail_view);
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn tab_cycles_query_filters_list_details() {
    let mut app = app();
    let mut seen = vec![app.focus];
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
        seen.push(app.focus);
    }
    assert_eq!(
        seen,
        [
            Focus::Query,
            Focus::Filters,
            Focus::List,
            Focus::Details,
            Focus::Query
        ]
    );
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Focus::Details);
}

#[test]
fn filter_panel_arrows_choose_facet_and_space_toggles() {
    let mut app = app();
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.facet, Facet::Municipality);
    let skive = app
        .catalogue
        .vocabularies
        .municipalities
        .iter()
        .position(|m| m.id == "skive")
        .unwrap();
    for _ in 0..skive {
        press(&mut app, KeyCode::Down);
    }
    let expected = app.facet_values(Facet::Municipality)[skive].count;
    press(&mut app, KeyCode::Char(' '));
    assert!(app.filters.municipalities.contains("skive"));
    assert_eq!(
        app.hits().len(),
        expected,
        "the count shown is what the filter leaves"
    );
    assert!(app.active_filters().contains(&"Skive".to_owned()));
    press(&mut app, KeyCode::Char(' '));
    assert!(app.filters.municipalities.is_empty());

    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert_eq!(app.facet, Facet::Status);
    let proposed = Status::ALL
        .iter()
        .position(|&s| s == Status::Proposed)
        .unwrap();
    for _ in 0..proposed {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.filters.statuses.contains(&Status::Proposed));
    assert!(
        app.hits()
            .iter()
            .all(|h| app.catalogue.initiatives[h.index].status == Status::Proposed)
    );
    press(&mut app, KeyCode::Delete);
    assert!(app.filters.statuses.is_empty());
    press(&mut app, KeyCode::Left);
    assert_eq!(app.facet, Facet::Theme);
}

#[test]
fn f2_sets_the_age_directly() {
    let mut app = app();
    type_text(&mut app, "ips");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.focus, Focus::Filters);
    assert_eq!(app.facet, Facet::Age);
    type_text(&mut app, "17");
    assert_eq!(app.filters.age, Some(17));
    assert_eq!(app.query, "ips", "digits went to the age, not the query");
    press(&mut app, KeyCode::Up);
    assert_eq!(app.filters.age, Some(18));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.filters.age, Some(1));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.filters.age, None);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.filters.age, Some(16), "arrows start from 16");
}

#[test]
fn q_types_in_the_query_but_quits_elsewhere() {
    let mut app = app();
    type_text(&mut app, "q");
    assert_eq!(app.query, "q");
    assert!(!app.quit);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::List);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn ctrl_c_always_quits() {
    for focus_presses in 0..4 {
        let mut app = app();
        for _ in 0..focus_presses {
            press(&mut app, KeyCode::Tab);
        }
        press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert!(app.quit, "after {focus_presses} tabs");
    }
    let mut app = app();
    press(&mut app, KeyCode::F(1));
    press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.quit, "also from help");
}

#[test]
fn help_opens_with_f1_or_question_mark_and_closes_with_esc() {
    let mut app = app();
    press(&mut app, KeyCode::F(1));
    assert!(app.help);
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(app.query, "", "keys do not leak through the help");
    press(&mut app, KeyCode::Esc);
    assert!(!app.help);
    type_text(&mut app, "?");
    assert_eq!(app.query, "?", "in the query ? is typed");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help);
}

#[test]
fn letters_typed_in_the_list_start_a_search() {
    let mut app = app();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::List);
    type_text(&mut app, "ips");
    assert_eq!(app.focus, Focus::Query);
    assert_eq!(app.query, "ips");
}

#[test]
fn details_scroll_and_stay_within_the_text() {
    let mut app = app_at(80, 24);
    type_text(&mut app, "fgu aarhus");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.detail_scroll, 1);
    press(&mut app, KeyCode::End);
    let bottom = app.detail_scroll;
    assert!(bottom > 1);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.detail_scroll, bottom);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.detail_scroll, 0);
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
fn query_length_is_capped() {
    let mut app = app();
    for _ in 0..500 {
        app.apply(Action::Insert('a'));
    }
    app.sync();
    assert_eq!(app.query.chars().count(), super::state::MAX_QUERY_CHARS);
}

fn to_list(app: &mut App) {
    while app.focus != Focus::List {
        press(app, KeyCode::Tab);
    }
}

#[test]
fn m_marks_for_the_shortlist_and_s_shows_it() {
    let mut app = app();
    type_text(&mut app, "fgu");
    to_list(&mut app);
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.shortlist.len(), 2);
    let marked = app.shortlist.clone();
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.list_view, super::ListView::Shortlist);
    let shown: Vec<String> = app
        .hits()
        .iter()
        .map(|h| app.catalogue.initiatives[h.index].id.clone())
        .collect();
    assert_eq!(shown, marked, "the shortlist in the order marked");
    // Unmarking in the shortlist view removes it from the view.
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.hits().len(), 1);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.list_view, super::ListView::Search);
    assert_eq!(app.query, "fgu", "back to the search as it was");
}

#[test]
fn f_toggles_a_favourite_and_asks_to_save() {
    let mut app = app();
    type_text(&mut app, "kui");
    to_list(&mut app);
    let id = selected_id(&app).unwrap();
    press(&mut app, KeyCode::Char('f'));
    assert!(app.store.is_favourite(&id));
    assert_eq!(app.effects, [super::Effect::SaveStore]);
    press(&mut app, KeyCode::Char('v'));
    assert_eq!(app.hits().len(), 1);
    assert_eq!(selected_id(&app), Some(id.clone()));
    press(&mut app, KeyCode::Char('f'));
    assert!(!app.store.is_favourite(&id));
    assert!(app.hits().is_empty(), "the favourites view follows");
}

#[test]
fn opening_records_a_recent_and_recents_come_first_on_an_empty_query() {
    let mut app = app();
    type_text(&mut app, "talentspejderne");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.store.recent, ["talentspejderne"]);
    assert!(app.effects.contains(&super::Effect::SaveStore));
    press(&mut app, KeyCode::Esc);
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(selected_id(&app).as_deref(), Some("talentspejderne"));
    let entry = app.selected_entry().unwrap();
    assert!(app.is_recent(entry));
}

#[test]
fn c_copies_the_referral_summary_or_a_contact_field() {
    let mut app = app();
    type_text(&mut app, "fgu skolen");
    to_list(&mut app);
    press(&mut app, KeyCode::Char('c'));
    let menu = app.copy_menu.clone().expect("copy menu open");
    assert!(menu[0].label.contains("FGU Skolen"));
    assert!(menu.iter().any(|c| c.text == "https://fguskolen.dk"));
    press(&mut app, KeyCode::Char('1'));
    assert!(app.copy_menu.is_none());
    let entry = app.catalogue.find("fgu-skolen").unwrap();
    assert_eq!(
        app.effects,
        [super::Effect::Copy(crate::report::referral_summary(
            entry,
            Lang::Da,
            app.today,
            &app.filters.municipalities
        ))]
    );
    assert!(app.status.as_deref().unwrap().starts_with("Kopieret"));
    // Choosing the web address copies just that.
    app.effects.clear();
    press(&mut app, KeyCode::Char('c'));
    let web = menu
        .iter()
        .position(|c| c.text == "https://fguskolen.dk")
        .unwrap();
    press(&mut app, KeyCode::Char(char::from(b'1' + web as u8)));
    assert_eq!(
        app.effects,
        [super::Effect::Copy("https://fguskolen.dk".into())]
    );
    // Esc closes the menu without copying.
    app.effects.clear();
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Esc);
    assert!(app.copy_menu.is_none() && app.effects.is_empty());
}

#[test]
fn p_quits_and_leaves_the_entry_or_the_shortlist_to_print() {
    let mut app = app();
    type_text(&mut app, "ips-ung");
    to_list(&mut app);
    press(&mut app, KeyCode::Char('p'));
    assert!(app.quit);
    let entry = app.catalogue.find("ips-ung").unwrap();
    let expected = crate::report::entry_text(
        &app.catalogue,
        entry,
        Lang::Da,
        crate::report::TEXT_WIDTH,
        app.today,
        &app.filters.municipalities,
    );
    assert_eq!(
        app.print.as_deref(),
        Some(expected.as_str()),
        "same text as `indsats show`"
    );

    let mut app = app_at(120, 40);
    type_text(&mut app, "fgu");
    to_list(&mut app);
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Char('p'));
    let printed = app.print.unwrap();
    assert_eq!(
        printed.matches("Næste skridt:").count(),
        2,
        "both shortlisted entries"
    );
}

fn app_on(today: &str) -> App {
    let loaded = load::load(Origin::Bundled).expect("bundled catalogue");
    let mut app = App::new(loaded, Lang::Da, Date::parse_iso(today).unwrap(), false);
    app.update(Action::Resize(120, 40));
    app
}

/// Selects the "not verified for over a year" row of the status facet.
fn toggle_stale_filter(app: &mut App) {
    press(app, KeyCode::Tab);
    for _ in 0..3 {
        press(app, KeyCode::Right);
    }
    assert_eq!(app.facet, Facet::Status);
    press(app, KeyCode::End);
    press(app, KeyCode::Char(' '));
}

#[test]
fn stale_entries_can_be_filtered() {
    // The bundled entries were verified 2026-11-23: a year later they are not yet stale…
    let mut app = app_on("2027-11-23");
    let stale_row = app.facet_values(Facet::Status).last().unwrap().clone();
    assert_eq!(stale_row.label, "Ikke verificeret > 1 år");
    assert_eq!(stale_row.count, 0);
    toggle_stale_filter(&mut app);
    assert!(app.hits().is_empty());
    assert!(
        app.active_filters()
            .contains(&"Ikke verificeret > 1 år".to_owned())
    );

    // …a day after that, every one of them is.
    let mut app = app_on("2027-11-24");
    let total = app.catalogue.initiatives.len();
    assert_eq!(app.facet_values(Facet::Status).last().unwrap().count, total);
    toggle_stale_filter(&mut app);
    assert_eq!(app.hits().len(), total);
    // The other facets count within the stale entries.
    let position = Status::ALL
        .iter()
        .position(|&s| s == Status::Proposed)
        .unwrap();
    let proposed = app.facet_values(Facet::Status)[position].count;
    assert!(proposed > 0 && proposed < total);
    press(&mut app, KeyCode::Delete);
    assert_eq!(app.filters.verified_before, None);
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
    while app.selected < crate::search::DETAILED_HITS + 100 {
        press(&mut app, KeyCode::PageDown);
    }
    let hit = app.selected_hit().unwrap();
    assert!(
        !hit.matched_fields.is_empty(),
        "details filled for the selected row"
    );
    let near = &app.hits()[app.selected - 10..=app.selected];
    let named: Vec<_> = near
        .iter()
        .filter(|h| {
            app.catalogue.initiatives[h.index]
                .name
                .starts_with("Mentorordning")
        })
        .collect();
    assert!(!named.is_empty());
    assert!(named.iter().all(|h| h.name_positions == [0, 1, 2, 3, 4, 5]));
}
