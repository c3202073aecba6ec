//! Purolator TrackingService fixtures.

use wismo::{Carrier, Category, Status, Substatus, Tracking};

fn parse(fixture: &str) -> Vec<Tracking> {
    let path = format!(
        "{}/tests/fixtures/purolator/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    );
    wismo::parse(Carrier::Purolator, &std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn sample_scans_without_zone() {
    let t = &parse("new_tracking_number.xml")[0];
    assert_eq!(t.tracking_number, "M123");
    assert_eq!(t.events.len(), 2);
    let e = &t.events[0];
    assert_eq!(e.code, "Other");
    assert_eq!(
        e.mapping_key.as_deref(),
        Some("Other|New Tracking Number Assigned -")
    );
    assert_eq!(e.time.unwrap().to_string(), "2004-01-13T17:23:00");
    assert!(e.time.unwrap().offset.is_none());
    assert_eq!(
        e.location.name.as_deref(),
        Some("MONTREAL SORT CTR/CTR TRIE, PQ")
    );
    assert_eq!(t.status, Status::InTransit);
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn delivered_after_pickup_with_scan_subtypes() {
    let t = &parse("delivered_after_pickup.xml")[0];
    assert_eq!(t.events.len(), 5);
    let statuses: Vec<Status> = t.events.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            Status::InfoReceived,
            Status::InTransit,
            Status::InTransit,
            Status::OutForDelivery,
            Status::Delivered
        ]
    );
    // An Undeliverable scan that only says "Arrived at sort facility" is transit.
    assert_eq!(t.events[2].code, "Undeliverable");
    assert_eq!(t.events[2].substatus, Substatus::ArrivedAtFacility);
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.delivered_at.unwrap().to_string(), "2004-01-15T14:12:00");
}

#[test]
fn held_for_pickup_then_unclaimed() {
    let t = &parse("unclaimed_return.xml")[0];
    assert_eq!(t.events.len(), 4);
    let held = &t.events[2];
    assert_eq!(held.status, Status::AvailableForPickup);
    // The description ends in a full stop: found as sent.
    assert!(held.description.ends_with('.'));
    assert_eq!(t.status, Status::ReturnToSender);
    assert_eq!(t.substatus, Substatus::NotCollected);
}

#[test]
fn unknown_description_falls_back_to_the_scan_type() {
    let body = br#"<Envelope><Body><TrackPackagesByPinResponse><TrackingInformationList><TrackingInformation><PIN><Value>M1</Value></PIN><Scans><Scan><ScanType>OnDelivery</ScanType><ScanDate>2004-01-15</ScanDate><ScanTime>81000</ScanTime><Description>Some new wording</Description></Scan><Scan><ScanType>Mystery</ScanType><ScanDate>2004-01-15</ScanDate><ScanTime>91000</ScanTime><Description>x</Description></Scan></Scans></TrackingInformation></TrackingInformationList></TrackPackagesByPinResponse></Body></Envelope>"#;
    let t = &wismo::parse(Carrier::Purolator, body).unwrap()[0];
    assert_eq!(t.events[0].mapping_key.as_deref(), Some("OnDelivery|*"));
    assert!(!t.events[1].mapped);
    assert_eq!(t.events[1].code, "Mystery");
    assert_eq!(t.status, Status::OutForDelivery);
}

#[test]
fn errors() {
    // Shape of ResponseInformation/Errors/Error from TrackingService.xsd.
    let body = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><TrackPackagesByPinResponse xmlns="http://purolator.com/pws/datatypes/v1"><ResponseInformation><Errors><Error><Code>E1</Code><Description>PIN not found</Description><AdditionalInformation/></Error></Errors></ResponseInformation></TrackPackagesByPinResponse></s:Body></s:Envelope>"#;
    let e = wismo::parse(Carrier::Purolator, body).unwrap_err();
    assert_eq!(
        e.to_string(),
        "purolator: the carrier answered with an error: E1: PIN not found"
    );
    assert_eq!(e.classify(), Category::Carrier);
    let fault = b"<s:Envelope xmlns:s='x'><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Bad request</faultstring></s:Fault></s:Body></s:Envelope>";
    let e = wismo::parse(Carrier::Purolator, fault).unwrap_err();
    assert_eq!(e.classify(), Category::Carrier);
}
