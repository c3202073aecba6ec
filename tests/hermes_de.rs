//! Hand-written facts for the Hermes Germany HSI Shipment Info API fixtures
//! (`tests/fixtures/hermes_de/`).

mod common;

use wismo::{Carrier, Category, Reason, Status, Substatus, Tracking};

const C: Carrier = Carrier::HermesDe;

fn fixture(name: &str) -> Vec<u8> {
    common::fixture("hermes_de", name)
}

fn parse(name: &str) -> Vec<Tracking> {
    wismo::parse(C, &fixture(name)).unwrap()
}

#[test]
fn shipmentinfo_delivered_newest_first() {
    let ts = parse("delivered.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "H9746130018743501086");
    assert_eq!(t.events.len(), 4);
    let codes: Vec<_> = t.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["0000", "2000", "3000", "3500"], "oldest first");
    let statuses: Vec<_> = t.events.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            Status::InfoReceived,
            Status::InTransit,
            Status::OutForDelivery,
            Status::Delivered
        ]
    );
    let last = t.events.last().unwrap();
    assert_eq!(last.time.unwrap().to_string(), "2020-12-04T07:58:24+01:00");
    assert_eq!(last.location.city.as_deref(), Some("Hamburg"));
    assert_eq!(last.location.country.as_deref(), Some("DEU"));
    assert_eq!(last.location.name.as_deref(), Some("Hermes Germany"));
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2020-12-04T07:58:24+01:00"
    );
    // deliveryForecast: date and CET time slot, no offset invented.
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2020-06-06T10:00:00");
    assert_eq!(eta.latest.to_string(), "2020-06-06T18:00:00");
}

#[test]
fn not_home_then_parcelshop() {
    let t = &parse("failed_attempt_parcelshop.json")[0];
    assert_eq!(t.tracking_number, "H1000987654321020");
    assert_eq!(t.events.len(), 6);
    let attempt = t.events.iter().find(|e| e.code == "3731").unwrap();
    assert_eq!(attempt.status, Status::AttemptFailed);
    assert_eq!(attempt.substatus, Substatus::RecipientAbsent);
    assert_eq!(attempt.reason, Some(Reason::RecipientAbsent));
    assert_eq!(t.events.last().unwrap().code, "3410");
    assert_eq!(t.status, Status::AvailableForPickup);
    assert_eq!(t.substatus, Substatus::AtPickupPoint);
    assert!(t.delivered_at.is_none());
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2024-10-15T10:00:00");
}

#[test]
fn spec_example_dashed_code_stays_unmapped_and_its_text_is_read() {
    let t = &parse("spec_example.json")[0];
    assert_eq!(t.events.len(), 1);
    let e = &t.events[0];
    assert_eq!(e.code, "0-0-0");
    assert!(!e.mapped);
    assert_eq!(e.description, "The parcel has been delivered.");
    // The code is not in the table; the classifier reads the text.
    assert!(e.classified);
    assert_eq!(t.status, Status::Delivered);
}

#[test]
fn deprecated_shipmentstatus_answers() {
    let ts = parse("shipmentstatus_history.json");
    // The second shipment only says e001 and is left out.
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "T1000987654321040");
    assert_eq!(t.events.len(), 4);
    // statusDate + statusTime: local time, no offset.
    let last = t.events.last().unwrap();
    assert_eq!(last.time.unwrap().to_string(), "2020-12-04T11:02:40");
    assert!(last.time.unwrap().offset.is_none());
    assert_eq!(last.substatus, Substatus::DeliveredToMailbox);
    assert_eq!(t.status, Status::Delivered);

    let t = &parse("shipmentstatus_current.json")[0];
    assert_eq!(t.tracking_number, "T1132981237129800");
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.status, Status::InTransit);
    // The statusInformation address is the receiver's, not the scan place.
    assert!(t.events[0].location.is_empty());
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2020-06-06T10:00:00");
    assert_eq!(eta.latest.to_string(), "2020-06-06T18:00:00");
}

#[test]
fn result_codes_are_carrier_errors() {
    let e = wismo::parse(C, &fixture("error.json")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "hermes_de: the carrier answered with an error: e001: The attributes do not correspond to the specification."
    );
    assert_eq!(e.classify(), Category::Carrier);
    let e = wismo::parse(C, &fixture("not_found.json")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "hermes_de: the carrier answered with an error: e001: There is no information for the entered value."
    );
}

#[test]
fn three_by_three_codes_and_bad_input() {
    let body = br#"{"shipmentinfo":[{"shipmentID":"H1","status":[
        {"timestamp":"2024-01-02T10:00:00+01:00","code":"090005004","description":"x"}]}]}"#;
    let t = &wismo::parse(C, body).unwrap()[0];
    assert_eq!(t.events[0].code, "090005004");
    assert_eq!(t.events[0].mapping_key.as_deref(), Some("090005004"));

    let e = wismo::parse(
        C,
        br#"{"shipmentinfo":[{"shipmentID":"H1","status":[{"timestamp":"04.12.2020","code":"3500"}]}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "hermes_de: bad timestamp `04.12.2020` at shipmentinfo[0].status[0].timestamp"
    );
    let e = wismo::parse(
        C,
        br#"{"shipmentinfo":[{"status":[{"timestamp":"2020-12-04T07:58:24+01:00","code":"3500"}]}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "hermes_de: missing field `shipmentID` at shipmentinfo[0]"
    );
    assert!(wismo::parse(C, b"{}").is_err());
    assert!(wismo::parse(C, br#"{"shipmentinfo":{}}"#).is_err());
}
