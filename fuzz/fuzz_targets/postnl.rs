//! The `postnl` parser on any body (seed corpus: `../tests/fixtures/postnl`).
#![no_main]
wismo_fuzz::parse_target!(postnl);
