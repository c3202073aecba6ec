//! The `russian_post` parser on any body (seed corpus: `../tests/fixtures/russian_post`).
#![no_main]
wismo_fuzz::parse_target!(russian_post);
