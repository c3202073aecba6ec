//! The `ukrposhta` parser on any body (seed corpus: `../tests/fixtures/ukrposhta`).
#![no_main]
wismo_fuzz::parse_target!(ukrposhta);
