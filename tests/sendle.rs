//! Hand-written facts for the Sendle tracking fixtures (`tests/fixtures/sendle/`).

mod common;

use wismo::{Carrier, Category, Reason, Status, Substatus, Tracking};

fn body(fixture: &str) -> Vec<u8> {
    common::fixture("sendle", fixture)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    wismo::parse(Carrier::Sendle, &body(fixture)).unwrap()
}

#[test]
fn delivered_with_mixed_display_times() {
    let ts = parse("delivered.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(
        t.tracking_number, "",
        "Sendle's answer does not repeat the reference"
    );
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.events.len(), 9);
    assert_eq!(t.events[0].code, "Pickup Attempted");
    assert_eq!(t.events[0].status, Status::InfoReceived);
    assert_eq!(
        t.events[0].description,
        "We attempted to pick up the parcel but were unsuccessful: Parcel not ready"
    );
    assert_eq!(t.events[1].status, Status::InTransit);
    assert_eq!(t.events[1].substatus, Substatus::PickedUp);
    // display_time with a local offset …
    assert_eq!(
        t.events[2].time.unwrap().to_string(),
        "2023-04-04T16:55:00-04:00"
    );
    // … and with Z, kept as UTC.
    assert_eq!(
        t.events[3].time.unwrap().to_string(),
        "2023-04-04T22:43:00+00:00"
    );
    assert_eq!(t.events[7].status, Status::OutForDelivery);
    assert_eq!(t.events[8].location.name.as_deref(), Some("NEW YORK, NY"));
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2023-04-05T14:56:00-04:00"
    );
    // delivered_on is the actual date, not an estimate.
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn card_left_with_estimated_window() {
    let t = &parse("card_left.json")[0];
    assert_eq!(t.status, Status::AttemptFailed);
    assert_eq!(t.substatus, Substatus::NoticeLeft);
    assert_eq!(t.events.len(), 4);
    let last = &t.events[3];
    assert_eq!(last.reason, Some(Reason::RecipientAbsent));
    assert!(last.description.ends_with(": No one home"));
    assert_eq!(last.time.unwrap().to_string(), "2023-06-14T11:37:00+10:00");
    assert_eq!(t.events[0].location.city.as_deref(), Some("Sydney"));
    assert_eq!(t.events[0].location.postal_code.as_deref(), Some("2000"));
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2023-06-14T00:00:00");
    assert_eq!(eta.latest.to_string(), "2023-06-16T23:59:59");
}

#[test]
fn webhook_payload_is_one_event() {
    let ts = parse("webhook_dropped_off.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "SAMPLE1");
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.events[0].code, "Dropped off");
    assert_eq!(t.status, Status::InTransit);
    assert_eq!(t.substatus, Substatus::DroppedOff);
    assert_eq!(
        t.events[0].time.unwrap().to_string(),
        "2026-05-25T21:21:05+00:00"
    );
    assert_eq!(t.events[0].location.city.as_deref(), Some("Eugene"));
}

#[test]
fn errors() {
    let e = wismo::parse(Carrier::Sendle, &body("not_found.json")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "sendle: the carrier answered with an error: not_found: The resource you requested was not found. Please check the URI and try again."
    );
    assert_eq!(e.classify(), Category::Carrier);
    let e = wismo::parse(
        Carrier::Sendle,
        br#"{"tracking_events":[{"event_type":"Pickup","display_time":"04/04/2023"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "sendle: bad timestamp `04/04/2023` at tracking_events[0].display_time"
    );
    let e = wismo::parse(
        Carrier::Sendle,
        br#"{"tracking_events":[{"event_type":"Pickup"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "sendle: missing field `scan_time` at tracking_events[0]"
    );
    assert!(wismo::parse(Carrier::Sendle, b"{}").is_err());
    assert!(wismo::parse(Carrier::Sendle, b"[]").is_err());
}
