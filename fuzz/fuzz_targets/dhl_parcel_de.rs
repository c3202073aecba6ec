//! The `dhl_parcel_de` parser on any body (seed corpus: `../tests/fixtures/dhl_parcel_de`).
#![no_main]
wismo_fuzz::parse_target!(dhl_parcel_de);
