//! Which part of the screen has the keyboard, the facets of the filter
//! picker and the list views.

/// One facet of the filter picker: a row of the facets' table
/// (`crate::search::facets::FACETS`).
pub use crate::search::facets::Facet;

/// The part of the screen that receives keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The query line: typing searches.
    #[default]
    Query,
    /// The result list.
    List,
    /// The detail pane (or the detail view on narrow terminals).
    Details,
}

/// What the result list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListView {
    /// The search results for the query and filters.
    #[default]
    Search,
    /// The shortlist for the meeting, in the order marked.
    Shortlist,
    /// The user's favourites.
    Favourites,
    /// The initiatives opened most recently (kept between sessions, shown
    /// only here, never on the start screen).
    Recents,
}
