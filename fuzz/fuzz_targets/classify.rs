//! The free-text classifier: any text, with each language hint or none.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for hint in wismo::Lang::ALL.iter().copied().map(Some).chain([None]) {
        if let Some((status, substatus, confidence)) = wismo::classify(&text, hint) {
            assert_eq!(substatus.status(), status);
            assert!((0.0..=1.0).contains(&confidence));
        }
    }
});
