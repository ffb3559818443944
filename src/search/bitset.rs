//! A fixed-size set of entry indices, one bit each, for filters and facets.

/// A set of indices below a fixed length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    /// The empty set over `len` indices.
    pub fn empty(len: usize) -> Bitset {
        Bitset {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// The full set over `len` indices.
    pub fn full(len: usize) -> Bitset {
        let mut set = Bitset {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        set.trim();
        set
    }

    /// The set of the indices `i < len` for which `keep(i)` holds.
    pub fn from_fn(len: usize, mut keep: impl FnMut(usize) -> bool) -> Bitset {
        let mut set = Bitset::empty(len);
        for (w, word) in set.words.iter_mut().enumerate() {
            let base = w * 64;
            let mut bits = 0u64;
            for b in 0..64.min(len - base) {
                bits |= u64::from(keep(base + b)) << b;
            }
            *word = bits;
        }
        set
    }

    /// Clears the bits past `len` in the last word.
    fn trim(&mut self) {
        let rest = self.len % 64;
        if rest != 0
            && let Some(last) = self.words.last_mut()
        {
            *last &= (1u64 << rest) - 1;
        }
    }

    /// Number of indices the set ranges over.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the set ranges over no index at all.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds `i`.
    pub fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    /// Whether `i` is in the set.
    pub fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// Number of members.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Keeps only members of `other` too.
    pub fn and_with(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Adds the members of `other`.
    pub fn or_with(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// Removes the members of `other`.
    pub fn and_not(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// Size of the intersection with `other`.
    pub fn count_and(&self, other: &Bitset) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// The members, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let b = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                Some(w * 64 + b)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations() {
        let evens = Bitset::from_fn(130, |i| i % 2 == 0);
        let full = Bitset::full(130);
        assert_eq!(full.count(), 130);
        assert_eq!(evens.count(), 65);
        assert_eq!(evens.count_and(&full), 65);
        let mut odds = full.clone();
        odds.and_not(&evens);
        assert_eq!(odds.iter().take(3).collect::<Vec<_>>(), vec![1, 3, 5]);
        assert!(odds.contains(129) && !odds.contains(128) && !odds.contains(500));
        let mut both = odds.clone();
        both.or_with(&evens);
        assert_eq!(both, full);
        both.and_with(&evens);
        assert_eq!(both, evens);
        let mut one = Bitset::empty(10);
        one.insert(7);
        assert_eq!(one.iter().collect::<Vec<_>>(), vec![7]);
        assert!(Bitset::empty(0).is_empty());
    }
}
