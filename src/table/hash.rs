//! The key hash of the generated tables, shared by `build.rs` (through `#[path]`)
//! and the runtime lookup, so both sides agree bit for bit.
//!
//! Carrier codes are short: most fit in 16 bytes. [`words`] reads the first 16
//! bytes as two zero-padded little-endian words without a `memcpy` (overlapping
//! loads), the same two words are stored in every table row, so a lookup
//! compares two integers and the length instead of calling `memcmp`. The hash
//! mixes those words and the length in one folded 64×64→128-bit multiply and
//! the last 8 bytes in a second, independent one, so keys of 8 to 24 bytes
//! (most codes) hash without a branch on their length; bytes between the
//! first 16 and the last 8 of longer keys are folded in one word at a time.
//! Both 32-bit halves are mixed, as ptrhash takes the bucket from the low half
//! and the slot from the high half. Longer keys compare their tail word by
//! word ([`same_tail`]).

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
///
/// Keys of 8 bytes or more (most codes) take one path without further
/// branches on the length: the second word is the (overlapping) load that
/// ends at byte `min(len, 16)`, shifted down over the bytes already in the
/// first word.
#[inline(always)]
pub fn words(key: &[u8]) -> (u64, u64) {
    let n = key.len();
    if n >= 8 {
        let m = n.min(16);
        let tail = load8(key, m - 8);
        // Shift out the 16 - m bytes shared with the first word (64 when
        // m = 8, which leaves 0: done in 128 bits so the shift never overflows).
        let w1 = (u128::from(tail) >> ((16 - m) * 8)) as u64;
        (load8(key, 0), w1)
    } else {
        (partial(key), 0)
    }
}

/// Hashes `key`, whose [`words`] are `w`, with `seed`.
///
/// The first 16 bytes, the length and the last 8 bytes are mixed by two
/// independent multiplies (no branch for keys of 8 to 24 bytes); bytes
/// between 16 and `len - 8` of longer keys are folded in one word at a time.
#[inline(always)]
pub fn hash_words(key: &[u8], w: (u64, u64), seed: u64) -> u64 {
    let n = key.len();
    let last = if n >= 8 { load8(key, n - 8) } else { w.0 };
    let mut h = fold(w.0 ^ seed ^ K1, w.1 ^ seed.rotate_left(32) ^ K2 ^ n as u64);
    // Whole words from byte 16 on, while one starts before the last word;
    // the final one may overlap it (the hash need only be a function of the
    // key).
    let mut i = 16;
    while i + 8 < n {
        h = fold(h ^ load8(key, i), K2);
        i += 8;
    }
    h ^ fold(last ^ K3, seed ^ K1)
}

/// Whether two keys of the same length (over 16 bytes) agree past their
/// first 16 bytes: word compares, no call to `memcmp`.
#[allow(dead_code)] // used by the library, not by build.rs
#[inline(always)]
pub fn same_tail(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if b.len() != n || n < 16 {
        return false;
    }
    if load8(a, n - 8) != load8(b, n - 8) {
        return false;
    }
    let mut i = 16;
    while i + 8 < n {
        if load8(a, i) != load8(b, i) {
            return false;
        }
        i += 8;
    }
    true
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

    #[test]
    fn same_tail_compares_every_byte_past_16() {
        let base: Vec<u8> = b"parcel-nl/INTERVENTION_PROCESSED_FOR_DELIVERY".to_vec();
        for n in 16..=base.len() {
            let key = &base[..n];
            assert!(same_tail(key, key), "len {n}");
            for i in 16..n {
                let mut k = key.to_vec();
                k[i] ^= 1;
                assert!(!same_tail(&k, key), "byte {i} of {n}");
            }
            assert!(!same_tail(key, &base[..n.saturating_sub(1)]));
        }
    }
}
