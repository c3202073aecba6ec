//! The `cdek` parser on any body (seed corpus: `../tests/fixtures/cdek`).
#![no_main]
wismo_fuzz::parse_target!(cdek);
