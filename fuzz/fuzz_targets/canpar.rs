//! The `canpar` parser on any body (seed corpus: `../tests/fixtures/canpar`).
#![no_main]
wismo_fuzz::parse_target!(canpar);
