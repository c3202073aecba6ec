//! The `inpost` parser on any body (seed corpus: `../tests/fixtures/inpost`).
#![no_main]
wismo_fuzz::parse_target!(inpost);
