//! The `tnt` parser on any body (seed corpus: `../tests/fixtures/tnt`).
#![no_main]
wismo_fuzz::parse_target!(tnt);
