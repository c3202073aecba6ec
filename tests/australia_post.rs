//! Australia Post Shipping and Tracking fixtures.

use wismo::{Carrier, Category, Status, Substatus, Tracking};

fn path(fixture: &str) -> String {
    format!(
        "{}/tests/fixtures/australia_post/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn parse(fixture: &str) -> Vec<Tracking> {
    wismo::parse(
        Carrier::AustraliaPost,
        &std::fs::read(path(fixture)).unwrap(),
    )
    .unwrap()
}

#[test]
fn three_results_text_only_events() {
    let ts = parse("international_delivered.json");
    assert_eq!(ts.len(), 3);
    let express = &ts[0];
    assert_eq!(express.tracking_number, "ET123456789AU");
    assert_eq!(express.events.len(), 8);
    assert_eq!(express.status, Status::InTransit);
    assert!(express.events.iter().all(|e| e.mapped && e.code.is_empty()));

    let safe = &ts[1];
    assert_eq!(safe.tracking_number, "LX123456789US");
    assert_eq!(safe.events.len(), 9);
    assert_eq!(safe.status, Status::Delivered);
    assert_eq!(safe.substatus, Substatus::DeliveredToSafePlace);
    assert_eq!(
        safe.delivered_at.unwrap().to_string(),
        "2021-01-21T11:04:27+11:00"
    );
    // "In transit to next facility in OAKLEIGH SOUTH VIC" found without the place.
    let hop = safe
        .events
        .iter()
        .find(|e| e.description.ends_with("OAKLEIGH SOUTH VIC"))
        .unwrap();
    assert_eq!(
        hop.mapping_key.as_deref(),
        Some("In transit to next facility")
    );

    let nz = &ts[2];
    assert_eq!(nz.events.len(), 10);
    assert_eq!(nz.status, Status::Delivered);
    let customs = nz
        .events
        .iter()
        .find(|e| e.description == "Item is in Customs")
        .unwrap();
    assert_eq!(customs.substatus, Substatus::CustomsProcessing);
}

#[test]
fn error_results_are_skipped_when_others_have_data() {
    let ts = parse("schema_sample_mixed.json");
    let numbers: Vec<_> = ts.iter().map(|t| t.tracking_number.as_str()).collect();
    assert_eq!(numbers, ["7XX1000634011427", "ET123456789AU"]);
    assert_eq!(ts[0].events.len(), 7);
    assert_eq!(ts[0].status, Status::Delivered);
    assert_eq!(ts[1].tracking_number, "ET123456789AU");
}

#[test]
fn status_without_events() {
    let t = &parse("awaiting_collection_status_only.json")[0];
    assert_eq!(t.events.len(), 1);
    assert!(t.events[0].time.is_none());
    assert_eq!(t.status, Status::AvailableForPickup);
}

#[test]
fn errors() {
    let e = wismo::parse(
        Carrier::AustraliaPost,
        &std::fs::read(path("invalid_tracking_id.json")).unwrap(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "australia_post: the carrier answered with an error: ESB-10001: Invalid tracking ID"
    );
    let e = wismo::parse(
        Carrier::AustraliaPost,
        &std::fs::read(path("too_many_ids.json")).unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.classify(), Category::Carrier);
    assert!(e.to_string().contains("51101"));
}
