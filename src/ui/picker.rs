//! The filter picker over the body: the facets as tabs, what was typed, and
//! the facet's values with live counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::theme::{SELECTED_MARKER, Theme, UNSELECTED_MARKER};
use super::{fit, visible_window};
use crate::app::{App, Facet};
use crate::search::facets::FACETS;
use crate::text::wrap;

/// Widest the picker gets, borders included.
pub const PICKER_WIDTH: u16 = 64;

/// Rows the picker wants: borders, tabs, what was typed and its values (at
/// least room for the age's explanation).
pub fn height(app: &App) -> u16 {
    let values = app.picker_values().len() as u16;
    (values + 4).max(9)
}

/// Draws the picker over `area`; returns the rows its value list has and
/// the first of its values drawn.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) -> (usize, usize) {
    let Some(picker) = &app.view.picker else {
        return (0, 0);
    };
    let s = app.lang.strings();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", s.picker_title))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return (0, 0);
    }
    let width = usize::from(inner.width);
    let mut lines = vec![tabs(app, theme, picker.facet, width)];
    let typed = format!(" {} › {}", s.picker_find, picker.typed);
    lines.push(Line::from(vec![
        Span::styled(
            fit(&typed, width.saturating_sub(1)).trim_end().to_owned(),
            theme.heading,
        ),
        Span::styled("▏", theme.border_focus),
    ]));
    if picker.facet == Facet::Age {
        let value = match app.search.effective.age {
            Some(age) => format!("{age} {}", s.years),
            None => s.age_none.to_owned(),
        };
        lines.push(Line::from(Span::styled(
            fit(&format!(" {}: {value}", s.age), width),
            theme.chip,
        )));
        lines.push(Line::default());
        lines.extend(
            wrap(s.picker_age, width.saturating_sub(2))
                .into_iter()
                .map(|l| Line::from(Span::styled(format!(" {l}"), theme.dim))),
        );
        frame.render_widget(Paragraph::new(lines), inner);
        return (0, 0);
    }
    let values = app.picker_values();
    let height = usize::from(inner.height).saturating_sub(lines.len());
    let offset = visible_window(app.view.picker_offset, picker.cursor, values.len(), height);
    for (i, value) in values.iter().enumerate().skip(offset).take(height) {
        let at_cursor = i == picker.cursor;
        let base = if at_cursor {
            theme.selected
        } else {
            Style::new()
        };
        let marker = if at_cursor {
            SELECTED_MARKER
        } else {
            UNSELECTED_MARKER
        };
        let check = if value.selected { "[x] " } else { "[ ] " };
        let count = format!(" {}", value.count);
        let label_width = width.saturating_sub(marker.width() + check.len() + count.width());
        let count_style = if value.count == 0 {
            theme.dim
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(marker, base),
            Span::styled(
                check,
                if value.selected {
                    base.patch(theme.heading)
                } else {
                    base
                },
            ),
            Span::styled(fit(&value.label, label_width), base),
            Span::styled(count, base.patch(count_style)),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    (height, offset)
}

/// The facets in one line, the shown one marked, each with how many values
/// are chosen; the names shorten to fit.
fn tabs(app: &App, theme: &Theme, shown: Facet, width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let names: Vec<String> = FACETS
        .iter()
        .map(|spec| {
            let chosen = app.chosen_in(spec.facet);
            let name = spec.name.get(app.lang);
            if chosen > 0 {
                format!("{name} ({chosen})")
            } else {
                name.to_owned()
            }
        })
        .collect();
    let total: usize = names.iter().map(|n| n.width() + 2).sum::<usize>() + 1;
    // Too narrow for all: each name gets an equal share.
    let share = if total > width {
        (width.saturating_sub(1) / names.len())
            .saturating_sub(2)
            .max(1)
    } else {
        usize::MAX
    };
    spans.push(Span::raw(" "));
    for (facet, name) in FACETS.iter().map(|spec| spec.facet).zip(names) {
        let name = if name.width() > share {
            fit(&name, share)
        } else {
            name
        };
        let style = if facet == shown {
            theme.selected
        } else {
            theme.dim
        };
        spans.push(Span::styled(format!(" {name} "), style));
    }
    Line::from(spans)
}
