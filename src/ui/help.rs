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
    let width = usize::from(inner.width);
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
            let rest = width.saturating_sub(key_width + 3);
            lines.push(Line::from(vec![
                Span::styled(format!(" {} ", fit(keys, key_width)), theme.selected),
                Span::raw(format!(" {}", fit(what, rest))),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
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
