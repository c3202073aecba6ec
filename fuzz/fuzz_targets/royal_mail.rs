//! The `royal_mail` parser on any body (seed corpus: `../tests/fixtures/royal_mail`).
#![no_main]
wismo_fuzz::parse_target!(royal_mail);
