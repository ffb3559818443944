//! Key events → [`Action`]s through the one key table ([`super::keymap`]). Pure.
//!
//! A printable character always types; what it types into depends on what
//! is open (the search line, or the picker's type-ahead), never on a mode in
//! which letters would be commands.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::focus::Focus;
use super::keymap::{self, Key, Place};
use super::state::App;

/// Where the keys go now — the help, the copy menu, the picker (each over
/// the one before), or the part of the main screen with the focus. Decided
/// here only: the key map and `update` both ask this.
pub fn place(app: &App) -> Place {
    let view = &app.view;
    if view.help {
        Place::Help
    } else if view.copy_menu.is_some() {
        Place::Menu
    } else if view.picker.is_some() {
        Place::Picker
    } else {
        match view.focus {
            Focus::Query => Place::Search,
            Focus::List => Place::List,
            Focus::Details => Place::Details,
        }
    }
}

/// The places whose bindings apply now, most specific first.
pub fn places(app: &App) -> Vec<Place> {
    let first = place(app);
    match first {
        Place::Search | Place::List | Place::Details => vec![first, Place::Main, Place::Always],
        _ => vec![first, Place::Always],
    }
}

/// What a key asks for, or `None` when it means nothing here.
pub fn map_key(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    // Alt is never a command (tmux and SSH delay Esc); an Alt-letter is
    // most likely a character typed on a foreign layout: type it.
    let code = match key.code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    if let Some(action) = keymap::lookup(&places(app), Key { code, ctrl }) {
        return Some(action);
    }
    match key.code {
        KeyCode::Char(c) if !ctrl && !c.is_control() => Some(Action::Insert(c)),
        _ => None,
    }
}
