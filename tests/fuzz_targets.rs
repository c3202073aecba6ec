//! Every parser has a cargo-fuzz target in `fuzz/` (see `fuzz/README.md`),
//! so a new parser cannot be left out of fuzzing.

use wismo::{Carrier, Error};

#[test]
fn every_parser_has_a_fuzz_target() {
    let root = env!("CARGO_MANIFEST_DIR");
    let manifest = std::fs::read_to_string(format!("{root}/fuzz/Cargo.toml")).unwrap();
    let mut missing = Vec::new();
    for &c in Carrier::ALL {
        if matches!(wismo::parse(c, b""), Err(Error::Unsupported { .. })) {
            continue;
        }
        let file = format!("{root}/fuzz/fuzz_targets/{c}.rs");
        let declared =
            manifest.contains(&format!("name = \"{c}\"\npath = \"fuzz_targets/{c}.rs\""));
        let body = std::fs::read_to_string(&file).unwrap_or_default();
        if !declared || !body.contains(&format!("parse_target!({c})")) {
            missing.push(c.as_str());
        }
    }
    assert!(
        missing.is_empty(),
        "parsers without a fuzz target: {missing:?}"
    );
}
