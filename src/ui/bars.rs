//! The one-line bars: title, search line, filter bar and key hints. When a
//! bar is too narrow it drops its least important parts first — never F1 or
//! the way to quit.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::fit;
use super::theme::Theme;
use crate::app::App;
use crate::app::keymap;
use crate::catalogue::Origin;
use crate::search::facets;
use crate::text::terminal_safe;

/// The parts that fit in `width` columns joined by `sep`, keeping the table
/// order: parts with the highest rank go first when there is no room.
pub fn degrade(parts: &[(String, u8)], sep: &str, width: usize) -> String {
    let mut keep: Vec<bool> = vec![true; parts.len()];
    let joined = |keep: &[bool]| {
        parts
            .iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|((p, _), _)| p.as_str())
            .collect::<Vec<_>>()
            .join(sep)
    };
    loop {
        if joined(&keep).width() <= width {
            break;
        }
        let drop = parts
            .iter()
            .enumerate()
            .filter(|(i, (_, rank))| keep[*i] && *rank > 0)
            .max_by_key(|(i, (_, rank))| (*rank, *i))
            .map(|(i, _)| i);
        match drop {
            Some(i) => keep[i] = false,
            None => break,
        }
    }
    joined(&keep)
}

/// Title bar: the app, the catalogue's date, the number of initiatives,
/// where the catalogue came from and its title (dropped in that order).
pub fn title(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let width = usize::from(area.width);
    if app.view.loading.is_some() {
        // No catalogue yet: nothing of it to name.
        let text = format!(" indsats · {} …", s.loading);
        frame.render_widget(Paragraph::new(fit(&text, width)).style(theme.title), area);
        return;
    }
    let cat = &app.catalogue;
    let mut source = match &app.origin {
        Origin::Bundled => s.source_bundled.to_owned(),
        other => other.display_name(),
    };
    if let Some(local) = &app.local {
        source = format!("{source} + {} {}", local.ids.len(), s.plus_local);
        if local.patched > 0 {
            source = format!("{source}, {} {}", local.patched, s.plus_patched);
        }
    }
    let parts = [
        ("indsats".to_owned(), 0),
        (terminal_safe(&cat.title).into_owned(), 4),
        (format!("{} {}", cat.initiatives.len(), s.title_count), 2),
        (format!("{} {}", s.updated, cat.updated), 1),
        // A file name is shown escaped, as every message shows it.
        (crate::text::escaped(&source), 3),
    ];
    let text = format!(" {}", degrade(&parts, " · ", width.saturating_sub(1)));
    frame.render_widget(Paragraph::new(fit(&text, width)).style(theme.title), area);
}

/// Search line with the result count at the right; places the cursor when
/// focused. Shows the words still being searched; recognised filters have
/// moved to the filter bar.
pub fn query(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let focused = app.view.focus == crate::app::Focus::Query
        && app.view.picker.is_none()
        && app.view.copy_menu.is_none();
    let prompt = format!(" {} › ", s.search_prompt);
    let count = if app.view.loading.is_some() {
        String::new()
    } else {
        format!(
            " {} {} {} ",
            app.hits().len(),
            s.of,
            app.catalogue.initiatives.len()
        )
    };
    let width = usize::from(area.width);
    let room = width.saturating_sub(prompt.width() + count.width()).max(1);
    let line = &app.search.line;
    let text = line.text();
    let before = terminal_safe(&text[..line.cursor()]).into_owned();
    let after = terminal_safe(&text[line.cursor()..]).into_owned();
    // Keep the cursor in view: drop characters from the front while the text
    // up to the cursor is wider than the room.
    let mut shown_before: &str = &before;
    while shown_before.width() >= room && !shown_before.is_empty() {
        let mut chars = shown_before.chars();
        chars.next();
        shown_before = chars.as_str();
    }
    let rest_room = room.saturating_sub(shown_before.width());
    let shown_after = if after.width() > rest_room {
        fit(&after, rest_room).trim_end().to_owned()
    } else {
        after.clone()
    };
    let prompt_style = if focused {
        theme.border_focus
    } else {
        theme.dim
    };
    let used = prompt.width() + shown_before.width() + shown_after.width();
    let pad = width.saturating_sub(used + count.width());
    // Words that matched nothing, and so were left out, are struck through.
    let ignored = &app.results().ignored;
    let left_out = theme.dim.add_modifier(Modifier::CROSSED_OUT);
    let mut spans = vec![Span::styled(prompt.clone(), prompt_style)];
    spans.extend(word_spans(shown_before, ignored, left_out));
    spans.extend(word_spans(&shown_after, ignored, left_out));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(count, theme.heading));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if focused && !app.view.help {
        let x = (prompt.width() + shown_before.width()).min(width.saturating_sub(1)) as u16;
        frame.set_cursor_position(Position::new(area.x + x, area.y));
    }
}

/// `text` as spans, the words of `ignored` in `style`. A word cut by the
/// cursor is styled by its own part's text.
fn word_spans<'a>(text: &str, ignored: &[String], style: Style) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(word_end);
        if !word.is_empty() {
            if ignored.iter().any(|w| w == word) {
                spans.push(Span::styled(word.to_owned(), style));
            } else {
                spans.push(Span::raw(word.to_owned()));
            }
        }
        let space_end = tail
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(tail.len());
        if space_end > 0 {
            spans.push(Span::raw(tail[..space_end].to_owned()));
        }
        rest = &tail[space_end..];
    }
    spans
}

/// The filter bar: every active filter as a chip, in the order added — typed
/// in the search or picked — and those still being typed; or how to add one.
pub fn filter_bar(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let width = usize::from(area.width);
    let label = format!(" {}: ", s.filters);
    let chips = app.chip_labels();
    let mut spans = vec![Span::styled(label.clone(), theme.heading)];
    let mut used = label.width();
    if chips.is_empty() {
        spans.push(Span::styled(
            fit(
                &facets::with_names(s.filter_bar_empty, app.lang),
                width.saturating_sub(used),
            ),
            theme.dim,
        ));
    } else {
        // The newest chips matter most: from the end, as many as fit.
        let texts: Vec<(String, bool)> = chips
            .into_iter()
            .map(|(l, pending)| {
                let text = if pending {
                    format!("[{}…] ", terminal_safe(&l))
                } else {
                    format!("[{}] ", terminal_safe(&l))
                };
                (text, pending)
            })
            .collect();
        let mut first = 0;
        let total: usize = texts.iter().map(|(t, _)| t.width()).sum();
        let mut over = total.saturating_sub(width.saturating_sub(used));
        while over > 0 && first + 1 < texts.len() {
            over = over.saturating_sub(texts[first].0.width());
            first += 1;
            if first == 1 {
                over += 2;
            }
        }
        if first > 0 {
            spans.push(Span::styled("… ", theme.dim));
            used += 2;
        }
        for (text, pending) in &texts[first..] {
            let room = width.saturating_sub(used);
            let shown = if text.width() > room {
                fit(text, room)
            } else {
                text.clone()
            };
            used += shown.width();
            let style = if *pending { theme.dim } else { theme.chip };
            spans.push(Span::styled(shown, style));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The keys the focused part accepts, from the key table; F1 and the way
/// to quit at the right, always. A status message takes the left part.
pub fn hints(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let width = usize::from(area.width);
    let hints = keymap::hints(&crate::app::keys::places(app));
    let text = |h: &keymap::Hint| format!("{} {}", h.key, h.does(lang));
    let always: Vec<String> = hints.iter().filter(|h| h.rank == 0).map(text).collect();
    let right = format!("{} ", always.join(" · "));
    let room = width.saturating_sub(right.width() + 3);
    let ignored = &app.results().ignored;
    let notice = app
        .outbox
        .status
        .clone()
        .or_else(|| (!ignored.is_empty()).then(|| lang.ignored_notice(ignored)));
    let left = match &notice {
        Some(status) => fit(&format!(" {status}"), room),
        None => {
            let parts: Vec<(String, u8)> = hints
                .iter()
                .filter(|h| h.rank > 0)
                .map(|h| (text(h), h.rank))
                .collect();
            let shown = degrade(&parts, " · ", room.saturating_sub(1));
            // Nothing fits: drop them all rather than cut one.
            let shown = if shown.width() > room.saturating_sub(1) {
                String::new()
            } else {
                shown
            };
            fit(&format!(" {shown}"), room)
        }
    };
    let style = if notice.is_some() {
        theme.hints.patch(theme.heading)
    } else {
        theme.hints
    };
    let pad = width.saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, style),
        Span::styled(" ".repeat(pad), theme.hints),
        Span::styled(right, theme.hints.patch(theme.heading)),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

#[cfg(test)]
mod tests {
    use super::degrade;

    #[test]
    fn degrading_drops_the_least_important_first() {
        let parts = [
            ("indsats".to_owned(), 0),
            ("Katalog over indsatser".to_owned(), 3),
            ("46 indsatser".to_owned(), 2),
            ("opdateret 2026-11-23".to_owned(), 1),
        ];
        assert_eq!(
            degrade(&parts, " · ", 200),
            "indsats · Katalog over indsatser · 46 indsatser · opdateret 2026-11-23"
        );
        assert_eq!(
            degrade(&parts, " · ", 50),
            "indsats · 46 indsatser · opdateret 2026-11-23"
        );
        assert_eq!(degrade(&parts, " · ", 31), "indsats · opdateret 2026-11-23");
        assert_eq!(degrade(&parts, " · ", 3), "indsats");
    }
}
