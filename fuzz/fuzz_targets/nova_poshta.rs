//! The `nova_poshta` parser on any body (seed corpus: `../tests/fixtures/nova_poshta`).
#![no_main]
wismo_fuzz::parse_target!(nova_poshta);
