//! The `dhl_unified` parser on any body (seed corpus: `../tests/fixtures/dhl_unified`).
#![no_main]
wismo_fuzz::parse_target!(dhl_unified);
