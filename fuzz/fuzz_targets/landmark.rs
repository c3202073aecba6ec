//! The `landmark` parser on any body (seed corpus: `../tests/fixtures/landmark`).
#![no_main]
wismo_fuzz::parse_target!(landmark);
