//! Asendia Sync and Asendia US fixtures.

use wismo::{Carrier, Category, Status, Tracking};

fn path(fixture: &str) -> String {
    format!(
        "{}/tests/fixtures/asendia/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn parse(fixture: &str) -> Vec<Tracking> {
    wismo::parse(Carrier::Asendia, &std::fs::read(path(fixture)).unwrap()).unwrap()
}

#[test]
fn sync_object_and_bare_array() {
    let t = &parse("sync_delivered.json")[0];
    assert_eq!(t.tracking_number, "ASENDIA123456789");
    assert_eq!(t.events.len(), 3);
    assert_eq!(t.events[0].code, "PU");
    assert_eq!(t.events[0].status, Status::InTransit);
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2024-04-15T11:00:00+00:00"
    );
    let bare = &parse("sync_bare_array.json")[0];
    // A bare array carries no tracking number.
    assert_eq!(bare.tracking_number, "");
    assert_eq!(bare.events, t.events);
}

#[test]
fn asendia_us_milestones() {
    let t = &parse("us_milestones_delivered.json")[0];
    assert_eq!(t.tracking_number, "RL924104146CH");
    assert_eq!(t.events.len(), 10);
    assert_eq!(t.events[0].mapping_key.as_deref(), Some("us/s1"));
    assert_eq!(t.events[0].status, Status::InfoReceived);
    assert_eq!(t.status, Status::Delivered);
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn errors() {
    let e = wismo::parse(
        Carrier::Asendia,
        &std::fs::read(path("sync_not_found.json")).unwrap(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "asendia: the carrier answered with an error: 404: Tracking number not found"
    );
    let e = wismo::parse(
        Carrier::Asendia,
        &std::fs::read(path("us_auth_error.json")).unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.classify(), Category::Carrier);
    assert!(e.to_string().contains("401"));
}
