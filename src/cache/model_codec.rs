//! [`Codec`] for the catalogue model and what a local catalogue contributed.

use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::PathBuf;

use super::codec::{Codec, Corrupt, Reader, codec_enum, codec_struct, encode_bytes};
use crate::catalogue::local::LocalInfo;
use crate::catalogue::{
    AgeRange, Area, Catalogue, Contact, Initiative, Kind, LongText, Maintainer, Municipality,
    Scope, Source, Status, Term, Vocabularies,
};

codec_enum!(Status, Status::ALL);
codec_enum!(Kind, Kind::ALL);
codec_enum!(Scope, Scope::ALL);
codec_struct!(Catalogue {
    schema_version,
    title,
    updated,
    vocabularies,
    initiatives,
    maintainer,
});
codec_struct!(Maintainer {
    organisation,
    email,
});
codec_struct!(Vocabularies {
    themes,
    target_groups,
    municipalities,
});
codec_struct!(Term {
    id,
    label,
    label_en,
    keywords,
});
codec_struct!(Municipality { id, name, aliases });
codec_struct!(AgeRange { min, max });
codec_struct!(Area {
    scope,
    municipalities,
    note,
});
codec_struct!(Contact {
    organisation,
    name,
    role,
    phone,
    email,
    url,
    address,
    municipalities,
    note,
    local,
});
codec_struct!(Source {
    title,
    url,
    page,
    date,
    accessed,
});
codec_struct!(Initiative {
    id,
    name,
    aliases,
    summary,
    description,
    status,
    kind,
    themes,
    target_groups,
    age,
    area,
    providers,
    keywords,
    way_in,
    eligibility,
    next_steps,
    contacts,
    sources,
    last_verified,
    local_note,
});
codec_struct!(LocalInfo {
    path,
    ids,
    added,
    replaced,
    patched,
});

/// Paths as their raw bytes: file names need not be UTF-8, but what they
/// show as passes the catalogue's character rule like every decoded text
/// (a cache holding a path with an escape character is a miss).
impl Codec for PathBuf {
    fn encode(&self, out: &mut Vec<u8>) {
        encode_bytes(self.as_os_str().as_bytes(), out);
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        let n = usize::decode(input)?;
        let bytes = input.take(n)?;
        if crate::charrules::first_forbidden(&String::from_utf8_lossy(bytes), false).is_some() {
            return Err(Corrupt);
        }
        Ok(PathBuf::from(std::ffi::OsString::from_vec(bytes.to_vec())))
    }
}

/// A long text in memory is written whole (tag 0); one stored in a texts
/// section as its place there (tag 1: offset and length), attached to the
/// cache file after decoding ([`LongText::attach`]).
impl Codec for LongText {
    fn encode(&self, out: &mut Vec<u8>) {
        match (self.stored_at(), self.as_inline()) {
            (Some((offset, len)), _) => {
                out.push(1);
                offset.encode(out);
                (len as u64).encode(out);
            }
            (None, text) => {
                out.push(0);
                encode_bytes(text.unwrap_or_default().as_bytes(), out);
            }
        }
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        match u8::decode(input)? {
            0 => String::decode(input).map(LongText::from),
            1 => {
                let offset = u64::decode(input)?;
                let len = usize::try_from(u64::decode(input)?).map_err(|_| Corrupt)?;
                LongText::stored(offset, len).ok_or(Corrupt)
            }
            _ => Err(Corrupt),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(path: PathBuf) -> Result<PathBuf, Corrupt> {
        let mut bytes = Vec::new();
        path.encode(&mut bytes);
        PathBuf::decode(&mut Reader::new(&bytes))
    }

    #[test]
    fn a_path_decodes_as_its_bytes_even_when_not_utf8() {
        let plain = PathBuf::from("/home/ane/.config/indsats/lokal æøå.json");
        assert_eq!(round_trip(plain.clone()), Ok(plain));
        let latin1 = PathBuf::from(std::ffi::OsString::from_vec(
            b"/tmp/lokal-\xe6.json".to_vec(),
        ));
        assert_eq!(round_trip(latin1.clone()), Ok(latin1));
    }

    #[test]
    fn a_path_with_a_character_that_steers_the_terminal_is_corrupt() {
        for name in [
            "/tmp/\u{1b}[2J.json",
            "/tmp/\u{202e}nosj.json",
            "/tmp/a\u{9b}31m",
        ] {
            assert_eq!(round_trip(PathBuf::from(name)), Err(Corrupt), "{name:?}");
        }
        // Raw C1 bytes that are not UTF-8 are shown as U+FFFD, not steered by.
        let raw = PathBuf::from(std::ffi::OsString::from_vec(b"/tmp/\x1b]0;x\x07".to_vec()));
        assert_eq!(round_trip(raw), Err(Corrupt));
    }

    #[test]
    fn a_path_longer_than_the_input_is_corrupt() {
        let mut bytes = Vec::new();
        1_000_000usize.encode(&mut bytes);
        bytes.extend_from_slice(b"/tmp");
        assert_eq!(PathBuf::decode(&mut Reader::new(&bytes)), Err(Corrupt));
    }
}
