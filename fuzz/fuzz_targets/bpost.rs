//! The `bpost` parser on any body (seed corpus: `../tests/fixtures/bpost`).
#![no_main]
wismo_fuzz::parse_target!(bpost);
