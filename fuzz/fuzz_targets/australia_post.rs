//! The `australia_post` parser on any body (seed corpus: `../tests/fixtures/australia_post`).
#![no_main]
wismo_fuzz::parse_target!(australia_post);
