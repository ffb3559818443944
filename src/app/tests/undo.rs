//! Ctrl-_ brings back the words and chips before each kind of clear.

use super::*;

/// The words typed and the chip labels.
fn state(app: &App) -> (String, Vec<String>) {
    let chips = app.chip_labels().into_iter().map(|(l, _)| l).collect();
    (app.search.line.text().to_owned(), chips)
}

fn undo(app: &mut App) {
    ctrl(app, '7');
}

#[test]
fn each_kind_of_clear_can_be_undone() {
    type Clear = fn(&mut App);
    let clears: [(&str, Clear); 5] = [
        ("Esc on the words", |a| press(a, KeyCode::Esc)),
        ("Esc twice, the chips", |a| {
            press(a, KeyCode::Esc);
            press(a, KeyCode::Esc);
            // The chips back first; the next Ctrl-_ brings the words.
            ctrl(a, '7');
        }),
        ("Ctrl-U", |a| ctrl(a, 'u')),
        ("Backspace taking a chip", |a| {
            for _ in 0..="angst".len() {
                press(a, KeyCode::Backspace);
            }
        }),
        ("a new typed municipality", |a| type_text(a, " skive ")),
    ];
    for (name, clear) in clears {
        let mut app = app();
        type_text(&mut app, "randers 23 angst");
        let before = state(&app);
        assert_eq!(before.1, ["Randers", "23 år"], "{name}");
        clear(&mut app);
        assert_ne!(state(&app), before, "{name}: nothing cleared");
        undo(&mut app);
        let after = state(&app);
        // A typed municipality, or Backspace after the words, is undone as
        // chips; the words are as that last clear left them.
        if matches!(name, "a new typed municipality" | "Backspace taking a chip") {
            assert_eq!(after.1, before.1, "{name}");
        } else {
            assert_eq!(after, before, "{name}");
        }
    }
}

#[test]
fn the_first_clear_says_how_to_undo_it_once() {
    let mut app = app();
    type_text(&mut app, "randers angst");
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.outbox.status.as_deref(),
        Some("Ryddet – Ctrl-_ fortryder")
    );
    type_text(&mut app, "hash");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.outbox.status, None, "only once");
    undo(&mut app);
    assert_eq!(app.search.line.text(), "hash");
    // Again: the clear before that.
    undo(&mut app);
    assert_eq!(app.search.line.text(), "angst");
    undo(&mut app);
    assert_eq!(app.outbox.status.as_deref(), Some("Intet at fortryde"));
}
