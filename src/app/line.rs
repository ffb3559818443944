//! The search line: text and a cursor, edited like a shell's line.

/// Longest query kept, in characters: far beyond any real query, and keeps a
/// pasted document from making every keystroke slow. The search reads no
/// more of a query either (`indsats search` included).
pub use crate::search::query::MAX_QUERY_CHARS;

/// A line of text with a cursor (a byte offset on a character boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    text: String,
    cursor: usize,
}

impl Line {
    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, as a byte offset into [`Line::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the text and puts the cursor at its end.
    pub fn set(&mut self, text: &str) {
        self.text = text.chars().take(MAX_QUERY_CHARS).collect();
        self.cursor = self.text.len();
    }

    /// Inserts `c` at the cursor; false when the line is full.
    pub fn insert(&mut self, c: char) -> bool {
        if self.text.chars().count() >= MAX_QUERY_CHARS {
            return false;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        true
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }

    /// Deletes the character before the cursor; false when there is none.
    pub fn backspace(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        let start = self.prev_boundary();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
        true
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) -> bool {
        let end = self.next_boundary();
        if end == self.cursor {
            return false;
        }
        self.text.replace_range(self.cursor..end, "");
        true
    }

    /// One character left.
    pub fn left(&mut self) {
        self.cursor = self.prev_boundary();
    }

    /// One character right.
    pub fn right(&mut self) {
        self.cursor = self.next_boundary();
    }

    /// To the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// To the end.
    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Deletes the word before the cursor and the spaces after it (Ctrl-W).
    pub fn delete_word(&mut self) -> bool {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        if start == self.cursor {
            return false;
        }
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
        true
    }

    /// Deletes everything before the cursor (Ctrl-U).
    pub fn clear_before(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
        true
    }

    /// Clears the line.
    pub fn clear(&mut self) -> bool {
        let changed = !self.text.is_empty();
        self.text.clear();
        self.cursor = 0;
        changed
    }

    /// Removes the bytes `range` (on character boundaries) and one space
    /// after them, keeping the cursor on the same text.
    pub fn remove(&mut self, range: std::ops::Range<usize>) {
        let Some(end) = self.text.get(range.clone()).map(|_| range.end) else {
            return;
        };
        let (start, end) = if self.text[end..].starts_with(' ') {
            (range.start, end + 1)
        } else if range.start > 0 && self.text[..range.start].ends_with(' ') {
            (range.start - 1, end)
        } else {
            (range.start, end)
        };
        self.text.replace_range(start..end, "");
        if self.cursor >= end {
            self.cursor -= end - start;
        } else if self.cursor > start {
            self.cursor = start;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, cursor: usize) -> Line {
        Line {
            text: text.to_owned(),
            cursor,
        }
    }

    #[test]
    fn edits_at_the_cursor_like_a_shell() {
        let mut l = Line::default();
        for c in "ips ung".chars() {
            l.insert(c);
        }
        l.left();
        l.left();
        l.left();
        assert_eq!(l.cursor(), 4);
        l.insert('x');
        assert_eq!(l.text(), "ips xung");
        l.backspace();
        l.delete();
        assert_eq!(l.text(), "ips ng");
        l.home();
        l.insert('^');
        assert_eq!(l.text(), "^ips ng");
        l.end();
        assert!(!l.delete());
        assert!(l.delete_word());
        assert_eq!(l.text(), "^ips ");
        l.set("a b c");
        l.left();
        l.clear_before();
        assert_eq!((l.text(), l.cursor()), ("c", 0));
    }

    #[test]
    fn danish_letters_move_as_one_character() {
        let mut l = line("åø", 4);
        l.left();
        assert_eq!(l.cursor(), 2);
        l.backspace();
        assert_eq!(l.text(), "ø");
        l.right();
        l.right();
        assert_eq!(l.cursor(), 2);
    }

    #[test]
    fn removing_a_span_keeps_the_cursor_on_its_text() {
        let mut l = line("skive fgu", 9);
        l.remove(0..5);
        assert_eq!((l.text(), l.cursor()), ("fgu", 3));
        let mut l = line("fgu skive x", 3);
        l.remove(4..9);
        assert_eq!((l.text(), l.cursor()), ("fgu x", 3));
        let mut l = line("fgu skive", 9);
        l.remove(4..9);
        assert_eq!((l.text(), l.cursor()), ("fgu", 3));
    }

    #[test]
    fn the_line_has_a_limit() {
        let mut l = Line::default();
        for _ in 0..MAX_QUERY_CHARS + 10 {
            l.insert('a');
        }
        assert_eq!(l.text().chars().count(), MAX_QUERY_CHARS);
    }
}
