//! The long texts of an entry — summary, description, eligibility and next
//! steps — held in memory, or, for a catalogue read from the start-up cache,
//! read from the cache file when they are shown.
//!
//! A large catalogue's long texts are most of its bytes (at 100,000 entries,
//! 200 of 250 MB), and a session shows a handful of them. So the cache keeps
//! them in a section of its own, and an entry read from it holds only where
//! each text is. Reading one back checks it again, as the whole file was
//! checked at start-up: its checksum, UTF-8 and the catalogue's character
//! rule ([`crate::charrules`]). A file truncated or changed in place since
//! then gives [`Unreadable`], never a panic or wrong text; a file replaced by
//! a rename is no matter, as the open descriptor still reads the old one.

use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A long text: in memory, or stored in a start-up cache file.
#[derive(Clone)]
pub struct LongText(Repr);

#[derive(Clone)]
enum Repr {
    Inline(Box<str>),
    /// `at` packs the offset into the texts section (high 40 bits) and the
    /// length (low 24 bits); `file` is `None` until attached ([`LongText::attach`]).
    Stored {
        file: Option<Arc<TextFile>>,
        at: u64,
    },
}

/// Bits of a stored text's packed position that hold its length.
const LEN_BITS: u32 = 24;

/// The longest text that is stored in a cache file's texts section; a longer
/// one (none in any real catalogue) stays in memory.
pub const MAX_STORED_LEN: usize = (1 << LEN_BITS) - 1;

/// Bytes before each stored text: its checksum ([`stored_checksum`]).
pub const STORED_HEADER: u64 = 8;

/// The checksum written before a stored text: of the text, seeded with the
/// cache file's own random `nonce`. A text of another cache file copied over
/// this one in place (its own nonce) then never passes for one of this file,
/// even where the same bytes stand at the same place.
pub fn stored_checksum(nonce: u64, text: &[u8]) -> u64 {
    let mut sum = crate::checksum::Checksum::default();
    std::hash::Hasher::write(&mut sum, &nonce.to_le_bytes());
    std::hash::Hasher::write(&mut sum, text);
    std::hash::Hasher::finish(&sum)
}

/// A stored text could not be read back: the cache file was truncated,
/// changed or damaged after the session read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the start-up cache file changed after it was read; start indsats again")]
pub struct Unreadable;

impl LongText {
    /// A reference to the text of `len` bytes at `offset` in a texts section,
    /// not yet attached to its file; `None` when either is out of range.
    pub fn stored(offset: u64, len: usize) -> Option<LongText> {
        if len > MAX_STORED_LEN || offset >= 1 << (64 - LEN_BITS) {
            return None;
        }
        Some(LongText(Repr::Stored {
            file: None,
            at: offset << LEN_BITS | len as u64,
        }))
    }

    /// Where a stored text is: offset into its texts section and length.
    pub fn stored_at(&self) -> Option<(u64, usize)> {
        match &self.0 {
            Repr::Inline(_) => None,
            Repr::Stored { at, .. } => {
                Some((at >> LEN_BITS, (at & MAX_STORED_LEN as u64) as usize))
            }
        }
    }

    /// The text when it is held in memory.
    pub fn as_inline(&self) -> Option<&str> {
        match &self.0 {
            Repr::Inline(text) => Some(text),
            Repr::Stored { .. } => None,
        }
    }

    /// Ties a stored text to the texts section it refers to, checking that
    /// it lies inside it. Texts in memory are left as they are.
    pub fn attach(&mut self, texts: &Arc<TextFile>) -> Result<(), Unreadable> {
        let Some((offset, len)) = self.stored_at() else {
            return Ok(());
        };
        let end = offset
            .checked_add(STORED_HEADER + len as u64)
            .ok_or(Unreadable)?;
        if end > texts.len {
            return Err(Unreadable);
        }
        if let Repr::Stored { file, .. } = &mut self.0 {
            *file = Some(Arc::clone(texts));
        }
        Ok(())
    }

    /// The text, read from the cache file if it is stored there.
    pub fn text(&self) -> Result<Cow<'_, str>, Unreadable> {
        match &self.0 {
            Repr::Inline(text) => Ok(Cow::Borrowed(text)),
            Repr::Stored { file: None, .. } => Err(Unreadable),
            Repr::Stored {
                file: Some(file), ..
            } => {
                let (offset, len) = self.stored_at().ok_or(Unreadable)?;
                file.read(offset, len).map(Cow::Owned)
            }
        }
    }

    /// The text, or `fallback` when it cannot be read.
    pub fn text_or<'a>(&'a self, fallback: &'a str) -> Cow<'a, str> {
        self.text().unwrap_or(Cow::Borrowed(fallback))
    }
}

impl From<&str> for LongText {
    fn from(text: &str) -> LongText {
        LongText(Repr::Inline(text.into()))
    }
}

impl From<String> for LongText {
    fn from(text: String) -> LongText {
        LongText(Repr::Inline(text.into_boxed_str()))
    }
}

/// Equal when both read back and are the same text.
impl PartialEq for LongText {
    fn eq(&self, other: &LongText) -> bool {
        match (self.text(), other.text()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

impl fmt::Debug for LongText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.text() {
            Ok(text) => fmt::Debug::fmt(&text, f),
            Err(_) => f.write_str("<unreadable stored text>"),
        }
    }
}

impl Serialize for LongText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.text().map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for LongText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<LongText, D::Error> {
        String::deserialize(deserializer).map(LongText::from)
    }
}

/// The texts section of a start-up cache file, read when a text is shown.
pub struct TextFile {
    file: File,
    /// Where the section starts in the file.
    start: u64,
    /// Its length in bytes.
    len: u64,
    /// The file's nonce, which seeds each text's checksum ([`stored_checksum`]).
    nonce: u64,
}

impl TextFile {
    /// The section of `len` bytes at `start` in `file`, whose texts'
    /// checksums are seeded with `nonce`.
    pub fn new(file: File, start: u64, len: u64, nonce: u64) -> TextFile {
        TextFile {
            file,
            start,
            len,
            nonce,
        }
    }

    /// The text of `len` bytes at `offset`, checked: checksum, UTF-8, and
    /// the catalogue's character rule.
    fn read(&self, offset: u64, len: usize) -> Result<String, Unreadable> {
        let mut bytes = vec![0u8; STORED_HEADER as usize + len];
        let at = self.start.checked_add(offset).ok_or(Unreadable)?;
        self.file
            .read_exact_at(&mut bytes, at)
            .map_err(|_| Unreadable)?;
        let sum = bytes.drain(..STORED_HEADER as usize).collect::<Vec<u8>>();
        if stored_checksum(self.nonce, &bytes).to_le_bytes()[..] != sum[..] {
            return Err(Unreadable);
        }
        let text = String::from_utf8(bytes).map_err(|_| Unreadable)?;
        match crate::charrules::first_forbidden(&text, false) {
            None => Ok(text),
            Some(_) => Err(Unreadable),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const NONCE: u64 = 0x5eed;

    /// A texts section holding `texts`, and where each one is.
    fn section(texts: &[&str]) -> (Arc<TextFile>, Vec<LongText>, tempfile::NamedTempFile) {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(b"head").unwrap();
        let mut offset = 0;
        let mut refs = Vec::new();
        for text in texts {
            let sum = stored_checksum(NONCE, text.as_bytes());
            file.write_all(&sum.to_le_bytes()).unwrap();
            file.write_all(text.as_bytes()).unwrap();
            refs.push(LongText::stored(offset, text.len()).unwrap());
            offset += STORED_HEADER + text.len() as u64;
        }
        let texts = Arc::new(TextFile::new(file.reopen().unwrap(), 4, offset, NONCE));
        (texts, refs, file)
    }

    #[test]
    fn a_stored_text_reads_back_once_attached() {
        let (texts, mut refs, _file) = section(&["Første tekst.", "Anden – æøå."]);
        assert_eq!(refs[1].text(), Err(Unreadable), "not attached yet");
        for text in &mut refs {
            text.attach(&texts).unwrap();
        }
        assert_eq!(refs[0].text().unwrap(), "Første tekst.");
        assert_eq!(refs[1].text().unwrap(), "Anden – æøå.");
        assert_eq!(refs[1], LongText::from("Anden – æøå."));
        assert_eq!(format!("{:?}", refs[0]), "\"Første tekst.\"");
        assert_eq!(serde_json::to_string(&refs[1]).unwrap(), "\"Anden – æøå.\"");
    }

    #[test]
    fn a_reference_outside_the_section_does_not_attach() {
        let (texts, _, _file) = section(&["kort"]);
        let mut past = LongText::stored(0, 5).unwrap();
        assert_eq!(past.attach(&texts), Err(Unreadable));
        let mut far = LongText::stored((1 << 40) - 1, MAX_STORED_LEN).unwrap();
        assert_eq!(far.attach(&texts), Err(Unreadable));
        assert!(LongText::stored(1 << 40, 1).is_none());
        assert!(LongText::stored(0, MAX_STORED_LEN + 1).is_none());
    }

    #[test]
    fn a_file_changed_or_truncated_after_reading_gives_unreadable() {
        let (texts, mut refs, file) = section(&["Første tekst.", "Anden\u{1b}[2J"]);
        for text in &mut refs {
            text.attach(&texts).unwrap();
        }
        assert_eq!(refs[1].text(), Err(Unreadable), "an escape is refused");
        assert_eq!(refs[1].text_or("(kan ikke læses)"), "(kan ikke læses)");
        // One letter changed in place: the checksum no longer matches.
        file.as_file().write_all_at(b"X", 4 + 8).unwrap();
        assert_eq!(refs[0].text(), Err(Unreadable));
        file.as_file().set_len(6).unwrap();
        assert_eq!(refs[0].text(), Err(Unreadable));
        assert!(serde_json::to_string(&refs[0]).is_err());
        assert_ne!(
            refs[0],
            refs[0].clone(),
            "unreadable texts are equal to nothing"
        );
    }

    #[test]
    fn the_same_text_from_another_cache_file_does_not_pass() {
        let (texts, mut refs, file) = section(&["Samme tekst."]);
        let other = Arc::new(TextFile::new(
            file.reopen().unwrap(),
            4,
            texts.len,
            NONCE + 1,
        ));
        refs[0].attach(&other).unwrap();
        assert_eq!(refs[0].text(), Err(Unreadable));
        refs[0].attach(&texts).unwrap();
        assert_eq!(refs[0].text().unwrap(), "Samme tekst.");
    }

    #[test]
    fn texts_in_memory_stay_as_they_are() {
        let mut text = LongText::from("I hukommelsen.".to_owned());
        let (texts, _, _file) = section(&[]);
        text.attach(&texts).unwrap();
        assert_eq!(text.as_inline(), Some("I hukommelsen."));
        assert_eq!(text.stored_at(), None);
        let parsed: LongText = serde_json::from_str("\"fra JSON\"").unwrap();
        assert_eq!(parsed.text().unwrap(), "fra JSON");
    }
}
