//! What runtime overrides cost: the same body parsed by `wismo::parse`, by a
//! `Normalizer` without overrides, by one whose overrides hold rows for the
//! carrier that every lookup misses (each lookup asks the overrides first,
//! then the compiled table), and by one with overrides for another carrier
//! only. Divide the difference by the body's lookups for the cost of one
//! lookup that misses the overrides.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use wismo::{Carrier, Normalizer, Overrides};

const CASES: &[(&str, &str)] = &[
    ("ups", "ups/delivered.json"),
    ("fedex", "fedex/delivered.json"),
    ("dhl_parcel_de", "dhl_parcel_de/delivered_packstation.xml"),
];

/// An override file for `carrier` with `n` rows no body sends.
fn missing_rows(carrier: Carrier, n: usize) -> Overrides {
    let mut text = format!(
        "# carrier: {carrier}\n# name: bench\n# source: benchmark rows no carrier sends\n# key: any\ncode\tstatus\tsubstatus\treason\teta\tdescription\n"
    );
    for i in 0..n {
        text.push_str(&format!(
            "ZZ-BENCH-{i:04}\tin_transit\tin_transit\t-\tnone\tnever sent\n"
        ));
    }
    Overrides::from_text("bench.tsv", &text).unwrap()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("overrides");
    for &(id, path) in CASES {
        let carrier: Carrier = id.parse().unwrap();
        let body = std::fs::read(format!(
            "{}/tests/fixtures/{path}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let plain = Normalizer::new();
        let same = Normalizer::new().with_overrides(missing_rows(carrier, 100));
        let other_carrier = if carrier == Carrier::Usps {
            Carrier::Ups
        } else {
            Carrier::Usps
        };
        let other = Normalizer::new().with_overrides(missing_rows(other_carrier, 100));
        g.bench_function(format!("{id}_parse"), |b| {
            b.iter(|| wismo::parse(carrier, black_box(&body)).unwrap())
        });
        g.bench_function(format!("{id}_normalizer"), |b| {
            b.iter(|| plain.parse(carrier, black_box(&body)).unwrap())
        });
        g.bench_function(format!("{id}_overrides_miss"), |b| {
            b.iter(|| same.parse(carrier, black_box(&body)).unwrap())
        });
        g.bench_function(format!("{id}_overrides_other_carrier"), |b| {
            b.iter(|| other.parse(carrier, black_box(&body)).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
