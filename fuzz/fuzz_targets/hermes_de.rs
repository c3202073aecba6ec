//! The `hermes_de` parser on any body (seed corpus: `../tests/fixtures/hermes_de`).
#![no_main]
wismo_fuzz::parse_target!(hermes_de);
