//! The `bring` parser on any body (seed corpus: `../tests/fixtures/bring`).
#![no_main]
wismo_fuzz::parse_target!(bring);
