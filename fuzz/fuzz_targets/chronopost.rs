//! The `chronopost` parser on any body (seed corpus: `../tests/fixtures/chronopost`).
#![no_main]
wismo_fuzz::parse_target!(chronopost);
