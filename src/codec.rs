//! A small, explicit binary encoding for the cache file: little-endian
//! integers, length-prefixed strings and sequences, fields in declaration
//! order. Decoding checks every length against the bytes left, so a corrupt
//! file is an error, never a panic or a huge allocation.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

/// The cache bytes do not decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Corrupt;

/// Reads values from a byte slice.
pub struct Reader<'a> {
    bytes: &'a [u8],
    /// The same bytes when they live as long as the process (a leaked map):
    /// then long texts are borrowed instead of copied.
    lasting: Option<&'static [u8]>,
    /// For a lasting reader: all its bytes, how many of them were let go
    /// ([`Reader::release_behind`]), after how many more to let go again,
    /// and how.
    behind: Option<Behind>,
    /// Whether decoded text may hold line feeds (the search index's word
    /// lists do; catalogue text, like the JSON validator, allows none).
    newlines: bool,
}

/// What a lasting reader lets go of as it reads: all its bytes, how many
/// were let go, after how many more to let go again, and how.
type Behind = (&'static [u8], usize, usize, fn(&[u8]));

impl Reader<'static> {
    /// A reader over bytes that live as long as the process.
    pub fn lasting(bytes: &'static [u8]) -> Reader<'static> {
        Reader {
            bytes,
            lasting: Some(bytes),
            behind: None,
            newlines: false,
        }
    }
}

impl Reader<'static> {
    /// Calls `release` on the bytes read so far whenever `every` more have
    /// been read (a lasting reader over a mapped file: its pages can go from
    /// the resident set once decoded, and come back when a borrowed text is
    /// read).
    pub fn release_behind(&mut self, every: usize, release: fn(&[u8])) {
        if let Some(all) = self.lasting {
            self.behind = Some((all, 0, every.max(1), release));
        }
    }
}

impl<'a> Reader<'a> {
    /// A reader over `bytes`.
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            lasting: None,
            behind: None,
            newlines: false,
        }
    }

    /// Lets decoded text hold line feeds from here on (for the search
    /// index); every other character the catalogue's rule refuses
    /// ([`crate::charrules`]) stays an error.
    pub fn allow_newlines(&mut self) {
        self.newlines = true;
    }

    /// `bytes` as text that passes the catalogue's character rule.
    fn text<'t>(&self, bytes: &'t [u8]) -> Result<&'t str, Corrupt> {
        let text = std::str::from_utf8(bytes).map_err(|_| Corrupt)?;
        match crate::charrules::first_forbidden(text, self.newlines) {
            None => Ok(text),
            Some(_) => Err(Corrupt),
        }
    }

    /// Takes the next `n` bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], Corrupt> {
        if n > self.bytes.len() {
            return Err(Corrupt);
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        if let Some(lasting) = &mut self.lasting {
            *lasting = &lasting[n..];
            if let Some((all, released, every, release)) = &mut self.behind {
                let read = all.len() - lasting.len();
                if read - *released >= *every {
                    release(&all[*released..read]);
                    *released = read;
                }
            }
        }
        Ok(head)
    }

    /// Takes the next `n` bytes, borrowed for the whole process when the
    /// reader was made by [`Reader::lasting`].
    fn take_lasting(&mut self, n: usize) -> Result<Option<&'static [u8]>, Corrupt> {
        let lasting = self.lasting.and_then(|bytes| bytes.get(..n));
        self.take(n)?;
        Ok(lasting)
    }

    /// Whether every byte has been read.
    pub fn is_done(&self) -> bool {
        self.bytes.is_empty()
    }

    /// A length prefix, checked to be at most the bytes left (every element
    /// takes at least one byte), so corrupt lengths cannot allocate much.
    fn len(&mut self) -> Result<usize, Corrupt> {
        let n = usize::try_from(u64::decode(self)?).map_err(|_| Corrupt)?;
        if n > self.bytes.len() {
            return Err(Corrupt);
        }
        Ok(n)
    }
}

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
        let mut items = Vec::with_capacity(capacity::<Self>(n, input.bytes.len()));
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
                if n.checked_mul(SIZE).ok_or(Corrupt)? > input.bytes.len() {
                    return Err(Corrupt);
                }
                // In pieces, so a reader releasing what it has read
                // ([`Reader::release_behind`]) never holds all of a long list.
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
        let bytes = input.take(n)?;
        input.text(bytes).map(str::to_owned)
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

/// Long texts: borrowed from a lasting reader (no copy, and no heap), else owned.
impl Codec for Cow<'static, str> {
    fn encode(&self, out: &mut Vec<u8>) {
        encode_bytes(self.as_bytes(), out);
    }
    fn decode(input: &mut Reader<'_>) -> Result<Self, Corrupt> {
        let n = input.len()?;
        if input.lasting.is_none() {
            let bytes = input.take(n)?;
            return input.text(bytes).map(|text| Cow::Owned(text.to_owned()));
        }
        let bytes = input.take_lasting(n)?.ok_or(Corrupt)?;
        input.text(bytes).map(Cow::Borrowed)
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
        let mut map = HashMap::with_capacity(capacity::<(K, V)>(n, input.bytes.len()));
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
        round_trip(Cow::<'static, str>::Owned("lang tekst".to_owned()));
    }

    #[test]
    fn a_lasting_reader_borrows_long_texts() {
        let mut bytes = Vec::new();
        Cow::<'static, str>::Borrowed("Beskrivelse på dansk").encode(&mut bytes);
        7u8.encode(&mut bytes);
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let mut reader = Reader::lasting(bytes);
        let text = Cow::<'static, str>::decode(&mut reader).unwrap();
        assert!(matches!(text, Cow::Borrowed("Beskrivelse på dansk")));
        assert_eq!(u8::decode(&mut reader), Ok(7));
        assert!(reader.is_done());
        let mut short = Reader::lasting(&bytes[..10]);
        assert_eq!(Cow::<'static, str>::decode(&mut short), Err(Corrupt));
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
