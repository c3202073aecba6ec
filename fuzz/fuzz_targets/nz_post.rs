//! The `nz_post` parser on any body (seed corpus: `../tests/fixtures/nz_post`).
#![no_main]
wismo_fuzz::parse_target!(nz_post);
