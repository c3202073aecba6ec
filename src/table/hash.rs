//! The key hash of the generated tables, shared by `build.rs` (through `#[path]`)
//! and the runtime lookup, so both sides agree bit for bit.
//!
//! Carrier codes are short: most fit in 16 bytes. [`words`] reads the first 16
//! bytes as two zero-padded little-endian words without a `memcpy` (overlapping
//! loads), the same two words are stored in every table row, so a lookup
//! compares two integers and the length instead of calling `memcmp`. The hash
//! is one folded 64×64→128-bit multiply of the two words (seeded, with the
//! length), plus one per further 8 bytes and a final fold for longer keys: both
//! 32-bit halves are mixed, as ptrhash takes the bucket from the low half and
//! the slot from the high half. (A second fold for short keys measured slower
//! and gained nothing in table construction.)

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xD6E8_FEB8_6659_FD93;
const K3: u64 = 0xA076_1D64_78BD_642F;

#[inline(always)]
fn fold(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

#[inline(always)]
fn load8(b: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(w)
}

#[inline(always)]
fn load4(b: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[at..at + 4]);
    u64::from(u32::from_le_bytes(w))
}

/// The first `min(len, 8)` bytes of `b` as a zero-padded little-endian word.
#[inline(always)]
fn partial(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 8 {
        load8(b, 0)
    } else if n >= 4 {
        // Two overlapping 4-byte loads; the shared bytes are equal, so OR is exact.
        load4(b, 0) | (load4(b, n - 4) << ((n - 4) * 8))
    } else if n > 0 {
        u64::from(b[0])
            | (u64::from(b[n / 2]) << (n / 2 * 8))
            | (u64::from(b[n - 1]) << ((n - 1) * 8))
    } else {
        0
    }
}

/// The first 16 bytes of `key` as two zero-padded little-endian words.
#[inline(always)]
pub fn words(key: &[u8]) -> (u64, u64) {
    if key.len() <= 8 {
        (partial(key), 0)
    } else {
        let end = key.len().min(16);
        (load8(key, 0), partial(&key[8..end]))
    }
}

/// Hashes `key`, whose [`words`] are `w`, with `seed`.
#[inline(always)]
pub fn hash_words(key: &[u8], w: (u64, u64), seed: u64) -> u64 {
    let mut h = fold(
        w.0 ^ seed ^ K1,
        w.1 ^ seed.rotate_left(32) ^ K2 ^ key.len() as u64,
    );
    if key.len() > 16 {
        for chunk in key[16..].chunks(8) {
            h = fold(h ^ partial(chunk), K2);
        }
    }
    fold(h, K3)
}

/// Hashes `key` with `seed` (the generator's entry point).
#[allow(dead_code)] // the library calls `hash_words` with the words it compares
#[inline]
pub fn hash(key: &[u8], seed: u64) -> u64 {
    hash_words(key, words(key), seed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_zero_padded_prefixes() {
        for len in 0..=24 {
            let key: Vec<u8> = (1..=len as u8).collect();
            let mut pad = [0u8; 16];
            let n = len.min(16);
            pad[..n].copy_from_slice(&key[..n]);
            let want = (
                u64::from_le_bytes(pad[..8].try_into().unwrap()),
                u64::from_le_bytes(pad[8..].try_into().unwrap()),
            );
            assert_eq!(words(&key), want, "len {len}");
        }
    }

    #[test]
    fn hash_depends_on_every_byte_and_the_length() {
        let base: Vec<u8> = b"parcel-de/AN|XYZ-longer-than-16".to_vec();
        for n in 0..base.len() {
            let key = &base[..n];
            let h = hash(key, 7);
            for i in 0..n {
                let mut k = key.to_vec();
                k[i] ^= 1;
                assert_ne!(hash(&k, 7), h, "byte {i} of {n}");
            }
            let mut longer = key.to_vec();
            longer.push(0);
            assert_ne!(hash(&longer, 7), h, "length {n}");
        }
    }
}
