//! Runs the lookup bench's workload a fixed number of times, for instruction
//! counts under `valgrind --tool=callgrind` (deterministic, unlike timings):
//!
//! ```sh
//! cargo build --release --example lookup_count
//! valgrind --tool=callgrind target/release/examples/lookup_count wismo hit 10
//! ```
//!
//! Arguments: `wismo|std|fx`, `hit|miss`, the number of rounds over the keys.
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
    let keys = if kind == "miss" { misses } else { hits };
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
