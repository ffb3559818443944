//! Which characters catalogue text may hold: the one rule the JSON
//! validator, the terminal output and the `--json` writers share.
//!
//! Refused: control characters (C0, DEL, C1) and invisible characters that
//! change how text is shown without being seen — every
//! Default_Ignorable_Code_Point of the Unicode data (from `icu_properties`:
//! the soft hyphen U+00AD, bidi marks, embeddings, overrides and isolates,
//! zero-width spaces and joiners, the Arabic letter mark, tag characters,
//! variation selectors, Hangul fillers, the byte order mark, …), the other
//! format characters (category Cf: the Arabic number signs, the Egyptian
//! hieroglyph format controls, …), the line and paragraph separators
//! U+2028/U+2029 and the noncharacters (U+FDD0–U+FDEF, U+FFFE/U+FFFF and
//! the same at the end of every plane). The soft hyphen too: it is printed
//! as nothing or as a hyphen, as the terminal likes, so a name could read
//! differently from what is searched.

/// Whether `c` is invisible yet changes how text around it is shown (see
/// the module documentation).
pub fn is_invisible(c: char) -> bool {
    // Nothing below the soft hyphen is either.
    if c < '\u{AD}' {
        return false;
    }
    icu_properties::CodePointSetData::new::<icu_properties::props::DefaultIgnorableCodePoint>()
        .contains(c)
        || format_or_separator(c)
}

/// The format characters (Cf) that are not default-ignorable (they show
/// something in some scripts, and nothing in a terminal), the line and
/// paragraph separators, and the noncharacters.
fn format_or_separator(c: char) -> bool {
    matches!(c,
        '\u{034F}'                    // combining grapheme joiner
        | '\u{0600}'..='\u{0605}'     // Arabic number signs (Cf)
        | '\u{061C}'                  // Arabic letter mark
        | '\u{06DD}' | '\u{070F}' | '\u{0890}' | '\u{0891}' | '\u{08E2}'
        | '\u{115F}' | '\u{1160}'     // Hangul choseong/jungseong fillers
        | '\u{17B4}' | '\u{17B5}'     // Khmer inherent vowels (shown as nothing)
        | '\u{180B}'..='\u{180F}'     // Mongolian variation selectors, vowel separator
        | '\u{200B}'..='\u{200F}'     // zero-width space, ZWNJ, ZWJ, LRM, RLM
        | '\u{2028}' | '\u{2029}'     // line and paragraph separators
        | '\u{202A}'..='\u{202E}'     // bidi embeddings and overrides
        | '\u{2060}'..='\u{206F}'     // word joiner, invisible operators, bidi isolates, deprecated format chars
        | '\u{3164}'                  // Hangul filler
        | '\u{FE00}'..='\u{FE0F}'     // variation selectors
        | '\u{FDD0}'..='\u{FDEF}'     // noncharacters
        | '\u{FEFF}'                  // zero-width no-break space, BOM
        | '\u{FFA0}'                  // halfwidth Hangul filler
        | '\u{FFF0}'..='\u{FFFB}'     // unassigned ignorables, interlinear annotation
        | '\u{FFFE}' | '\u{FFFF}'     // noncharacters
        | '\u{110BD}' | '\u{110CD}'   // Kaithi number signs
        | '\u{13430}'..='\u{1343F}'   // Egyptian hieroglyph format controls
        | '\u{1BCA0}'..='\u{1BCA3}'   // shorthand format controls
        | '\u{1D173}'..='\u{1D17A}'   // musical symbol format controls
        // Tag characters, variation selectors supplement and the rest of
        // the plane's default-ignorable block.
        | '\u{E0000}'..='\u{E0FFF}'
    ) || is_noncharacter(c)
}

/// The noncharacters at the end of every plane (U+1FFFE, U+10FFFF …) and
/// U+FDD0–U+FDEF: never meant for text.
fn is_noncharacter(c: char) -> bool {
    let c = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&c) || c & 0xFFFE == 0xFFFE
}

/// Whether `c` may not appear in catalogue text: a control character or an
/// invisible one ([`is_invisible`]).
pub fn is_forbidden(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// How messages name a refused character: singular and plural.
pub fn kind(c: char) -> (&'static str, &'static str) {
    if c.is_control() {
        ("a control character", "control characters")
    } else {
        (
            "an invisible formatting character",
            "invisible formatting characters",
        )
    }
}

/// Bytes that may start a refused character: C0 controls and DEL, and the
/// UTF-8 lead bytes of every range [`is_invisible`] or C1 controls touch.
/// Printable ASCII, Danish letters (lead byte 0xC3) and continuation bytes
/// are not among them, so ordinary text is scanned a table look-up per byte.
const SUSPECT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    let leads: [u8; 16] = [
        0x7F, 0xC2, 0xCD, 0xD8, 0xDB, 0xDC, 0xE0, 0xE1, 0xE2, 0xE3, 0xEF, 0xF0, 0xF1, 0xF2, 0xF3,
        0xF4,
    ];
    let mut i = 0;
    while i < leads.len() {
        table[leads[i] as usize] = true;
        i += 1;
    }
    table
};

/// The first character of `text` that [`is_forbidden`] refuses; a line feed
/// is let through when `allow_newline` is set (the search index separates
/// its words with them).
pub fn first_forbidden(text: &str, allow_newline: bool) -> Option<char> {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        // Eight bytes at a time while none is suspect.
        while let Some(eight) = bytes.get(i..i + 8) {
            if eight
                .iter()
                .fold(false, |any, &b| any | SUSPECT[usize::from(b)])
            {
                break;
            }
            i += 8;
        }
        let at = bytes
            .get(i..)?
            .iter()
            .position(|&b| SUSPECT[usize::from(b)])?;
        i += at;
        let c = text.get(i..).and_then(|rest| rest.chars().next())?;
        if is_forbidden(c) && !(allow_newline && c == '\n') {
            return Some(c);
        }
        i += c.len_utf8();
    }
}

/// A `serde_json` formatter that writes every character [`is_forbidden`]
/// refuses as a `\uXXXX` escape (a surrogate pair above U+FFFF), so JSON
/// output never carries them raw; otherwise it is `serde_json`'s pretty printer.
pub struct SafeJson(serde_json::ser::PrettyFormatter<'static>);

impl Default for SafeJson {
    fn default() -> SafeJson {
        SafeJson(serde_json::ser::PrettyFormatter::new())
    }
}

/// `value` as pretty JSON with [`SafeJson`] escapes.
pub fn to_safe_json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, SafeJson::default());
    value.serialize(&mut ser)?;
    // The serializer writes UTF-8 only (and this takes the bytes as they are).
    Ok(String::from_utf8(out)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned()))
}

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $name<W: ?Sized + std::io::Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl serde_json::ser::Formatter for SafeJson {
    delegate! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        end_object_key();
        begin_object_value();
        end_object_value();
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(c) = first_forbidden(rest, false) {
            let at = rest.find(c).unwrap_or(rest.len());
            w.write_all(&rest.as_bytes()[..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_text_passes_and_invisible_characters_do_not() {
        assert_eq!(
            first_forbidden("Ungdomsuddannelsesvejledning Århus", false),
            None
        );
        for c in [
            '\u{AD}',
            '\u{1b}',
            '\u{9b}',
            '\u{61C}',
            '\u{2028}',
            '\u{2029}',
            '\u{E0041}',
            '\u{3164}',
            '\u{115F}',
            '\u{1160}',
            '\u{FFA0}',
            '\u{202E}',
            '\u{2066}',
            '\u{200B}',
            '\u{FEFF}',
            '\u{17B4}',
            '\u{17B5}',
            '\u{2065}',
            '\u{FFF0}',
            '\u{E0080}',
            '\u{E0FFF}',
            '\u{FDD0}',
            '\u{FFFF}',
            '\u{1FFFE}',
            '\u{10FFFF}',
        ] {
            let text = format!("før{c}efter");
            assert_eq!(first_forbidden(&text, false), Some(c), "U+{:04X}", c as u32);
        }
        assert_eq!(first_forbidden("a\nb", true), None);
        // Every position of a long line, past the eight-byte steps.
        let line = "Mentorforløb for unge i Østjylland og på Læsø, ";
        for at in 0..line.len() {
            if line.is_char_boundary(at) {
                let text = format!("{}\u{7f}{}", &line[..at], &line[at..]);
                assert_eq!(first_forbidden(&text, false), Some('\u{7f}'), "at {at}");
                let text = format!("{}\u{1f}{}", &line[..at], &line[at..]);
                assert_eq!(first_forbidden(&text, false), Some('\u{1f}'), "at {at}");
            }
        }
        assert_eq!(first_forbidden(line, false), None);
        assert_eq!(first_forbidden("a\nb", false), Some('\n'));
    }

    /// Every Default_Ignorable_Code_Point of the Unicode data is refused,
    /// the soft hyphen among them; Danish letters are not.
    #[test]
    fn every_default_ignorable_character_is_refused() {
        let ignorable = icu_properties::CodePointSetData::new::<
            icu_properties::props::DefaultIgnorableCodePoint,
        >();
        let mut count = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if ignorable.contains(c) {
                assert!(is_forbidden(c), "U+{:04X}", c as u32);
                count += 1;
            }
        }
        assert!(count > 4000, "{count}");
        assert!(is_forbidden('\u{AD}'));
        assert!("æøåÆØÅéü".chars().all(|c| !is_forbidden(c)));
    }

    #[test]
    fn every_refused_character_starts_with_a_suspect_byte() {
        let mut buffer = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lead = c.encode_utf8(&mut buffer).as_bytes()[0];
            if is_forbidden(c) {
                assert!(SUSPECT[usize::from(lead)], "U+{:04X}", c as u32);
                assert_eq!(first_forbidden(&format!("abcdefghij{c}"), false), Some(c));
            }
        }
    }

    #[test]
    fn json_escapes_invisible_characters() {
        let text = to_safe_json(&["a\u{202E}b\u{E0041}c\u{1b}ø"]).unwrap();
        assert!(text.contains(r"a\u202eb\udb40\udc41c\u001bø"), "{text}");
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, ["a\u{202E}b\u{E0041}c\u{1b}ø"]);
    }
}
