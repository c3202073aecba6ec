//! The `teleship` parser on any body (seed corpus: `../tests/fixtures/teleship`).
#![no_main]
wismo_fuzz::parse_target!(teleship);
