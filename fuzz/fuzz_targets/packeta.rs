//! The `packeta` parser on any body (seed corpus: `../tests/fixtures/packeta`).
#![no_main]
wismo_fuzz::parse_target!(packeta);
