//! The `gls` parser on any body (seed corpus: `../tests/fixtures/gls`).
#![no_main]
wismo_fuzz::parse_target!(gls);
