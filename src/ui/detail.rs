//! The detail pane: the selected initiative's sections ([`crate::report::sections`])
//! — status banner, summary, numbered next steps and contacts first —
//! pre-wrapped so that scrolling knows the number of lines.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::{App, Focus};
use crate::catalogue::Initiative;
use crate::report::{Context, Part, Role, sections};
use crate::text::{terminal_safe, wrap_widths};

/// Draws the details of the selected entry into `area`; returns the rows
/// shown and the lines the details have.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) -> (usize, usize) {
    let s = app.lang.strings();
    let focused = app.view.focus == Focus::Details;
    let title = match app.selected_entry() {
        Some(entry) => terminal_safe(&entry.name).into_owned(),
        None => s.details.to_owned(),
    };
    let block = super::panel(&title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = usize::from(inner.height);
    let Some(entry) = app.selected_entry() else {
        frame.render_widget(Paragraph::new(s.nothing_selected).style(theme.dim), inner);
        return (rows, 0);
    };
    let lines = styled_lines(app, theme, entry, usize::from(inner.width));
    let count = lines.len();
    let max_scroll = count.saturating_sub(rows);
    let scroll = app.view.detail_scroll.min(max_scroll);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(rows).collect();
    frame.render_widget(Paragraph::new(visible), inner);
    (rows, count)
}

/// The details of `entry` as plain lines `width` columns wide.
pub fn detail_lines(app: &App, entry: &Initiative, width: usize) -> Vec<String> {
    styled_lines(app, &Theme::new(true), entry, width)
        .into_iter()
        .map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

fn styled_lines(app: &App, theme: &Theme, entry: &Initiative, width: usize) -> Vec<Line<'static>> {
    let ctx = Context {
        catalogue: &app.catalogue,
        lang: app.lang,
        today: app.today,
        chosen: &app.search.effective.municipalities,
    };
    let mut parts = sections(&ctx, entry);
    if let Some(local) = app.local.as_ref().filter(|l| l.ids.contains(&entry.id)) {
        parts.push(Part {
            role: Role::Banner,
            label: String::new(),
            text: format!(
                "{}: {}",
                app.lang.strings().from_local,
                crate::text::escaped(&local.path.display().to_string())
            ),
        });
    }
    let mut out = Vec::new();
    for part in &parts {
        let (lead, style) = match part.role {
            Role::Banner => (String::new(), theme.warn),
            Role::Field => (format!("{}: ", part.label), Style::new()),
            Role::QuietField => (format!("{}: ", part.label), theme.dim),
            Role::Heading(_) => (String::new(), theme.heading),
            Role::Step(n) => (format!("{n}. "), Style::new()),
            Role::Contact => ("• ".to_owned(), Style::new()),
            Role::Source => ("• ".to_owned(), theme.dim),
            Role::Summary | Role::Description | Role::Blank => (String::new(), Style::new()),
        };
        if part.role == Role::Blank {
            out.push(Line::default());
            continue;
        }
        // List items hang under their text; labelled fields continue at a
        // small indent so long labels waste no width.
        let lead_width = lead.width();
        let indent = if part.role == Role::Field || part.role == Role::QuietField {
            2.min(lead_width)
        } else {
            lead_width
        };
        let first = width.saturating_sub(lead_width).max(8);
        let rest = width.saturating_sub(indent).max(8);
        for (i, text) in wrap_widths(&terminal_safe(&part.text), first, rest)
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                lead.clone()
            } else {
                " ".repeat(indent)
            };
            let lead_style = if matches!(part.role, Role::Step(_)) {
                theme.heading
            } else {
                style
            };
            out.push(Line::from(vec![
                Span::styled(lead, lead_style),
                Span::styled(text, style),
            ]));
        }
    }
    out
}
