//! Hand-written facts for the Amazon Shipping v2 getTracking fixtures
//! (`tests/fixtures/amazon_shipping/`).

mod common;

use wismo::{Carrier, Category, Reason, Status, Substatus, Tracking};

fn body(fixture: &str) -> Vec<u8> {
    common::fixture("amazon_shipping", fixture)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    wismo::parse(Carrier::AmazonShipping, &body(fixture)).unwrap()
}

#[test]
fn spec_example_return_leg_delivered_back() {
    let ts = parse("spec_example_returned.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "23AA47DE2B3B6");
    assert_eq!(t.events.len(), 3);
    // Forward leg ended Undeliverable; its details Rejected,Damaged refine it.
    let first = &t.events[0];
    assert_eq!(first.code, "Undeliverable");
    assert_eq!(first.reason_code.as_deref(), Some("Rejected,Damaged"));
    assert_eq!(first.status, Status::Exception);
    assert_eq!(first.substatus, Substatus::Damaged);
    assert_eq!(first.reason, Some(Reason::DamagedInTransit));
    assert_eq!(
        first.time.unwrap().to_string(),
        "2024-02-11T07:09:05.513+00:00"
    );
    assert_eq!(t.events[1].status, Status::ReturnToSender);
    // The return leg's Delivered is the arrival back at the shipper.
    assert_eq!(t.events[2].code, "Delivered");
    assert_eq!(t.events[2].reason_code.as_deref(), Some("Signed"));
    assert_eq!(t.status, Status::ReturnToSender);
    assert_eq!(t.substatus, Substatus::ReturnedToShipper);
    assert!(t.delivered_at.is_none());
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2024-02-12T13:09:05.513+00:00");
}

#[test]
fn delivered_signed_with_unknown_code() {
    let t = &parse("delivered_signed.json")[0];
    assert_eq!(t.tracking_number, "89108749065090");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.substatus, Substatus::SignedFor);
    assert_eq!(t.events.len(), 3);
    // InTransit is a summary status, not an EventCode: kept, unmapped.
    assert_eq!(t.events[0].code, "InTransit");
    assert!(!t.events[0].mapped);
    assert_eq!(t.events[0].location.city.as_deref(), Some("Portland"));
    assert_eq!(t.events[1].status, Status::OutForDelivery);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2024-01-17T14:30:00+00:00"
    );
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.latest.to_string(), "2024-01-17T20:00:00+00:00");
}

#[test]
fn payload_wrapper_and_attempt_detail() {
    let t = &parse("attempted_customer_unavailable.json")[0];
    assert_eq!(t.tracking_number, "TBA304783958000");
    assert_eq!(t.events.len(), 5);
    let statuses: Vec<_> = t.events.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            Status::InfoReceived,
            Status::InTransit,
            Status::InTransit,
            Status::OutForDelivery,
            Status::AttemptFailed
        ]
    );
    assert_eq!(t.status, Status::AttemptFailed);
    assert_eq!(t.substatus, Substatus::RecipientAbsent);
    assert_eq!(
        t.events[4].reason_code.as_deref(),
        Some("CustomerUnavailable")
    );
    assert_eq!(t.events[4].reason, Some(Reason::RecipientAbsent));
}

#[test]
fn summary_without_history() {
    let t = &parse("summary_only_awaiting_pickup.json")[0];
    assert_eq!(t.events.len(), 1);
    assert!(t.events[0].time.is_none(), "the summary has no time");
    assert_eq!(
        t.events[0].mapping_key.as_deref(),
        Some("status/AwaitingCustomerPickup")
    );
    assert_eq!(t.status, Status::AvailableForPickup);
}

#[test]
fn errors() {
    let e = wismo::parse(Carrier::AmazonShipping, &body("invalid_tracking_id.json")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "amazon_shipping: the carrier answered with an error: InvalidTrackingId: The tracking ID provided is not valid (Tracking ID not found)"
    );
    assert_eq!(e.classify(), Category::Carrier);
    let e = wismo::parse(Carrier::AmazonShipping, &body("invalid_request.json")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "amazon_shipping: the carrier answered with an error: InvalidRequest: Request is missing or has invalid parameters (CarrierId is missing in the request)"
    );
    let e = wismo::parse(
        Carrier::AmazonShipping,
        br#"{"payload":{"trackingId":"X","eventHistory":[{"eventCode":"Delivered","eventTime":"yesterday"}]}}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "amazon_shipping: bad timestamp `yesterday` at payload.eventHistory[0].eventTime"
    );
    let e = wismo::parse(Carrier::AmazonShipping, br#"{"payload":{}}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "amazon_shipping: missing field `trackingId` at payload"
    );
}
