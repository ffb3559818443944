//! The plain result rows of `indsats search`: by default one line per hit
//! that fits the terminal (id, name, status, area, each cut with `…`; 80
//! columns when stdout is not a terminal), with `--wide` the full rows
//! (name, status, area and summary, never cut).

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::Write;

use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

use crate::catalogue::Catalogue;
use crate::i18n::Lang;
use crate::search::{Hit, Results};
use crate::text::terminal_safe;

/// Width of the rows when stdout is not a terminal.
pub const PIPE_WIDTH: usize = 80;

/// Narrowest terminal the rows are laid out for; a narrower one gets them
/// cut at this width.
pub const MIN_WIDTH: usize = 20;

/// Widest the area column of the full rows is padded to; longer areas push
/// the summary along.
const AREA_COLUMN: usize = 28;

/// Spaces between two columns.
const GAP: usize = 2;

/// What the fitted columns keep at least, where they are that wide: the id,
/// the name and the area (the status badge is never cut).
const ID_MIN: usize = 32;
const NAME_MIN: usize = 20;
const AREA_MIN: usize = 11;

/// How the rows are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Id, name, status badge and area within this many columns.
    Fit(usize),
    /// Name, status label, area and summary, never cut.
    Wide,
}

/// The first `limit` hits of a search, ready to write.
pub struct Rows<'a> {
    /// The catalogue searched.
    pub catalogue: &'a Catalogue,
    /// The results.
    pub results: &'a Results,
    /// How many hits to write.
    pub limit: usize,
    /// The interface language (status labels, areas).
    pub lang: Lang,
    /// How to lay them out.
    pub layout: Layout,
    /// The municipalities chosen: named first in an area.
    pub chosen: &'a BTreeSet<String>,
}

impl Rows<'_> {
    /// Writes the rows line by line: the column widths first, then each
    /// line (at 100,000 results the lines are never all held at once).
    pub fn write(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let hits = &self.results.hits[..self.limit];
        let areas: Vec<String> = hits
            .iter()
            .map(|hit| {
                let area = &self.catalogue.initiatives[hit.index].area;
                let text = crate::report::area_short(self.catalogue, area, self.lang, self.chosen);
                terminal_safe(&text).into_owned()
            })
            .collect();
        match self.layout {
            Layout::Fit(width) => self.write_fitted(out, hits, &areas, width),
            Layout::Wide => self.write_wide(out, hits, &areas),
        }
    }

    /// Id, name, status badge and area, each cut to its column.
    fn write_fitted(
        &self,
        out: &mut dyn Write,
        hits: &[Hit],
        areas: &[String],
        width: usize,
    ) -> std::io::Result<()> {
        let strings = self.lang.strings();
        let cells = |hit: &Hit, area: &str| -> [String; 4] {
            let entry = &self.catalogue.initiatives[hit.index];
            [
                terminal_safe(&entry.id).into_owned(),
                terminal_safe(&entry.name).into_owned(),
                strings.hit_badge(entry, hit.way_in()).to_owned(),
                area.to_owned(),
            ]
        };
        let mut natural = [0usize; 4];
        for (hit, area) in hits.iter().zip(areas) {
            for (w, cell) in natural.iter_mut().zip(cells(hit, area)) {
                *w = (*w).max(cell.width());
            }
        }
        let columns = fit_columns(natural, width);
        let mut line = String::new();
        for (hit, area) in hits.iter().zip(areas) {
            line.clear();
            for (i, (cell, &w)) in cells(hit, area).iter().zip(&columns).enumerate() {
                if i > 0 {
                    line.extend(std::iter::repeat_n(' ', GAP));
                }
                let cut = truncate(cell, w);
                line.push_str(&cut);
                line.extend(std::iter::repeat_n(' ', w.saturating_sub(cut.width())));
            }
            // Below the minimum width the columns cannot all fit: cut the line.
            let shown = truncate(line.trim_end(), width);
            out.write_all(shown.as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Name, status label, area and summary in aligned columns, never cut.
    fn write_wide(
        &self,
        out: &mut dyn Write,
        hits: &[Hit],
        areas: &[String],
    ) -> std::io::Result<()> {
        let strings = self.lang.strings();
        // The general way in says so in place of its status.
        let label = |entry, hit: &Hit| strings.hit_label(entry, hit.way_in());
        let mut widths = [0usize; 3];
        for (hit, area) in hits.iter().zip(areas) {
            let entry = &self.catalogue.initiatives[hit.index];
            let cells = [&*entry.name, label(entry, hit), area];
            for (w, cell) in widths.iter_mut().zip(cells) {
                *w = (*w).max(cell.width());
            }
        }
        widths[2] = widths[2].min(AREA_COLUMN);
        let mut line = String::new();
        for (hit, area) in hits.iter().zip(areas) {
            let entry = &self.catalogue.initiatives[hit.index];
            line.clear();
            let name = terminal_safe(&entry.name);
            for (cell, &w) in [&*name, label(entry, hit), area].iter().zip(&widths) {
                line.push_str(cell);
                let pad = w.saturating_sub(cell.width()) + GAP;
                line.extend(std::iter::repeat_n(' ', pad));
            }
            line.push_str(&terminal_safe(&entry.summary));
            out.write_all(line.trim_end().as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// The widths of the id, name, status and area columns in `width` columns,
/// given the widest cell of each (`natural`). Each column first gets its
/// minimum (the status all of it); what is left goes to the id (a cut id
/// cannot be given to `indsats show`), then the name, then the area. When
/// even the minimums do not fit, the area gives way first, then the name,
/// the id and the status.
fn fit_columns(natural: [usize; 4], width: usize) -> [usize; 4] {
    let budget = width.saturating_sub(GAP * 3);
    let mut columns = [
        natural[0].min(ID_MIN),
        natural[1].min(NAME_MIN),
        natural[2],
        natural[3].min(AREA_MIN),
    ];
    let mut left = budget.saturating_sub(columns.iter().sum());
    for i in [0, 1, 3] {
        let more = (natural[i] - columns[i]).min(left);
        columns[i] += more;
        left -= more;
    }
    let mut over = columns.iter().sum::<usize>().saturating_sub(budget);
    for i in [3, 1, 0, 2] {
        let less = over.min(columns[i].saturating_sub(1));
        columns[i] -= less;
        over -= less;
    }
    columns
}

/// `text` cut to at most `width` display columns, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let (head, _) = text.unicode_truncate(width - 1);
    Cow::Owned(format!("{head}…"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Østjylland", 20), "Østjylland");
        assert_eq!(truncate("Østjylland", 5), "Østj…");
        assert_eq!(truncate("日本語日本語", 5), "日本…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn columns_fit_the_width() {
        // Everything fits: every column as wide as its widest cell.
        assert_eq!(fit_columns([20, 30, 10, 12], 80), [20, 30, 10, 12]);
        // The id stays whole before the name grows, the area gives way.
        assert_eq!(fit_columns([28, 60, 10, 40], 80), [28, 25, 10, 11]);
        for width in [0, 1, 10, 20, 40, 80, 200] {
            for natural in [[42, 98, 11, 60], [5, 5, 5, 5], [0, 0, 0, 0]] {
                let columns = fit_columns(natural, width);
                let used = columns.iter().sum::<usize>() + GAP * 3;
                assert!(
                    used <= width.max(GAP * 3 + 4),
                    "{natural:?} at {width}: {columns:?}"
                );
            }
        }
    }
}
