//! The Rust side of the bindings' overhead figures: `wismo::parse` on one
//! body, median ns per call over rounds (and the same through serde_json,
//! which is what the Node binding adds).
//!
//!     cargo run --release --manifest-path python/Cargo.toml --example rust_baseline -- tests/fixtures/fedex/delivered.json

use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "tests/fixtures/fedex/delivered.json".into());
    let carrier: wismo::Carrier = args
        .next()
        .unwrap_or_else(|| "fedex".into())
        .parse()
        .expect("carrier id");
    let body = std::fs::read(&path).expect("body");
    let n = 20_000;
    let mut parse = Vec::new();
    let mut json = Vec::new();
    for _ in 0..9 {
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(wismo::parse(carrier, std::hint::black_box(&body)).unwrap());
        }
        parse.push(t.elapsed().as_nanos() as f64 / n as f64);
        let t = Instant::now();
        for _ in 0..n {
            let out = wismo::parse(carrier, std::hint::black_box(&body)).unwrap();
            std::hint::black_box(serde_json::to_string(&out).unwrap());
        }
        json.push(t.elapsed().as_nanos() as f64 / n as f64);
    }
    println!(
        "rust: {carrier} {} bytes: parse {:.0} ns/call, parse + serde_json::to_string {:.0} ns/call (median of 9 x {n})",
        body.len(),
        median(parse),
        median(json)
    );
}
