//! How the screen is arranged for a terminal size. State decides with it
//! (whether Enter opens the details as their own view); the view draws by it.

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 40;
/// Smallest usable terminal.
pub const MIN_HEIGHT: u16 = 10;
/// From this width the details sit under the list instead of in their own view.
pub const DETAIL_PANE_WIDTH: u16 = 80;
/// From this width list and details stand side by side (the list still
/// gives names 40 columns and more).
pub const WIDE_WIDTH: u16 = 140;

/// How the screen is arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Below 40×10: only a message.
    TooSmall,
    /// Under 80 columns: one part at a time; details in their own view.
    Narrow,
    /// 80–139 columns: the details under the list, both the full width.
    Medium,
    /// 140 columns or more: list and details side by side.
    Wide,
}

impl Mode {
    /// The mode for a terminal of `(columns, rows)`.
    pub fn of((width, height): (u16, u16)) -> Mode {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            Mode::TooSmall
        } else if width < DETAIL_PANE_WIDTH {
            Mode::Narrow
        } else if width < WIDE_WIDTH {
            Mode::Medium
        } else {
            Mode::Wide
        }
    }
}
