//! The meeting keys: shortlist, favourites, recents, copy and print.

use super::*;

#[test]
fn ctrl_t_marks_for_the_shortlist_and_ctrl_l_shows_it() {
    let mut app = app();
    type_text(&mut app, "fgu");
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Down);
    ctrl(&mut app, 't');
    assert_eq!(app.meeting.shortlist.len(), 2);
    let marked = app.meeting.shortlist.clone();
    ctrl(&mut app, 'l');
    assert_eq!(app.view.list_view, ListView::Shortlist);
    let shown: Vec<String> = app
        .hits()
        .iter()
        .map(|h| app.catalogue.initiatives[h.index].id.clone())
        .collect();
    assert_eq!(shown, marked, "the shortlist in the order marked");
    // Unmarking in the shortlist view removes it from the view.
    ctrl(&mut app, 't');
    assert_eq!(app.hits().len(), 1);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view.list_view, ListView::Search);
    assert_eq!(app.query(), "fgu", "back to the search as it was");
}

#[test]
fn ctrl_g_toggles_a_favourite_and_ctrl_o_shows_them() {
    let mut app = app();
    type_text(&mut app, "kui");
    let id = selected_id(&app).unwrap();
    ctrl(&mut app, 'g');
    assert!(app.meeting.store.is_favourite(&id));
    assert_eq!(app.outbox.effects, [Effect::SaveStore]);
    ctrl(&mut app, 'o');
    assert_eq!(app.view.list_view, ListView::Favourites);
    assert_eq!(app.hits().len(), 1);
    assert_eq!(selected_id(&app), Some(id.clone()));
    ctrl(&mut app, 'g');
    assert!(!app.meeting.store.is_favourite(&id));
    assert!(app.hits().is_empty(), "the favourites view follows");
}

#[test]
fn opened_entries_show_in_the_recents_view_only() {
    let mut app = app();
    type_text(&mut app, "talentspejderne");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.meeting.store.recent, ["talentspejderne"]);
    assert!(app.outbox.effects.contains(&Effect::SaveStore));
    for _ in 0..3 {
        press(&mut app, KeyCode::Esc);
    }
    assert_eq!(app.query(), "");
    assert_ne!(selected_id(&app).as_deref(), Some("talentspejderne"));
    ctrl(&mut app, 'r');
    assert_eq!(app.view.list_view, ListView::Recents);
    assert_eq!(selected_id(&app).as_deref(), Some("talentspejderne"));
    ctrl(&mut app, 'r');
    assert_eq!(app.view.list_view, ListView::Search);
}

#[test]
fn ctrl_y_copies_the_referral_summary_or_a_contact_field() {
    let mut app = app();
    type_text(&mut app, "fgu skolen");
    ctrl(&mut app, 'y');
    let menu = app.view.copy_menu.clone().expect("copy menu open");
    assert!(menu.choices[0].label.contains("FGU Skolen"));
    assert!(
        menu.choices
            .iter()
            .any(|c| c.text == "https://fguskolen.dk")
    );
    press(&mut app, KeyCode::Enter);
    assert!(app.view.copy_menu.is_none());
    let entry = app.catalogue.find("fgu-skolen").unwrap();
    assert_eq!(
        app.outbox.effects,
        [Effect::Copy(crate::report::referral_summary(
            &app.catalogue,
            entry,
            Lang::Da,
            app.today,
            &app.search.effective.municipalities
        ))]
    );
    let status = app.outbox.status.clone().unwrap();
    assert!(
        status.starts_with("Sendt til terminalens udklipsholder"),
        "says what was done, not that it arrived: {status}"
    );
    // Choosing the web address copies just that.
    app.outbox.effects.clear();
    ctrl(&mut app, 'y');
    let web = menu
        .choices
        .iter()
        .position(|c| c.text == "https://fguskolen.dk")
        .unwrap();
    for _ in 0..web {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.outbox.effects,
        [Effect::Copy("https://fguskolen.dk".into())]
    );
    // Esc closes the menu without copying.
    app.outbox.effects.clear();
    ctrl(&mut app, 'y');
    press(&mut app, KeyCode::Esc);
    assert!(app.view.copy_menu.is_none() && app.outbox.effects.is_empty());
}

#[test]
fn ctrl_x_prints_the_entry_or_the_shortlist_and_stays() {
    let printed = |app: &mut App| {
        let effects = std::mem::take(&mut app.outbox.effects);
        effects
            .into_iter()
            .find_map(|e| match e {
                Effect::Print(text) => Some(text),
                _ => None,
            })
            .expect("a printout")
    };
    let mut app = app();
    type_text(&mut app, "randers 23 kui");
    ctrl(&mut app, 'x');
    assert!(!app.outbox.quit, "printing never quits");
    let text = printed(&mut app);
    let head: Vec<&str> = text.lines().take(3).collect();
    assert!(head[0].starts_with("Udskrift fra indsats 20"), "{head:?}");
    assert!(head[1].starts_with("Katalog opdateret"), "{head:?}");
    assert_eq!(head[2], "Kommune: Randers · Alder: 23 år");
    // No query words, nothing about filters; the Randers number, one source.
    assert!(!text.contains("kui\n") && !text.to_lowercase().contains("filter"));
    assert!(text.contains("8915 1515"), "{text}");
    assert_eq!(text.matches("Kilde:").count(), 1);
    // A web address is never broken over two lines.
    let url = "https://www.randers.dk/coronavirus/jobcentret-og-ydelseskontoret/";
    assert!(text.lines().any(|l| l.contains(url)), "{text}");

    let mut app = app_at(120, 40);
    type_text(&mut app, "fgu");
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Down);
    ctrl(&mut app, 't');
    ctrl(&mut app, 'x');
    let text = printed(&mut app);
    assert_eq!(text.matches("Næste skridt:").count(), 2, "both shortlisted");
    assert_eq!(app.meeting.shortlist.len(), 2, "the shortlist is kept");
    assert!(!app.outbox.quit);
}

#[test]
fn the_copy_menu_puts_the_chosen_municipalitys_numbers_first() {
    let mut app = app();
    type_text(&mut app, "randers 23 kui");
    press(&mut app, KeyCode::Enter);
    let choices = app.copy_choices();
    assert_eq!(choices[0].text, "8915 1515", "{:?}", choices[0]);
    assert_eq!(choices[1].text, "Ydelseskontoret@randers.dk");
    assert!(choices[2].label.starts_with("Henvisningsresumé"));
    // Each value once.
    let mut texts: Vec<&str> = choices.iter().map(|c| c.text.as_str()).collect();
    let all = texts.len();
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(texts.len(), all, "a value listed twice");
    // The menu holds at most eight rows and none of another municipality's
    // numbers; the last, "Flere …", shows them all.
    ctrl(&mut app, 'y');
    let menu = app.view.copy_menu.as_ref().unwrap();
    assert!(menu.choices.len() <= 8);
    assert!(menu.choices.last().unwrap().more);
    assert!(
        !menu.choices.iter().any(|c| c.text == "76 29 47 00"),
        "Horsens' number"
    );
    for _ in 1..menu.choices.len() {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let menu = app.view.copy_menu.as_ref().expect("the whole menu");
    assert_eq!(menu.choices.len(), choices.len());
    assert!(menu.choices.last().unwrap().label.starts_with("Rettelse"));
}

fn app_on(today: &str) -> App {
    let loaded = load::load(Origin::Bundled).expect("bundled catalogue");
    let mut app = App::new(loaded, Lang::Da, Date::parse_iso(today).unwrap(), false);
    app.update(Action::Resize(120, 40));
    app
}

/// Selects the "not verified for over a year" row of the status facet.
fn toggle_stale_filter(app: &mut App) {
    ctrl(app, 'f');
    while app.view.picker.as_ref().unwrap().facet != Facet::Status {
        press(app, KeyCode::Right);
    }
    press(app, KeyCode::End);
    press(app, KeyCode::Enter);
}

#[test]
fn stale_entries_can_be_filtered() {
    // The bundled entries were verified 2026-11-23 or later: a year later
    // none is stale yet…
    let mut app = app_on("2027-11-23");
    let stale_row = app.facet_values(Facet::Status).last().unwrap().clone();
    assert_eq!(stale_row.label, "Ikke verificeret > 1 år");
    assert_eq!(stale_row.count, 0);
    toggle_stale_filter(&mut app);
    assert!(app.hits().is_empty());
    assert_eq!(
        app.chip_labels(),
        [("Ikke verificeret > 1 år".to_owned(), false)]
    );

    // …a day after that, every one verified that day is.
    let mut app = app_on("2027-11-24");
    let total = app
        .catalogue
        .initiatives
        .iter()
        .filter(|e| e.last_verified.as_str() <= "2026-11-23")
        .count();
    assert!(total > 0);
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
    assert_eq!(app.search.filters.verified_before, None);
}

#[test]
fn the_copy_menu_ends_with_a_correction_note_without_the_search() {
    let mut app = app();
    type_text(&mut app, "fgu skolen 17 går hjemme");
    ctrl(&mut app, 'y');
    let menu = app.view.copy_menu.clone().expect("copy menu open");
    let all = app.copy_choices();
    let last = all.last().unwrap();
    assert!(
        last.label.starts_with("Rettelse til kataloget: "),
        "{}",
        last.label
    );
    assert!(last.text.starts_with("Rettelse til kataloget\nIndsats: "));
    // No word of what was typed about the young person goes into it.
    assert!(!last.text.contains("går hjemme") && !last.text.contains("17 år"));
    // Past eight rows it is behind "Flere …".
    let mut menu = menu;
    if menu.choices.last().is_some_and(|c| c.more) {
        for _ in 1..menu.choices.len() {
            press(&mut app, KeyCode::Down);
        }
        press(&mut app, KeyCode::Enter);
        menu = app.view.copy_menu.clone().expect("the whole menu");
    }
    let last = menu.choices.last().unwrap().clone();
    for _ in menu.cursor + 1..menu.choices.len() {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.outbox.effects, [Effect::Copy(last.text.clone())]);
}
