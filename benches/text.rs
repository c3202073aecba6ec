//! `text/classify`: [`wismo::classify`] on a 200-byte carrier text (German,
//! with a language hint). The result is checked once before timing.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use wismo::{classify, Lang, Status};

/// 200 bytes: a Hermes-style failed attempt with address details.
const TEXT: &str = "Die Sendung konnte beim 2. Zustellversuch in 20095 Hamburg, Mönckebergstraße 17, nicht zugestellt werden, weil der Empfänger nicht angetroffen wurde. Ein neuer Versuch erfolgt am nächsten Werktag.";

fn bench(c: &mut Criterion) {
    assert_eq!(TEXT.len(), 200, "bench text is {} bytes", TEXT.len());
    let (status, ..) = classify(TEXT, Some(Lang::De)).expect("classified");
    assert_eq!(status, Status::AttemptFailed);
    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(TEXT.len() as u64));
    group.bench_function("classify", |b| {
        b.iter(|| classify(black_box(TEXT), black_box(Some(Lang::De))))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
