//! Hand-written facts for the Correos localizador fixtures
//! (`tests/fixtures/correos/`).

mod common;

use wismo::{Carrier, Status, Substatus, Tracking};

fn parse_body(body: &[u8]) -> Result<Vec<Tracking>, wismo::Error> {
    wismo::parse(Carrier::Correos, body)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    parse_body(&common::fixture("correos", fixture)).unwrap()
}

#[test]
fn prerregistered_with_delivered_linked_shipment() {
    let ts = parse("prerregistrado_with_return.json");
    assert_eq!(ts.len(), 2);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "PQ43B404AA015110128001N");
    assert_eq!(t.events.len(), 1);
    let e = &t.events[0];
    assert_eq!(e.code, "A090000V");
    assert_eq!(e.status, Status::InfoReceived);
    assert_eq!(e.substatus, Substatus::LabelCreated);
    assert_eq!(e.description, "Envío prerregistrado en el sistema");
    // Spanish local time, no offset sent.
    let time = e.time.unwrap();
    assert_eq!(time.offset, None);
    assert_eq!(time.to_string(), "2018-11-21T14:25:44");
    assert!(t.estimated_delivery.is_none());
    // The linked shipment (enviosAsociados) is its own tracking.
    let linked = &ts[1];
    assert_eq!(linked.tracking_number, "DQ43B404AA015110128042M");
    assert_eq!(linked.status, Status::Delivered);
    assert_eq!(
        linked.delivered_at.unwrap().to_string(),
        "2018-11-27T13:29:21"
    );
}

#[test]
fn delivered_without_hour_is_midnight() {
    let ts = parse("delivered_date_only.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "PQAZXT9800004250128221N");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.events[0].time.unwrap().to_string(), "2026-07-21T00:00:00");
}

#[test]
fn out_for_delivery_path() {
    let ts = parse("out_for_delivery.json");
    let t = &ts[0];
    assert_eq!(t.events.len(), 5);
    assert_eq!(t.status, Status::OutForDelivery);
    assert_eq!(t.events[1].substatus, Substatus::DroppedOff);
    assert_eq!(t.events[1].description, "Admitido");
    assert_eq!(t.events[3].substatus, Substatus::ArrivedAtFacility);
}

#[test]
fn errors() {
    let body = common::fixture("correos", "no_traceability.json");
    let e = parse_body(&body).unwrap_err();
    assert_eq!(
        e.to_string(),
        "correos: the carrier answered with an error: 3: Sin Trazabilidad en Minerva."
    );
    // A bare error object (no array) is read too.
    let e = parse_body(br#"{"codEnvio": "X", "eventos": [], "error": {"codError": "401", "desError": "Bad request"}}"#)
        .unwrap_err();
    assert!(e.to_string().contains("401: Bad request"), "{e}");
    let e = parse_body(
        br#"[{"codEnvio": "X", "eventos": [{"fecEvento": "2026-07-21", "codEvento": "I010000V"}]}]"#,
    )
    .unwrap_err();
    assert!(matches!(e, wismo::Error::Timestamp { .. }), "{e}");
    assert!(e.to_string().contains("$[0].eventos[0].fecEvento"), "{e}");
    let e =
        parse_body(br#"[{"codEnvio": "X", "eventos": [{"codEvento": "I010000V"}]}]"#).unwrap_err();
    assert!(e.to_string().contains("`fecEvento`"), "{e}");
    // An empty array: no tracking.
    assert!(parse_body(b"[]").unwrap().is_empty());
}
