//! Chronopost TrackingServiceWS fixtures.

use wismo::{Carrier, Category, Status, Substatus};

fn path(fixture: &str) -> String {
    format!(
        "{}/tests/fixtures/chronopost/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn delivered_with_offsets() {
    let ts = wismo::parse(
        Carrier::Chronopost,
        &std::fs::read(path("delivered.xml")).unwrap(),
    )
    .unwrap();
    let t = &ts[0];
    assert_eq!(t.tracking_number, "89108749065090");
    assert_eq!(t.events.len(), 9);
    assert_eq!(t.events[0].code, "DC");
    assert_eq!(t.events[0].status, Status::InfoReceived);
    let ta = t.events.iter().find(|e| e.code == "TA").unwrap();
    assert_eq!(ta.status, Status::OutForDelivery);
    assert_eq!(ta.location.postal_code.as_deref(), Some("62223"));
    assert_eq!(ta.location.name.as_deref(), Some("ARRAS CHRONOPOST"));
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.substatus, Substatus::Delivered);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2022-06-22T08:30:00+02:00"
    );
}

#[test]
fn error_code() {
    let e = wismo::parse(
        Carrier::Chronopost,
        &std::fs::read(path("system_error.xml")).unwrap(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "chronopost: the carrier answered with an error: 1: System Error"
    );
    assert_eq!(e.classify(), Category::Carrier);
}
