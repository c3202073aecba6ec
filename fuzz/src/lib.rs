//! Shared checks of the fuzz targets: what must hold for any input.

use wismo::{Carrier, Error};

/// Parses `data` as a `carrier` body: it must return `Ok` or a typed error
/// whose message is one non-empty line, and whatever it returns must be
/// well-formed (events in time order, each tracking's carrier the one asked).
pub fn check_parse(carrier: Carrier, data: &[u8]) {
    match wismo::parse(carrier, data) {
        Ok(trackings) => {
            for t in &trackings {
                assert_eq!(t.carrier, carrier);
                // The tracking's order: by instant (`EventTime::sort_key`),
                // stable, so events of one instant stay in the carrier's order
                // even when their offsets differ (`EventTime`'s `Ord` breaks
                // such ties by wall time, which a tracking does not).
                let times: Vec<_> = t
                    .events
                    .iter()
                    .filter_map(|e| e.time.map(|t| t.sort_key()))
                    .collect();
                assert!(
                    times.windows(2).all(|w| w[0] <= w[1]),
                    "events out of order"
                );
                serde_json::to_string(t).expect("a tracking serializes");
            }
        }
        Err(e) => check_error(&e),
    }
}

/// An error message is one non-empty line.
pub fn check_error(e: &Error) {
    let msg = e.to_string();
    assert!(!msg.is_empty() && !msg.contains('\n'), "{msg:?}");
}

/// One fuzz target per carrier id: `parse_target!(ups);`
#[macro_export]
macro_rules! parse_target {
    ($id:ident) => {
        libfuzzer_sys::fuzz_target!(|data: &[u8]| {
            let carrier: wismo::Carrier = stringify!($id).parse().expect("a carrier id");
            $crate::check_parse(carrier, data);
        });
    };
}
