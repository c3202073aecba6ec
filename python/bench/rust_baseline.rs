//! The Rust side of the bindings' overhead figures: `wismo::parse` on one
//! body, median CPU ns per call over rounds (and the same through serde_json,
//! which is what the Node binding adds).
//!
//!     cargo run --release --manifest-path python/Cargo.toml --example rust_baseline -- tests/fixtures/fedex/delivered.json

use std::time::Instant;

/// CPU time of this thread in ns (Linux `/proc/thread-self/schedstat`), so
/// the figure holds on a loaded machine; wall time where that is missing.
fn cpu_ns(wall: Instant) -> u128 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| wall.elapsed().as_nanos())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "tests/fixtures/fedex/delivered.json".into());
    let carrier: wismo::Carrier = args
        .next()
        .unwrap_or_else(|| "fedex".into())
        .parse()
        .expect("carrier id");
    let body = std::fs::read(&path).expect("body");
    let n = 20_000;
    let mut parse = Vec::new();
    let mut json = Vec::new();
    let start = Instant::now();
    for _ in 0..9 {
        let t = cpu_ns(start);
        for _ in 0..n {
            std::hint::black_box(wismo::parse(carrier, std::hint::black_box(&body)).unwrap());
        }
        parse.push((cpu_ns(start) - t) as f64 / n as f64);
        let t = cpu_ns(start);
        for _ in 0..n {
            let out = wismo::parse(carrier, std::hint::black_box(&body)).unwrap();
            std::hint::black_box(serde_json::to_string(&out).unwrap());
        }
        json.push((cpu_ns(start) - t) as f64 / n as f64);
    }
    println!(
        "rust: {carrier} {} bytes: parse {:.0} ns/call, parse + serde_json::to_string {:.0} ns/call (CPU time, median of 9 x {n})",
        body.len(),
        median(parse),
        median(json)
    );
}
