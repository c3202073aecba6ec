//! The `ninja_van` parser on any body (seed corpus: `../tests/fixtures/ninja_van`).
#![no_main]
wismo_fuzz::parse_target!(ninja_van);
