//! Hand-written facts for the CDEK API v2 fixtures (`tests/fixtures/cdek/`).

mod common;

use wismo::{Carrier, Direction, Status, Substatus, Tracking};

fn parse_body(body: &[u8]) -> Result<Vec<Tracking>, wismo::Error> {
    wismo::parse(Carrier::Cdek, body)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    parse_body(&common::fixture("cdek", fixture)).unwrap()
}

#[test]
fn order_created_accepted_in_time_order() {
    let ts = parse("order_created_accepted.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "1106625424");
    // Sent newest first; read in time order.
    let codes: Vec<_> = t.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["ACCEPTED", "CREATED"]);
    for e in &t.events {
        assert_eq!(e.status, Status::InfoReceived);
        assert_eq!(e.substatus, Substatus::LabelCreated);
        assert_eq!(e.location.city.as_deref(), Some("Офис СДЭК"));
    }
    assert_eq!(t.events[1].description, "Создан");
    let time = t.events[0].time.unwrap();
    assert_eq!(time.to_string(), "2025-10-10T10:23:59+00:00");
    assert_eq!(time.offset.unwrap().local_minus_utc(), 0);
    assert_eq!(t.status, Status::InfoReceived);
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn delivered_at_pickup_point() {
    let ts = parse("order_delivered_pickup_point.json");
    let t = &ts[0];
    assert_eq!(t.tracking_number, "1107788990");
    assert_eq!(t.events.len(), 9);
    let statuses: Vec<_> = t.events.iter().map(|e| e.status).collect();
    use Status::*;
    assert_eq!(
        statuses,
        [
            InfoReceived,
            InfoReceived,
            InTransit,
            InTransit,
            InTransit,
            InTransit,
            InTransit,
            AvailableForPickup,
            Delivered
        ]
    );
    assert_eq!(t.events[7].substatus, Substatus::AtPickupPoint);
    assert_eq!(t.status, Status::Delivered);
    // Wall time and the place's offset kept as sent (`+0700`).
    let d = t.delivered_at.unwrap();
    assert_eq!(d.to_string(), "2025-09-19T18:02:11+07:00");
    assert_eq!(d.offset.unwrap().local_minus_utc(), 7 * 3600);
    assert_eq!(t.events[8].description, "Вручён");
    assert_eq!(t.events[8].location.city.as_deref(), Some("Новосибирск"));
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn failed_attempt_then_return() {
    let ts = parse("order_failed_attempt_return.json");
    let t = &ts[0];
    assert_eq!(t.events.len(), 7);
    assert_eq!(t.events[3].code, "TAKEN_BY_COURIER");
    assert_eq!(t.events[3].status, Status::OutForDelivery);
    assert_eq!(t.events[4].status, Status::AttemptFailed);
    assert_eq!(t.events[5].code, "NOT_DELIVERED");
    assert_eq!(t.events[5].status, Status::Exception);
    assert_eq!(t.events[6].status, Status::ReturnToSender);
    assert_eq!(t.status, Status::ReturnToSender);
    assert_eq!(t.direction, Direction::Return);
    assert_eq!(t.failed_attempts, 1);
    assert!(t.delivered_at.is_none());
}

#[test]
fn order_status_webhook() {
    let ts = parse("webhook_received_at_shipment_warehouse.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "1100285492");
    assert_eq!(t.events.len(), 1);
    let e = &t.events[0];
    assert_eq!(e.code, "RECEIVED_AT_SHIPMENT_WAREHOUSE");
    assert_eq!(e.status, Status::InTransit);
    assert_eq!(e.substatus, Substatus::ArrivedAtFacility);
    assert_eq!(e.time.unwrap().to_string(), "2023-11-28T07:44:45+00:00");
    assert_eq!(e.location.city.as_deref(), Some("Новосибирск"));
}

#[test]
fn legacy_webhook_keeps_unknown_numeric_code() {
    let ts = parse("webhook_legacy_status_code.json");
    let e = &ts[0].events[0];
    assert_eq!(ts[0].tracking_number, "1106153417");
    assert_eq!(e.code, "4");
    assert!(!e.mapped);
    let time = e.time.unwrap();
    assert_eq!(time.to_string(), "2019-07-11T12:41:43+07:00");
    assert_eq!(e.location.city.as_deref(), Some("Новосибирск"));
}

#[test]
fn stored_webhooks_group_by_number() {
    let body = br#"[
      {"type": "ORDER_STATUS", "date_time": "2023-11-28T07:44:45+0000", "uuid": "u1",
       "attributes": {"cdek_number": "1100285492", "code": "RECEIVED_AT_SHIPMENT_WAREHOUSE",
                      "status_date_time": "2023-11-28T07:44:45+0000", "city_name": "Novosibirsk"}},
      {"type": "ORDER_STATUS", "date_time": "2023-11-30T09:00:00+0700", "uuid": "u1",
       "attributes": {"cdek_number": "1100285492", "code": "DELIVERED",
                      "status_date_time": "2023-11-30T09:00:00+0700", "status_reason_code": "20"}}
    ]"#;
    let ts = parse_body(body).unwrap();
    assert_eq!(ts.len(), 1);
    assert_eq!(ts[0].events.len(), 2);
    assert_eq!(ts[0].status, Status::Delivered);
    assert_eq!(ts[0].events[1].reason_code.as_deref(), Some("20"));
}

#[test]
fn errors() {
    let body = common::fixture("cdek", "entity_not_found.json");
    let e = parse_body(&body).unwrap_err();
    assert!(
        e.to_string().starts_with(
            "cdek: the carrier answered with an error: v2_entity_not_found: Entity is not found by uuid"
        ),
        "{e}"
    );
    match e {
        wismo::Error::CarrierError { code, .. } => {
            assert_eq!(code.as_deref(), Some("v2_entity_not_found"))
        }
        other => panic!("{other}"),
    }
    // A webhook of another type carries no status.
    let e =
        parse_body(br#"{"type": "PRINT_FORM", "attributes": {"type": "barcode"}}"#).unwrap_err();
    assert!(matches!(e, wismo::Error::Invalid { .. }), "{e}");
    // Webhook without a number.
    let e = parse_body(
        br#"{"type": "ORDER_STATUS", "attributes": {"code": "DELIVERED", "status_date_time": "2023-11-28T07:44:45+0000"}}"#,
    )
    .unwrap_err();
    assert!(matches!(e, wismo::Error::MissingField { .. }), "{e}");
    // Bad status time.
    let e = parse_body(
        br#"{"entity": {"cdek_number": "1", "statuses": [{"code": "DELIVERED", "date_time": "19.09.2025"}]}}"#,
    )
    .unwrap_err();
    assert!(matches!(e, wismo::Error::Timestamp { .. }), "{e}");
    assert!(
        e.to_string().contains("$.entity.statuses[0].date_time"),
        "{e}"
    );
    // Neither entity nor errors.
    let e = parse_body(br#"{"requests": []}"#).unwrap_err();
    assert!(e.to_string().contains("unspecified error"), "{e}");
    // A bare JSON string says so (no Rust type name).
    assert!(matches!(
        parse_body(b"\"x\"").unwrap_err(),
        wismo::Error::BodyFormat {
            found: "a JSON string",
            ..
        }
    ));
}

#[test]
fn entity_with_statuses_ignores_old_request_errors() {
    // A failed UPDATE request does not hide the order's statuses.
    let body = br#"{"entity": {"uuid": "u", "cdek_number": "1106625424", "statuses": [
        {"code": "ACCEPTED", "name": "Accepted", "date_time": "2025-10-10T10:23:59+00:00"}]},
      "requests": [{"type": "UPDATE", "state": "INVALID",
        "errors": [{"code": "v2_invalid_format", "message": "Invalid value"}]}]}"#;
    let ts = parse_body(body).unwrap();
    assert_eq!(ts[0].events.len(), 1);
}
