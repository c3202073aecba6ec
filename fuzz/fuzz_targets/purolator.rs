//! The `purolator` parser on any body (seed corpus: `../tests/fixtures/purolator`).
#![no_main]
wismo_fuzz::parse_target!(purolator);
