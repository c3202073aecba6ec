//! Hand-written facts for the CTT Express tracking fixtures
//! (`tests/fixtures/ctt_express/`).

mod common;

use wismo::{Carrier, Status, Substatus, Tracking};

fn parse_body(body: &[u8]) -> Result<Vec<Tracking>, wismo::Error> {
    wismo::parse(Carrier::CttExpress, body)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    parse_body(&common::fixture("ctt_express", fixture)).unwrap()
}

#[test]
fn published_sample_out_for_delivery() {
    let ts = parse("out_for_delivery.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "0082800082909720118884");
    assert_eq!(t.events.len(), 3);
    assert_eq!(t.status, Status::OutForDelivery);
    let e = &t.events[0];
    assert_eq!(e.code, "0000");
    assert_eq!(e.status, Status::InfoReceived);
    assert_eq!(e.description, "Pendiente de recepción en CTT Express");
    // event_date, not detail.item_event_datetime (a day later).
    assert_eq!(
        t.events[1].time.unwrap().to_string(),
        "2025-09-15T06:42:43.680+00:00"
    );
    assert_eq!(t.events[2].description, "Entrega hoy");
    // committed_delivery_datetime is a date: the whole day, no offset.
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2025-09-17T00:00:00");
    assert_eq!(eta.latest.to_string(), "2025-09-17T23:59:59");
    assert!(t.delivered_at.is_none());
}

#[test]
fn failed_attempt_then_delivered() {
    let ts = parse("failed_attempt_delivered.json");
    let t = &ts[0];
    assert_eq!(t.tracking_number, "0082800082900000000001");
    assert_eq!(t.events.len(), 10);
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.failed_attempts, 1);
    // The sorter scan is not a STATUS event: kept, unmapped.
    let scan = &t.events[2];
    assert_eq!(scan.code, "SORTER_READ_EVENT");
    assert_eq!(scan.status, Status::Unknown);
    assert_eq!(t.events[6].code, "1600");
    assert_eq!(t.events[6].status, Status::AttemptFailed);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2025-10-03T10:22:05+00:00"
    );
}

#[test]
fn pudo_available() {
    let ts = parse("pudo_available.json");
    let t = &ts[0];
    assert_eq!(t.events.len(), 4);
    assert_eq!(t.status, Status::AvailableForPickup);
    assert_eq!(t.substatus, Substatus::AtPickupPoint);
    assert_eq!(
        t.estimated_delivery.unwrap().earliest.to_string(),
        "2025-11-06T00:00:00"
    );
}

#[test]
fn errors() {
    let e = parse_body(br#"{"data": null, "error": "Envio no encontrado"}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "ctt_express: the carrier answered with an error: Envio no encontrado"
    );
    let e = parse_body(br#"{"data": null, "error": {"code": "404", "message": "Not found"}}"#)
        .unwrap_err();
    assert!(matches!(e, wismo::Error::CarrierError { .. }), "{e}");
    assert!(e.to_string().contains("404: Not found"), "{e}");
    let e = parse_body(br#"{"data": null, "error": null}"#).unwrap_err();
    assert!(e.to_string().contains("`data`"), "{e}");
    let e = parse_body(
        br#"{"data": {"shipping_code": "1", "shipping_history": {"events": [
            {"code": "0900", "type": "STATUS", "event_date": "16/09/2025"}]}}}"#,
    )
    .unwrap_err();
    assert!(matches!(e, wismo::Error::Timestamp { .. }), "{e}");
    assert!(e.to_string().contains("events[0].event_date"), "{e}");
    let e =
        parse_body(br#"{"data": {"shipping_code": "1", "committed_delivery_datetime": "manana"}}"#)
            .unwrap_err();
    assert!(matches!(e, wismo::Error::Timestamp { .. }), "{e}");
}
