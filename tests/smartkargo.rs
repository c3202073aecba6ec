//! Hand-written facts for the SmartKargo tracking fixtures (`tests/fixtures/smartkargo/`).

mod common;

use wismo::{Carrier, Status, Substatus, Tracking};

fn parse(fixture: &str) -> Result<Vec<Tracking>, wismo::Error> {
    wismo::parse(Carrier::Smartkargo, &common::fixture("smartkargo", fixture))
}

#[test]
fn delivered_sample() {
    let ts = parse("delivered.json").unwrap();
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "AXB00006510", "prefix + airWaybill");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.events[0].code, "BKD");
    assert_eq!(t.events[0].substatus, Substatus::LabelCreated);
    assert_eq!(t.events[0].location.name.as_deref(), Some("BOS"));
    // eventDate has no zone: local wall time, no offset.
    let time = t.events[1].time.unwrap();
    assert_eq!(time.to_string(), "2021-01-26T14:30:00");
    assert!(time.offset.is_none());
    assert_eq!(t.events[1].status, Status::Delivered);
    // The carrier's estimate is kept as given (a whole day).
    assert_eq!(
        t.estimated_delivery.unwrap().earliest.to_string(),
        "2021-01-28T00:00:00"
    );
}

#[test]
fn partner_rows_newest_first() {
    let t = &parse("partner_departed.json").unwrap()[0];
    assert_eq!(t.tracking_number, "ABC12345678");
    assert_eq!(t.events.len(), 2);
    // Sorted by time: RCS (14 March) before DEP (15 March).
    assert_eq!(t.events[0].code, "RCS");
    assert_eq!(t.events[0].substatus, Substatus::PickedUp);
    assert_eq!(t.events[0].location.city.as_deref(), Some("Boston"));
    assert_eq!(t.events[0].location.postal_code.as_deref(), Some("02101"));
    assert_eq!(t.events[0].location.country.as_deref(), Some("US"));
    assert_eq!(t.events[1].substatus, Substatus::DepartedFacility);
    assert_eq!(t.status, Status::InTransit);
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2024-03-17T00:00:00");
    assert_eq!(eta.latest.to_string(), "2024-03-17T23:59:59");
}

#[test]
fn dotnet_ticks_and_unlisted_code() {
    let t = &parse("dotnet_ticks.json").unwrap()[0];
    assert_eq!(t.tracking_number, "XIA12316189");
    assert_eq!(t.events.len(), 1);
    let e = &t.events[0];
    assert_eq!(e.code, "PND");
    assert!(!e.mapped, "PND is in neither SmartKargo code list");
    assert_eq!(e.time.unwrap().to_string(), "2026-04-17T23:43:17.657114500");
    assert_eq!(
        t.estimated_delivery.unwrap().earliest.to_string(),
        "2026-04-23T00:00:00"
    );
}

#[test]
fn failed_attempt_then_pickup_point() {
    let t = &parse("pickup_point.json").unwrap()[0];
    assert_eq!(t.tracking_number, "AXB00006511");
    assert_eq!(t.events.len(), 4);
    assert_eq!(t.events[1].status, Status::OutForDelivery);
    assert_eq!(t.events[2].status, Status::AttemptFailed);
    assert_eq!(t.events[3].status, Status::AvailableForPickup);
    assert_eq!(t.status, Status::AvailableForPickup);
    // ETA from the latest row.
    assert_eq!(
        t.estimated_delivery.unwrap().latest.to_string(),
        "2021-01-29T23:59:59"
    );
}

#[test]
fn errors() {
    let e = parse("not_found.json").unwrap_err();
    assert!(matches!(
        e,
        wismo::Error::CarrierError { code: Some(ref c), .. } if c == "NOT_FOUND"
    ));
    assert_eq!(
        e.to_string(),
        "smartkargo: the carrier answered with an error: Tracking information not found"
    );
    let e = parse("unauthorized.json").unwrap_err();
    assert!(matches!(
        e,
        wismo::Error::CarrierError { code: Some(ref c), .. } if c == "401"
    ));
    // A 400 answer is a bare JSON string.
    let e = wismo::parse(Carrier::Smartkargo, br#""Invalid airWaybill""#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "smartkargo: the carrier answered with an error: Invalid airWaybill"
    );
    // Nothing found: an empty array, no tracking.
    assert!(wismo::parse(Carrier::Smartkargo, b"[]").unwrap().is_empty());
    let body = br#"[{"prefix":"AXB","airWaybill":"1","eventType":"DDL"}]"#;
    assert!(matches!(
        wismo::parse(Carrier::Smartkargo, body),
        Err(wismo::Error::MissingField { .. })
    ));
}
