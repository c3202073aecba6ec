//! Hand-written facts for the Canpar trackByBarcode fixtures
//! (`tests/fixtures/canpar/`).

mod common;

use wismo::{Carrier, Status, Substatus, Tracking};

fn parse_body(body: &[u8]) -> Result<Vec<Tracking>, wismo::Error> {
    wismo::parse(Carrier::Canpar, body)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    parse_body(&common::fixture("canpar", fixture)).unwrap()
}

#[test]
fn published_sample_delivered_via_interline() {
    let ts = parse("delivered_interline.xml");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "D999999988030400000008");
    let got: Vec<(&str, Status, Substatus)> = t
        .events
        .iter()
        .map(|e| (e.code.as_str(), e.status, e.substatus))
        .collect();
    use Status::*;
    use Substatus as S;
    assert_eq!(
        got,
        [
            ("PIC", InTransit, S::PickedUp),
            ("ARR", InTransit, S::ArrivedAtFacility),
            ("INO", InTransit, S::HandedToPartner),
            ("INA", InTransit, S::HandedToPartner),
            ("DEL", Delivered, S::Delivered),
        ]
    );
    assert!(t.events.iter().all(|e| e.mapped));
    assert_eq!(t.status, Delivered);
    // Local wall time; time_shift is not read as an offset.
    let last = t.events.last().unwrap();
    let time = last.time.unwrap();
    assert_eq!(time.offset, None);
    assert_eq!(time.to_string(), "2011-03-08T09:14:42");
    assert_eq!(t.delivered_at.unwrap().to_string(), "2011-03-08T09:14:42");
    assert_eq!(last.description, "DELIVERED");
    assert_eq!(last.location.city.as_deref(), Some("SUDBURY"));
    assert_eq!(last.location.postal_code.as_deref(), Some("P3A6C8"));
    assert_eq!(last.location.country.as_deref(), Some("CA"));
    assert_eq!(
        last.location.name.as_deref(),
        Some("1785 FROBISHER ST, UNIT C")
    );
    // estimated_delivery_date as a whole-day carrier window.
    let eta = t.estimated_delivery.as_ref().unwrap();
    assert_eq!(eta.earliest.to_string(), "2011-03-07T00:00:00");
    assert_eq!(eta.latest.to_string(), "2011-03-07T23:59:59");
}

#[test]
fn out_for_delivery_with_trailing_space_code() {
    let ts = parse("out_for_delivery.xml");
    let t = &ts[0];
    assert_eq!(t.tracking_number, "D999999988030400000015");
    let statuses: Vec<Status> = t.events.iter().map(|e| e.status).collect();
    use Status::*;
    assert_eq!(statuses, [InTransit, InTransit, InTransit, OutForDelivery]);
    // `WC ` is looked up trimmed.
    let wc = t.events.last().unwrap();
    assert_eq!(wc.code, "WC");
    assert!(wc.mapped);
    assert_eq!(wc.substatus, Substatus::OutForDelivery);
    assert_eq!(t.events[2].code, "SRT");
    assert_eq!(t.status, OutForDelivery);
    assert!(t.delivered_at.is_none());
    assert!(t.estimated_delivery.is_some());
}

#[test]
fn delivered_without_signature() {
    let ts = parse("delivered_no_signature.xml");
    let t = &ts[0];
    assert_eq!(t.events.len(), 3);
    assert_eq!(t.events[2].code, "NSR");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.delivered_at.unwrap().to_string(), "2011-03-10T11:30:20");
}

const ENV_OPEN: &str = r#"<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Body><ns:trackByBarcodeResponse xmlns:ns="http://ws.canparaddons.canpar.com"><ns:return xmlns:ax21="http://ws.dto.canshipws.canpar.com/xsd" xmlns:ax23="http://dto.canshipws.canpar.com/xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#;
const ENV_CLOSE: &str =
    "</ns:return></ns:trackByBarcodeResponse></soapenv:Body></soapenv:Envelope>";

fn envelope(inner: &str) -> Vec<u8> {
    format!("{ENV_OPEN}{inner}{ENV_CLOSE}").into_bytes()
}

#[test]
fn unknown_code_and_lite_event_place() {
    let body = envelope(
        r#"<ax21:result><ax23:barcode>X1</ax23:barcode><ax23:events><ax23:city>OTTAWA</ax23:city><ax23:code>ZZZ</ax23:code><ax23:country>CA</ax23:country><ax23:local_date_time>20240102 093000</ax23:local_date_time><ax23:postal_code>K1A0B1</ax23:postal_code></ax23:events></ax21:result>"#,
    );
    let ts = parse_body(&body).unwrap();
    let e = &ts[0].events[0];
    assert_eq!(e.code, "ZZZ");
    assert!(!e.mapped);
    assert_eq!(e.location.city.as_deref(), Some("OTTAWA"));
    assert_eq!(e.location.postal_code.as_deref(), Some("K1A0B1"));
    assert_eq!(e.time.unwrap().to_string(), "2024-01-02T09:30:00");
    assert!(ts[0].estimated_delivery.is_none());
}

#[test]
fn errors() {
    // The service's `error` element with no result.
    let body = envelope(r#"<ax21:error>Invalid barcode</ax21:error>"#);
    let e = parse_body(&body).unwrap_err();
    assert!(matches!(e, wismo::Error::CarrierError { .. }), "{e}");
    assert!(e.to_string().contains("Invalid barcode"), "{e}");
    // A nil error and no result: no tracking.
    let body = envelope(r#"<ax21:error xsi:nil="true"/>"#);
    assert!(parse_body(&body).unwrap().is_empty());
    // SOAP 1.2 fault.
    let fault = br#"<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope"><soapenv:Body><soapenv:Fault><soapenv:Code><soapenv:Value>soapenv:Receiver</soapenv:Value></soapenv:Code><soapenv:Reason><soapenv:Text>boom</soapenv:Text></soapenv:Reason></soapenv:Fault></soapenv:Body></soapenv:Envelope>"#;
    let e = parse_body(fault).unwrap_err();
    assert!(e.to_string().contains("boom"), "{e}");
    // Missing pieces and bad times.
    let e = parse_body(b"<a/>").unwrap_err();
    assert!(e.to_string().contains("`return`"), "{e}");
    let body = envelope(
        r#"<ax21:result><ax23:events><ax23:code>DEL</ax23:code><ax23:local_date_time>20110308 091442</ax23:local_date_time></ax23:events></ax21:result>"#,
    );
    let e = parse_body(&body).unwrap_err();
    assert!(e.to_string().contains("`barcode`"), "{e}");
    let body = envelope(
        r#"<ax21:result><ax23:barcode>X</ax23:barcode><ax23:events><ax23:code>DEL</ax23:code></ax23:events></ax21:result>"#,
    );
    let e = parse_body(&body).unwrap_err();
    assert!(e.to_string().contains("`local_date_time`"), "{e}");
    let body = envelope(
        r#"<ax21:result><ax23:barcode>X</ax23:barcode><ax23:events><ax23:code>DEL</ax23:code><ax23:local_date_time>2011-03-08 09:14</ax23:local_date_time></ax23:events></ax21:result>"#,
    );
    let e = parse_body(&body).unwrap_err();
    assert!(matches!(e, wismo::Error::Timestamp { .. }), "{e}");
    let body = envelope(
        r#"<ax21:result><ax23:barcode>X</ax23:barcode><ax23:estimated_delivery_date>2011</ax23:estimated_delivery_date></ax21:result>"#,
    );
    let e = parse_body(&body).unwrap_err();
    assert!(matches!(e, wismo::Error::Timestamp { .. }), "{e}");
    let e = parse_body(b"<a><b></a>").unwrap_err();
    assert!(matches!(e, wismo::Error::Xml { .. }), "{e}");
}
