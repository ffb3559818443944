//! Which part of the screen has the keyboard, the facets of the filter
//! picker and the list views.

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

/// One facet of the filter picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Facet {
    /// Municipality (with the area rules of ARCHITECTURE.md §2).
    #[default]
    Municipality,
    /// Target group.
    TargetGroup,
    /// Theme.
    Theme,
    /// Status.
    Status,
    /// Kind: offer, for professionals, funding, policy.
    Kind,
    /// The citizen's age.
    Age,
}

impl Facet {
    /// Every facet, in picker order.
    pub const ALL: [Facet; 6] = [
        Facet::Municipality,
        Facet::TargetGroup,
        Facet::Theme,
        Facet::Kind,
        Facet::Status,
        Facet::Age,
    ];

    /// Position in [`Facet::ALL`].
    pub fn index(self) -> usize {
        Facet::ALL.iter().position(|&f| f == self).unwrap_or(0)
    }

    /// The facet `step` places away, wrapping around.
    pub fn shifted(self, step: isize) -> Facet {
        let len = Facet::ALL.len() as isize;
        Facet::ALL[(self.index() as isize + step).rem_euclid(len) as usize]
    }
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
