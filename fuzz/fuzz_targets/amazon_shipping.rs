//! The `amazon_shipping` parser on any body (seed corpus: `../tests/fixtures/amazon_shipping`).
#![no_main]
wismo_fuzz::parse_target!(amazon_shipping);
