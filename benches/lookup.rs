//! Lookup hot path: `Carrier::lookup` against a std `HashMap` and an
//! `FxHashMap` of the same shape (an array indexed by carrier of per-carrier
//! maps from code to mapping), built before timing from the same rows.
//! Hits cycle over every real code of every carrier; misses over near-codes
//! (last byte changed, a suffix added, case changed) that are in no table.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use wismo::{Carrier, Mapping};

/// Real codes (hits) and near-codes that are in no table (misses).
type Keys = (Vec<(Carrier, &'static str)>, Vec<(Carrier, String)>);

fn keys() -> Keys {
    let mut hits = Vec::new();
    let mut misses = Vec::new();
    for &c in Carrier::ALL {
        for m in c.mappings() {
            hits.push((c, m.code()));
            let code = m.code();
            let mut near = vec![format!("{code}X"), code.to_lowercase()];
            if let Some(last) = code.chars().last() {
                let bumped = char::from_u32(last as u32 + 1).unwrap_or('0');
                near.push(format!(
                    "{}{}",
                    &code[..code.len() - last.len_utf8()],
                    bumped
                ));
            }
            for n in near {
                if c.lookup(&n).is_none() {
                    misses.push((c, n));
                    break;
                }
            }
        }
    }
    // Interleave carriers like a real mixed workload, deterministically.
    hits.sort_by_key(|(_, k)| fxhash(k.as_bytes()));
    misses.sort_by_key(|(_, k)| fxhash(k.as_bytes()));
    (hits, misses)
}

fn fxhash(b: &[u8]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(b);
    h.finish()
}

fn index(c: Carrier) -> usize {
    Carrier::ALL.iter().position(|x| *x == c).unwrap()
}

fn bench(crit: &mut Criterion) {
    let (hits, misses) = keys();
    assert!(!hits.is_empty() && !misses.is_empty());
    let std_maps: Vec<HashMap<&'static str, &'static Mapping>> = Carrier::ALL
        .iter()
        .map(|c| c.mappings().iter().map(|m| (m.code(), m)).collect())
        .collect();
    let fx_maps: Vec<FxHashMap<&'static str, &'static Mapping>> = Carrier::ALL
        .iter()
        .map(|c| c.mappings().iter().map(|m| (m.code(), m)).collect())
        .collect();
    let hits_i: Vec<(usize, Carrier, &str)> =
        hits.iter().map(|(c, k)| (index(*c), *c, *k)).collect();
    let misses_i: Vec<(usize, Carrier, &str)> = misses
        .iter()
        .map(|(c, k)| (index(*c), *c, k.as_str()))
        .collect();
    // Same answers before timing.
    for &(i, c, k) in hits_i.iter().chain(&misses_i) {
        assert_eq!(
            c.lookup(k).map(|m| m.code()),
            std_maps[i].get(k).map(|m| m.code())
        );
    }

    let mut g = crit.benchmark_group("lookup");
    g.throughput(Throughput::Elements(hits_i.len() as u64));
    g.bench_function("wismo_hit", |b| {
        b.iter(|| {
            for &(_, c, k) in &hits_i {
                black_box(c.lookup(black_box(k)));
            }
        })
    });
    g.bench_function("std_hashmap_hit", |b| {
        b.iter(|| {
            for &(i, _, k) in &hits_i {
                black_box(std_maps[i].get(black_box(k)));
            }
        })
    });
    g.bench_function("fxhash_hit", |b| {
        b.iter(|| {
            for &(i, _, k) in &hits_i {
                black_box(fx_maps[i].get(black_box(k)));
            }
        })
    });
    g.throughput(Throughput::Elements(misses_i.len() as u64));
    g.bench_function("wismo_miss", |b| {
        b.iter(|| {
            for &(_, c, k) in &misses_i {
                black_box(c.lookup(black_box(k)));
            }
        })
    });
    g.bench_function("std_hashmap_miss", |b| {
        b.iter(|| {
            for &(i, _, k) in &misses_i {
                black_box(std_maps[i].get(black_box(k)));
            }
        })
    });
    g.bench_function("fxhash_miss", |b| {
        b.iter(|| {
            for &(i, _, k) in &misses_i {
                black_box(fx_maps[i].get(black_box(k)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
