//! Shared by the per-carrier tests: reading a fixture body.

/// The bytes of `tests/fixtures/<carrier>/<fixture>`.
pub fn fixture(carrier: &str, fixture: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/{carrier}/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
