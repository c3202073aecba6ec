//! The `ups` parser on any body (seed corpus: `../tests/fixtures/ups`).
#![no_main]
wismo_fuzz::parse_target!(ups);
