//! Hand-written facts for the InPost ShipX tracking fixtures
//! (`tests/fixtures/inpost/`).

mod common;

use wismo::{Carrier, Category, Status, Substatus, Tracking};

fn body(fixture: &str) -> Vec<u8> {
    common::fixture("inpost", fixture)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    wismo::parse(Carrier::Inpost, &body(fixture)).unwrap()
}

#[test]
fn docs_example_dispatched_by_sender() {
    let ts = parse("docs_example_dispatched.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "612345678901234567890123");
    assert_eq!(t.status, Status::InTransit);
    assert_eq!(t.substatus, Substatus::DroppedOff);
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.events[0].code, "confirmed", "oldest first");
    assert_eq!(t.events[0].status, Status::InfoReceived);
    assert_eq!(t.events[0].reason_code.as_deref(), Some("PPN"));
    assert_eq!(
        t.events[1].time.unwrap().to_string(),
        "2015-09-17T11:28:00+02:00"
    );
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn locker_collected() {
    let t = &parse("locker_collected.json")[0];
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.events.len(), 9);
    assert!(t.events.iter().all(|e| e.mapped));
    let ready = &t.events[7];
    assert_eq!(ready.code, "ready_to_pickup");
    assert_eq!(ready.status, Status::AvailableForPickup);
    assert_eq!(ready.substatus, Substatus::AtLocker);
    assert_eq!(ready.location.name.as_deref(), Some("WAW22A"));
    assert_eq!(t.events[6].status, Status::OutForDelivery);
    assert!(t.events[8].location.is_empty(), "agency null");
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2024-02-08T17:41:12+01:00"
    );
}

#[test]
fn courier_attempt_then_return() {
    let t = &parse("courier_undelivered_returned.json")[0];
    assert_eq!(t.tracking_number, "620000098765432109876543");
    let statuses: Vec<_> = t.events.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            Status::InfoReceived,
            Status::InTransit,
            Status::InTransit,
            Status::OutForDelivery,
            Status::AttemptFailed,
            Status::ReturnToSender
        ]
    );
    assert_eq!(t.status, Status::ReturnToSender);
    assert!(t.delivered_at.is_none());
}

#[test]
fn status_without_history() {
    let t = &parse("created_no_history.json")[0];
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.events[0].code, "created");
    assert_eq!(
        t.events[0].time.unwrap().to_string(),
        "2024-05-02T12:01:44+02:00"
    );
    assert_eq!(t.status, Status::InfoReceived);
    assert_eq!(t.substatus, Substatus::LabelCreated);
}

#[test]
fn errors() {
    let e = wismo::parse(Carrier::Inpost, &body("not_found.json")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "inpost: the carrier answered with an error: resource_not_found: Resource not found."
    );
    assert_eq!(e.classify(), Category::Carrier);
    let e = wismo::parse(
        Carrier::Inpost,
        br#"{"tracking_number":"1","tracking_details":[{"status":"delivered","datetime":"17.09.2015"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "inpost: bad timestamp `17.09.2015` at tracking_details[0].datetime"
    );
    let e = wismo::parse(
        Carrier::Inpost,
        br#"{"tracking_number":"1","tracking_details":[{"status":"delivered"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "inpost: missing field `datetime` at tracking_details[0]"
    );
    assert!(wismo::parse(Carrier::Inpost, b"{}").is_err());
}

#[test]
fn webhook_status_changed() {
    let ts = parse("webhook_status_changed.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "602677439331630337653846");
    assert_eq!(t.events.len(), 1);
    let e = &t.events[0];
    assert_eq!(e.code, "delivered");
    assert_eq!(e.status, Status::Delivered);
    // `event_ts` keeps its wall time and offset.
    assert_eq!(e.time.unwrap().to_string(), "2020-03-20T15:08:42+01:00");
    assert_eq!(t.status, Status::Delivered);
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn webhook_shipment_confirmed_is_label_created() {
    let t = &parse("webhook_shipment_confirmed.json")[0];
    assert_eq!(t.tracking_number, "633300208831612315289193");
    assert_eq!(t.events[0].code, "shipment_confirmed");
    assert_eq!(t.status, Status::InfoReceived);
    assert_eq!(t.substatus, Substatus::LabelCreated);
    assert_eq!(
        t.events[0].time.unwrap().to_string(),
        "2018-07-17T12:57:29+02:00"
    );
}

#[test]
fn webhook_without_tracking_number() {
    // The Polish docs' example sends `tracking_number: null`.
    let t = &parse("webhook_status_changed_no_number.json")[0];
    assert_eq!(t.tracking_number, "");
    assert_eq!(t.status, Status::Delivered);
}

#[test]
fn webhook_errors() {
    // An unknown event name stays unknown, with its name as the code.
    let ts = wismo::parse(
        Carrier::Inpost,
        br#"{"event_ts": "2020-03-20 15:08:42 +0100", "event": "shipment_teleported", "payload": {"shipment_id": 1}}"#,
    )
    .unwrap();
    assert_eq!(ts[0].events[0].code, "shipment_teleported");
    assert!(!ts[0].events[0].mapped);
    // No time, or a bad one: typed errors.
    let err = wismo::parse(Carrier::Inpost, br#"{"event": "shipment_confirmed"}"#).unwrap_err();
    assert_eq!(err.to_string(), "inpost: missing field `event_ts` at $");
    let err = wismo::parse(
        Carrier::Inpost,
        br#"{"event": "shipment_confirmed", "event_ts": "yesterday"}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("yesterday"), "{err}");
}
