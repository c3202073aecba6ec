//! Hand-written facts for the GLS MyGLS `GetParcelStatuses` fixtures
//! (`tests/fixtures/gls_mygls/`).

mod common;

use wismo::{Carrier, Status, Substatus, Tracking};

fn parse_body(body: &[u8]) -> Result<Vec<Tracking>, wismo::Error> {
    wismo::parse(Carrier::GlsMygls, body)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    parse_body(&common::fixture("gls_mygls", fixture)).unwrap()
}

#[test]
fn absent_then_delivered_to_neighbour() {
    let ts = parse("absent_then_neighbour.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "51234567890");
    // Sent newest first; ordered by time.
    let codes: Vec<&str> = t.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        ["51", "01", "02", "03", "04", "99", "12", "04", "58"]
    );
    let statuses: Vec<Status> = t.events.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            Status::InfoReceived,
            Status::InTransit,
            Status::InTransit,
            Status::InTransit,
            Status::OutForDelivery,
            Status::Unknown,
            Status::AttemptFailed,
            Status::OutForDelivery,
            Status::Delivered,
        ]
    );
    // The zero-padded code is looked up without its zero, and kept as sent.
    assert_eq!(t.events[1].mapping_key.as_deref(), Some("1"));
    assert_eq!(t.events[1].substatus, Substatus::PickedUp);
    // The e-mail notification (99) is informational and moves nothing.
    assert!(t.events[5].mapped);
    assert_eq!(t.events[6].substatus, Substatus::RecipientAbsent);
    assert_eq!(t.failed_attempts, 1);
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.substatus, Substatus::DeliveredToNeighbor);
    let last = &t.events[8];
    assert_eq!(
        last.description,
        "The parcel has been delivered at the neighbour’s (see signature) (Kovács)"
    );
    assert_eq!(last.location.city.as_deref(), Some("Debrecen"));
    assert_eq!(last.location.name.as_deref(), Some("HU40"));
    // WCF date: the depot's wall time with its offset, as sent.
    assert_eq!(last.time.unwrap().to_string(), "2025-10-08T11:03:50+02:00");
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2025-10-08T11:03:50+02:00"
    );
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn parcelshop_not_collected_goes_back() {
    let ts = parse("parcelshop_not_collected_returned.json");
    let t = &ts[0];
    assert_eq!(t.tracking_number, "60111222333");
    let subs: Vec<Substatus> = t.events.iter().map(|e| e.substatus).collect();
    assert_eq!(
        subs,
        [
            Substatus::LabelCreated,
            Substatus::PickedUp,
            Substatus::ArrivedAtFacility,
            Substatus::OutForDelivery,
            Substatus::AtPickupPoint,
            Substatus::AtPickupPoint,
            Substatus::NotCollected,
            Substatus::ReturnInTransit,
            Substatus::ReturnedToShipper,
        ]
    );
    assert_eq!(t.events[4].description, "The parcel has been delivered at the ParcelShop (see ParcelShop information). (ParcelShop 2025-CZ)");
    assert_eq!(t.status, Status::ReturnToSender);
    // A return is never delivered.
    assert!(t.delivered_at.is_none());
    assert_eq!(
        t.events[0].time.unwrap().to_string(),
        "2025-11-03T10:00:15+01:00"
    );
}

#[test]
fn error_answer_is_a_carrier_error() {
    let err = parse_body(&common::fixture("gls_mygls", "unauthorized.json")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "gls_mygls: the carrier answered with an error: -1: Unauthorized."
    );
}

#[test]
fn malformed_bodies() {
    // No parcel number and no error.
    let err = parse_body(br#"{"ParcelStatusList": []}"#).unwrap_err();
    assert!(err.to_string().contains("ParcelNumber"), "{err}");
    // A status without a date.
    let err = parse_body(br#"{"ParcelNumber": 1, "ParcelStatusList": [{"StatusCode": "05"}]}"#)
        .unwrap_err();
    assert!(
        err.to_string().contains("$.ParcelStatusList[0].StatusDate"),
        "{err}"
    );
    // A date that is not a WCF date.
    let err = parse_body(
        br#"{"ParcelNumber": 1, "ParcelStatusList": [{"StatusCode": "05", "StatusDate": "2025-10-08"}]}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("2025-10-08"), "{err}");
    // A code not in the table stays unknown with its text.
    let ts = parse_body(
        br#"{"ParcelNumber": 7, "ParcelStatusList": [{"StatusCode": "401", "StatusDate": "/Date(1759917600000+0300)/", "StatusDescription": "x"}]}"#,
    )
    .unwrap();
    let e = &ts[0].events[0];
    assert!(!e.mapped);
    assert_eq!(e.code, "401");
    assert_eq!(e.time.unwrap().to_string(), "2025-10-08T13:00:00+03:00");
}
