//! The `dhl_express` parser on any body (seed corpus: `../tests/fixtures/dhl_express`).
#![no_main]
wismo_fuzz::parse_target!(dhl_express);
