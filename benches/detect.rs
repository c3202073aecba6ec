//! `detect/mixed`: [`wismo::detect`] over a mixed list of published sample
//! numbers (UPS, FedEx, USPS, S10, DHL, DPD, GLS, PostNL, Bring, …), the same
//! numbers with a check digit changed, numbers inside chat text and plain
//! text with no number (25 inputs, 5 of them giving no plausible carrier: two
//! come back only as "check digit wrong" candidates). The results are checked
//! once before timing.
//!
//! `detect/new_formats`: published test numbers of the formats added from
//! jkeen/tracking_number_data (OnTrac, LaserShip, Old Dominion, Purolator,
//! Canpar, Spee-Dee, YunExpress, GOFO, Amazon international, FedEx 32, DHL
//! eCommerce 14), one with its carrier named in the text.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

/// Inputs that must give no plausible candidate, at most "check digit wrong"
/// ones (checked once before timing); every other input must give one.
const NOTHING: &[&str] = &[
    "1Z5R89390357567128",
    "0307 1790 0005 2348 3742",
    "RB123456786US",
    "where is my parcel? I ordered it two weeks ago",
    "order #A-1042, 3 items",
];

const NEW_FORMATS: &[&str] = &[
    "C11031500001879",
    "D10011354453707",
    "LX17635036",
    "1LS717793482164",
    "1LSCXVE005BUEFX",
    "77767553207",
    "320595463938",
    "Purolator KYV009956937",
    "D576002440000001718010",
    "SP029692510000920746",
    "YT2229521272164446",
    "GFUS01011884214464",
    "C1004444443",
    "32971514560102447849175802862014",
    "60120172242323",
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
    for s in INPUTS.iter().chain(NEW_FORMATS) {
        let found = wismo::detect(s)
            .iter()
            .any(|c| c.check_digit != wismo::CheckDigit::Invalid);
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
    group.throughput(Throughput::Elements(NEW_FORMATS.len() as u64));
    group.bench_function("new_formats", |b| {
        b.iter(|| {
            for s in NEW_FORMATS {
                black_box(wismo::detect(black_box(s)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
