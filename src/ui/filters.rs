//! The filter panel: one facet at a time, each value with its live count.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::{SELECTED_MARKER, Theme, UNSELECTED_MARKER};
use super::{fit, visible_window};
use crate::app::{App, Facet, Focus};
use crate::text::wrap;

/// Draws the filter panel into `area`.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let focused = app.focus == Focus::Filters;
    let block = super::panel(s.filters, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let width = usize::from(inner.width);
    let mut lines = vec![facet_tabs(app, theme, width)];
    if app.facet == Facet::Age {
        let value = match app.filters.age {
            Some(age) => format!("{age} {}", s.years),
            None => s.age_none.to_owned(),
        };
        let typed = if focused { "▏" } else { "" };
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::raw(format!("{}: ", s.age_prompt)),
            Span::styled(format!("{value}{typed}"), theme.heading),
        ]));
        lines.push(Line::from(Span::styled(
            format!(
                "{} {} {}",
                app.hits().len(),
                s.of,
                app.catalogue.initiatives.len()
            ),
            theme.dim,
        )));
        lines.push(Line::default());
        lines.extend(
            wrap(s.age_help, width)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme.dim))),
        );
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let values = app.facet_values(app.facet);
    let cursor = app.facet_cursor[app.facet.index()];
    let height = usize::from(inner.height).saturating_sub(1);
    let offset = visible_window(&app.facet_offset, cursor, values.len(), height);
    for (i, value) in values.iter().enumerate().skip(offset).take(height) {
        let at_cursor = focused && i == cursor;
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
        let count = value.count.to_string();
        let label_width = width.saturating_sub(2 + 4 + 1 + count.len()).max(1);
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
            Span::styled(format!(" {count}"), base.patch(count_style)),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "‹ Kommune 1/5 ›" with the number of selected values.
fn facet_tabs(app: &App, theme: &Theme, width: usize) -> Line<'static> {
    let s = app.lang.strings();
    let index = app.facet.index();
    let selected = match app.facet {
        Facet::Municipality => app.filters.municipalities.len(),
        Facet::TargetGroup => app.filters.target_groups.len(),
        Facet::Theme => app.filters.themes.len(),
        Facet::Status => {
            app.filters.statuses.len() + usize::from(app.filters.verified_before.is_some())
        }
        Facet::Kind => app.filters.kinds.len(),
        Facet::Age => usize::from(app.filters.age.is_some()),
    };
    let chosen = if selected > 0 {
        format!(" ({selected})")
    } else {
        String::new()
    };
    let text = format!(
        "‹ {}{chosen} {}/{} ›",
        s.facet_names[index],
        index + 1,
        Facet::ALL.len()
    );
    Line::from(Span::styled(fit(&text, width), theme.heading))
}
