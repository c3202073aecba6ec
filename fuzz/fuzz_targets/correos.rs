//! The `correos` parser on any body (seed corpus: `../tests/fixtures/correos`).
#![no_main]
wismo_fuzz::parse_target!(correos);
