//! DPD ParcelLifeCycleService 2.0 fixtures.

use wismo::{Carrier, Category, Status, Tracking};

fn parse(fixture: &str) -> Vec<Tracking> {
    let path = format!(
        "{}/tests/fixtures/dpd/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    );
    wismo::parse(Carrier::Dpd, &std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn failed_attempts_parcelshop_and_pm_times() {
    let t = &parse("parcelshop_after_failed_attempt.xml")[0];
    // The response does not repeat the parcel number.
    assert_eq!(t.tracking_number, "");
    assert_eq!(t.events.len(), 15);
    // "8/17/2021 7:11:26 PM" is 19:11:26, local, no zone.
    let first = &t.events[0];
    assert_eq!(first.code, "BetweenDepots");
    assert_eq!(first.time.unwrap().to_string(), "2021-08-17T19:11:26");
    assert!(first.time.unwrap().offset.is_none());
    let failures: Vec<_> = t
        .events
        .iter()
        .filter(|e| e.code == "DeliveryFailure")
        .collect();
    assert_eq!(failures.len(), 2);
    assert!(failures.iter().all(|e| e.status == Status::AttemptFailed));
    let shop = t.events.iter().find(|e| e.code == "ParcelShop").unwrap();
    assert_eq!(shop.status, Status::AvailableForPickup);
    assert_eq!(shop.location.city.as_deref(), Some("Mechelen"));
    assert_eq!(shop.location.country.as_deref(), Some("BE"));
    // isCurrentStatus is the last one in time, too.
    let last = t.events.last().unwrap();
    assert_eq!(last.code, "ReturningFromDelivery");
    assert_eq!(last.time.unwrap().to_string(), "2021-08-19T17:11:26");
    assert_eq!(t.status, Status::AttemptFailed);
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn only_reached_milestones_are_events() {
    let t = &parse("milestones_not_yet_delivered.xml")[0];
    assert_eq!(t.events.len(), 4);
    assert!(t.events.iter().all(|e| e.code != "DELIVERED"));
    assert_eq!(t.status, Status::InTransit);
    // 12:05:10 AM is just after midnight.
    let otr = t.events.iter().find(|e| e.code == "ON_THE_ROAD").unwrap();
    assert_eq!(otr.time.unwrap().to_string(), "2021-08-18T00:05:10");
}

#[test]
fn delivered_milestone() {
    let t = &parse("milestones_delivered.xml")[0];
    assert_eq!(t.events.len(), 5);
    assert_eq!(t.status, Status::Delivered);
    // 12:30:00 PM is half past noon.
    assert_eq!(t.delivered_at.unwrap().to_string(), "2021-08-18T12:30:00");
}

#[test]
fn soap_fault_with_dpd_error_code() {
    let path = format!(
        "{}/tests/fixtures/dpd/authentication_fault.xml",
        env!("CARGO_MANIFEST_DIR")
    );
    let e = wismo::parse(Carrier::Dpd, &std::fs::read(path).unwrap()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "dpd: the carrier answered with an error: DELICOM_ERR_AUTHENTICATION: Authentication failure, check delisId and password."
    );
    assert_eq!(e.classify(), Category::Carrier);
}
