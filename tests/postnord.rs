//! Hand-written facts for the PostNord Track & Trace fixtures
//! (`tests/fixtures/postnord/`, assembled from PostNord's v7 OpenAPI schema).

mod common;

use wismo::{Carrier, Category, Status, Substatus, Tracking};

fn parse_body(body: &[u8]) -> Vec<Tracking> {
    wismo::parse(Carrier::Postnord, body).unwrap()
}

fn parse(fixture: &str) -> Vec<Tracking> {
    parse_body(&common::fixture("postnord", fixture))
}

#[test]
fn delivered_after_service_point_pickup() {
    let ts = parse("delivered_service_point.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "ITEM-0001");
    assert_eq!(t.events.len(), 5);
    let statuses: Vec<Status> = t.events.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            Status::InfoReceived,
            Status::InTransit,
            Status::InTransit,
            Status::AvailableForPickup,
            Status::Delivered,
        ]
    );
    let e = &t.events[3];
    assert_eq!(e.code, "AVAILABLE_FOR_DELIVERY");
    assert_eq!(
        e.mapping_key.as_deref(),
        Some("status/AVAILABLE_FOR_DELIVERY")
    );
    assert_eq!(e.substatus, Substatus::AtPickupPoint);
    assert_eq!(e.location.city.as_deref(), Some("Uppsala"));
    assert_eq!(e.location.postal_code.as_deref(), Some("75320"));
    assert_eq!(e.location.country.as_deref(), Some("SE"));
    assert_eq!(e.location.name.as_deref(), Some("Service point"));
    assert_eq!(e.time.unwrap().to_string(), "2024-03-06T11:20:00+01:00");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2024-03-07T14:12:00+01:00"
    );
    // The item's estimatedTimeOfArrival; deliveryDate is not an estimate.
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2024-03-06T16:00:00+01:00");
    assert_eq!(eta.latest, eta.earliest);
}

#[test]
fn split_shipment_refused_item_and_locker_item() {
    let ts = parse("split_refused_and_locker.json");
    assert_eq!(ts.len(), 2);
    let refused = &ts[0];
    assert_eq!(refused.tracking_number, "ITEM-0002");
    assert_eq!(refused.events.len(), 4);
    assert_eq!(refused.events[1].status, Status::Exception);
    assert_eq!(refused.events[1].substatus, Substatus::Undeliverable);
    assert_eq!(refused.events[2].substatus, Substatus::Refused);
    assert_eq!(refused.status, Status::ReturnToSender);
    assert_eq!(refused.substatus, Substatus::ReturnInTransit);
    assert!(refused.delivered_at.is_none());

    let locker = &ts[1];
    assert_eq!(locker.tracking_number, "ITEM-0003");
    assert_eq!(locker.events.len(), 3);
    assert_eq!(locker.events[1].substatus, Substatus::Delayed);
    assert_eq!(locker.status, Status::AvailableForPickup);
    assert_eq!(locker.substatus, Substatus::AtLocker);
    // No ETA of its own: the shipment's.
    assert_eq!(
        locker.estimated_delivery.unwrap().earliest.to_string(),
        "2024-05-16T00:00:00+02:00"
    );
}

#[test]
fn unknown_identifier_has_no_tracking() {
    assert!(parse("not_found.json").is_empty());
}

#[test]
fn status_only_items_and_shipments_and_booked_windows() {
    let body = br#"{"TrackingInformationResponse":{"shipments":[
        {"shipmentId":"S1","status":"EN_ROUTE"},
        {"shipmentId":"S2","items":[{"itemId":"I2","status":"DELIVERED",
          "bookedDeliveryDateFrom":"2024-05-16T08:00:00+02:00",
          "bookedDeliveryDateTo":"2024-05-16T12:00:00+02:00",
          "estimatedTimeOfArrival":"2024-05-17T00:00:00+02:00"}]}]}}"#;
    let ts = parse_body(body);
    assert_eq!(ts.len(), 2);
    assert_eq!(ts[0].tracking_number, "S1");
    assert_eq!(ts[0].events.len(), 1);
    assert!(ts[0].events[0].time.is_none());
    assert_eq!(ts[0].status, Status::InTransit);
    assert_eq!(ts[1].tracking_number, "I2");
    assert_eq!(ts[1].status, Status::Delivered);
    let eta = ts[1].estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2024-05-16T08:00:00+02:00");
    assert_eq!(eta.latest.to_string(), "2024-05-16T12:00:00+02:00");
}

#[test]
fn event_code_is_kept_and_status_decides() {
    let body = br#"{"TrackingInformationResponse":{"shipments":[{"shipmentId":"S","items":[{"itemId":"I",
        "events":[{"eventTime":"2024-01-02T03:04:05","eventCode":"X1","status":"DELIVERED","location":{"locationId":"1","locationType":"UNDEF"}},
                  {"eventTime":"2024-01-01T03:04:05","eventCode":"X2","eventDescription":"Something happened"}]}]}]}}"#;
    let t = &parse_body(body)[0];
    assert_eq!(t.events[1].code, "X1");
    assert_eq!(t.events[1].status, Status::Delivered);
    // No offset sent, none invented.
    assert!(t.events[1].time.unwrap().offset.is_none());
    assert_eq!(t.events[0].code, "X2");
    assert!(!t.events[0].mapped);
}

#[test]
fn faults_and_bad_bodies() {
    let body = br#"{"TrackingInformationResponse":{"compositeFault":{"faults":[{"faultCode":"F1","explanationText":"Invalid id"}]},"shipments":[]}}"#;
    let e = wismo::parse(Carrier::Postnord, body).unwrap_err();
    assert_eq!(e.classify(), Category::Carrier);
    assert_eq!(
        e.to_string(),
        "postnord: the carrier answered with an error: F1: Invalid id"
    );
    let top =
        br#"{"compositeFault":{"faults":[{"faultCode":"F2","explanationText":"Bad apikey"}]}}"#;
    let e = wismo::parse(Carrier::Postnord, top).unwrap_err();
    assert_eq!(
        e.to_string(),
        "postnord: the carrier answered with an error: F2: Bad apikey"
    );
    let e = wismo::parse(Carrier::Postnord, b"{}").unwrap_err();
    assert_eq!(
        e.to_string(),
        "postnord: missing field `TrackingInformationResponse` at $"
    );
    let bad = br#"{"TrackingInformationResponse":{"shipments":[{"shipmentId":"S","items":[{"itemId":"I","events":[{"eventTime":"yesterday"}]}]}]}}"#;
    let e = wismo::parse(Carrier::Postnord, bad).unwrap_err();
    assert_eq!(
        e.to_string(),
        "postnord: bad timestamp `yesterday` at TrackingInformationResponse.shipments[0].items[0].events[0].eventTime"
    );
    let missing = br#"{"TrackingInformationResponse":{"shipments":[{"shipmentId":"S","items":[{"events":[]}]}]}}"#;
    let e = wismo::parse(Carrier::Postnord, missing).unwrap_err();
    assert_eq!(
        e.to_string(),
        "postnord: missing field `itemId` at TrackingInformationResponse.shipments[0].items[0]"
    );
}
