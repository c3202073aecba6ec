//! Tracking-number detection: any string.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    for c in wismo::detect(&input) {
        assert!((0.0..=1.0).contains(&c.confidence));
    }
});
