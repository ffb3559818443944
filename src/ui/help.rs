//! The help screen: every key, grouped by the part it works in.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::fit;
use super::theme::Theme;
use crate::app::App;

/// Draws the help over `area`.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", s.help_title))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let lines = help_lines(app, theme, usize::from(inner.width));
    let height = usize::from(inner.height);
    let scroll = app.help_scroll.min(lines.len().saturating_sub(height));
    let more = lines.len() > scroll + height;
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    if more && let Some(last) = shown.last_mut() {
        *last = Line::from(Span::styled("↓ …", theme.dim));
    }
    frame.render_widget(Paragraph::new(shown), inner);
}

/// Widest the help gets, borders included.
pub const HELP_WIDTH: u16 = 90;

/// Number of lines of the help at the app's width (to bound its scrolling).
pub fn help_line_count(app: &App) -> usize {
    let inner = app.size.0.min(HELP_WIDTH).saturating_sub(2);
    help_lines(app, &Theme::new(app.no_color), usize::from(inner)).len()
}

fn help_lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let s = app.lang.strings();
    let key_width = s
        .help
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(k, _)| k.width()))
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let mut lines = Vec::new();
    for (section, rows) in s.help {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(*section, theme.heading)));
        for (keys, what) in *rows {
            let rest = width.saturating_sub(key_width + 3).max(8);
            // Long explanations wrap under themselves, next to the key column.
            for (i, part) in crate::text::wrap(what, rest).into_iter().enumerate() {
                let key = if i == 0 {
                    fit(keys, key_width)
                } else {
                    " ".repeat(key_width)
                };
                let key_style = if i == 0 {
                    theme.selected
                } else {
                    ratatui::style::Style::new()
                };
                lines.push(Line::from(vec![
                    Span::styled(format!(" {key} "), key_style),
                    Span::raw(format!(" {part}")),
                ]));
            }
        }
    }
    lines
}

/// Draws the copy menu over `area`: numbered choices.
pub fn copy_menu(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(choices) = &app.copy_menu else {
        return;
    };
    let s = app.lang.strings();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", s.copy_title))
        .title_bottom(format!(" {} ", s.copy_hint))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = choices
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            Line::from(vec![
                Span::styled(format!(" {} ", i + 1), theme.selected),
                Span::raw(format!(" {}", fit(&choice.label, width.saturating_sub(4)))),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
