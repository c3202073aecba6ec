//! The key hash of the generated tables, shared by `build.rs` (through `#[path]`)
//! and the runtime lookup, so both sides agree bit for bit.
//!
//! A folded 64×64→128-bit multiply per 8-byte chunk: a handful of cycles for the
//! short codes carriers use, with both 32-bit halves well mixed (ptrhash takes
//! the bucket from the low half and the slot from the high half).

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xD6E8_FEB8_6659_FD93;

#[inline(always)]
fn fold(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

/// Hashes `key` with `seed`.
#[inline]
pub fn hash(key: &[u8], seed: u64) -> u64 {
    let mut h = seed ^ (key.len() as u64).wrapping_mul(K1);
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = fold(h ^ u64::from_le_bytes(b), K2);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = fold(h ^ u64::from_le_bytes(b), K2);
    }
    fold(h, K1)
}
