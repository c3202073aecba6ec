//! bpost tracking_info v1 fixtures.

use wismo::{Carrier, Category, Status, Tracking};

fn parse(fixture: &str) -> Vec<Tracking> {
    let path = format!(
        "{}/tests/fixtures/bpost/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    );
    wismo::parse(Carrier::Bpost, &std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn delivered_with_offsets() {
    let t = &parse("delivered_pickup_point.xml")[0];
    assert_eq!(t.tracking_number, "323212345659900040669030");
    assert_eq!(t.events.len(), 3);
    assert_eq!(t.events[0].code, "T00");
    assert_eq!(t.events[0].status, Status::InTransit);
    assert_eq!(t.events[1].status, Status::OutForDelivery);
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2012-11-23T09:31:07.427+01:00"
    );
    // deliveryTime is the actual delivery, never an estimate.
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn planned_window_is_the_eta() {
    let t = &parse("out_for_delivery_window.xml")[0];
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.status, Status::OutForDelivery);
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2012-11-23T09:00:00+01:00");
    assert_eq!(eta.latest.to_string(), "2012-11-23T13:00:00+01:00");
}

#[test]
fn system_exception() {
    let path = format!(
        "{}/tests/fixtures/bpost/system_exception.xml",
        env!("CARGO_MANIFEST_DIR")
    );
    let e = wismo::parse(Carrier::Bpost, &std::fs::read(path).unwrap()).unwrap_err();
    assert_eq!(e.classify(), Category::Carrier);
    assert!(e
        .to_string()
        .starts_with("bpost: the carrier answered with an error: An unexpected error occurred"));
}
