//! Runs the lookup bench's workload a fixed number of times, for instruction
//! counts under `valgrind --tool=callgrind` (deterministic, unlike timings):
//!
//! ```sh
//! cargo build --release --example lookup_count
//! valgrind --tool=callgrind target/release/examples/lookup_count wismo hit 10
//! ```
//!
//! Arguments: `wismo|std|fx`, `hit|miss`, the number of rounds over the keys.
//! With `time` as the first argument (`time hit 2000`), it times wismo and
//! FxHashMap in alternating rounds instead and prints the fastest round of
//! each: a ratio that a loaded machine disturbs less than two benchmarks
//! taken seconds apart.
//! Ir per lookup = (Ir at R rounds − Ir at 0 rounds) / (R × keys), printed
//! keys count on stderr. Same keys as `benches/lookup.rs`.

use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::hint::black_box;
use wismo::{Carrier, Mapping};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map(String::as_str).unwrap_or("wismo");
    let kind = args.get(2).map(String::as_str).unwrap_or("hit");
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(1);

    let mut hits = Vec::new();
    let mut misses = Vec::new();
    for (i, &c) in Carrier::ALL.iter().enumerate() {
        for m in c.mappings() {
            let code = m.code();
            hits.push((i, c, code.to_string()));
            let mut near = vec![format!("{code}X"), code.to_lowercase()];
            if let Some(last) = code.chars().last() {
                let bumped = char::from_u32(last as u32 + 1).unwrap_or('0');
                near.push(format!(
                    "{}{}",
                    &code[..code.len() - last.len_utf8()],
                    bumped
                ));
            }
            if let Some(n) = near.into_iter().find(|n| c.lookup(n).is_none()) {
                misses.push((i, c, n));
            }
        }
    }
    let mut keys = if kind == "miss" { misses } else { hits };
    // Interleave carriers like the bench (and a real mixed workload).
    keys.sort_by_key(|(_, _, k)| {
        use std::hash::{BuildHasher, Hasher};
        let mut h = rustc_hash::FxBuildHasher.build_hasher();
        h.write(k.as_bytes());
        h.finish()
    });
    eprintln!("{} keys", keys.len());
    let std_maps: Vec<HashMap<&'static str, &'static Mapping>> = Carrier::ALL
        .iter()
        .map(|c| c.mappings().iter().map(|m| (m.code(), m)).collect())
        .collect();
    let fx_maps: Vec<FxHashMap<&'static str, &'static Mapping>> = Carrier::ALL
        .iter()
        .map(|c| c.mappings().iter().map(|m| (m.code(), m)).collect())
        .collect();
    let mut found = 0usize;
    if which == "time" {
        let mut found = 0usize;
        let (mut best_w, mut best_f) = (f64::MAX, f64::MAX);
        for _ in 0..rounds {
            let t = std::time::Instant::now();
            for (_, c, k) in &keys {
                found += black_box(c.lookup(black_box(k.as_str()))).is_some() as usize;
            }
            best_w = best_w.min(t.elapsed().as_secs_f64());
            let t = std::time::Instant::now();
            for (i, _, k) in &keys {
                found += black_box(fx_maps[*i].get(black_box(k.as_str()))).is_some() as usize;
            }
            best_f = best_f.min(t.elapsed().as_secs_f64());
        }
        let per = |s: f64| s * 1e9 / keys.len() as f64;
        println!(
            "{kind}: wismo {:.2} ns, fx {:.2} ns per lookup (fastest of {rounds} rounds): {:.2}x",
            per(best_w),
            per(best_f),
            best_w / best_f
        );
        black_box(found);
        return;
    }
    for _ in 0..rounds {
        match which {
            "std" => {
                for (i, _, k) in &keys {
                    found += black_box(std_maps[*i].get(black_box(k.as_str()))).is_some() as usize;
                }
            }
            "fx" => {
                for (i, _, k) in &keys {
                    found += black_box(fx_maps[*i].get(black_box(k.as_str()))).is_some() as usize;
                }
            }
            _ => {
                for (_, c, k) in &keys {
                    found += black_box(c.lookup(black_box(k.as_str()))).is_some() as usize;
                }
            }
        }
    }
    println!("{found}");
}
