//! Hand-written facts for the Ukrposhta status-tracking fixtures
//! (`tests/fixtures/ukrposhta/`).

mod common;

use wismo::{Carrier, Direction, Status, Substatus, Tracking};

fn parse_body(body: &[u8]) -> Result<Vec<Tracking>, wismo::Error> {
    wismo::parse(Carrier::Ukrposhta, body)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    parse_body(&common::fixture("ukrposhta", fixture)).unwrap()
}

#[test]
fn documented_statuses_delivered() {
    let ts = parse("statuses_delivered.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "0500100031143");
    let got: Vec<(&str, Status, Substatus)> = t
        .events
        .iter()
        .map(|e| (e.code.as_str(), e.status, e.substatus))
        .collect();
    use Status::*;
    use Substatus as S;
    assert_eq!(
        got,
        [
            ("10100", InTransit, S::DroppedOff),
            ("20700", InTransit, S::ArrivedAtFacility),
            ("20800", InTransit, S::DepartedFacility),
            ("20700", InTransit, S::ArrivedAtFacility),
            ("20800", InTransit, S::DepartedFacility),
            ("20700", InTransit, S::ArrivedAtFacility),
            ("20800", InTransit, S::DepartedFacility),
            ("21500", InTransit, S::DepartedFacility),
            ("21700", AvailableForPickup, S::AtCarrierFacility),
            ("41000", Delivered, S::Delivered),
        ]
    );
    assert!(t.events.iter().all(|e| e.mapped));
    assert_eq!(t.status, Delivered);
    assert_eq!(t.direction, Direction::Forward);
    // Ukrainian local time, no offset sent.
    let first = t.events[0].time.unwrap();
    assert_eq!(first.offset, None);
    assert_eq!(first.to_string(), "2017-07-27T16:33:00");
    assert_eq!(t.delivered_at.unwrap().to_string(), "2017-07-29T20:24:00");
    assert!(t.estimated_delivery.is_none());
    // eventName plus eventReason; eventReason_id kept as the reason code.
    let last = t.events.last().unwrap();
    assert_eq!(last.description, "Delivery, personally");
    assert_eq!(last.reason_code.as_deref(), Some("2"));
    assert_eq!(t.events[0].description, "Acceptance");
    // The office: name, index, country as sent.
    assert_eq!(last.location.name.as_deref(), Some("DKD ODESSA"));
    assert_eq!(last.location.postal_code.as_deref(), Some("65501"));
    assert_eq!(last.location.country.as_deref(), Some("Ukraine"));
    assert_eq!(last.location.city, None);
}

#[test]
fn documented_last_statuses_of_two_barcodes() {
    let ts = parse("last_batch.json");
    assert_eq!(ts.len(), 2);
    assert_eq!(ts[0].tracking_number, "0500100031143");
    assert_eq!(ts[1].tracking_number, "0500100031135");
    for t in &ts {
        assert_eq!(t.events.len(), 1);
        assert_eq!(t.status, Status::Delivered);
    }
    assert_eq!(
        ts[1].delivered_at.unwrap().to_string(),
        "2017-07-29T20:23:00"
    );
}

#[test]
fn documented_last_status_one_record() {
    let ts = parse("last_accepted.json");
    assert_eq!(ts.len(), 1);
    assert_eq!(ts[0].status, Status::InTransit);
    assert_eq!(ts[0].substatus, Substatus::DroppedOff);
    // The same record as a bare object (how clients read `statuses/last`).
    let bare = br#"{"barcode":"0500100031143","step":3,"date":"2017-07-27T16:33:00","index":"03505","name":"DKD KYIV","event":10100,"eventName":"Acceptance","country":"Ukraine","eventReason":null,"eventReason_id":1,"mailType":1048576,"indexOrder":1}"#;
    let ts2 = parse_body(bare).unwrap();
    assert_eq!(ts2, ts);
}

#[test]
fn failed_attempt_then_return() {
    let ts = parse("failed_attempt_return.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "0500100031151");
    let statuses: Vec<Status> = t.events.iter().map(|e| e.status).collect();
    use Status::*;
    assert_eq!(
        statuses,
        [
            InTransit,
            InTransit,
            AvailableForPickup,
            AttemptFailed,
            AttemptFailed,
            ReturnToSender,
            ReturnToSender,
        ]
    );
    assert_eq!(t.events[3].substatus, Substatus::AttemptFailed);
    assert_eq!(
        t.events[3].description,
        "Not delivered during the delivery run, recipient absent"
    );
    assert_eq!(t.events[3].reason_code.as_deref(), Some("3"));
    assert_eq!(t.status, ReturnToSender);
    assert_eq!(t.substatus, Substatus::ReturnedToShipper);
    assert_eq!(t.direction, Direction::Return);
    assert!(t.delivered_at.is_none());
    assert!(t.failed_attempts >= 1);
}

#[test]
fn event_code_as_string_and_unmapped_code() {
    let body = br#"[
        {"barcode":"0500100031143","date":"2017-07-27T16:33:00","event":"41000","eventName":"Delivery"},
        {"barcode":"0500100031143","date":"2017-07-26T10:00:00","event":"12345","eventName":"Something"}
    ]"#;
    let ts = parse_body(body).unwrap();
    let t = &ts[0];
    // Events are put in time order; the unknown code comes out unmapped.
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.events[0].code, "12345");
    assert!(!t.events[0].mapped);
    assert_eq!(t.events[1].code, "41000");
    assert_eq!(t.status, Status::Delivered);
}

#[test]
fn offset_in_date_is_kept() {
    let body = br#"[{"barcode":"X","date":"2017-07-27T16:33:00+03:00","event":10100}]"#;
    let ts = parse_body(body).unwrap();
    let time = ts[0].events[0].time.unwrap();
    assert_eq!(time.offset.map(|o| o.local_minus_utc()), Some(3 * 3600));
}

#[test]
fn errors() {
    // An empty array: no tracking.
    assert!(parse_body(b"[]").unwrap().is_empty());
    // Error objects (shape not published by Ukrposhta; read leniently).
    let e = parse_body(br#"{"code": "404", "message": "Barcode not found"}"#).unwrap_err();
    assert!(matches!(e, wismo::Error::CarrierError { .. }), "{e}");
    assert!(e.to_string().contains("404: Barcode not found"), "{e}");
    let e = parse_body(br#"{"fault": {"code": 900908, "message": "Resource forbidden "}}"#)
        .unwrap_err();
    assert!(e.to_string().contains("900908: Resource forbidden"), "{e}");
    // Missing fields and bad times.
    let e = parse_body(br#"[{"date": "2017-07-27T16:33:00", "event": 10100}]"#).unwrap_err();
    assert!(e.to_string().contains("`barcode`"), "{e}");
    let e = parse_body(br#"[{"barcode": "X", "event": 10100}, {"barcode": "X"}]"#).unwrap_err();
    assert!(e.to_string().contains("`date`"), "{e}");
    assert!(e.to_string().contains("$[0].date"), "{e}");
    let e = parse_body(br#"[{"barcode": "X", "date": "27.07.2017", "event": 10100}]"#).unwrap_err();
    assert!(matches!(e, wismo::Error::Timestamp { .. }), "{e}");
    let e = parse_body(b"[{").unwrap_err();
    assert!(matches!(e, wismo::Error::Json { .. }), "{e}");
}
