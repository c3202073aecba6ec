//! The `la_poste` parser on any body (seed corpus: `../tests/fixtures/la_poste`).
#![no_main]
wismo_fuzz::parse_target!(la_poste);
