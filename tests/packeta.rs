//! Hand-written facts for the Packeta `packetTracking` / `packetStatus`
//! fixtures (`tests/fixtures/packeta/`): XML REST answers.

mod common;

use wismo::{Carrier, Category, Status, Substatus, Tracking};

fn body(fixture: &str) -> Vec<u8> {
    common::fixture("packeta", fixture)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    wismo::parse(Carrier::Packeta, &body(fixture)).unwrap()
}

fn statuses(t: &Tracking) -> Vec<Status> {
    t.events.iter().map(|e| e.status).collect()
}

#[test]
fn tracking_history_delivered_at_pickup_point() {
    let ts = parse("tracking_delivered.xml");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    // The body does not name the packet.
    assert_eq!(t.tracking_number, "");
    assert_eq!(t.events.len(), 6);
    assert_eq!(
        statuses(t),
        [
            Status::InfoReceived,
            Status::InTransit,
            Status::InTransit,
            Status::InTransit,
            Status::AvailableForPickup,
            Status::Delivered
        ]
    );
    let first = &t.events[0];
    assert_eq!(first.code, "received data");
    assert_eq!(first.mapping_key.as_deref(), Some("received data"));
    assert_eq!(first.description, "Packet data received.");
    // branchId 0: no branch yet.
    assert!(first.location.name.is_none());
    let pickup = &t.events[4];
    assert_eq!(pickup.substatus, Substatus::AtPickupPoint);
    assert_eq!(pickup.location.name.as_deref(), Some("4321"));
    // Prague local time without offset: none invented.
    let time = t.events[5].time.unwrap();
    assert_eq!(time.to_string(), "2024-03-06T16:48:57");
    assert!(time.offset.is_none());
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.delivered_at.unwrap().to_string(), "2024-03-06T16:48:57");
    // storedUntil is a pickup deadline, not an ETA.
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn not_collected_and_returned() {
    let t = &parse("tracking_not_collected_returned.xml")[0];
    assert_eq!(t.events.len(), 6);
    assert_eq!(t.events[4].code, "posted back");
    assert_eq!(t.events[4].substatus, Substatus::ReturnInTransit);
    assert_eq!(t.status, Status::ReturnToSender);
    assert_eq!(t.substatus, Substatus::ReturnedToShipper);
    assert!(t.delivered_at.is_none());
}

#[test]
fn current_status_only() {
    let t = &parse("status_ready_for_pickup.xml")[0];
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.status, Status::AvailableForPickup);
    assert_eq!(t.substatus, Substatus::AtPickupPoint);
    assert_eq!(t.events[0].time.unwrap().to_string(), "2024-03-05T13:22:08");
    let t = &parse("status_handed_to_carrier.xml")[0];
    assert_eq!(t.events[0].code, "handed to carrier");
    assert_eq!(t.substatus, Substatus::HandedToPartner);
}

#[test]
fn unknown_code_text_stays_unknown() {
    let body = b"<response><status>ok</status><result><record><dateTime>2024-01-01T10:00:00</dateTime><statusCode>31</statusCode><codeText>courier tracking code added</codeText></record></result></response>";
    let t = &wismo::parse(Carrier::Packeta, body).unwrap()[0];
    let e = &t.events[0];
    assert_eq!(e.code, "courier tracking code added");
    assert!(e.mapping_key.is_none());
    assert_eq!(e.description, "courier tracking code added");
    let body = b"<response><status>ok</status><result><record><dateTime>2024-01-01T10:00:00</dateTime><statusCode>31</statusCode></record></result></response>";
    let t = &wismo::parse(Carrier::Packeta, body).unwrap()[0];
    assert_eq!(t.events[0].code, "31");
    assert!(t.events[0].mapping_key.is_none());
}

#[test]
fn empty_result_gives_no_tracking() {
    let body = b"<response><status>ok</status><result/></response>";
    assert!(wismo::parse(Carrier::Packeta, body).unwrap().is_empty());
}

#[test]
fn fault_answers() {
    let e = wismo::parse(Carrier::Packeta, &body("fault_packet_id.xml")).unwrap_err();
    assert_eq!(e.classify(), Category::Carrier);
    assert_eq!(
        e.to_string(),
        "packeta: the carrier answered with an error: PacketIdFault: Unknown packet"
    );
    let soap = br#"<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>IncorrectApiPasswordFault</faultcode><faultstring>Incorrect API password.</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>"#;
    let e = wismo::parse(Carrier::Packeta, soap).unwrap_err();
    assert_eq!(
        e.to_string(),
        "packeta: the carrier answered with an error: IncorrectApiPasswordFault: Incorrect API password."
    );
}

#[test]
fn missing_and_bad_fields() {
    let body = b"<response><status>ok</status><result><record><codeText>delivered</codeText></record></result></response>";
    let e = wismo::parse(Carrier::Packeta, body).unwrap_err();
    assert_eq!(
        e.to_string(),
        "packeta: missing field `dateTime` at response.result.record[0]"
    );
    let body = b"<response><status>ok</status><result><dateTime>06.03.2024</dateTime><codeText>delivered</codeText></result></response>";
    let e = wismo::parse(Carrier::Packeta, body).unwrap_err();
    assert_eq!(
        e.to_string(),
        "packeta: bad timestamp `06.03.2024` at response.result.dateTime"
    );
    let e = wismo::parse(
        Carrier::Packeta,
        b"<response><status>ok</status></response>",
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "packeta: missing field `result` at response");
    let e = wismo::parse(Carrier::Packeta, b"<other/>").unwrap_err();
    assert_eq!(
        e.to_string(),
        "packeta: missing field `response` at <other>"
    );
}
