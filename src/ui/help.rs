//! The help screen: every key, grouped by the part it works in.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::fit;
use super::theme::{SELECTED_MARKER, Theme, UNSELECTED_MARKER};
use crate::app::App;
use crate::app::keymap::{BINDINGS, Place};

/// Draws the help over `area`; returns the rows shown and the lines it has.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) -> (usize, usize) {
    let s = app.lang.strings();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", s.help_title))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let mut lines = help_lines(app, theme, usize::from(inner.width));
    lines.extend(legend_lines(app, theme, usize::from(inner.width)));
    let count = lines.len();
    let height = usize::from(inner.height);
    let scroll = app.view.help_scroll.min(count.saturating_sub(height));
    let more = count > scroll + height;
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    if more && let Some(last) = shown.last_mut() {
        *last = Line::from(Span::styled("↓ …", theme.dim));
    }
    frame.render_widget(Paragraph::new(shown), inner);
    (height, count)
}

/// Widest key column; longer keys stand on a line of their own.
const KEY_COLUMN: usize = 16;

/// Widest the help gets, borders included.
pub const HELP_WIDTH: u16 = 100;

/// The help: every binding of the key table, grouped by where it works.
fn help_lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    // Keys longer than the column get a line of their own.
    let key_width = BINDINGS
        .iter()
        .map(|b| b.label.width())
        .max()
        .unwrap_or(0)
        .min(KEY_COLUMN)
        .min(width / 3);
    let mut lines = Vec::new();
    let mut previous: &[Place] = &[];
    for binding in BINDINGS {
        if binding.places != previous {
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            let heading = binding
                .places
                .iter()
                .map(|p| p.name(lang))
                .collect::<Vec<_>>()
                .join("; ");
            lines.push(Line::from(Span::styled(
                fit(&capitalise(&heading), width).trim_end().to_owned(),
                theme.heading,
            )));
            previous = binding.places;
        }
        let rest = width.saturating_sub(key_width + 3).max(8);
        if binding.label.width() > key_width {
            lines.push(Line::from(Span::styled(
                format!(
                    " {} ",
                    fit(binding.label, width.saturating_sub(2)).trim_end()
                ),
                theme.selected,
            )));
        }
        let own_line = binding.label.width() > key_width;
        // Long explanations wrap under themselves, next to the key column.
        for (i, part) in crate::text::wrap(&binding.does(lang), rest)
            .into_iter()
            .enumerate()
        {
            let key = if i == 0 && !own_line {
                fit(binding.label, key_width)
            } else {
                " ".repeat(key_width)
            };
            let key_style = if i == 0 && !own_line {
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
    lines
}

/// The legend under the keys: every status and kind with its badge and
/// meaning, the marks, and how the search reads words.
fn legend_lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    use crate::catalogue::{Kind, Status};
    let s = app.lang.strings();
    let [title, statuses, kinds, marks] = s.legend;
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(title.to_owned(), theme.heading)),
    ];
    let section =
        |lines: &mut Vec<Line<'static>>, heading: &str, rows: &mut Vec<(String, String)>| {
            lines.push(Line::from(Span::styled(
                format!(" {heading}"),
                theme.heading,
            )));
            for (key, text) in rows.drain(..) {
                push_row(lines, theme, &key, &text, width);
            }
        };
    for status in Status::ALL {
        let badge = s.status_badges[Status::ALL.iter().position(|&x| x == status).unwrap_or(0)];
        rows.push((badge.to_owned(), s.status_note(status).to_owned()));
    }
    section(&mut lines, statuses, &mut rows);
    for kind in Kind::ALL {
        let badge = s.kind_badges[Kind::ALL.iter().position(|&x| x == kind).unwrap_or(0)];
        rows.push((badge.to_owned(), s.kind_note(kind).to_owned()));
    }
    section(&mut lines, kinds, &mut rows);
    for (mark, text) in s.legend_marks {
        rows.push((mark.to_owned(), text.to_owned()));
    }
    section(&mut lines, marks, &mut rows);
    lines.push(Line::default());
    for text in s.legend_reading {
        for part in crate::text::wrap(text, width.saturating_sub(1).max(8)) {
            lines.push(Line::from(format!(" {part}")));
        }
    }
    lines
}

/// One `key  text` row of the legend, the text wrapping beside the key.
fn push_row(lines: &mut Vec<Line<'static>>, theme: &Theme, key: &str, text: &str, width: usize) {
    const LEGEND_KEY: usize = 12;
    let rest = width.saturating_sub(LEGEND_KEY + 3).max(8);
    for (i, part) in crate::text::wrap(text, rest).into_iter().enumerate() {
        let shown = if i == 0 {
            fit(key, LEGEND_KEY)
        } else {
            " ".repeat(LEGEND_KEY)
        };
        let style = if i == 0 {
            theme.selected
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {shown} "), style),
            Span::raw(format!(" {part}")),
        ]));
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Draws the copy menu over `area`: the choices, one under the cursor.
pub fn copy_menu(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(menu) = &app.view.copy_menu else {
        return;
    };
    let s = app.lang.strings();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", s.copy_title))
        .border_style(theme.border_focus);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let first = menu.cursor.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = menu
        .choices
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, choice)| {
            let (marker, style) = if i == menu.cursor {
                (SELECTED_MARKER, theme.selected)
            } else {
                (UNSELECTED_MARKER, ratatui::style::Style::new())
            };
            Line::from(Span::styled(
                format!("{marker}{}", fit(&choice.label, width.saturating_sub(2))),
                style,
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
