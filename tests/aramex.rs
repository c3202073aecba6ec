//! Hand-written facts for the Aramex Shipments Tracking fixtures
//! (`tests/fixtures/aramex/`): SOAP envelopes and the WCF JSON form.

mod common;

use wismo::{Carrier, Category, Status, Substatus, Tracking};

fn body(fixture: &str) -> Vec<u8> {
    common::fixture("aramex", fixture)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    wismo::parse(Carrier::Aramex, &body(fixture)).unwrap()
}

fn statuses(t: &Tracking) -> Vec<Status> {
    t.events.iter().map(|e| e.status).collect()
}

#[test]
fn published_response_delivered_and_record_created() {
    let ts = parse("delivered_two_waybills.xml");
    assert_eq!(ts.len(), 2);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "41118182136");
    assert_eq!(t.events.len(), 3);
    // Sent newest first; ordered by time.
    assert_eq!(
        statuses(t),
        [Status::InTransit, Status::OutForDelivery, Status::Delivered]
    );
    let first = &t.events[0];
    assert_eq!(first.code, "SH160");
    assert_eq!(first.reason_code.as_deref(), Some("V01"));
    assert_eq!(first.mapping_key.as_deref(), Some("SH160"));
    assert_eq!(first.location.city.as_deref(), Some("Al Muqabalain"));
    assert_eq!(first.location.country.as_deref(), Some("Jordan"));
    // Local time without a zone: no offset invented.
    let delivered = &t.events[2];
    assert_eq!(delivered.time.unwrap().to_string(), "2015-07-13T13:08:00");
    assert!(delivered.time.unwrap().offset.is_none());
    assert_eq!(
        delivered.description,
        "Delivered (AMJAD Delivered by (Ayman Abushhail))"
    );
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.substatus, Substatus::Delivered);
    assert_eq!(t.delivered_at.unwrap().to_string(), "2015-07-13T13:08:00");
    assert!(t.estimated_delivery.is_none());

    let t = &ts[1];
    assert_eq!(t.tracking_number, "30994423681");
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.status, Status::InfoReceived);
    assert_eq!(t.substatus, Substatus::LabelCreated);
    assert_eq!(t.events[0].description, "Record created. (0.5,0.5,KG)");
}

#[test]
fn single_update_received_at_destination() {
    let t = &parse("received_at_destination.xml")[0];
    assert_eq!(t.tracking_number, "123456");
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.status, Status::InTransit);
    assert_eq!(t.substatus, Substatus::ArrivedAtFacility);
    assert_eq!(t.events[0].location.city.as_deref(), Some("JOHANNESBURG"));
    assert_eq!(
        t.events[0].location.country.as_deref(),
        Some("South Africa")
    );
}

#[test]
fn failed_attempt_then_return() {
    let t = &parse("failed_attempt_return.xml")[0];
    assert_eq!(t.tracking_number, "30000000011");
    assert_eq!(t.events.len(), 6);
    assert_eq!(
        statuses(t),
        [
            Status::InfoReceived,
            Status::InTransit,
            Status::InTransit,
            Status::OutForDelivery,
            Status::AttemptFailed,
            Status::ReturnToSender,
        ]
    );
    assert_eq!(t.events[1].substatus, Substatus::PickedUp);
    assert_eq!(t.events[4].code, "SH033");
    assert_eq!(t.failed_attempts, 1);
    assert_eq!(t.status, Status::ReturnToSender);
    assert_eq!(t.substatus, Substatus::ReturnInitiated);
    assert!(t.delivered_at.is_none());
}

#[test]
fn customs_hold_then_collected_at_office() {
    let t = &parse("customs_then_collected.xml")[0];
    assert_eq!(t.tracking_number, "30000000022");
    assert_eq!(t.events.len(), 6);
    assert_eq!(
        statuses(t),
        [
            Status::InfoReceived,
            Status::Exception,
            Status::InTransit,
            Status::AvailableForPickup,
            Status::Unknown,
            Status::Delivered,
        ]
    );
    assert_eq!(t.events[1].substatus, Substatus::CustomsHold);
    assert_eq!(t.events[2].substatus, Substatus::CustomsCleared);
    assert_eq!(t.events[3].substatus, Substatus::AtCarrierFacility);
    // A contact event is in the table but moves nothing.
    assert!(t.events[4].mapped);
    assert_eq!(t.events[4].code, "SH515");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.substatus, Substatus::CollectedByRecipient);
}

#[test]
fn wcf_json_dates_keep_the_service_offset() {
    let ts = parse("json_record_created.json");
    assert_eq!(ts.len(), 2);
    assert_eq!(ts[0].tracking_number, "44261925190");
    let time = ts[0].events[0].time.unwrap();
    // /Date(1706788140000+0300)/ is 2024-02-01T11:49:00Z written at +03:00.
    assert_eq!(time.to_string(), "2024-02-01T14:49:00+03:00");
    assert_eq!(ts[0].status, Status::InfoReceived);
    assert_eq!(ts[1].tracking_number, "44262358066");
    assert_eq!(
        ts[1].events[0].time.unwrap().to_string(),
        "2024-08-06T09:01:00+03:00"
    );
    let body = br#"{"TrackingResults":[{"Key":"1","Value":[{"UpdateCode":"SH005","UpdateDateTime":"/Date(1706788140000)/"}]}]}"#;
    let t = &wismo::parse(Carrier::Aramex, body).unwrap()[0];
    assert_eq!(
        t.events[0].time.unwrap().to_string(),
        "2024-02-01T11:49:00+00:00"
    );
    assert_eq!(t.status, Status::Delivered);
}

#[test]
fn error_answers() {
    for f in ["invalid_credentials.xml", "json_invalid_credentials.json"] {
        let e = wismo::parse(Carrier::Aramex, &body(f)).unwrap_err();
        assert_eq!(e.classify(), Category::Carrier);
        assert_eq!(
            e.to_string(),
            "aramex: the carrier answered with an error: ERR01: ClientInfo - Invalid username or password"
        );
    }
    let e = wismo::parse(Carrier::Aramex, &body("not_found.xml")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "aramex: the carrier answered with an error: waybill not found: 1Z12345E6205277936"
    );
    let fault = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Bad request</faultstring></s:Fault></s:Body></s:Envelope>"#;
    let e = wismo::parse(Carrier::Aramex, fault).unwrap_err();
    assert_eq!(e.classify(), Category::Carrier);
}

#[test]
fn bad_and_missing_times() {
    let xml = |time: &str| {
        format!(
            "<Envelope><Body><ShipmentTrackingResponse><TrackingResults><KeyValueOfstringArrayOfTrackingResultmFAkxlpY><Key>9</Key><Value><TrackingResult><UpdateCode>SH005</UpdateCode>{time}</TrackingResult></Value></KeyValueOfstringArrayOfTrackingResultmFAkxlpY></TrackingResults></ShipmentTrackingResponse></Body></Envelope>"
        )
    };
    let e = wismo::parse(Carrier::Aramex, xml("").as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "aramex: missing field `UpdateDateTime` at TrackingResults[0].Value.TrackingResult[0]"
    );
    let e = wismo::parse(
        Carrier::Aramex,
        xml("<UpdateDateTime>13/07/2015</UpdateDateTime>").as_bytes(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "aramex: bad timestamp `13/07/2015` at TrackingResults[0].Value.TrackingResult[0].UpdateDateTime"
    );
    let json = br#"{"TrackingResults":[{"Key":"1","Value":[{"UpdateDateTime":"/Date(abc)/"}]}]}"#;
    let e = wismo::parse(Carrier::Aramex, json).unwrap_err();
    assert_eq!(
        e.to_string(),
        "aramex: bad timestamp `/Date(abc)/` at TrackingResults[0].Value[0].UpdateDateTime"
    );
}
