//! PARCEL.ONE TrackLMC fixtures.

use wismo::{Carrier, Category, Status, Substatus};

fn path(fixture: &str) -> String {
    format!(
        "{}/tests/fixtures/parcel_one/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn handed_to_last_mile_carrier_with_cet_offsets() {
    let ts = wismo::parse(
        Carrier::ParcelOne,
        &std::fs::read(path("handed_to_last_mile.json")).unwrap(),
    )
    .unwrap();
    let t = &ts[0];
    assert_eq!(t.tracking_number, "4050100151016");
    assert_eq!(t.events.len(), 4);
    assert_eq!(t.events[0].code, "P100");
    assert_eq!(t.events[0].status, Status::InfoReceived);
    // CET wall time, offset from the UTC instant (summer time: +02:00).
    assert_eq!(
        t.events[0].time.unwrap().to_string(),
        "2021-10-18T08:26:05+02:00"
    );
    assert_eq!(t.events[0].location.country.as_deref(), Some("DE"));
    assert_eq!(t.events[0].location.city.as_deref(), Some("Füssen"));
    let handover = &t.events[3];
    assert_eq!(handover.code, "394");
    assert_eq!(handover.substatus, Substatus::HandedToPartner);
    assert_eq!(t.status, Status::InTransit);
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn delivery_status_is_the_fallback_key() {
    let body = r#"{"P1Trackno":"4050100151016","TrackingEvents":[{"EventdateCET":"2020-09-04T18:15:02+02:00","EventdateUTC":"2020-09-04T16:15:02+00:00","Statuscode":"","Status":"x","Location":"","DeliveryStatus":"Delivered_001"}]}"#;
    let t = &wismo::parse(Carrier::ParcelOne, body.as_bytes()).unwrap()[0];
    assert_eq!(
        t.events[0].mapping_key.as_deref(),
        Some("aftership/Delivered_001")
    );
    assert_eq!(t.status, Status::Delivered);
}

#[test]
fn not_found() {
    let e = wismo::parse(
        Carrier::ParcelOne,
        &std::fs::read(path("not_found.json")).unwrap(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "parcel_one: the carrier answered with an error: No shipment data found yet, try again later!"
    );
    assert_eq!(e.classify(), Category::Carrier);
}
