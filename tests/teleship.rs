//! Hand-written facts for the Teleship tracking fixtures (`tests/fixtures/teleship/`).

mod common;

use wismo::{Carrier, Status, Substatus, Tracking};

fn parse(fixture: &str) -> Result<Vec<Tracking>, wismo::Error> {
    wismo::parse(Carrier::Teleship, &common::fixture("teleship", fixture))
}

#[test]
fn in_transit_sample() {
    let ts = parse("in_transit.json").unwrap();
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "TELE987654321GB");
    assert_eq!(t.status, Status::InTransit);
    assert_eq!(t.events.len(), 4);
    assert_eq!(t.events[0].code, "picked_up");
    assert_eq!(t.events[0].substatus, Substatus::PickedUp);
    assert_eq!(
        t.events[0].time.unwrap().to_string(),
        "2025-11-03T10:00:00+00:00"
    );
    assert_eq!(
        t.events[1].location.name.as_deref(),
        Some("Heathrow Airport, GB")
    );
    // estimatedDelivery is a date-time: a point window, UTC kept.
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2025-11-10T18:00:00+00:00");
    assert_eq!(eta.latest.to_string(), "2025-11-10T18:00:00+00:00");
}

#[test]
fn delivered() {
    let t = &parse("delivered.json").unwrap()[0];
    assert_eq!(t.tracking_number, "TELE987654322GB");
    assert_eq!(t.events.len(), 5);
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2025-11-06T16:45:00+00:00"
    );
    assert_eq!(
        t.estimated_delivery.unwrap().latest.to_string(),
        "2025-11-10T18:00:00+00:00"
    );
}

#[test]
fn codes_outside_the_enum_and_date_only_eta() {
    let t = &parse("karrio_in_transit.json").unwrap()[0];
    assert_eq!(t.tracking_number, "TELESHIP12345678901");
    assert_eq!(t.events.len(), 5);
    for i in [0, 1, 3] {
        assert!(!t.events[i].mapped, "{}", t.events[i].code);
    }
    assert_eq!(t.events[0].code, "collected");
    assert_eq!(t.events[3].code, "customs_cleared");
    assert_eq!(t.events[3].description, "Cleared customs");
    assert!(t.events[2].mapped);
    assert_eq!(t.events[2].status, Status::InTransit);
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2025-01-20T00:00:00");
    assert_eq!(eta.latest.to_string(), "2025-01-20T23:59:59");
}

#[test]
fn error_messages() {
    let e = parse("not_found.json").unwrap_err();
    assert!(matches!(
        e,
        wismo::Error::CarrierError { code: Some(ref c), .. } if c == "404"
    ));
    assert_eq!(
        e.to_string(),
        "teleship: the carrier answered with an error: Tracking number not found; \
         No shipment found with tracking number: TELESHIP12345678901; \
         Please verify the tracking number is correct"
    );
    let e = parse("bad_request.json").unwrap_err();
    assert_eq!(
        e.to_string(),
        "teleship: the carrier answered with an error: Bad Request; \
         shipTo.address.postcode is required; weight.value must be greater than 0"
    );
}

#[test]
fn missing_fields() {
    let body = br#"{"trackingNumber":"T1","events":[{"code":"delivered"}]}"#;
    assert!(matches!(
        wismo::parse(Carrier::Teleship, body),
        Err(wismo::Error::MissingField { .. })
    ));
    let body = br#"{"events":[]}"#;
    assert!(matches!(
        wismo::parse(Carrier::Teleship, body),
        Err(wismo::Error::MissingField { .. })
    ));
}
