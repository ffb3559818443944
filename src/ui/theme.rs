//! Colours and text attributes. With `NO_COLOR` every distinction is carried
//! by a marker, bold or underline, never by colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::catalogue::Status;

/// Marker in front of the selected row (both themes).
pub const SELECTED_MARKER: &str = "▶ ";
/// Marker in front of the other rows.
pub const UNSELECTED_MARKER: &str = "  ";

/// The styles the view uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Title bar.
    pub title: Style,
    /// Border of an unfocused block.
    pub border: Style,
    /// Border and title of the focused block.
    pub border_focus: Style,
    /// The selected row.
    pub selected: Style,
    /// Matched letters in a name.
    pub matched: Style,
    /// Secondary text.
    pub dim: Style,
    /// Section headings in the details.
    pub heading: Style,
    /// Warnings: recommendations, inspiration, stale entries.
    pub warn: Style,
    /// Key-hint bar.
    pub hints: Style,
    /// A filter chip in the filter bar.
    pub chip: Style,
}

impl Theme {
    /// The colour theme, or the monochrome one when `no_color`.
    pub fn new(no_color: bool) -> Theme {
        if no_color {
            let bold = Style::new().add_modifier(Modifier::BOLD);
            Theme {
                title: bold,
                border: Style::new(),
                border_focus: bold,
                selected: bold,
                matched: Style::new().add_modifier(Modifier::UNDERLINED),
                dim: Style::new(),
                heading: bold,
                warn: bold,
                hints: Style::new(),
                chip: bold,
            }
        } else {
            Theme {
                title: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Cyan)
                    .add_modifier(Modifier::BOLD),
                border: Style::new().fg(Color::DarkGray),
                border_focus: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                selected: Style::new()
                    .bg(Color::DarkGray)
                    .fg(Color::White)
                    .add_modifier(Modifier::BOLD),
                matched: Style::new()
                    .fg(Color::Yellow)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                dim: Style::new().fg(Color::Gray),
                heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                warn: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                hints: Style::new().fg(Color::Black).bg(Color::Gray),
                chip: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            }
        }
    }

    /// Style of a status badge.
    pub fn status(&self, status: Status, no_color: bool) -> Style {
        if no_color {
            return match status {
                Status::Active => Style::new(),
                _ => self.warn,
            };
        }
        match status {
            Status::Active => Style::new().fg(Color::Green),
            Status::Unconfirmed => Style::new().fg(Color::Cyan),
            Status::Pilot => Style::new().fg(Color::LightBlue),
            Status::Proposed => Style::new().fg(Color::Yellow),
            Status::Inspiration => Style::new().fg(Color::Magenta),
            Status::Ended => Style::new().fg(Color::Red),
        }
    }
}
