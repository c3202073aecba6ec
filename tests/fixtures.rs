//! Golden tests over every fixture in `tests/fixtures/<carrier>/`.
//!
//! For `<name>.json` / `<name>.xml` the parse result must equal
//! `<name>.expected.json` (the serde form of `Vec<Tracking>`), or, for a body
//! that must fail, the error's Display text must equal `<name>.error.txt`.
//! Rerun with `WISMO_BLESS=1` to write the expected files after a deliberate
//! change, then review the diff: every event's status is in them.
//!
//! The hand-written facts per carrier (final status, tracking number, ETA) are
//! in `tests/carriers.rs`.

use std::path::{Path, PathBuf};

fn fixtures() -> Vec<(wismo::Carrier, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        let Some(id) = dir.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Ok(carrier) = id.parse::<wismo::Carrier>() else {
            continue; // e.g. tests/fixtures/mappings
        };
        for f in std::fs::read_dir(&dir).unwrap() {
            let p = f.unwrap().path();
            let name = p.file_name().unwrap().to_str().unwrap().to_string();
            let body = (name.ends_with(".json") || name.ends_with(".xml"))
                && !name.ends_with(".expected.json");
            if body {
                out.push((carrier, p));
            }
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

fn stem(p: &Path) -> PathBuf {
    let s = p.to_str().unwrap();
    PathBuf::from(s.rsplit_once('.').unwrap().0)
}

#[test]
fn every_fixture_matches_its_expected_output() {
    let bless = std::env::var_os("WISMO_BLESS").is_some();
    let mut failures = Vec::new();
    let all = fixtures();
    assert!(all.len() >= 10, "fixtures not found");
    for (carrier, path) in all {
        let body = std::fs::read(&path).unwrap();
        let expected_json = PathBuf::from(format!("{}.expected.json", stem(&path).display()));
        let expected_err = PathBuf::from(format!("{}.error.txt", stem(&path).display()));
        let got = match wismo::parse(carrier, &body) {
            Ok(t) => (
                expected_json,
                serde_json::to_string_pretty(&t).unwrap() + "\n",
            ),
            Err(e) => (expected_err, e.to_string() + "\n"),
        };
        if bless {
            std::fs::write(&got.0, &got.1).unwrap();
            continue;
        }
        match std::fs::read_to_string(&got.0) {
            Ok(want) if want == got.1 => {}
            Ok(_) => failures.push(format!(
                "{}: output differs from {} (rerun with WISMO_BLESS=1 and review the diff)",
                path.display(),
                got.0.display()
            )),
            Err(_) => failures.push(format!(
                "{}: no {} (the body {}); rerun with WISMO_BLESS=1",
                path.display(),
                got.0.display(),
                if got.0.to_str().unwrap().ends_with(".txt") {
                    format!("failed: {}", got.1.trim())
                } else {
                    "parsed".to_string()
                }
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn expected_outputs_round_trip_through_serde() {
    for (_, path) in fixtures() {
        let expected = PathBuf::from(format!("{}.expected.json", stem(&path).display()));
        let Ok(text) = std::fs::read_to_string(&expected) else {
            continue;
        };
        let t: Vec<wismo::Tracking> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
        assert_eq!(serde_json::to_string_pretty(&t).unwrap() + "\n", text);
    }
}
