//! The `dpd` parser on any body (seed corpus: `../tests/fixtures/dpd`).
#![no_main]
wismo_fuzz::parse_target!(dpd);
