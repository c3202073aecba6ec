//! The key hash of the generated tables, shared by `build.rs` (through `#[path]`)
//! and the runtime lookup, so both sides agree bit for bit.
//!
//! Carrier codes are short: most fit in 16 bytes. [`words`] reads the first 16
//! bytes as two little-endian words with overlapping loads (no `memcpy`, no
//! shift): a key of 8 to 16 bytes is the word at 0 and the word ending at its
//! last byte, which together with the length name every byte. The same two
//! words are stored in every table row, so a lookup compares two integers and
//! the length instead of calling `memcmp`. The hash mixes those words and the
//! length in one folded 64×64→128-bit multiply; keys longer than 16 bytes fold
//! in one more word per 8 bytes (the last one overlapping). Both 32-bit halves
//! of the result are mixed, as ptrhash takes the bucket from the low half and
//! the slot from the high half. Longer keys compare their tail word by word
//! ([`same_tail`]).

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

/// The two key words of `key`: for 8 bytes or more, the word at 0 and the
/// word ending at byte `min(len, 16)` (overlapping the first when shorter
/// than 16); for 4 to 7 bytes, the 4-byte words at 0 and ending at the last
/// byte; for 1 to 3, the first, middle and last bytes. With the length, they
/// determine the first 16 bytes exactly.
#[inline(always)]
pub fn words(key: &[u8]) -> (u64, u64) {
    let n = key.len();
    if n >= 8 {
        (load8(key, 0), load8(key, n.min(16) - 8))
    } else if n >= 4 {
        (load4(key, 0) | (load4(key, n - 4) << 32), 0)
    } else if n > 0 {
        (
            u64::from(key[0]) | (u64::from(key[n / 2]) << 8) | (u64::from(key[n - 1]) << 16),
            0,
        )
    } else {
        (0, 0)
    }
}

/// The two per-table constants the hash mixes into the words, from the seed.
#[inline(always)]
pub const fn seed_words(seed: u64) -> (u64, u64) {
    (seed ^ K1, seed.rotate_left(32) ^ K2)
}

/// Hashes `key`, whose [`words`] are `w`, with the [`seed_words`] `s`.
///
/// The first 16 bytes and the length are mixed by one multiply; bytes past
/// 16 of longer keys are folded in one word at a time, the last word ending
/// at the key's last byte.
#[inline(always)]
pub fn hash_words(key: &[u8], w: (u64, u64), s: (u64, u64)) -> u64 {
    let n = key.len();
    let mut h = fold(w.0 ^ s.0, w.1 ^ s.1 ^ n as u64);
    let mut i = 16;
    while i < n {
        h = fold(h ^ load8(key, i.min(n - 8)), K3);
        i += 8;
    }
    h
}

/// ptrhash's pilot hash of `pilot` under `seed`
/// (`phf_shared::ptrhash::hash_pilot`), folded to the 32 bits its slot
/// computation mixes: stored per bucket so a lookup does not recompute it.
#[allow(dead_code)] // used by build.rs and the tests
pub fn pilot_word(seed: u64, pilot: u8) -> u32 {
    let p = 0x517c_c1b7_2722_0a95u64.wrapping_mul(seed ^ u64::from(pilot));
    ((p >> 32) as u32) ^ (p as u32)
}

/// The bit a key of hash `h` sets in the high half of its bucket's word: one
/// of 32, from hash bits 8-12 (neither the bucket, which comes from the top of
/// the low half, nor the slot, from the high half).
#[inline(always)]
pub fn bucket_bit(h: u64) -> u64 {
    1 << (32 + ((h >> 8) & 31))
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
    hash_words(key, words(key), seed_words(seed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_length_name_the_first_16_bytes() {
        // Keys of one length that differ in their first 16 bytes differ in
        // their words.
        for len in 0..=24 {
            let key: Vec<u8> = (1..=len as u8).collect();
            let w = words(&key);
            for i in 0..len.min(16) {
                let mut k = key.clone();
                k[i] ^= 0x80;
                assert_ne!(words(&k), w, "byte {i} of {len}");
            }
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
