//! Everything the user can ask the app to do, independent of the key that asks.

use super::focus::ListView;

/// One user intention; produced from key events by [`super::keys::map_key`]
/// (through the one key table, [`super::keymap::BINDINGS`]) and applied by
/// [`super::App::update`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Type a character: into the search line, or into the picker's
    /// type-ahead while the filter picker is open.
    Insert(char),
    /// Delete the character before the cursor; at the start of an empty
    /// search line, remove the last filter chip.
    DeleteBack,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Delete everything before the cursor (Ctrl-U).
    ClearQuery,
    /// Move the search-line cursor one character left.
    CursorLeft,
    /// Move the search-line cursor one character right.
    CursorRight,
    /// Move the search-line cursor to the start (Home, Ctrl-A).
    CursorStart,
    /// Move the search-line cursor to the end (End, Ctrl-E).
    CursorEnd,
    /// Move up one line in the focused part.
    Up,
    /// Move down one line in the focused part.
    Down,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Move to the first line.
    Home,
    /// Move to the last line.
    End,
    /// Previous facet in the filter picker.
    PrevFacet,
    /// Next facet in the filter picker.
    NextFacet,
    /// Turn the picker value under the cursor on or off.
    Toggle,
    /// Clear every value of the picker's facet.
    ClearFacet,
    /// Open the filter picker.
    OpenPicker,
    /// Open the filter picker on the age.
    EditAge,
    /// Remove the last filter chip.
    RemoveLastChip,
    /// Open the selected initiative's details (or toggle in the picker, copy
    /// in the copy menu).
    Open,
    /// Back out: help → menu/picker → details → list → clear the search.
    Back,
    /// Focus the next part (Tab).
    FocusNext,
    /// Focus the previous part (Shift-Tab).
    FocusPrev,
    /// Open or close the help screen.
    ToggleHelp,
    /// Quit.
    Quit,
    /// Suspend the app (Ctrl-Z): the event loop restores the terminal and stops.
    Suspend,
    /// The terminal changed size.
    Resize(u16, u16),
    /// Put the selected initiative on the shortlist, or take it off.
    ToggleMark,
    /// Save the selected initiative as a favourite, or remove it.
    ToggleFavourite,
    /// Show a list view (shortlist, favourites, recents), or go back to the search.
    ShowView(ListView),
    /// Open the copy menu.
    OpenCopyMenu,
    /// Bring back the words and chips as they were before the last clear.
    Undo,
    /// Print the shortlist (or the selected initiative) on the normal screen
    /// and come back.
    Print,
}

impl Action {
    /// Whether carrying the action out reads the results (the hits, the
    /// selection, the facet counts): then the loop brings them up to date
    /// first ([`super::App::sync`]). Typing and moving the cursor in the
    /// search line only edit it; the search follows once per batch.
    pub fn reads_results(self) -> bool {
        !matches!(
            self,
            Action::Insert(_)
                | Action::DeleteBack
                | Action::DeleteForward
                | Action::DeleteWord
                | Action::ClearQuery
                | Action::CursorLeft
                | Action::CursorRight
                | Action::CursorStart
                | Action::CursorEnd
                | Action::Resize(..)
                | Action::Quit
                | Action::Suspend
                | Action::ToggleHelp
        )
    }
}
