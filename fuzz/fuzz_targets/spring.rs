//! The `spring` parser on any body (seed corpus: `../tests/fixtures/spring`).
#![no_main]
wismo_fuzz::parse_target!(spring);
