//! Hand-written facts for the Bring Tracking API v2 and Event Cast webhook
//! fixtures (`tests/fixtures/bring/`).

mod common;

use wismo::{Carrier, Category, EtaHint, Status, Substatus, Tracking};

const C: Carrier = Carrier::Bring;

fn fixture(name: &str) -> Vec<u8> {
    common::fixture("bring", name)
}

fn parse(name: &str) -> Vec<Tracking> {
    wismo::parse(C, &fixture(name)).unwrap()
}

#[test]
fn delivered_package() {
    let ts = parse("delivered.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "TESTPACKAGEDELIVERED");
    assert_eq!(t.events.len(), 3);
    let codes: Vec<_> = t.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        ["IN_TRANSIT", "TRANSPORT_TO_RECIPIENT", "DELIVERED"],
        "oldest first"
    );
    assert_eq!(t.events[1].status, Status::OutForDelivery);
    assert_eq!(t.events[1].location.city.as_deref(), Some("OSLO"));
    assert_eq!(t.events[1].location.postal_code.as_deref(), Some("0001"));
    assert_eq!(t.events[1].location.country.as_deref(), Some("NO"));
    // Empty strings in the body are no location.
    assert!(t.events[2].location.is_empty());
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2010-09-30T17:45:25+02:00"
    );
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn waiting_at_pickup_point() {
    let t = &parse("waiting_at_pup.json")[0];
    assert_eq!(t.tracking_number, "TESTPACKAGEATPICKUPPOINT");
    assert_eq!(t.events.len(), 2);
    let last = t.events.last().unwrap();
    assert_eq!(last.code, "READY_FOR_PICKUP");
    assert_eq!(last.eta, EtaHint::AwaitingRecipient);
    assert_eq!(last.location.city.as_deref(), Some("LØTEN"));
    assert_eq!(t.status, Status::AvailableForPickup);
    assert_eq!(t.substatus, Substatus::AtPickupPoint);
    // dateOfEstimatedDelivery is "" here: no ETA.
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn loaded_for_delivery_with_eta_window() {
    let t = &parse("loaded_with_eta.json")[0];
    assert_eq!(t.tracking_number, "TESTPARCELWITHETA");
    assert_eq!(t.status, Status::OutForDelivery);
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2021-04-20T08:00:00");
    assert_eq!(eta.latest.to_string(), "2021-04-20T16:00:00");
    assert!(eta.earliest.offset.is_none());
}

#[test]
fn expected_pickup_point_and_pre_notified() {
    let t = &parse("expected_pickup_point.json")[0];
    assert_eq!(t.events.len(), 6);
    assert_eq!(t.events[0].status, Status::InfoReceived);
    assert!(t.events[1..].iter().all(|e| e.status == Status::InTransit));
    assert_eq!(t.status, Status::InTransit);
    // A time span without a date is no estimate.
    assert!(t.estimated_delivery.is_none());

    let t = &parse("notification_received.json")[0];
    assert_eq!(t.tracking_number, "TESTPACKAGEEDI");
    assert_eq!(t.status, Status::InfoReceived);
    assert_eq!(t.substatus, Substatus::LabelCreated);
}

#[test]
fn event_cast_webhooks() {
    let ts = parse("event_cast_in_transit.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "TESTPACKAGEDELIVERED");
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.events[0].code, "IN_TRANSIT");
    // Event Cast times are UTC with a colon-less offset.
    let time = t.events[0].time.unwrap();
    assert_eq!(time.to_string(), "2019-03-16T14:58:48+00:00");
    assert_eq!(t.status, Status::InTransit);

    let t = &parse("event_cast_attempted_delivery.json")[0];
    assert_eq!(t.tracking_number, "370438101015432117");
    assert_eq!(t.status, Status::AttemptFailed);
}

#[test]
fn consignment_errors() {
    let e = wismo::parse(C, &fixture("not_found.json")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "bring: the carrier answered with an error: 404: No shipments found"
    );
    assert_eq!(e.classify(), Category::Carrier);
    let e = wismo::parse(C, &fixture("service_unavailable.json")).unwrap_err();
    let wismo::Error::CarrierError { code, .. } = &e else {
        panic!("{e}")
    };
    assert_eq!(code.as_deref(), Some("503"));
}

#[test]
fn unknown_status_and_bad_input() {
    let body = br#"{"consignmentSet":[{"packageSet":[{"packageNumber":"P1","eventSet":[
        {"status":"SOMETHING_NEW","description":"new","dateIso":"2024-01-02T10:00:00+01:00"}]}]}]}"#;
    let t = &wismo::parse(C, body).unwrap()[0];
    assert!(!t.events[0].mapped);
    assert_eq!(t.events[0].code, "SOMETHING_NEW");
    assert_eq!(t.status, Status::Unknown);

    let e = wismo::parse(
        C,
        br#"{"consignmentSet":[{"packageSet":[{"packageNumber":"P1","eventSet":[{"status":"DELIVERED","dateIso":"30.09.2010"}]}]}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "bring: bad timestamp `30.09.2010` at $.consignmentSet[0].packageSet[0].eventSet[0].dateIso"
    );
    let e = wismo::parse(
        C,
        br#"{"status":"DELIVERED","created":"2019-03-16T14:58:48+0000"}"#,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "bring: missing field `package` at $");
    assert!(wismo::parse(C, b"{}").is_err());
}
