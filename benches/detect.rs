//! `detect/mixed`: [`wismo::detect`] over a mixed list of published sample
//! numbers (UPS, FedEx, USPS, S10, DHL, DPD, GLS, PostNL, Bring, …), the same
//! numbers with a check digit changed, numbers inside chat text and plain
//! text with no number (25 inputs, 5 of them giving nothing). The results are
//! checked once before timing.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

/// Inputs that must give no candidate (checked once before timing); every
/// other input must give at least one.
const NOTHING: &[&str] = &[
    "1Z5R89390357567128",
    "0307 1790 0005 2348 3742",
    "RB123456786US",
    "where is my parcel? I ordered it two weeks ago",
    "order #A-1042, 3 items",
];

const INPUTS: &[&str] = &[
    "1Z5R89390357567127",
    "1Z5R89390357567128",
    "Tracking: 1Z 879E 9303 4683 4440",
    "986578788855",
    "1001921334250001000300779017972697",
    "9400 1112 0108 0805 4830 16",
    "420787459400111206206406260787",
    "0307 1790 0005 2348 3742",
    "RB123456785GB",
    "RB123456786US",
    "Your parcel EE 471 108 151 FR is on its way",
    "3318810025",
    "JJD1410302937991",
    "00340433836442636597",
    "201298452277",
    "0081 827 0998 0000 0200 45 327 276 N",
    "01015026003653C",
    "993990103198",
    "my code is 3SDEVC6659149",
    "70722150702977990",
    "TBA010000000000",
    "0073938000549297",
    "843534321829832368922940",
    "where is my parcel? I ordered it two weeks ago",
    "order #A-1042, 3 items",
];

fn bench(c: &mut Criterion) {
    for s in INPUTS {
        let found = !wismo::detect(s).is_empty();
        assert_eq!(found, !NOTHING.contains(s), "{s:?}");
    }

    let mut group = c.benchmark_group("detect");
    group.throughput(Throughput::Elements(INPUTS.len() as u64));
    group.bench_function("mixed", |b| {
        b.iter(|| {
            for s in INPUTS {
                black_box(wismo::detect(black_box(s)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
