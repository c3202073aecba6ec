//! The `gls_mygls` parser on any body (seed corpus: `../tests/fixtures/gls_mygls`).
#![no_main]
wismo_fuzz::parse_target!(gls_mygls);
