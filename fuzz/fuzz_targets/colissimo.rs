//! The `colissimo` parser on any body (seed corpus: `../tests/fixtures/colissimo`).
#![no_main]
wismo_fuzz::parse_target!(colissimo);
