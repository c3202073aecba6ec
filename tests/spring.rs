//! Hand-written facts for the Spring tracking fixtures (`tests/fixtures/spring/`).

mod common;

use wismo::{Carrier, Status, Substatus, Tracking};

fn parse(fixture: &str) -> Result<Vec<Tracking>, wismo::Error> {
    wismo::parse(Carrier::Spring, &common::fixture("spring", fixture))
}

#[test]
fn delivered_sample() {
    let ts = parse("delivered.json").unwrap();
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "LX210720682NL");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.events.len(), 2);
    let ofd = &t.events[0];
    assert_eq!(ofd.code, "9301", "integer code read in decimal");
    assert_eq!(ofd.status, Status::OutForDelivery);
    assert_eq!(ofd.reason_code.as_deref(), Some("CC202"));
    // DateTime has no zone: local wall time, no offset (Timestamp is not used).
    let time = ofd.time.unwrap();
    assert_eq!(time.to_string(), "2024-01-07T07:38:45");
    assert!(time.offset.is_none());
    assert_eq!(ofd.location.city.as_deref(), Some("TORONTO"));
    assert_eq!(ofd.location.country.as_deref(), Some("CA"));
    assert_eq!(t.events[1].code, "100");
    assert_eq!(t.events[1].description, "DELIVERED (stc)");
    assert_eq!(t.delivered_at.unwrap().to_string(), "2024-01-07T10:19:48");
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn accepted_then_delivered() {
    let t = &parse("accepted_delivered.json").unwrap()[0];
    assert_eq!(t.tracking_number, "LXAB00000000NL");
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.events[0].code, "20");
    assert_eq!(t.events[0].substatus, Substatus::PickedUp);
    assert_eq!(t.events[0].location.postal_code.as_deref(), Some("1012AB"));
    assert_eq!(t.status, Status::Delivered);
}

#[test]
fn failed_attempt_then_return_and_unknown_code() {
    let t = &parse("return.json").unwrap()[0];
    assert_eq!(t.tracking_number, "LX210720699NL");
    assert_eq!(t.events.len(), 5);
    assert_eq!(t.events[1].status, Status::AttemptFailed);
    assert_eq!(t.events[1].description, "DELIVERY ATTEMPTED (NOTICE LEFT)");
    assert_eq!(t.events[2].status, Status::AvailableForPickup);
    assert_eq!(t.events[3].status, Status::ReturnToSender);
    assert_eq!(t.events[3].substatus, Substatus::NotCollected);
    let unknown = &t.events[4];
    assert_eq!(unknown.code, "9999");
    assert!(!unknown.mapped);
    assert_eq!(unknown.status, Status::Unknown);
    assert_eq!(unknown.description, "STATUS UPDATE");
    assert_eq!(t.status, Status::ReturnToSender);
}

#[test]
fn error_levels() {
    let e = parse("invalid_api_key.json").unwrap_err();
    assert_eq!(
        e.to_string(),
        "spring: the carrier answered with an error: Invalid API key or unauthorized access"
    );
    assert!(matches!(
        e,
        wismo::Error::CarrierError { code: Some(ref c), .. } if c == "10"
    ));
    let e = parse("not_found.json").unwrap_err();
    assert_eq!(
        e.to_string(),
        "spring: the carrier answered with an error: Tracking number not found"
    );
}

#[test]
fn timestamp_used_only_without_date_time() {
    let body = br#"{"ErrorLevel":0,"Shipment":{"TrackingNumber":"X1","Events":[{"Timestamp":1704631125,"Code":21}]}}"#;
    let t = &wismo::parse(Carrier::Spring, body).unwrap()[0];
    assert_eq!(
        t.events[0].time.unwrap().to_string(),
        "2024-01-07T12:38:45+00:00"
    );
    let body = br#"{"ErrorLevel":0,"Shipment":{"TrackingNumber":"X1","Events":[{"Code":21}]}}"#;
    assert!(matches!(
        wismo::parse(Carrier::Spring, body),
        Err(wismo::Error::MissingField { .. })
    ));
    let body = br#"{"ErrorLevel":0,"Shipment":{"TrackingNumber":"X1","Events":[{"DateTime":"soon","Code":21}]}}"#;
    assert!(matches!(
        wismo::parse(Carrier::Spring, body),
        Err(wismo::Error::Timestamp { .. })
    ));
}
