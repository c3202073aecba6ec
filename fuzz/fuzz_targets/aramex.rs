//! The `aramex` parser on any body (seed corpus: `../tests/fixtures/aramex`).
#![no_main]
wismo_fuzz::parse_target!(aramex);
