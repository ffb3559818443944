//! Where each part of the screen goes, for a given terminal size and state.
//! Shared by `view` (to draw) and `update` (to know page heights).

use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::{App, Focus};

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 40;
/// Smallest usable terminal.
pub const MIN_HEIGHT: u16 = 10;
/// From this width the details sit beside the list instead of in their own view.
pub const DETAIL_PANE_WIDTH: u16 = 80;
/// From this width filters, list and details are three columns.
pub const WIDE_WIDTH: u16 = 110;
/// Width of the filter column.
const FILTER_WIDTH: u16 = 30;

/// How the screen is arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Below 40×10: only a message.
    TooSmall,
    /// Under 80 columns: one part at a time; details in their own view.
    Narrow,
    /// 80–109 columns: filters beside the list, details under the list.
    Medium,
    /// 110 columns or more: filters, list and details side by side.
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

/// The rectangles of one frame; parts not shown are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// Title bar (top line).
    pub title: Rect,
    /// Query line.
    pub query: Rect,
    /// Line listing the active filters.
    pub summary: Rect,
    /// Filter panel.
    pub filters: Option<Rect>,
    /// Result list.
    pub list: Option<Rect>,
    /// Detail pane or view.
    pub detail: Option<Rect>,
    /// Key-hint bar (bottom line).
    pub hints: Rect,
}

impl Areas {
    /// The areas for the app's terminal size and state.
    pub fn compute(app: &App) -> Areas {
        let (width, height) = app.size;
        Areas::for_rect(app, Rect::new(0, 0, width, height))
    }

    /// The areas inside `area`.
    pub fn for_rect(app: &App, area: Rect) -> Areas {
        let mode = Mode::of((area.width, area.height));
        if mode == Mode::TooSmall {
            return Areas::default();
        }
        let [title, query, summary, body, hints] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let mut areas = Areas {
            title,
            query,
            summary,
            hints,
            ..Areas::default()
        };
        match mode {
            Mode::Wide => {
                let [filters, list, detail] = Layout::horizontal([
                    Constraint::Length(FILTER_WIDTH),
                    Constraint::Percentage(42),
                    Constraint::Min(30),
                ])
                .areas(body);
                areas.filters = Some(filters);
                areas.list = Some(list);
                areas.detail = Some(detail);
            }
            Mode::Medium => {
                let [filters, right] =
                    Layout::horizontal([Constraint::Length(FILTER_WIDTH - 4), Constraint::Min(40)])
                        .areas(body);
                let [list, detail] =
                    Layout::vertical([Constraint::Percentage(40), Constraint::Min(5)]).areas(right);
                areas.filters = Some(filters);
                areas.list = Some(list);
                areas.detail = Some(detail);
            }
            _ => {
                // Narrow: one part at a time.
                if app.detail_view {
                    areas.detail = Some(body);
                } else if app.focus == Focus::Filters {
                    areas.filters = Some(body);
                } else {
                    areas.list = Some(body);
                }
            }
        }
        areas
    }
}
