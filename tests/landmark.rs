//! Hand-written facts for the Landmark Global Track API fixtures
//! (`tests/fixtures/landmark/`).

mod common;

use wismo::{Carrier, Category, Status, Substatus, Tracking};

const C: Carrier = Carrier::Landmark;

fn fixture(name: &str) -> Vec<u8> {
    common::fixture("landmark", name)
}

fn parse(name: &str) -> Vec<Tracking> {
    wismo::parse(C, &fixture(name)).unwrap()
}

#[test]
fn spec_example_delivered() {
    let ts = parse("spec_example.xml");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    // The Landmark number, not the last-mile carrier's TrackingNumber.
    assert_eq!(t.tracking_number, "LTN123121");
    assert_eq!(t.events.len(), 1);
    let e = &t.events[0];
    assert_eq!(e.code, "500");
    assert_eq!(e.description, "Delivered");
    assert_eq!(e.location.city.as_deref(), Some("Windsor"));
    assert_eq!(e.location.name.as_deref(), Some("Windsor, ON"));
    // America/Chicago wall time, kept without an offset.
    let time = e.time.unwrap();
    assert_eq!(time.to_string(), "2019-01-01T13:21:45");
    assert!(time.offset.is_none());
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.delivered_at.unwrap().to_string(), "2019-01-01T13:21:45");
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn historical_delivered_via_bpost() {
    let t = &parse("delivered_bpost.xml")[0];
    assert_eq!(t.tracking_number, "LTN408798880N1");
    assert_eq!(t.events.len(), 16);
    assert!(t.events.iter().all(|e| e.mapped));
    assert_eq!(t.events[0].code, "50");
    assert_eq!(t.events[0].status, Status::InfoReceived);
    let customs = t.events.iter().find(|e| e.code == "125").unwrap();
    assert_eq!(customs.substatus, Substatus::CustomsCleared);
    // Events just after midnight stay in order.
    assert_eq!(
        t.events[13].time.unwrap().to_string(),
        "2025-11-03T00:35:00"
    );
    let last = t.events.last().unwrap();
    assert_eq!(last.code, "500");
    assert!(last.location.name.is_some());
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.delivered_at.unwrap().to_string(), "2025-11-03T07:14:00");
}

#[test]
fn attempted_then_failed_delivery() {
    let t = &parse("delivery_failed.xml")[0];
    assert_eq!(t.tracking_number, "LTN49678120N4");
    assert_eq!(t.events.len(), 5);
    let attempt = t.events.iter().find(|e| e.code == "400").unwrap();
    assert_eq!(attempt.status, Status::AttemptFailed);
    // 12-hour clock with AM/PM read right.
    assert_eq!(
        t.events.last().unwrap().time.unwrap().to_string(),
        "2025-10-03T18:00:00"
    );
    assert_eq!(t.events.last().unwrap().code, "900");
    assert_eq!(t.status, Status::Exception);
    assert!(t.delivered_at.is_none());
}

#[test]
fn latest_status_without_event_code_is_read_from_its_text() {
    let t = &parse("latest_status_only.xml")[0];
    assert_eq!(t.events.len(), 1);
    let e = &t.events[0];
    assert_eq!(e.code, "");
    assert!(!e.mapped);
    assert_eq!(e.description, "Item available for pickup");
    // No code to look up: the classifier reads the text.
    assert!(e.classified);
    assert_eq!(t.status, Status::AvailableForPickup);
}

#[test]
fn errors() {
    let e = wismo::parse(C, &fixture("error_login.xml")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "landmark: the carrier answered with an error: Login: The username/password combination provided is invalid."
    );
    assert_eq!(e.classify(), Category::Carrier);

    let e = wismo::parse(
        C,
        b"<TrackResponse><Result><Packages><Package><LandmarkTrackingNumber>L1</LandmarkTrackingNumber><Events><Event><Status>x</Status><DateTime>2019-02-30 10:00:00</DateTime></Event></Events></Package></Packages></Result></TrackResponse>",
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "landmark: bad timestamp `2019-02-30 10:00:00` at /TrackResponse/Result/Packages/Package[1]/Events/Event[1]/DateTime"
    );
    assert_eq!(
        wismo::parse(C, b"<Other/>").unwrap_err().classify(),
        Category::Data
    );
    assert_eq!(
        wismo::parse(C, b"<TrackResponse><Result>")
            .unwrap_err()
            .classify(),
        Category::Syntax
    );
}
