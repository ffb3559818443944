//! The one-line bars: title, query, active filters and key hints.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::fit;
use super::theme::Theme;
use crate::app::{App, Facet, Focus};
use crate::catalogue::Origin;
use crate::text::terminal_safe;

/// Title bar: catalogue title, number of initiatives, date and source.
pub fn title(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let cat = &app.catalogue;
    let mut source = match &app.origin {
        Origin::Bundled => s.source_bundled.to_owned(),
        other => other.display_name(),
    };
    if let Some(local) = &app.local {
        source = format!("{source} + {} {}", local.ids.len(), s.plus_local);
    }
    let text = format!(
        " indsats · {} · {} {} · {} {} · {}",
        terminal_safe(&cat.title),
        cat.initiatives.len(),
        s.title_count,
        s.updated,
        cat.updated,
        terminal_safe(&source)
    );
    frame.render_widget(
        Paragraph::new(fit(&text, usize::from(area.width))).style(theme.title),
        area,
    );
}

/// Query line with the result count at the right; places the cursor when focused.
pub fn query(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let focused = app.focus == Focus::Query;
    let prompt = format!(" {} › ", s.search_prompt);
    let count = format!(
        "{} {} {} ",
        app.hits().len(),
        s.of,
        app.catalogue.initiatives.len()
    );
    let width = usize::from(area.width);
    let room = width.saturating_sub(prompt.width() + count.width() + 1);
    // Show the end of a query too long for the line.
    let query = terminal_safe(&app.query);
    let mut shown: &str = &query;
    while shown.width() > room {
        let mut chars = shown.chars();
        chars.next();
        shown = chars.as_str();
    }
    let prompt_style = if focused {
        theme.border_focus
    } else {
        theme.dim
    };
    let pad = width.saturating_sub(prompt.width() + shown.width() + count.width());
    let line = Line::from(vec![
        Span::styled(prompt.clone(), prompt_style),
        Span::raw(shown.to_owned()),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.heading),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    if focused && !app.help {
        let x = area.x + (prompt.width() + shown.width()).min(width.saturating_sub(1)) as u16;
        frame.set_cursor_position(Position::new(x, area.y));
    }
}

/// The active filters, or how to get to them.
pub fn summary(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let active = app.active_filters();
    let line = if active.is_empty() {
        Line::from(Span::styled(format!(" {}", s.no_filters), theme.dim))
    } else {
        Line::from(vec![
            Span::styled(format!(" {}: ", s.filters), theme.heading),
            Span::raw(active.join(" · ")),
        ])
    };
    let text: String = line.spans.iter().map(|sp| sp.content.as_ref()).collect();
    let style = line.spans.last().map_or(Style::new(), |sp| sp.style);
    if text.width() > usize::from(area.width) {
        frame.render_widget(
            Paragraph::new(fit(&text, usize::from(area.width))).style(style),
            area,
        );
    } else {
        frame.render_widget(Paragraph::new(line), area);
    }
}

/// The keys the focused part accepts.
pub fn hints(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    if let Some(status) = &app.status {
        frame.render_widget(
            Paragraph::new(fit(&format!(" {status}"), usize::from(area.width)))
                .style(theme.hints.patch(theme.heading)),
            area,
        );
        return;
    }
    let text = if app.help {
        s.hints_help
    } else {
        match app.focus {
            Focus::Query => s.hints_query,
            Focus::Filters if app.facet == Facet::Age => s.hints_age,
            Focus::Filters => s.hints_filters,
            Focus::List => s.hints_list,
            Focus::Details => s.hints_details,
        }
    };
    frame.render_widget(
        Paragraph::new(fit(&format!(" {text}"), usize::from(area.width))).style(theme.hints),
        area,
    );
}
