//! A fast 64-bit checksum for the start-up cache (a leaf: no crate imports).

use std::hash::Hasher;

/// The checksum of `bytes` in one go.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut sum = Checksum::default();
    sum.write(bytes);
    sum.finish()
}

/// A fast 64-bit checksum (four interleaved multiply-rotate lanes) against
/// damage, not against tampering (the cache's trust rests on its owner and
/// mode): it covers the start-up cache's body and each text stored in it.
/// Streaming: `write` may be called with any split.
#[derive(Default)]
pub struct Checksum {
    lanes: [u64; 4],
    /// Bytes of an incomplete 32-byte block.
    pending: Vec<u8>,
    total: u64,
}

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// Mixes one 32-byte block into the four lanes.
fn mix(lanes: &mut [u64; 4], block: &[u8]) {
    for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        *lane = (lane.rotate_left(29) ^ word).wrapping_mul(MIX);
    }
}

impl Hasher for Checksum {
    fn write(&mut self, mut bytes: &[u8]) {
        self.total += bytes.len() as u64;
        if !self.pending.is_empty() {
            let need = (32 - self.pending.len()).min(bytes.len());
            self.pending.extend_from_slice(&bytes[..need]);
            bytes = &bytes[need..];
            if self.pending.len() < 32 {
                return;
            }
            mix(&mut self.lanes, &self.pending);
            self.pending.clear();
        }
        let mut blocks = bytes.chunks_exact(32);
        for block in &mut blocks {
            mix(&mut self.lanes, block);
        }
        self.pending.extend_from_slice(blocks.remainder());
    }

    fn finish(&self) -> u64 {
        let mut last = [0u8; 32];
        last[..self.pending.len()].copy_from_slice(&self.pending);
        let mut lanes = self.lanes;
        mix(&mut lanes, &last);
        lanes.iter().fold(self.total, |acc, lane| {
            (acc.rotate_left(23) ^ lane).wrapping_mul(MIX)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_does_not_depend_on_how_the_bytes_are_split() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = checksum(&bytes);
        for split in [0, 1, 31, 32, 33, 500, 999, 1000] {
            let mut sum = Checksum::default();
            sum.write(&bytes[..split]);
            sum.write(&bytes[split..]);
            assert_eq!(sum.finish(), whole, "split at {split}");
        }
        let mut changed = bytes.clone();
        changed[640] ^= 1;
        assert_ne!(checksum(&changed), whole);
        assert_ne!(checksum(&bytes[..999]), whole);
    }
}
