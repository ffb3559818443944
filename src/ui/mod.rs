//! Drawing the app: the pure `view` and one file per part.

pub mod bars;
pub mod detail;
pub mod help;
pub mod layout;
pub mod picker;
pub mod results;
pub mod strings;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::widgets::Paragraph;
use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Measured, Mode};
use layout::Areas;
use theme::Theme;

/// Draws the whole screen for `app` and returns what it measured (page
/// heights, line counts), for the event loop to hand back to the app.
/// No I/O; safe at any size, including 0×0.
pub fn view(app: &App, frame: &mut Frame) -> Measured {
    let area = frame.area();
    let theme = Theme::new(app.no_color);
    // The first rows drawn stay where they were unless drawn anew.
    let mut measured = Measured {
        list_offset: app.view.list_offset,
        picker_offset: app.view.picker_offset,
        ..Measured::default()
    };
    if Mode::of((area.width, area.height)) == Mode::TooSmall {
        too_small(app, frame, area);
        return measured;
    }
    let areas = Areas::for_rect(app, area);
    bars::title(app, &theme, frame, areas.title);
    bars::query(app, &theme, frame, areas.query);
    bars::filter_bar(app, &theme, frame, areas.filter_bar);
    if let Some(rect) = areas.list {
        measured.list_rows = usize::from(rect.height.saturating_sub(2));
        measured.list_offset = results::render(app, &theme, frame, rect);
    }
    if let Some(rect) = areas.detail {
        let (rows, lines) = detail::render(app, &theme, frame, rect);
        measured.detail_rows = rows;
        measured.detail_lines = lines;
    }
    bars::hints(app, &theme, frame, areas.hints);
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    if app.view.picker.is_some() {
        // Under the filter bar, which shows the chips as they are picked.
        let body = Rect {
            y: area.y + 3,
            height: area.height.saturating_sub(4),
            ..area
        };
        let rows = picker::height(app).min(body.height);
        let [popup, _] =
            Layout::vertical([Constraint::Length(rows), Constraint::Fill(1)]).areas(body);
        let [popup] = Layout::horizontal([Constraint::Max(picker::PICKER_WIDTH)])
            .flex(Flex::Center)
            .areas(popup);
        (measured.picker_rows, measured.picker_offset) = picker::render(app, &theme, frame, popup);
    }
    if let Some(menu) = &app.view.copy_menu {
        let rows = (menu.choices.len() as u16 + 2).min(body.height);
        let [_, middle, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(rows),
            Constraint::Fill(1),
        ])
        .areas(body);
        let [popup] = Layout::horizontal([Constraint::Max(80)])
            .flex(Flex::Center)
            .areas(middle);
        help::copy_menu(app, &theme, frame, popup);
    }
    if app.view.help {
        let [popup] = Layout::horizontal([Constraint::Max(help::HELP_WIDTH)])
            .flex(Flex::Center)
            .areas(body);
        let (rows, lines) = help::render(app, &theme, frame, popup);
        measured.help_rows = rows;
        measured.help_lines = lines;
    }
    measured
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = crate::text::wrap(app.lang.strings().too_small, usize::from(area.width));
    let lines: Vec<_> = text
        .into_iter()
        .take(usize::from(area.height))
        .map(ratatui::text::Line::from)
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// A bordered panel with a title; the border shows whether it has the focus.
pub fn panel(title: &str, focused: bool, theme: &Theme) -> ratatui::widgets::Block<'static> {
    ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .title(format!(" {title} "))
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
}

/// `text` cut to `width` columns (ending in "…" when cut) and padded to
/// exactly `width`.
pub fn fit(text: &str, width: usize) -> String {
    let text = crate::text::terminal_safe(text);
    let full = text.width();
    if full <= width {
        return format!("{text}{}", " ".repeat(width - full));
    }
    if width == 0 {
        return String::new();
    }
    let (head, used) = text.unicode_truncate(width - 1);
    format!("{head}…{}", " ".repeat(width - 1 - used))
}

/// First row to show so that `cursor` is visible in `height` rows, moving
/// the first row of the last draw, `offset`, as little as possible
/// (scrolling stays stable). The view returns it in [`Measured`] for the
/// app to keep; it writes nothing back.
pub fn visible_window(offset: usize, cursor: usize, len: usize, height: usize) -> usize {
    let height = height.max(1);
    let mut first = offset.min(len.saturating_sub(height));
    if cursor < first {
        first = cursor;
    } else if cursor >= first + height {
        first = cursor + 1 - height;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_pads_and_cuts_by_width() {
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("Århus", 0), "");
        assert_eq!(fit("日本語", 4), "日… ");
    }

    #[test]
    fn window_follows_the_cursor() {
        assert_eq!(visible_window(0, 0, 100, 10), 0);
        assert_eq!(visible_window(0, 12, 100, 10), 3);
        assert_eq!(visible_window(3, 5, 100, 10), 3);
        assert_eq!(visible_window(3, 2, 100, 10), 2);
        assert_eq!(visible_window(2, 0, 0, 10), 0);
    }
}
