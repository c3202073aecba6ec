//! The `fedex` parser on any body (seed corpus: `../tests/fixtures/fedex`).
#![no_main]
wismo_fuzz::parse_target!(fedex);
