//! Plain-text helpers: terminal-safe text and word wrapping by display width.

use unicode_normalization::char::is_combining_mark;

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
    // Most text is checked a byte at a time: every combining mark is at
    // U+0300 or above, so its UTF-8 starts with 0xCC or higher (Danish
    // letters start with 0xC3), and the character rule has a byte scan.
    if text.bytes().all(|b| b < 0xCC) && crate::charrules::first_forbidden(text, false).is_none() {
        return text.into();
    }
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
/// (a line that starts after a label). Words break at spaces only (a web
/// address or a hyphenated word stays whole); only a word wider than a whole
/// line is split. Uses `textwrap`.
pub fn wrap_widths(text: &str, first: usize, rest: usize) -> Vec<String> {
    let first = first.max(1);
    let rest = rest.max(1);
    let width = first.max(rest);
    // The narrower of the two gets an indent of the difference, taken off again.
    let pad_first = " ".repeat(width - first);
    let pad_rest = " ".repeat(width - rest);
    let options = textwrap::Options::new(width)
        .initial_indent(&pad_first)
        .subsequent_indent(&pad_rest)
        // Never at a hyphen: a web address (`ungdomsskolen-skive.dk`) stays
        // whole where it fits on a line.
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut lines: Vec<String> = textwrap::wrap(&words, options)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let pad = if i == 0 {
                pad_first.len()
            } else {
                pad_rest.len()
            };
            line.get(pad..).unwrap_or("").trim_end().to_owned()
        })
        .collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Wraps `text` into lines no wider than `width` where it can: at spaces
/// only, never inside a word, so a web address or a phone number stays
/// whole on one line even when it is wider (for printing).
pub fn wrap_whole_words(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut lines: Vec<String> = textwrap::wrap(&words, options)
        .into_iter()
        .map(|line| line.trim_end().to_owned())
        .collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

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

    #[test]
    fn whole_words_keep_a_web_address_on_one_line() {
        let url = "https://ungdomsskolen-skive.dk/heltidsundervisning/om-os";
        let lines = wrap_whole_words(&format!("Se {url} for mere"), 30);
        assert!(lines.iter().any(|l| l.contains(url)), "{lines:?}");
        assert!(lines.iter().all(|l| !l.ends_with('-')), "{lines:?}");
        let short = wrap_whole_words("en to tre fire fem seks", 9);
        assert!(short.iter().all(|l| l.width() <= 9), "{short:?}");
    }
}
