//! [`Codec`] for the catalogue model and what a local catalogue contributed.

use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::PathBuf;

use super::codec::{Codec, Corrupt, Reader, codec_enum, codec_struct, encode_bytes};
use crate::catalogue::local::LocalInfo;
use crate::catalogue::{
    AgeRange, Area, Catalogue, Contact, Initiative, Kind, Municipality, Scope, Source, Status,
    Term, Vocabularies,
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
