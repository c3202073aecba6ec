//! The `asendia` parser on any body (seed corpus: `../tests/fixtures/asendia`).
#![no_main]
wismo_fuzz::parse_target!(asendia);
