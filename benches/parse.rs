//! Parse cost: `wismo::parse` against `serde_json::from_slice::<Value>` of the
//! same bytes (the floor for any JSON reader that builds a tree). Inputs are the
//! fixtures in `tests/fixtures`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use wismo::Carrier;

const CASES: &[(&str, Carrier, &str)] = &[
    ("ups", Carrier::Ups, "tests/fixtures/ups/delivered.json"),
    (
        "fedex",
        Carrier::Fedex,
        "tests/fixtures/fedex/delivered.json",
    ),
    (
        "dhl_unified",
        Carrier::DhlUnified,
        "tests/fixtures/dhl_unified/spec_example.json",
    ),
    (
        "usps",
        Carrier::Usps,
        "tests/fixtures/usps/delivered_parcel_locker.json",
    ),
    (
        "postnl",
        Carrier::Postnl,
        "tests/fixtures/postnl/complete_status_pickup_point.json",
    ),
];

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for &(name, carrier, path) in CASES {
        let body = std::fs::read(path).unwrap();
        let t = wismo::parse(carrier, &body).unwrap();
        assert!(!t.is_empty() && !t[0].events.is_empty(), "{path}");
        g.throughput(Throughput::Bytes(body.len() as u64));
        g.bench_function(format!("{name}_wismo"), |b| {
            b.iter(|| wismo::parse(carrier, black_box(&body)).unwrap())
        });
        g.bench_function(format!("{name}_serde_value"), |b| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&body)).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
