//! The `canada_post` parser on any body (seed corpus: `../tests/fixtures/canada_post`).
#![no_main]
wismo_fuzz::parse_target!(canada_post);
