//! Hand-written facts for the DHL Parcel DE Sendungsverfolgung XML fixtures
//! (`tests/fixtures/dhl_parcel_de/`).

mod common;

use wismo::{Carrier, Category, Reason, Status, Substatus, Tracking};

const C: Carrier = Carrier::DhlParcelDe;

fn fixture(name: &str) -> Vec<u8> {
    common::fixture("dhl_parcel_de", name)
}

fn parse(name: &str) -> Vec<Tracking> {
    wismo::parse(C, &fixture(name)).unwrap()
}

#[test]
fn piece_detail_delivered_after_packstation_posting() {
    let ts = parse("delivered_packstation.xml");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "00340434161094015902");
    assert_eq!(t.events.len(), 7);
    assert!(t.events.iter().all(|e| e.mapped));
    let first = &t.events[0];
    assert_eq!(
        (first.code.as_str(), first.reason_code.as_deref()),
        ("SHRCU", Some("PCKST"))
    );
    assert_eq!(first.mapping_key.as_deref(), Some("SHRCU|PCKST"));
    assert_eq!(first.substatus, Substatus::DroppedOff);
    // German local time without offset stays without offset.
    let time = first.time.unwrap();
    assert_eq!(time.to_string(), "2016-03-17T11:44:00");
    assert!(time.offset.is_none());
    assert_eq!(first.location.city.as_deref(), Some("Bremen"));
    assert_eq!(first.location.country.as_deref(), Some("Germany"));
    assert_eq!(t.events[2].substatus, Substatus::PickedUp);
    // SRTED|NRQRD (standard code PO) is a coarse pair; its text, "The
    // shipment has been loaded onto the delivery vehicle", is read with
    // certainty (issue 21 calibration).
    assert_eq!(t.events[5].status, Status::OutForDelivery);
    assert!(t.events[5].classified);
    let last = t.events.last().unwrap();
    assert_eq!(last.mapping_key.as_deref(), Some("DLVRD|OTHER"));
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.delivered_at.unwrap().to_string(), "2016-03-18T10:02:00");
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn failed_attempt_then_ready_at_the_branch() {
    let t = &parse("failed_attempt_then_branch.xml")[0];
    assert_eq!(t.tracking_number, "00340434161094027318");
    assert_eq!(t.events.len(), 7);
    let statuses: Vec<_> = t.events.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            Status::InfoReceived,
            Status::InTransit,
            Status::InTransit,
            // SRTED|NRQRD is a coarse pair; its text says "loaded onto the
            // delivery vehicle".
            Status::OutForDelivery,
            Status::AttemptFailed,
            Status::Unknown,
            Status::AvailableForPickup,
        ]
    );
    let ntdel = &t.events[4];
    assert_eq!(ntdel.mapping_key.as_deref(), Some("NTDEL|CNCNR"));
    assert_eq!(ntdel.reason, Some(Reason::RecipientAbsent));
    // An event with empty ice, ric and standard code comes out unmapped.
    let blank = &t.events[5];
    assert!(!blank.mapped);
    assert_eq!(blank.code, "");
    assert_eq!(
        blank.description,
        "Die Sendung wird in der Filiale bearbeitet."
    );
    assert_eq!(t.status, Status::AvailableForPickup);
    assert_eq!(t.substatus, Substatus::AtPickupPoint);
    assert!(t.delivered_at.is_none());
}

#[test]
fn public_user_and_piece_events_layouts() {
    let t = &parse("public_user_delivered.xml")[0];
    assert_eq!(t.tracking_number, "00340434161094027318");
    assert_eq!(t.events.len(), 4);
    assert_eq!(t.events[0].status, Status::InfoReceived);
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.delivered_at.unwrap().to_string(), "2021-12-24T09:32:00");

    // d-get-piece-events: the event list is the root.
    let t = &parse("piece_events.xml")[0];
    assert_eq!(t.tracking_number, "340434161094032954");
    assert_eq!(t.events.len(), 7);
    assert_eq!(t.status, Status::Delivered);
}

#[test]
fn piece_without_events_gives_its_latest_state() {
    let t = &parse("piece_latest_state.xml")[0];
    assert_eq!(t.tracking_number, "00340434161094042557");
    assert_eq!(t.events.len(), 1);
    let e = &t.events[0];
    assert_eq!(e.mapping_key.as_deref(), Some("DLVRD|OTHER"));
    assert_eq!(e.description, "Die Sendung wurde erfolgreich zugestellt.");
    assert_eq!(e.time.unwrap().to_string(), "2016-03-18T10:02:00");
    assert_eq!(t.status, Status::Delivered);
}

#[test]
fn error_codes_are_carrier_errors() {
    let e = wismo::parse(C, &fixture("not_found.xml")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "dhl_parcel_de: the carrier answered with an error: 100: No data found"
    );
    assert_eq!(e.classify(), Category::Carrier);
    let e = wismo::parse(C, &fixture("not_found_with_piece.xml")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "dhl_parcel_de: the carrier answered with an error: 100: Keine Daten gefunden."
    );
}

#[test]
fn std_fallback_eta_and_bad_input() {
    // An event code not in the table falls back to the standard event code; the
    // delivery-date format (DD.MM.YYYY, HH:MM window) is assumed from karrio's
    // reader, DHL publishes no sample with it.
    let body = r#"<data name="piece-shipment-list" code="0"><data name="piece-shipment" piece-code="003404341610940" delivery-event-flag="0" delivery-date="19.03.2016" delivery-timeframe-from="10:00" delivery-timeframe-to="13:00"><data name="piece-event-list"><data name="piece-event" event-timestamp="18.03.2016 09:02" ice="XXXXX" ric="QQQQQ" standard-event-code="EE" event-status="x"/></data></data></data>"#;
    let t = &wismo::parse(C, body.as_bytes()).unwrap()[0];
    let e = &t.events[0];
    assert!(e.mapped);
    assert_eq!(e.mapping_key.as_deref(), Some("std/EE"));
    assert_eq!(
        (e.code.as_str(), e.reason_code.as_deref()),
        ("XXXXX", Some("QQQQQ"))
    );
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2016-03-19T10:00:00");
    assert_eq!(eta.latest.to_string(), "2016-03-19T13:00:00");

    // After delivery the date is not taken as an estimate.
    let body = body.replace(r#"delivery-event-flag="0""#, r#"delivery-event-flag="1""#);
    assert!(wismo::parse(C, body.as_bytes()).unwrap()[0]
        .estimated_delivery
        .is_none());

    let e = wismo::parse(
        C,
        br#"<data name="piece-shipment-list" code="0"><data name="piece-shipment" piece-code="1"><data name="piece-event" event-timestamp="32.03.2016 09:02"/></data></data>"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "dhl_parcel_de: bad timestamp `32.03.2016 09:02` at data[@name='piece-shipment'][0]/data[@name='piece-event'][0]/@event-timestamp"
    );
    let e = wismo::parse(C, b"<TrackResponse/>").unwrap_err();
    assert_eq!(e.classify(), Category::Data);
    let e = wismo::parse(C, b"<data name=\"piece-shipment-list\"><data").unwrap_err();
    assert_eq!(e.classify(), Category::Syntax);
}
