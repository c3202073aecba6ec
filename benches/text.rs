//! `text/classify`: [`wismo::classify`] on a 200-byte carrier text (German,
//! with a language hint); `text/classify_en_delivered`: a 200-byte English
//! delivery read by the guarded exact rule. Results are checked once before
//! timing.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use wismo::{classify, Lang, Status};

/// 200 bytes: a Hermes-style failed attempt with address details.
const TEXT: &str = "Die Sendung konnte beim 2. Zustellversuch in 20095 Hamburg, Mönckebergstraße 17, nicht zugestellt werden, weil der Empfänger nicht angetroffen wurde. Ein neuer Versuch erfolgt am nächsten Werktag.";

/// 200 bytes: an English delivery with no place or recipient named, read by
/// the guarded exact "delivered" rule (every guard word is looked for).
const TEXT_EN: &str = "Your parcel 00340434161094015902 from the Example Store, Hamburg has been delivered. Thank you and have a nice day; the receipt and the signature are shown online in your customer account today, Sir!!";

fn bench(c: &mut Criterion) {
    assert_eq!(TEXT.len(), 200, "bench text is {} bytes", TEXT.len());
    let (status, ..) = classify(TEXT, Some(Lang::De)).expect("classified");
    assert_eq!(status, Status::AttemptFailed);
    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(TEXT.len() as u64));
    group.bench_function("classify", |b| {
        b.iter(|| classify(black_box(TEXT), black_box(Some(Lang::De))))
    });
    assert_eq!(TEXT_EN.len(), 200, "bench text is {} bytes", TEXT_EN.len());
    let (status, _, conf) = classify(TEXT_EN, Some(Lang::En)).expect("classified");
    assert_eq!(
        (status, conf >= wismo::text::SURE),
        (Status::Delivered, true)
    );
    group.bench_function("classify_en_delivered", |b| {
        b.iter(|| classify(black_box(TEXT_EN), black_box(Some(Lang::En))))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
