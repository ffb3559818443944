//! Key events → [`Action`]s, depending on what has the focus. Pure.
//!
//! No Alt combinations: tmux and SSH delay Esc, which makes them unreliable.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::focus::{Facet, Focus};
use super::state::App;

/// What a key asks for, or `None` when it means nothing here.
/// Ctrl-C is handled by the caller (it always quits).
pub fn map_key(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('u') => Some(Action::ClearQuery),
            KeyCode::Char('w') | KeyCode::Backspace => Some(Action::DeleteWord),
            KeyCode::Char('n') => Some(Action::Down),
            KeyCode::Char('p') => Some(Action::Up),
            _ => None,
        };
    }
    match key.code {
        KeyCode::F(1) => return Some(Action::ToggleHelp),
        KeyCode::F(2) => return Some(Action::EditAge),
        _ => {}
    }
    if app.copy_menu.is_some() {
        return match key.code {
            KeyCode::Char(d @ '1'..='9') => Some(Action::Copy(d as u8 - b'1')),
            _ => Some(Action::Back),
        };
    }
    if app.help {
        return match key.code {
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | '?') => Some(Action::ToggleHelp),
            // The help scrolls when the terminal is too short for all of it.
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::Home => Some(Action::Home),
            KeyCode::End => Some(Action::End),
            _ => None,
        };
    }
    // Keys that move, whatever has the focus.
    let common = match key.code {
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Home => Some(Action::Home),
        KeyCode::End => Some(Action::End),
        KeyCode::Tab => Some(Action::FocusNext),
        KeyCode::BackTab => Some(Action::FocusPrev),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match app.focus {
        Focus::Query => match key.code {
            KeyCode::Char(c) => Some(Action::Insert(c)),
            KeyCode::Backspace => Some(Action::DeleteBack),
            KeyCode::Enter => Some(Action::Open),
            _ => None,
        },
        Focus::Filters => match key.code {
            KeyCode::Left => Some(Action::PrevFacet),
            KeyCode::Right => Some(Action::NextFacet),
            KeyCode::Char(d @ '0'..='9') if app.facet == Facet::Age => {
                Some(Action::AgeDigit(d as u8 - b'0'))
            }
            KeyCode::Backspace if app.facet == Facet::Age => Some(Action::AgeBackspace),
            KeyCode::Char(' ') | KeyCode::Enter => Some(Action::Toggle),
            KeyCode::Delete | KeyCode::Backspace => Some(Action::ClearFacet),
            code => command_key(code),
        },
        Focus::List | Focus::Details => match key.code {
            KeyCode::Enter => Some(Action::Open),
            KeyCode::Backspace => Some(Action::DeleteBack),
            code => command_key(code),
        },
    }
}

/// Letter commands where typing does not go to the query; any other
/// character starts typing a query.
fn command_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Char('/') => Some(Action::FocusQuery),
        KeyCode::Char('m') => Some(Action::ToggleMark),
        KeyCode::Char('s') => Some(Action::ToggleShortlistView),
        KeyCode::Char('f') => Some(Action::ToggleFavourite),
        KeyCode::Char('v') => Some(Action::ToggleFavouritesView),
        KeyCode::Char('c') => Some(Action::OpenCopyMenu),
        KeyCode::Char('p') => Some(Action::PrintAndQuit),
        KeyCode::Char(c) => Some(Action::Insert(c)),
        _ => None,
    }
}
