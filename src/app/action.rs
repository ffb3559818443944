//! Everything the user can ask the app to do, independent of the key that asks.

/// One user intention; produced from key events by [`super::keys::map_key`] and
/// applied by [`super::App::update`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Type a character into the query (focusing it if needed).
    Insert(char),
    /// Delete the last character of the query.
    DeleteBack,
    /// Delete the last word of the query (Ctrl-W).
    DeleteWord,
    /// Clear the query (Ctrl-U).
    ClearQuery,
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
    /// Previous facet in the filter panel.
    PrevFacet,
    /// Next facet in the filter panel.
    NextFacet,
    /// Toggle the filter value under the cursor.
    Toggle,
    /// Clear every value of the facet under the cursor.
    ClearFacet,
    /// Type a digit of the citizen's age.
    AgeDigit(u8),
    /// Delete the last digit of the age.
    AgeBackspace,
    /// Jump to the age field (F2).
    EditAge,
    /// Open the selected initiative's details.
    Open,
    /// Back out: help → details → list → clear query.
    Back,
    /// Focus the next part (Tab).
    FocusNext,
    /// Focus the previous part (Shift-Tab).
    FocusPrev,
    /// Focus the query line (`/`).
    FocusQuery,
    /// Open or close the help screen.
    ToggleHelp,
    /// Quit.
    Quit,
    /// The terminal changed size.
    Resize(u16, u16),
    /// Put the selected initiative on the shortlist, or take it off.
    ToggleMark,
    /// Show the shortlist instead of the search results, or go back.
    ToggleShortlistView,
    /// Save the selected initiative as a favourite, or remove it.
    ToggleFavourite,
    /// Show the favourites instead of the search results, or go back.
    ToggleFavouritesView,
    /// Open the copy menu.
    OpenCopyMenu,
    /// Copy the numbered choice of the copy menu (0-based).
    Copy(u8),
    /// Quit and print the selected initiative (or the shortlist) on the normal screen.
    PrintAndQuit,
}
