//! Hand-written facts for the Ninja Van webhook fixtures
//! (`tests/fixtures/ninja_van/`).

mod common;

use wismo::{Carrier, Status, Substatus, Tracking};

fn parse(fixture: &str) -> Vec<Tracking> {
    wismo::parse(Carrier::NinjaVan, &common::fixture("ninja_van", fixture)).unwrap()
}

#[test]
fn pending_pickup_stub() {
    let ts = parse("pending_pickup.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "NVSGWISMO0000001");
    assert_eq!(t.events.len(), 1);
    let e = &t.events[0];
    assert_eq!(e.code, "Pending Pickup");
    assert_eq!(e.status, Status::InfoReceived);
    assert_eq!(e.substatus, Substatus::PickupScheduled);
    assert_eq!(e.description, "Pending Pickup");
    // `+0800` (no colon) is kept as the offset.
    assert_eq!(e.time.unwrap().to_string(), "2022-08-05T15:01:45+08:00");
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn delivered_left_at_doorstep() {
    let ts = parse("delivered_left_at_doorstep.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "NVSGWISMO0000002");
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.status, Status::Delivered);
    let e = &t.events[0];
    assert_eq!(e.substatus, Substatus::DeliveredToSafePlace);
    assert_eq!(e.description, "Left at doorstep as requested");
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2017-09-21T10:57:14+08:00"
    );
}

#[test]
fn stored_bodies_failed_attempt_then_return() {
    let ts = parse("stored_failed_attempt_return.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "NVMYWISMO0000003");
    assert_eq!(t.events.len(), 8);
    assert_eq!(t.status, Status::ReturnToSender);
    // Sorted by time: the measurements update came in before the hub scan.
    assert_eq!(t.events[2].code, "Arrived at Origin Hub");
    let m = &t.events[3];
    assert_eq!(m.code, "Parcel Measurements Update");
    assert_eq!(m.status, Status::Unknown);
    let failed = &t.events[5];
    assert_eq!(failed.status, Status::AttemptFailed);
    assert_eq!(failed.description, "Recipient not at home");
    assert_eq!(
        failed.time.unwrap().to_string(),
        "2022-08-08T16:47:55+08:00"
    );
    assert_eq!(t.events[7].substatus, Substatus::ReturnedToShipper);
    assert!(t.delivered_at.is_none());
}

#[test]
fn missing_tracking_id_and_bad_time() {
    let body = common::fixture("ninja_van", "missing_tracking_id.json");
    let e = wismo::parse(Carrier::NinjaVan, &body).unwrap_err();
    assert_eq!(
        e.to_string(),
        "ninja_van: missing field `tracking_id` at $.tracking_id"
    );
    let e = wismo::parse(
        Carrier::NinjaVan,
        br#"[{"tracking_id":"A","status":"Cancelled","timestamp":"2022-08-05T15:01:45+0800"},
             {"tracking_id":"A","status":"Cancelled","timestamp":"21/09/2017"}]"#,
    )
    .unwrap_err();
    assert!(matches!(e, wismo::Error::Timestamp { .. }), "{e}");
    assert!(e.to_string().contains("$[1].timestamp"), "{e}");
    let e = wismo::parse(
        Carrier::NinjaVan,
        br#"{"tracking_id":"A","status":"Cancelled"}"#,
    )
    .unwrap_err();
    assert!(e.to_string().contains("`timestamp`"), "{e}");
}

#[test]
fn local_time_without_offset_keeps_none() {
    let ts = wismo::parse(
        Carrier::NinjaVan,
        br#"{"tracking_id":"A","status":"Cancelled","timestamp":"2022-08-05T15:01:45"}"#,
    )
    .unwrap();
    let time = ts[0].events[0].time.unwrap();
    assert_eq!(time.offset, None);
    assert_eq!(ts[0].status, Status::Cancelled);
}
