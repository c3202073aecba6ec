//! The `dhl_ecommerce` parser on any body (seed corpus: `../tests/fixtures/dhl_ecommerce`).
#![no_main]
wismo_fuzz::parse_target!(dhl_ecommerce);
