//! The `ctt_express` parser on any body (seed corpus: `../tests/fixtures/ctt_express`).
#![no_main]
wismo_fuzz::parse_target!(ctt_express);
