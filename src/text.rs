//! Plain-text helpers: terminal-safe text and word wrapping by display width.

use unicode_normalization::char::is_combining_mark;
use unicode_width::UnicodeWidthStr;

/// Whether `c` could change how a terminal draws what follows it: control
/// characters, bidirectional marks, overrides and isolates, line separators,
/// tag characters and other invisible characters
/// ([`crate::charrules::is_forbidden`]). Such characters are dropped before
/// catalogue text is drawn or printed, and escaped in messages.
pub fn is_unsafe_char(c: char) -> bool {
    crate::charrules::is_forbidden(c)
}

/// `text` with every character that could steer a terminal written as a
/// visible escape (`\u{1b}`), for messages that quote untrusted text.
pub fn escaped(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_unsafe_char(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Most combining marks kept on one base character; more only pile up
/// ("zalgo" text) and can spill over neighbouring lines in some terminals.
pub const MAX_COMBINING: usize = 2;

/// `text` without characters that could disturb a terminal (see
/// [`is_unsafe_char`]) and with stacks of combining marks cut to
/// [`MAX_COMBINING`]. Borrow-free when nothing needs to go.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let mut run = 0;
    let mut clean = true;
    for c in text.chars() {
        run = if is_combining_mark(c) { run + 1 } else { 0 };
        if is_unsafe_char(c) || run > MAX_COMBINING {
            clean = false;
            break;
        }
    }
    if clean {
        return text.into();
    }
    let mut run = 0;
    text.chars()
        .filter(|&c| {
            run = if is_combining_mark(c) { run + 1 } else { 0 };
            !is_unsafe_char(c) && run <= MAX_COMBINING
        })
        .collect::<String>()
        .into()
}

/// Wraps `text` into lines no wider than `width` display columns; words longer
/// than a line are split. Always returns at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_widths(text, width, width)
}

/// Like [`wrap`], but the first line may have a different width than the rest
/// (a line that starts after a label).
pub fn wrap_widths(text: &str, first: usize, rest: usize) -> Vec<String> {
    let first = first.max(1);
    let rest = rest.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for word in text.split_whitespace() {
        let mut word = word;
        loop {
            let width = if lines.is_empty() { first } else { rest };
            let word_width = word.width();
            let gap = usize::from(line_width > 0);
            if line_width + gap + word_width <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_width += gap + word_width;
                break;
            }
            if line_width > 0 {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
                continue;
            }
            // A word wider than the whole line: cut it at the width.
            let (head, tail) = split_at_width(word, width);
            lines.push(head.to_owned());
            word = tail;
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Splits `text` after at most `width` columns (at least one character).
fn split_at_width(text: &str, width: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width && i > 0 {
            return text.split_at(i);
        }
        used += w;
    }
    (text, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap("Kontakt kommunens ungeindsats", 18),
            vec!["Kontakt kommunens", "ungeindsats"]
        );
        assert_eq!(wrap("", 10), vec![""]);
    }

    #[test]
    fn first_line_can_be_narrower() {
        assert_eq!(
            wrap_widths("en to tre fire fem", 6, 10),
            vec!["en to", "tre fire", "fem"]
        );
    }

    #[test]
    fn splits_words_longer_than_the_line() {
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn drops_escape_and_bidi_characters() {
        assert_eq!(terminal_safe("a\u{1b}[2Jb\u{202E}c"), "a[2Jbc");
        assert_eq!(terminal_safe("Århus"), "Århus");
    }

    #[test]
    fn stacks_of_combining_marks_are_cut() {
        let zalgo = "Z\u{0337}\u{0322}\u{0353}\u{0301}a";
        assert_eq!(terminal_safe(zalgo), "Z\u{0337}\u{0322}a");
        // Ordinary accents stay.
        assert_eq!(terminal_safe("e\u{0301}"), "e\u{0301}");
    }

    #[test]
    fn wide_characters_count_double() {
        for line in wrap("日本語 日本語 日本語", 7) {
            assert!(line.width() <= 7);
        }
    }
}
