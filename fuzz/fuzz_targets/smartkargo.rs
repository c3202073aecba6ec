//! The `smartkargo` parser on any body (seed corpus: `../tests/fixtures/smartkargo`).
#![no_main]
wismo_fuzz::parse_target!(smartkargo);
