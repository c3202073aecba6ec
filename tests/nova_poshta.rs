//! Hand-written facts for the Nova Poshta getStatusDocuments fixtures
//! (`tests/fixtures/nova_poshta/`).

mod common;

use wismo::{Carrier, Status, Substatus, Tracking};

fn parse_body(body: &[u8]) -> Result<Vec<Tracking>, wismo::Error> {
    wismo::parse(Carrier::NovaPoshta, body)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    parse_body(&common::fixture("nova_poshta", fixture)).unwrap()
}

#[test]
fn not_found_and_received() {
    let ts = parse("not_found_and_received.json");
    assert_eq!(ts.len(), 2);
    // The unknown number is a tracking with one unknown, timeless event.
    let nf = &ts[0];
    assert_eq!(nf.tracking_number, "20400048799000");
    assert_eq!(nf.events.len(), 1);
    assert_eq!(nf.events[0].code, "3");
    assert_eq!(nf.events[0].status, Status::Unknown);
    assert!(nf.events[0].time.is_none());
    assert!(nf.estimated_delivery.is_none());

    let t = &ts[1];
    assert_eq!(t.tracking_number, "20400048799001");
    assert_eq!(t.events.len(), 1);
    let e = &t.events[0];
    assert_eq!(e.code, "9");
    assert_eq!(e.description, "Відправлення отримано");
    assert_eq!(e.status, Status::Delivered);
    assert_eq!(e.substatus, Substatus::Delivered);
    // RecipientDateTime wins over DateScan (15:36) and TrackingUpdateDate;
    // Kyiv wall time, no offset.
    let time = e.time.unwrap();
    assert_eq!(time.offset, None);
    assert_eq!(time.to_string(), "2023-04-07T13:35:58");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.delivered_at.unwrap().to_string(), "2023-04-07T13:35:58");
    // ScheduledDeliveryDate 06-04-2023 12:47:40 is a whole-day carrier ETA;
    // ActualDeliveryDate (2023-04-06 18:47:40) is not read.
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2023-04-06T00:00:00");
    assert_eq!(eta.latest.to_string(), "2023-04-06T23:59:59");
    assert_eq!(eta.source, wismo::EtaSource::Carrier);
}

#[test]
fn docs_example_placeholder_scan_date() {
    let ts = parse("docs_example_received.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "59000218530814");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.events[0].description, "Одержано");
    assert_eq!(t.events[0].time.unwrap().to_string(), "2016-11-21T13:53:47");
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2016-11-19T00:00:00");
}

#[test]
fn live_record() {
    let ts = parse("live_delivered_export.json");
    let t = &ts[0];
    assert_eq!(t.tracking_number, "59500007067740");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.delivered_at.unwrap().to_string(), "2026-08-03T00:22:47");
    assert_eq!(t.delivered_at.unwrap().offset, None);
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2026-08-03T00:00:00");
    assert_eq!(eta.latest.to_string(), "2026-08-03T23:59:59");
}

#[test]
fn failed_attempt_locker_in_transit() {
    let ts = parse("failed_attempt_locker_in_transit.json");
    assert_eq!(ts.len(), 3);
    let failed = &ts[0];
    assert_eq!(failed.tracking_number, "20450800000001");
    assert_eq!(failed.status, Status::AttemptFailed);
    assert_eq!(failed.events[0].substatus, Substatus::RecipientAbsent);
    assert_eq!(failed.failed_attempts, 1);
    // DateScan `17:42 04.09.2025` (no RecipientDateTime).
    assert_eq!(
        failed.events[0].time.unwrap().to_string(),
        "2025-09-04T17:42:00"
    );

    let locker = &ts[1];
    assert_eq!(locker.status, Status::AvailableForPickup);
    assert_eq!(locker.events[0].substatus, Substatus::AtLocker);
    assert_eq!(
        locker.estimated_delivery.unwrap().earliest.to_string(),
        "2025-09-05T00:00:00"
    );

    let moving = &ts[2];
    assert_eq!(moving.status, Status::InTransit);
    // Blank DateScan: TrackingUpdateDate.
    assert_eq!(
        moving.events[0].time.unwrap().to_string(),
        "2025-09-04T21:10:55"
    );
    assert_eq!(
        moving.estimated_delivery.unwrap().latest.to_string(),
        "2025-09-06T23:59:59"
    );
}

#[test]
fn refused_and_deleted() {
    let ts = parse("refused_return.json");
    assert_eq!(ts.len(), 2);
    assert_eq!(ts[0].status, Status::ReturnToSender);
    assert_eq!(ts[0].events[0].substatus, Substatus::Refused);
    assert_eq!(
        ts[0].events[0].time.unwrap().to_string(),
        "2025-09-06T14:20:00"
    );
    // StatusCode sent as a JSON number.
    assert_eq!(ts[1].events[0].code, "2");
    assert_eq!(ts[1].status, Status::Cancelled);
    assert!(ts[1].estimated_delivery.is_none());
}

#[test]
fn errors() {
    let body = common::fixture("nova_poshta", "document_number_not_correct.json");
    let e = parse_body(&body).unwrap_err();
    assert_eq!(
        e.to_string(),
        "nova_poshta: the carrier answered with an error: 20001401442: Document number is not correct"
    );
    match e {
        wismo::Error::CarrierError { code, .. } => assert_eq!(code.as_deref(), Some("20001401442")),
        other => panic!("{other}"),
    }
    // success false with only a code (errors may be empty).
    let e = parse_body(
        br#"{"success": false, "data": [], "errors": [], "errorCodes": ["20000200068"]}"#,
    )
    .unwrap_err();
    assert!(e.to_string().ends_with(": 20000200068"), "{e}");
    // Nothing at all: still an error answer.
    let e = parse_body(br#"{"success": false}"#).unwrap_err();
    assert!(e.to_string().contains("unspecified error"), "{e}");
    // An empty success answer holds no tracking.
    assert!(parse_body(br#"{"success": true, "data": []}"#)
        .unwrap()
        .is_empty());
    // Missing Number.
    let e = parse_body(br#"{"success": true, "data": [{"StatusCode": "9"}]}"#).unwrap_err();
    assert!(
        matches!(
            e,
            wismo::Error::MissingField {
                field: "Number",
                ..
            }
        ),
        "{e}"
    );
    // Unreadable times.
    let e = parse_body(
        br#"{"success": true, "data": [{"Number": "1", "StatusCode": "9", "RecipientDateTime": "yesterday"}]}"#,
    )
    .unwrap_err();
    assert!(matches!(e, wismo::Error::Timestamp { .. }), "{e}");
    assert!(e.to_string().contains("$.data[0].RecipientDateTime"), "{e}");
    let e = parse_body(
        br#"{"success": true, "data": [{"Number": "1", "StatusCode": "5", "ScheduledDeliveryDate": "31-02-2025"}]}"#,
    )
    .unwrap_err();
    assert!(matches!(e, wismo::Error::Timestamp { .. }), "{e}");
    // Not the documented shape.
    assert!(matches!(
        parse_body(b"[1, 2]").unwrap_err(),
        wismo::Error::Json { .. }
    ));
}

#[test]
fn unknown_code_still_comes_out() {
    let ts = parse_body(
        br#"{"success": true, "data": [{"Number": "59500007112662", "StatusCode": "80", "Status": ""}]}"#,
    )
    .unwrap();
    assert_eq!(ts[0].events.len(), 1);
    assert_eq!(ts[0].events[0].code, "80");
    assert!(!ts[0].events[0].mapped);
    assert_eq!(ts[0].status, Status::Unknown);
}
