//! The detail pane: every section of the selected initiative, pre-wrapped so
//! that scrolling knows the number of lines.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::{App, Focus};
use crate::catalogue::lookup::age_text;
use crate::catalogue::{Initiative, Status};
use crate::report::{contact_lines, source_text};
use crate::text::{terminal_safe, wrap_widths};

/// Draws the details of the selected entry into `area`.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let focused = app.focus == Focus::Details;
    let title = match app.selected_entry() {
        Some(entry) => terminal_safe(&entry.name).into_owned(),
        None => s.details.to_owned(),
    };
    let block = super::panel(&title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(entry) = app.selected_entry() else {
        frame.render_widget(Paragraph::new(s.nothing_selected).style(theme.dim), inner);
        return;
    };
    let lines = styled_lines(app, theme, entry, usize::from(inner.width));
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = app.detail_scroll.min(max_scroll);
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

/// The plain lines of the details at `width` columns (used to bound scrolling).
pub fn detail_lines(app: &App, entry: &Initiative, width: usize) -> Vec<String> {
    sections(app, entry)
        .iter()
        .flat_map(|part| part.wrapped(width))
        .map(|(_, text)| text)
        .collect()
}

fn styled_lines(app: &App, theme: &Theme, entry: &Initiative, width: usize) -> Vec<Line<'static>> {
    sections(app, entry)
        .iter()
        .flat_map(|part| {
            let style = match part.kind {
                Kind::Heading => theme.heading,
                Kind::Warning => theme.warn,
                Kind::Dim => theme.dim,
                Kind::Text => ratatui::style::Style::new(),
            };
            part.wrapped(width)
                .into_iter()
                .map(move |(_, text)| Line::from(Span::styled(text, style)))
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Heading,
    Warning,
    Dim,
    Text,
}

/// One paragraph of the details: a first-line lead (label or list marker) and text.
struct Part {
    kind: Kind,
    lead: String,
    text: String,
}

impl Part {
    fn new(kind: Kind, lead: impl Into<String>, text: impl Into<String>) -> Part {
        Part {
            kind,
            lead: lead.into(),
            text: text.into(),
        }
    }

    fn blank() -> Part {
        Part::new(Kind::Text, "", "")
    }

    /// The paragraph wrapped: list items hang under their text, labelled
    /// fields continue at a small indent so long labels waste no width.
    fn wrapped(&self, width: usize) -> Vec<(Kind, String)> {
        let lead_width = unicode_width::UnicodeWidthStr::width(self.lead.as_str());
        let indent = if self.lead.ends_with(": ") {
            2.min(lead_width)
        } else {
            lead_width
        };
        let first = width.saturating_sub(lead_width).max(8);
        let rest = width.saturating_sub(indent).max(8);
        wrap_widths(&terminal_safe(&self.text), first, rest)
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                let lead = if i == 0 {
                    self.lead.clone()
                } else {
                    " ".repeat(indent)
                };
                (self.kind, format!("{lead}{line}"))
            })
            .collect()
    }
}

fn sections(app: &App, entry: &Initiative) -> Vec<Part> {
    let s = app.lang.strings();
    let cat = &app.catalogue;
    let lang = app.lang;
    let mut parts = Vec::new();
    let warning = match entry.status {
        Status::Proposed => Some(s.warn_proposed),
        Status::Inspiration => Some(s.warn_inspiration),
        Status::Ended => Some(s.warn_ended),
        Status::Unconfirmed => Some(s.warn_unconfirmed),
        Status::Active | Status::Pilot => None,
    };
    if let Some(text) = warning {
        parts.push(Part::new(Kind::Warning, "", text));
    }
    if entry.kind != crate::catalogue::Kind::Offer {
        parts.push(Part::new(
            Kind::Warning,
            "",
            format!(
                "{} – {}",
                s.kind_label(entry.kind).to_uppercase(),
                s.kind_note(entry.kind)
            ),
        ));
    }
    if app.is_stale(entry) {
        parts.push(Part::new(
            Kind::Warning,
            "! ",
            format!("{} ({})", capitalise(s.stale), entry.last_verified),
        ));
    }
    // The banner above already explains the status; otherwise say what it means.
    let status = match (warning, entry.kind) {
        (None, crate::catalogue::Kind::Offer) => s.status_line(entry),
        (Some(_), crate::catalogue::Kind::Offer) => s.status_label(entry.status).to_owned(),
        _ => format!(
            "{} · {}",
            s.status_label(entry.status),
            s.kind_label(entry.kind)
        ),
    };
    parts.push(Part::new(Kind::Text, format!("{}: ", s.status), status));
    if !entry.aliases.is_empty() {
        parts.push(Part::new(
            Kind::Dim,
            format!("{}: ", s.aliases),
            entry.aliases.join(", "),
        ));
    }
    parts.push(Part::blank());
    parts.push(Part::new(Kind::Text, "", entry.summary.clone()));
    parts.push(Part::blank());
    parts.push(Part::new(Kind::Heading, "", s.description));
    parts.push(Part::new(Kind::Text, "", entry.description.clone()));
    parts.push(Part::blank());
    let join = |ids: &[String], label: &dyn Fn(&str) -> String| {
        ids.iter()
            .map(|id| label(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    parts.push(Part::new(
        Kind::Text,
        format!("{}: ", s.target_groups),
        join(&entry.target_groups, &|id| {
            cat.target_group_label(id, lang).to_owned()
        }),
    ));
    parts.push(Part::new(
        Kind::Text,
        format!("{}: ", s.themes),
        join(&entry.themes, &|id| cat.theme_label(id, lang).to_owned()),
    ));
    parts.push(Part::new(
        Kind::Text,
        format!("{}: ", s.age),
        age_text(entry.age.as_ref(), lang),
    ));
    let mut area = cat.area_text(&entry.area, lang);
    if let Some(note) = &entry.area.note {
        area = format!("{area} ({note})");
    }
    parts.push(Part::new(Kind::Text, format!("{}: ", s.area), area));
    if !entry.providers.is_empty() {
        parts.push(Part::new(
            Kind::Text,
            format!("{}: ", s.providers),
            entry.providers.join(", "),
        ));
    }
    if let Some(eligibility) = &entry.eligibility {
        parts.push(Part::new(
            Kind::Text,
            format!("{}: ", s.eligibility),
            eligibility.clone(),
        ));
    }
    parts.push(Part::blank());
    parts.push(Part::new(Kind::Heading, "", s.next_steps));
    for (i, step) in entry.next_steps.iter().enumerate() {
        parts.push(Part::new(Kind::Text, format!("{}. ", i + 1), step.clone()));
    }
    if !entry.contacts.is_empty() {
        parts.push(Part::blank());
        parts.push(Part::new(Kind::Heading, "", s.contacts));
        for line in contact_lines(entry, lang, app.today, &app.filters.municipalities) {
            parts.push(Part::new(Kind::Text, "• ", line));
        }
    }
    parts.push(Part::blank());
    parts.push(Part::new(Kind::Heading, "", s.sources));
    for source in &entry.sources {
        parts.push(Part::new(Kind::Dim, "• ", source_text(source, lang)));
    }
    parts.push(Part::blank());
    parts.push(Part::new(
        Kind::Dim,
        format!("{}: ", s.last_verified),
        entry.last_verified.clone(),
    ));
    if let Some(local) = app.local.as_ref().filter(|l| l.ids.contains(&entry.id)) {
        parts.push(Part::new(
            Kind::Warning,
            format!("{}: ", s.from_local),
            local.path.display().to_string(),
        ));
    }
    parts
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
