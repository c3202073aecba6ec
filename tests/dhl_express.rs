//! Hand-written facts for the MyDHL API (DHL Express) tracking fixtures
//! (`tests/fixtures/dhl_express/`).

mod common;

use wismo::{Carrier, Category, Reason, Status, Substatus, Tracking};

const C: Carrier = Carrier::DhlExpress;

fn fixture(name: &str) -> Vec<u8> {
    common::fixture("dhl_express", name)
}

fn parse(name: &str) -> Vec<Tracking> {
    wismo::parse(C, &fixture(name)).unwrap()
}

#[test]
fn spec_example_delivered_with_customs_and_pieces() {
    let ts = parse("spec_example.json");
    // The shipment, then its one piece with its own events.
    assert_eq!(ts.len(), 2);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "1234567890");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.events.len(), 13);
    assert!(t.events.iter().all(|e| e.mapped));
    assert_eq!(t.events[0].code, "PU");
    assert_eq!(t.events[0].substatus, Substatus::PickedUp);
    let rr: Vec<_> = t.events.iter().filter(|e| e.code == "RR").collect();
    assert_eq!(rr.len(), 2);
    assert!(rr
        .iter()
        .all(|e| e.substatus == Substatus::CustomsProcessing));
    let cr = t.events.iter().find(|e| e.code == "CR").unwrap();
    assert_eq!(cr.substatus, Substatus::CustomsCleared);
    let wc = t.events.iter().find(|e| e.code == "WC").unwrap();
    assert_eq!(wc.status, Status::OutForDelivery);
    // No GMTOffset in DHL's example: local time, no offset invented.
    let ok = t.events.last().unwrap();
    assert_eq!(ok.code, "OK");
    assert_eq!(ok.description, "Delivered : ALBY H");
    assert!(ok.time.unwrap().offset.is_none());
    assert_eq!(t.delivered_at.unwrap().to_string(), "2023-08-10T11:59:23");
    assert_eq!(ok.location.city.as_deref(), Some("AUCKLAND"));
    assert_eq!(ok.location.country.as_deref(), Some("NZ"));
    // estimatedDeliveryDate is DHL's estimate (a date-time), kept as given.
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2023-08-11T23:59:00");
    assert_eq!(eta.latest, eta.earliest);

    let piece = &ts[1];
    assert_eq!(piece.tracking_number, "JD012345678901234567");
    assert_eq!(piece.events.len(), 10);
    assert_eq!(piece.status, Status::Delivered);
}

#[test]
fn newest_first_events_are_ordered_by_time_with_offsets() {
    let ts = parse("newest_first_with_offsets.json");
    let t = &ts[0];
    assert_eq!(t.tracking_number, "1234567890");
    assert_eq!(t.events.len(), 3);
    let codes: Vec<_> = t.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["PU", "PL", "OK"], "sorted by time, not position");
    assert_eq!(
        t.events[0].time.unwrap().to_string(),
        "2024-11-05T10:00:00+01:00"
    );
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2024-11-07T18:00:00+00:00"
    );
    // karrio's sample carries estimatedTimeOfDelivery.
    assert_eq!(
        t.estimated_delivery.unwrap().earliest.to_string(),
        "2024-11-07T18:00:00"
    );
    assert_eq!(ts[1].tracking_number, "JD014600001234567890");
    assert_eq!(ts[1].events.len(), 1);
}

#[test]
fn failed_attempt_then_awaiting_collection() {
    let t = &parse("failed_attempt_then_pickup.json")[0];
    assert_eq!(t.tracking_number, "5786694550");
    assert_eq!(t.events.len(), 7);
    let statuses: Vec<_> = t.events.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            Status::InTransit,
            Status::InTransit,
            Status::InTransit,
            Status::InTransit,
            Status::OutForDelivery,
            Status::AttemptFailed,
            Status::AvailableForPickup,
        ]
    );
    // DF at 22:40 UTC comes before CR at 23:58+01:00 (22:58 UTC).
    assert_eq!(t.events[1].code, "DF");
    assert_eq!(t.events[2].code, "CR");
    let nh = &t.events[5];
    assert_eq!(nh.code, "NH");
    assert_eq!(nh.reason, Some(Reason::RecipientAbsent));
    assert_eq!(nh.time.unwrap().offset.unwrap().local_minus_utc(), 3600);
    assert_eq!(t.status, Status::AvailableForPickup);
    assert!(t.delivered_at.is_none());
    // Date-only estimate: the whole day.
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2024-03-12T00:00:00");
    assert_eq!(eta.latest.to_string(), "2024-03-12T23:59:59");
}

#[test]
fn problem_answers_are_carrier_errors() {
    let e = wismo::parse(C, &fixture("not_found.json")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "dhl_express: the carrier answered with an error: Not data found: No data found"
    );
    assert_eq!(e.classify(), Category::Carrier);
    let wismo::Error::CarrierError { code, .. } = e else {
        panic!()
    };
    assert_eq!(code.as_deref(), Some("404"));
    let e = wismo::parse(C, &fixture("error_numeric_status.json")).unwrap_err();
    let wismo::Error::CarrierError { code, .. } = &e else {
        panic!()
    };
    assert_eq!(code.as_deref(), Some("404"));
}

#[test]
fn time_frame_unknown_codes_and_bad_input() {
    let body = br#"{"shipments":[{"shipmentTrackingNumber":"1","events":[
        {"date":"2024-01-02","time":"10:00:00","typeCode":"ZZ","description":"new code"}],
        "estimatedDeliveryTimeFrame":{"estimatedFrom":"2024-01-03T09:00:00+01:00","estimatedThrough":"2024-01-03T12:00:00+01:00"}}]}"#;
    let t = &wismo::parse(C, body).unwrap()[0];
    assert!(!t.events[0].mapped);
    assert_eq!(t.events[0].code, "ZZ");
    assert_eq!(t.status, Status::Unknown);
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2024-01-03T09:00:00+01:00");
    assert_eq!(eta.latest.to_string(), "2024-01-03T12:00:00+01:00");

    let e = wismo::parse(
        C,
        br#"{"shipments":[{"shipmentTrackingNumber":"1","events":[{"date":"2024-13-02","time":"10:00:00"}]}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "dhl_express: bad timestamp `2024-13-02` at shipments[0].events[0].date"
    );
    let e = wismo::parse(C, br#"{"shipments":[{"events":[]}]}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "dhl_express: missing field `shipmentTrackingNumber` at shipments[0]"
    );
    let e = wismo::parse(
        C,
        br#"{"shipments":[{"shipmentTrackingNumber":"1","events":[{"date":"2024-01-02","time":"10:00:00","GMTOffset":"CET"}]}]}"#,
    )
    .unwrap_err();
    assert_eq!(e.classify(), Category::Data);
}
