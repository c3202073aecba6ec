//! The `parcel_one` parser on any body (seed corpus: `../tests/fixtures/parcel_one`).
#![no_main]
wismo_fuzz::parse_target!(parcel_one);
