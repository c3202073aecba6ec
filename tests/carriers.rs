//! Hand-written facts per carrier fixture: tracking number, final status, the
//! carrier ETA (an actual delivery time is never an estimate) and error texts.
//! The golden files (`tests/fixtures.rs`) pin every event; these pin what a
//! reader of the carrier's sample can check by eye.

use wismo::{Carrier, Category, Error, Status, Substatus, Tracking};

fn parse(carrier: Carrier, fixture: &str) -> Vec<Tracking> {
    let path = format!("{}/tests/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
    wismo::parse(carrier, &std::fs::read(&path).unwrap()).unwrap()
}

fn parse_err(carrier: Carrier, fixture: &str) -> Error {
    let path = format!("{}/tests/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
    wismo::parse(carrier, &std::fs::read(&path).unwrap()).unwrap_err()
}

#[test]
fn ups_delivered() {
    let t = &parse(Carrier::Ups, "ups/delivered.json")[0];
    assert_eq!(t.tracking_number, "1Z1442YY7229014688");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.events[0].status, Status::InfoReceived, "oldest first");
    assert_eq!(t.events[1].code, "F4");
    assert_eq!(t.delivered_at.unwrap().to_string(), "2022-01-26T16:30:00");
    // deliveryDate type DEL is the actual delivery, not an estimate.
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn ups_errors() {
    let e = parse_err(Carrier::Ups, "ups/not_found.json");
    assert_eq!(
        e.to_string(),
        "ups: the carrier answered with an error: TW0001: Tracking Information Not Found"
    );
    assert_eq!(e.classify(), Category::Carrier);
    let e = parse_err(Carrier::Ups, "ups/invalid_number.json");
    assert_eq!(e.carrier(), Some(Carrier::Ups));
}

#[test]
fn fedex_delivered_with_mixed_offsets() {
    let t = &parse(Carrier::Fedex, "fedex/delivered.json")[0];
    assert_eq!(t.tracking_number, "738488882438");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.events.len(), 17);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2024-08-20T12:41:57-04:00"
    );
    // The pickup scan has no offset in FedEx's response; none is invented.
    let pu = t.events.iter().find(|e| e.code == "PU").unwrap();
    assert!(pu.time.unwrap().offset.is_none());
}

#[test]
fn fedex_pickup_then_failed_attempt_then_delivered() {
    let ts = parse(Carrier::Fedex, "fedex/pickup_and_failed_attempt.json");
    assert_eq!(ts.len(), 2);
    let hp = ts[0].events.iter().find(|e| e.code == "HP").unwrap();
    assert_eq!(hp.status, Status::AvailableForPickup);
    let de: Vec<_> = ts[1].events.iter().filter(|e| e.code == "DE").collect();
    assert_eq!(de.len(), 2);
    assert!(de.iter().all(|e| e.status == Status::AttemptFailed));
    assert_eq!(de[0].reason_code.as_deref(), Some("08"));
    assert_eq!(ts[1].status, Status::Delivered);
}

#[test]
fn fedex_errors() {
    let e = parse_err(Carrier::Fedex, "fedex/error.json");
    assert_eq!(
        e.to_string(),
        "fedex: the carrier answered with an error: TRACKING.TRACKINGNUMBER.EMPTY: Please provide tracking number."
    );
}

#[test]
fn usps_delivered_to_parcel_locker() {
    let t = &parse(Carrier::Usps, "usps/delivered_parcel_locker.json")[0];
    assert_eq!(t.tracking_number, "9400109104250532908587");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.events.len(), 12);
    // eventTimestamp is local; GMTOffset gives the offset.
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2024-11-22T13:58:00-05:00"
    );
    assert!(t.events.iter().all(|e| e.mapped));
}

#[test]
fn usps_return_to_sender_with_unpadded_offset() {
    let t = &parse(Carrier::Usps, "usps/return_to_sender.json")[0];
    assert_eq!(t.status, Status::ReturnToSender);
    let notice = t.events.iter().find(|e| e.code == "56").unwrap();
    assert_eq!(notice.status, Status::AttemptFailed);
    assert_eq!(
        notice.time.unwrap().to_string(),
        "2024-11-22T13:58:00-05:00"
    );
    assert!(t.delivered_at.is_none());
}

#[test]
fn dhl_unified_spec_example() {
    let t = &parse(Carrier::DhlUnified, "dhl_unified/spec_example.json")[0];
    assert_eq!(t.tracking_number, "7777777770");
    assert_eq!(t.events.len(), 1);
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2018-08-03T00:00:00+00:00");
    assert_eq!(eta.latest.to_string(), "2018-08-03T22:00:00+00:00");
    let e = parse_err(Carrier::DhlUnified, "dhl_unified/not_found.json");
    assert_eq!(e.to_string(), "dhl_unified: the carrier answered with an error: No result found: No shipment with given tracking number found.");
}

#[test]
fn postnl_current_status() {
    let t = &parse(
        Carrier::Postnl,
        "postnl/current_status_out_for_delivery.json",
    )[0];
    assert_eq!(t.tracking_number, "3SDEVC288882229");
    assert_eq!(t.status, Status::OutForDelivery);
    // Dutch local time, no offset in the body.
    assert_eq!(t.events[0].time.unwrap().to_string(), "2022-11-08T10:13:20");
}

#[test]
fn postnl_failed_attempt_then_pickup_point() {
    let t = &parse(Carrier::Postnl, "postnl/complete_status_pickup_point.json")[0];
    assert_eq!(t.tracking_number, "3SDEVC6659149");
    assert_eq!(t.events.len(), 6);
    assert_eq!(t.events[4].status, Status::AttemptFailed);
    assert_eq!(t.status, Status::AvailableForPickup);
    assert_eq!(t.substatus, Substatus::AtPickupPoint);
    // ETAFrom/ETATo are month-first: 11/08/2022 is 8 November.
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2022-11-08T10:00:00");
    assert_eq!(eta.latest.to_string(), "2022-11-08T12:00:00");
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let e = wismo::parse(Carrier::Ups, b"{\"trackResponse\": [").unwrap_err();
    assert_eq!(
        e.to_string(),
        "ups: cannot read JSON body: EOF while parsing a list at line 1 column 19"
    );
    let e = wismo::parse(Carrier::Ups, b"{\"trackResponse\": 5}").unwrap_err();
    assert_eq!(e.to_string(), "ups: cannot read JSON body: invalid type: integer `5`, expected a JSON object at line 1 column 19");
    assert_eq!(e.classify(), Category::Data);
    let e = wismo::parse(Carrier::Fedex, b"{\"output\": {").unwrap_err();
    assert_eq!(
        e.to_string(),
        "fedex: cannot read JSON body: EOF while parsing an object at line 1 column 12"
    );
    assert_eq!(e.classify(), Category::Syntax);
    let e = wismo::parse(Carrier::Usps, br#"{"trackingNumber":"9400","trackingEvents":[{"eventTimestamp":"2024-13-01T00:00:00","eventCode":"01"}]}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "usps: bad timestamp `2024-13-01T00:00:00` at [0].trackingEvents[0].eventTimestamp"
    );
    assert_eq!(e.classify(), Category::Data);
}

#[test]
fn unknown_carrier_id() {
    // Spelling aside, an id is an id.
    assert_eq!("dhl-express".parse::<Carrier>(), Ok(Carrier::DhlExpress));
    let e = "dhl-expres".parse::<Carrier>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown carrier `dhl-expres` (did you mean dhl_express?)"
    );
    let e: wismo::Error = e.into();
    assert_eq!(e.carrier(), None);
}

#[test]
fn unmapped_events_never_override_a_known_status() {
    let body = br#"{"trackingNumber":"9400","trackingEvents":[
        {"eventTimestamp":"2024-11-22T13:58:00","eventCode":"ZZ","eventType":"Something new"},
        {"eventTimestamp":"2024-11-22T09:10:00","eventCode":"OF","eventType":"Out for Delivery"}]}"#;
    let t = &wismo::parse(Carrier::Usps, body).unwrap()[0];
    assert_eq!(t.events.len(), 2);
    assert!(!t.events[1].mapped);
    assert_eq!(t.events[1].code, "ZZ");
    assert_eq!(t.events[1].status, Status::Unknown);
    assert_eq!(t.status, Status::OutForDelivery);
}

#[test]
fn ups_track_alert_webhooks() {
    let t = &parse(Carrier::Ups, "ups/track_alert_out_for_delivery.json")[0];
    assert_eq!(t.tracking_number, "1Z204W4R0308071865");
    assert_eq!(t.status, Status::OutForDelivery);
    // Offset derived from the local and GMT times the body carries.
    assert_eq!(
        t.events[0].time.unwrap().to_string(),
        "2024-04-23T09:15:19-04:00"
    );
    assert_eq!(
        t.estimated_delivery.unwrap().earliest.to_string(),
        "2024-04-23T00:00:00"
    );
    let t = &parse(Carrier::Ups, "ups/track_alert_delivered.json")[0];
    assert_eq!(t.status, Status::Delivered);
    assert!(
        t.estimated_delivery.is_none(),
        "an actual delivery is not an estimate"
    );
    let t = &parse(Carrier::Ups, "ups/track_alert_manifest.json")[0];
    assert_eq!(t.tracking_number, "1ZABCXYZ0112346789");
    assert_eq!(t.status, Status::InfoReceived);
    assert_eq!(
        t.events[0].time.unwrap().to_string(),
        "2024-04-22T09:12:30+05:00"
    );
}

#[test]
fn dhl_ecommerce_through_the_unified_api() {
    let t = &parse(
        Carrier::DhlEcommerce,
        "dhl_ecommerce/delivered_via_usps.json",
    )[0];
    assert_eq!(t.carrier, Carrier::DhlEcommerce);
    assert_eq!(t.tracking_number, "GM2951173225174494");
    assert_eq!(t.events.len(), 4);
    assert!(t.events.iter().all(|e| e.mapped));
    assert_eq!(t.events[1].mapping_key.as_deref(), Some("ecommerce/220"));
    assert_eq!(t.status, Status::Delivered);
    let e = wismo::parse(
        Carrier::DhlEcommerce,
        b"{\"title\":\"No result found\",\"status\":404}",
    )
    .unwrap_err();
    assert_eq!(e.carrier(), Some(Carrier::DhlEcommerce));
}
