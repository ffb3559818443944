//! [`Codec`] for the catalogue model and what a local catalogue contributed.

use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::PathBuf;

use super::codec::{Codec, Corrupt, Reader, codec_enum, codec_struct, encode_bytes};
use crate::catalogue::local::LocalInfo;
use crate::catalogue::{
    AgeRange, Area, Catalogue, Contact, Initiative, Kind, LongText, Municipality, Scope, Source,
    Status, Term, Vocabularies,
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
    eligibility,
    next_steps,
    contacts,
    sources,
    last_verified,
});
codec_struct!(LocalInfo {
    path,
    ids,
    added,
    replaced,
});

/// Paths as their raw bytes: file names need not be UTF-8.
impl Codec for PathBuf {
    fn encode(&self, out: &mut Vec<u8>) {
        encode_bytes(self.as_os_str().as_bytes(), out);
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        let n = usize::decode(input)?;
        let bytes = input.take(n)?;
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
