//! The `usps` parser on any body (seed corpus: `../tests/fixtures/usps`).
#![no_main]
wismo_fuzz::parse_target!(usps);
