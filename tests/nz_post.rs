//! Hand-written facts for the NZ Post ParcelTrack 3.0 fixtures
//! (`tests/fixtures/nz_post/`).

mod common;

use wismo::{Carrier, Status, Substatus, Tracking};

fn parse_body(body: &[u8]) -> Result<Vec<Tracking>, wismo::Error> {
    wismo::parse(Carrier::NzPost, body)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    parse_body(&common::fixture("nz_post", fixture)).unwrap()
}

#[test]
fn published_acceptance_event() {
    let ts = parse("picked_up.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "00393311680005810444");
    assert_eq!(t.events.len(), 1);
    let e = &t.events[0];
    assert_eq!(e.code, "13");
    assert_eq!(e.status, Status::InTransit);
    assert_eq!(e.substatus, Substatus::PickedUp);
    assert_eq!(
        e.description,
        "Your item was picked up by our courier based at Penrose."
    );
    // Local NZ time, no offset sent: none invented.
    let time = e.time.unwrap();
    assert_eq!(time.offset, None);
    assert_eq!(time.to_string(), "2015-06-24T10:05:13");
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn delivered_newest_first_and_numeric_code() {
    let ts = parse("delivered_signed.json");
    let t = &ts[0];
    assert_eq!(t.tracking_number, "00393311680009990001");
    assert_eq!(t.events.len(), 4);
    // Sent newest first; sorted oldest first. The first event's code is a
    // JSON number.
    assert_eq!(t.events[0].code, "13");
    assert_eq!(t.events[2].status, Status::OutForDelivery);
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.delivered_at.unwrap().to_string(), "2024-05-15T13:42:10");
}

#[test]
fn return_to_sender() {
    let ts = parse("return_to_sender.json");
    let t = &ts[0];
    assert_eq!(t.events.len(), 3);
    assert_eq!(t.status, Status::ReturnToSender);
    assert_eq!(t.events[2].code, "578");
    assert!(t.delivered_at.is_none());
}

#[test]
fn errors() {
    let body = common::fixture("nz_post", "invalid_parameter.json");
    let e = parse_body(&body).unwrap_err();
    assert_eq!(
        e.to_string(),
        "nz_post: the carrier answered with an error: 400002: Invalid parameter(s) (tracking_reference)"
    );
    let e = parse_body(
        br#"{"success": false, "errors": [{"code": "500002", "message": "System(s) offline"}]}"#,
    )
    .unwrap_err();
    assert!(e.to_string().contains("500002: System(s) offline"), "{e}");
    let e = parse_body(br#"{"success": true}"#).unwrap_err();
    assert!(e.to_string().contains("`results`"), "{e}");
    let e = parse_body(
        br#"{"success": true, "results": {"tracking_reference": "X", "tracking_events": [
            {"event_edifact_code": "22", "event_datetime": "15/05/2024 13:42"}]}}"#,
    )
    .unwrap_err();
    assert!(matches!(e, wismo::Error::Timestamp { .. }), "{e}");
    assert!(
        e.to_string().contains("tracking_events[0].event_datetime"),
        "{e}"
    );
}
