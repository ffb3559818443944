//! The result list: name with matched letters highlighted, status badge, area.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::{SELECTED_MARKER, Theme, UNSELECTED_MARKER};
use super::{fit, visible_window};
use crate::app::{App, Focus, ListView};
use crate::progress::Stage;
use crate::search::Hit;
use unicode_normalization::char::is_combining_mark;

use crate::text::{MAX_COMBINING, is_unsafe_char};

use crate::i18n::BADGE_WIDTH;

/// Names get at least this many columns before the area column is shown.
const MIN_NAME_WIDTH: usize = 40;
/// Widest area column.
const MAX_AREA_WIDTH: usize = 24;
/// Narrowest area column worth showing.
const MIN_AREA_WIDTH: usize = 8;

/// Draws the result list into `area`; returns the first row drawn.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) -> usize {
    let s = app.lang.strings();
    let focused = matches!(app.view.focus, Focus::List | Focus::Query);
    let title = match app.view.list_view {
        ListView::Search => s.results.to_owned(),
        ListView::Shortlist => format!("{} ({})", s.shortlist, app.hits().len()),
        ListView::Favourites => format!("{} ({})", s.favourites, app.hits().len()),
        ListView::Recents => format!("{} ({})", s.recents, app.hits().len()),
    };
    let block = super::panel(&title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some((stage, percent)) = app.view.loading {
        render_loading(app, theme, frame, inner, stage, percent);
        return 0;
    }
    let hits = app.hits();
    if hits.is_empty() {
        let message = match app.view.list_view {
            ListView::Search => s.no_results,
            ListView::Shortlist => s.empty_shortlist,
            ListView::Favourites => s.empty_favourites,
            ListView::Recents => s.empty_recents,
        };
        let lines: Vec<Line> = crate::text::wrap(message, usize::from(inner.width))
            .into_iter()
            .map(Line::from)
            .collect();
        frame.render_widget(Paragraph::new(lines).style(theme.dim), inner);
        return 0;
    }
    let height = usize::from(inner.height);
    let selected = app.search.selected;
    let offset = visible_window(app.view.list_offset, selected, hits.len(), height);
    let lines: Vec<Line> = hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, hit)| row(app, theme, hit, i == selected, usize::from(inner.width)))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    offset
}

/// While the catalogue loads: how far along it is, and that typing is kept.
fn render_loading(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    stage: Stage,
    percent: u32,
) {
    let s = app.lang.strings();
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = vec![Line::from(s.loading_line(stage, percent))];
    lines.extend(
        crate::text::wrap(s.loading_keep_typing, width)
            .into_iter()
            .map(|l| Line::from(l).style(theme.dim)),
    );
    // A bar drawn with characters, so it shows without colour too.
    let bar = width.min(BAR_WIDTH);
    let filled = bar * percent.min(100) as usize / 100;
    lines.push(Line::default());
    lines.push(Line::from(format!(
        "{}{}",
        "█".repeat(filled),
        "░".repeat(bar - filled)
    )));
    frame.render_widget(Paragraph::new(lines), area);
}

/// Widest progress bar while the catalogue loads.
const BAR_WIDTH: usize = 40;

/// One row: marker, name (highlighted), stale flag, badge, area.
fn row(app: &App, theme: &Theme, hit: &Hit, selected: bool, width: usize) -> Line<'static> {
    let s = app.lang.strings();
    let Some(entry) = app.catalogue.initiatives.get(hit.index) else {
        return Line::default();
    };
    let base = if selected {
        theme.selected
    } else {
        Style::new()
    };
    let marker = if selected {
        SELECTED_MARKER
    } else {
        UNSELECTED_MARKER
    };
    let badge = fit(s.hit_badge(entry, hit.way_in()), BADGE_WIDTH);
    let stale = if app.is_stale(entry) { "!" } else { " " };
    // Shortlisted (+) and favourite (*): one column each.
    let marks = format!(
        "{}{}",
        if app.is_marked(entry) { '+' } else { ' ' },
        if app.meeting.store.is_favourite(&entry.id) {
            '*'
        } else {
            ' '
        },
    );
    // marker + marks + name + " " + stale + " " + badge [+ " " + area]
    let fixed = marker.width() + marks.len() + 3 + BADGE_WIDTH;
    let area_width = width
        .saturating_sub(fixed + 1 + MIN_NAME_WIDTH)
        .min(MAX_AREA_WIDTH);
    let show_area = area_width >= MIN_AREA_WIDTH;
    let name_width = width
        .saturating_sub(fixed + if show_area { area_width + 1 } else { 0 })
        .max(1);
    let area_text = if show_area {
        crate::report::area_short(
            &app.catalogue,
            &entry.area,
            app.lang,
            &app.search.filters.municipalities,
        )
    } else {
        String::new()
    };

    let mut spans = vec![
        Span::styled(marker, base),
        Span::styled(marks, base.patch(theme.heading)),
    ];
    spans.extend(name_spans(
        &entry.name,
        hit.name_positions(),
        name_width,
        base,
        theme,
    ));
    spans.push(Span::styled(format!(" {stale} "), base.patch(theme.warn)));
    spans.push(Span::styled(
        badge,
        base.patch(if hit.way_in() {
            theme.heading
        } else if entry.kind == crate::catalogue::Kind::Offer {
            theme.status(entry.status, app.no_color)
        } else {
            theme.dim
        }),
    ));
    if show_area {
        spans.push(Span::styled(
            format!(" {}", fit(&area_text, area_width)),
            base.patch(theme.dim),
        ));
    }
    Line::from(spans)
}

/// The name cut or padded to `width` columns, matched characters highlighted.
fn name_spans(
    name: &str,
    positions: &[usize],
    width: usize,
    base: Style,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    let mut run = String::new();
    let mut run_matched = false;
    let flush = |spans: &mut Vec<Span>, run: &mut String, matched: bool| {
        if !run.is_empty() {
            let style = if matched {
                base.patch(theme.matched)
            } else {
                base
            };
            spans.push(Span::styled(std::mem::take(run), style));
        }
    };
    // Whether the name is wider than the row, summed only until it is: a
    // name of a million chars costs no more than the row.
    let mut total = 0;
    let cut = name.chars().any(|c| {
        total += c.encode_utf8(&mut [0; 4]).width();
        total > width
    });
    let mut combining = 0;
    for (i, c) in name.chars().enumerate() {
        // The same rules as `terminal_safe`, kept per character so the match
        // positions still line up.
        combining = if is_combining_mark(c) {
            combining + 1
        } else {
            0
        };
        if is_unsafe_char(c) || combining > MAX_COMBINING {
            continue;
        }
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        let room = if cut { width.saturating_sub(1) } else { width };
        if used + w > room {
            break;
        }
        let matched = positions.binary_search(&i).is_ok();
        if matched != run_matched {
            flush(&mut spans, &mut run, run_matched);
            run_matched = matched;
        }
        run.push(c);
        used += w;
    }
    flush(&mut spans, &mut run, run_matched);
    if cut {
        spans.push(Span::styled("…", base));
        used += 1;
    }
    if used < width {
        spans.push(Span::styled(" ".repeat(width - used), base));
    }
    spans
}
