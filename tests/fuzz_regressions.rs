//! Inputs the fuzz targets (`fuzz/`) found, kept as regression tests: every
//! file in `tests/fuzz_regressions/` is named `<carrier>-<what>.<ext>` and is
//! parsed as that carrier's body. It must not panic; an error is one non-empty
//! line; a tracking has the carrier asked for and events in time order (the
//! checks of `fuzz/src/lib.rs`).

use wismo::Carrier;

#[test]
fn fuzz_findings_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut n = 0;
    for f in std::fs::read_dir(&dir).unwrap() {
        let p = f.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with('.') || name == "README.md" {
            continue;
        }
        let id = name.split('-').next().unwrap();
        let carrier: Carrier = id
            .parse()
            .unwrap_or_else(|_| panic!("{name}: no carrier `{id}`"));
        let body = std::fs::read(&p).unwrap();
        match wismo::parse(carrier, &body) {
            Ok(trackings) => {
                for t in &trackings {
                    assert_eq!(t.carrier, carrier, "{name}");
                    // By instant, as the tracking sorts (see fuzz/src/lib.rs).
                    let times: Vec<_> = t
                        .events
                        .iter()
                        .filter_map(|e| e.time.map(|t| t.sort_key()))
                        .collect();
                    assert!(
                        times.windows(2).all(|w| w[0] <= w[1]),
                        "{name}: events out of order"
                    );
                    serde_json::to_string(t).expect("a tracking serializes");
                }
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(!msg.is_empty() && !msg.contains('\n'), "{name}: {msg:?}");
            }
        }
        n += 1;
    }
    println!("{n} fuzz regression inputs");
}
