//! The `sendle` parser on any body (seed corpus: `../tests/fixtures/sendle`).
#![no_main]
wismo_fuzz::parse_target!(sendle);
