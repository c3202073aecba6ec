//! The `postnord` parser on any body (seed corpus: `../tests/fixtures/postnord`).
#![no_main]
wismo_fuzz::parse_target!(postnord);
