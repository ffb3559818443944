//! Where each part of the screen goes, for a given terminal size and state.
//!
//! From 80 columns the results and details get the whole width (filters are
//! one line); with the details focused the list shrinks so that the next
//! steps are on screen at 80×24.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::{App, Focus, Mode};

pub use crate::app::mode::{DETAIL_PANE_WIDTH, MIN_HEIGHT, MIN_WIDTH, WIDE_WIDTH};

/// The rectangles of one frame; parts not shown are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// Title bar (top line).
    pub title: Rect,
    /// Search line.
    pub query: Rect,
    /// The one-line filter bar.
    pub filter_bar: Rect,
    /// Result list.
    pub list: Option<Rect>,
    /// Detail pane or view.
    pub detail: Option<Rect>,
    /// Key-hint bar (bottom line).
    pub hints: Rect,
}

impl Areas {
    /// The areas inside `area`.
    pub fn for_rect(app: &App, area: Rect) -> Areas {
        let mode = Mode::of((area.width, area.height));
        if mode == Mode::TooSmall {
            return Areas::default();
        }
        let [title, query, filter_bar, body, hints] = Layout::vertical([
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
            filter_bar,
            hints,
            ..Areas::default()
        };
        match mode {
            Mode::Wide => {
                let [list, detail] =
                    Layout::horizontal([Constraint::Percentage(50), Constraint::Min(40)])
                        .areas(body);
                areas.list = Some(list);
                areas.detail = Some(detail);
            }
            Mode::Medium => {
                let rows = list_rows(app, body.height);
                let [list, detail] =
                    Layout::vertical([Constraint::Length(rows), Constraint::Min(0)]).areas(body);
                areas.list = Some(list);
                areas.detail = Some(detail);
            }
            _ => {
                // Narrow: one part at a time.
                if app.view.detail_view {
                    areas.detail = Some(body);
                } else {
                    areas.list = Some(body);
                }
            }
        }
        areas
    }
}

/// Height of the list above the details: most of the body while searching,
/// a few rows once the details have the focus (they are what was opened).
fn list_rows(app: &App, body: u16) -> u16 {
    let hits = app.hits().len() as u16;
    let wanted = if app.view.focus == Focus::Details {
        (body / 4).max(5)
    } else {
        (body * 11 / 20).max(6)
    };
    if app.view.loading.is_some() {
        // Room for the progress line, the note and the bar.
        return wanted.min(body);
    }
    // No taller than the hits need (borders included), but at least 3 rows.
    wanted.min(hits + 2).max(3).min(body)
}
