//! A small, explicit binary encoding for the cache file: little-endian
//! integers, length-prefixed strings and sequences, fields in declaration
//! order. Decoding checks every length against the bytes left, so a corrupt
//! file is an error, never a panic or a huge allocation.

mod reader;

use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

pub use reader::Reader;
use reader::text;

/// The cache bytes do not decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Corrupt;

/// How many of `n` items of type `T` to allocate room for up front, with
/// `left` bytes of input left: all of them, as long as that takes at most
/// four times the bytes left. A length is checked only against the bytes
/// left, and one byte can stand for an item hundreds of bytes large: a
/// corrupt length must not make a huge allocation before the items fail.
fn capacity<T>(n: usize, left: usize) -> usize {
    n.min(left.saturating_mul(4) / size_of::<T>().max(1))
}

/// Writes a length prefix and the bytes.
pub fn encode_bytes(bytes: &[u8], out: &mut Vec<u8>) {
    bytes.len().encode(out);
    out.extend_from_slice(bytes);
}

/// Writes a length prefix and each item.
fn encode_seq<'t, T: Codec + 't>(items: impl ExactSizeIterator<Item = &'t T>, out: &mut Vec<u8>) {
    items.len().encode(out);
    for item in items {
        item.encode(out);
    }
}

/// A value that can be written to and read back from the cache.
pub trait Codec: Sized {
    /// Appends the value's bytes to `out`.
    fn encode(&self, out: &mut Vec<u8>);
    /// Reads a value written by [`Codec::encode`].
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt>;

    /// Reads `n` values in a row (integers override this to convert a whole
    /// slice at once: the index holds millions of them).
    fn decode_many(input: &mut Reader<'_>, n: usize) -> Result<Vec<Self>, Corrupt> {
        let mut items = Vec::with_capacity(capacity::<Self>(n, input.left()));
        for _ in 0..n {
            items.push(Self::decode(input)?);
        }
        Ok(items)
    }
}

macro_rules! int_codec {
    ($($ty:ty),*) => {$(
        impl Codec for $ty {
            fn encode(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
                let bytes = input.take(size_of::<$ty>())?;
                Ok(<$ty>::from_le_bytes(bytes.try_into().map_err(|_| Corrupt)?))
            }
            fn decode_many(input: &mut Reader<'_>, n: usize) -> Result<Vec<Self>, Corrupt> {
                const SIZE: usize = size_of::<$ty>();
                if n.checked_mul(SIZE).ok_or(Corrupt)? > input.left() {
                    return Err(Corrupt);
                }
                // In pieces, so a reader of a file ([`Reader::of_file`])
                // never buffers all of a long list.
                let mut items = Vec::with_capacity(n);
                let mut left = n;
                while left > 0 {
                    let piece = left.min(1 << 18);
                    let bytes = input.take(piece * SIZE)?;
                    items.extend(bytes.chunks_exact(SIZE).map(|chunk| {
                        let mut word = [0u8; SIZE];
                        word.copy_from_slice(chunk);
                        <$ty>::from_le_bytes(word)
                    }));
                    left -= piece;
                }
                Ok(items)
            }
        }
    )*};
}
int_codec!(u8, u16, u32, u64, i64);

impl Codec for usize {
    fn encode(&self, out: &mut Vec<u8>) {
        (*self as u64).encode(out);
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        usize::try_from(u64::decode(input)?).map_err(|_| Corrupt)
    }
    fn decode_many(input: &mut Reader<'_>, n: usize) -> Result<Vec<Self>, Corrupt> {
        u64::decode_many(input, n)?
            .into_iter()
            .map(|n| usize::try_from(n).map_err(|_| Corrupt))
            .collect()
    }
}

impl Codec for bool {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        match u8::decode(input)? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Corrupt),
        }
    }
}

impl Codec for String {
    fn encode(&self, out: &mut Vec<u8>) {
        encode_bytes(self.as_bytes(), out);
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        let n = input.len()?;
        let newlines = input.newlines();
        text(input.take(n)?, newlines).map(str::to_owned)
    }
}

impl Codec for Box<str> {
    fn encode(&self, out: &mut Vec<u8>) {
        encode_bytes(self.as_bytes(), out);
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        String::decode(input).map(String::into_boxed_str)
    }
}

impl<T: Codec> Codec for Option<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.encode(out);
            }
        }
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        match u8::decode(input)? {
            0 => Ok(None),
            1 => T::decode(input).map(Some),
            _ => Err(Corrupt),
        }
    }
}

impl<T: Codec> Codec for Vec<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        encode_seq(self.iter(), out);
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        let n = input.len()?;
        T::decode_many(input, n)
    }
}

impl<T: Codec> Codec for Box<[T]> {
    fn encode(&self, out: &mut Vec<u8>) {
        encode_seq(self.iter(), out);
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        Vec::decode(input).map(Vec::into_boxed_slice)
    }
}

impl<T: Codec + Copy + Default, const N: usize> Codec for [T; N] {
    fn encode(&self, out: &mut Vec<u8>) {
        for item in self {
            item.encode(out);
        }
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        let mut items = [T::default(); N];
        for item in &mut items {
            *item = T::decode(input)?;
        }
        Ok(items)
    }
}

impl<K: Codec + Ord> Codec for BTreeSet<K> {
    fn encode(&self, out: &mut Vec<u8>) {
        encode_seq(self.iter(), out);
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        Ok(Vec::<K>::decode(input)?.into_iter().collect())
    }
}

impl<K: Codec + Eq + Hash + Ord, V: Codec + Clone> Codec for HashMap<K, V> {
    fn encode(&self, out: &mut Vec<u8>) {
        // Sorted, so the same map always gives the same bytes.
        let mut pairs: Vec<(&K, &V)> = self.iter().collect();
        pairs.sort_by(|a, b| a.0.cmp(b.0));
        pairs.len().encode(out);
        for (key, value) in pairs {
            key.encode(out);
            value.encode(out);
        }
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        let n = input.len()?;
        let mut map = HashMap::with_capacity(capacity::<(K, V)>(n, input.left()));
        for _ in 0..n {
            let key = K::decode(input)?;
            map.insert(key, V::decode(input)?);
        }
        Ok(map)
    }
}

/// Implements [`Codec`] for a struct, field by field in the order given.
/// Decoding builds the struct literal, so a field left out of the list is a
/// compile error.
macro_rules! codec_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl $crate::codec::Codec for $ty {
            fn encode(&self, out: &mut Vec<u8>) {
                $( $crate::codec::Codec::encode(&self.$field, out); )*
            }
            fn decode(
                input: &mut $crate::codec::Reader<'_>,
            ) -> Result<Self, $crate::codec::Corrupt> {
                Ok($ty { $( $field: $crate::codec::Codec::decode(input)?, )* })
            }
        }
    };
}
pub(crate) use codec_struct;

/// Implements [`Codec`] for a fieldless enum as its index in `$all`.
macro_rules! codec_enum {
    ($ty:ty, $all:expr) => {
        impl $crate::codec::Codec for $ty {
            fn encode(&self, out: &mut Vec<u8>) {
                let index = $all.iter().position(|v| v == self).unwrap_or(0);
                out.push(index as u8);
            }
            fn decode(
                input: &mut $crate::codec::Reader<'_>,
            ) -> Result<Self, $crate::codec::Corrupt> {
                let index = <u8 as $crate::codec::Codec>::decode(input)?;
                $all.get(usize::from(index))
                    .copied()
                    .ok_or($crate::codec::Corrupt)
            }
        }
    };
}
pub(crate) use codec_enum;

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Codec + PartialEq + std::fmt::Debug>(value: T) {
        let mut bytes = Vec::new();
        value.encode(&mut bytes);
        let mut reader = Reader::new(&bytes);
        assert_eq!(T::decode(&mut reader), Ok(value));
        assert!(reader.is_done());
    }

    #[test]
    fn values_round_trip() {
        round_trip(0xdead_beef_u32);
        round_trip(-5i64);
        round_trip(usize::MAX);
        round_trip(String::from("Østjylland æøå"));
        round_trip(Box::<str>::from(""));
        round_trip(Some(vec![1u16, 2, 3]));
        round_trip(None::<String>);
        round_trip([7u16; 4]);
        round_trip(BTreeSet::from(["a".to_owned(), "b".to_owned()]));
        round_trip(HashMap::from([
            ("x".to_owned(), 1usize),
            ("y".to_owned(), 2),
        ]));
        round_trip(vec![true, false]);
    }

    #[test]
    fn truncated_and_corrupt_input_is_an_error() {
        let mut bytes = Vec::new();
        vec![String::from("mentor"), String::from("ung")].encode(&mut bytes);
        for cut in 0..bytes.len() {
            assert_eq!(
                Vec::<String>::decode(&mut Reader::new(&bytes[..cut])),
                Err(Corrupt),
                "cut at {cut}"
            );
        }
        // A length far beyond the input is refused before allocating.
        let mut huge = Vec::new();
        u64::MAX.encode(&mut huge);
        assert_eq!(Vec::<u8>::decode(&mut Reader::new(&huge)), Err(Corrupt));
        // Invalid UTF-8 and out-of-range tags.
        assert_eq!(
            String::decode(&mut Reader::new(&[1, 0, 0, 0, 0, 0, 0, 0, 0xff])),
            Err(Corrupt)
        );
        assert_eq!(bool::decode(&mut Reader::new(&[2])), Err(Corrupt));
        // Text the catalogue's character rule refuses.
        for bad in ["a\u{1b}[2J", "a\u{202E}b", "a\u{9b}", "tag\u{E0041}"] {
            let mut bytes = Vec::new();
            bad.to_owned().encode(&mut bytes);
            assert_eq!(
                String::decode(&mut Reader::new(&bytes)),
                Err(Corrupt),
                "{bad:?}"
            );
        }
        let mut bytes = Vec::new();
        String::from("ord\nord").encode(&mut bytes);
        assert_eq!(String::decode(&mut Reader::new(&bytes)), Err(Corrupt));
        let mut words = Reader::new(&bytes);
        words.allow_newlines();
        assert_eq!(String::decode(&mut words), Ok("ord\nord".to_owned()));
        assert_eq!(
            Option::<u8>::decode(&mut Reader::new(&[9, 0])),
            Err(Corrupt)
        );
    }
}
