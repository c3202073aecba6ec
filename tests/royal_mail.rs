//! Hand-written facts for the Royal Mail Tracking API v2 fixtures
//! (`tests/fixtures/royal_mail/`).

mod common;

use wismo::{Carrier, Category, Reason, Status, Substatus, Tracking};

fn body(fixture: &str) -> Vec<u8> {
    common::fixture("royal_mail", fixture)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    wismo::parse(Carrier::RoyalMail, &body(fixture)).unwrap()
}

#[test]
fn events_with_estimated_window() {
    let ts = parse("events_redirected.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "090367574000000FE1E1B");
    assert_eq!(t.status, Status::InTransit);
    assert_eq!(
        t.events.len(),
        1,
        "the summary repeats the event; not added"
    );
    let e = &t.events[0];
    assert_eq!(e.code, "EVNMI");
    assert_eq!(e.reason, Some(Reason::Missorted));
    assert_eq!(e.description, "Forwarded - Mis-sort");
    assert_eq!(e.location.name.as_deref(), Some("Stafford DO"));
    assert_eq!(e.time.unwrap().to_string(), "2016-10-20T10:04:00+01:00");
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2017-02-20T08:00:00+01:00");
    assert_eq!(eta.latest.to_string(), "2017-02-20T11:00:00+01:00");
}

#[test]
fn delivered_with_equal_times_keeps_carrier_order() {
    let t = &parse("delivered.json")[0];
    assert_eq!(t.tracking_number, "AA123456789US");
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.events.len(), 5);
    // Every scan has the same (anonymized) time; the newest-first list is
    // reversed, so the delivery scan is still the latest.
    let codes: Vec<_> = t.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["EVAIE", "EVDAV", "EVIMC", "EVGPD", "EVKOP"]);
    let statuses: Vec<_> = t.events.iter().map(|e| e.status).collect();
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
    assert!(t.events[0].location.is_empty());
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2023-07-18T12:19:25+01:00"
    );
    assert!(t.estimated_delivery.is_none(), "no estimatedDelivery given");
}

#[test]
fn summary_gives_latest_event_and_skips_unknown_barcode() {
    let ts = parse("summary_attempted_and_unknown_barcode.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "FQ087430672GB");
    assert_eq!(t.status, Status::AttemptFailed);
    assert_eq!(t.substatus, Substatus::RecipientAbsent);
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.events[0].code, "EVKNA");
    assert_eq!(t.events[0].reason, Some(Reason::RecipientAbsent));
    assert_eq!(
        t.events[0].time.unwrap().to_string(),
        "2016-10-21T09:12:00+01:00"
    );
}

#[test]
fn errors() {
    let e = wismo::parse(Carrier::RoyalMail, &body("error.json")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "royal_mail: the carrier answered with an error: E0004: Failed header validation for X-Accept-RMG-Terms"
    );
    assert_eq!(e.classify(), Category::Carrier);
    let e = wismo::parse(Carrier::RoyalMail, &body("summary_unknown_barcode.json")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "royal_mail: the carrier answered with an error: E1142: Barcode reference mailPieceId is not recognised"
    );
    // A numeric httpCode and no error list.
    let e = wismo::parse(
        Carrier::RoyalMail,
        br#"{"httpCode":401,"httpMessage":"Unauthorized","moreInformation":"Client id not registered."}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "royal_mail: the carrier answered with an error: Client id not registered."
    );
    assert!(matches!(e, wismo::Error::CarrierError { code: Some(c), .. } if c == "401"));
}

#[test]
fn bad_input_is_a_typed_error() {
    let e = wismo::parse(
        Carrier::RoyalMail,
        br#"{"mailPieces":{"mailPieceId":"X","events":[{"eventCode":"EVKSP"}]}}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "royal_mail: missing field `eventDateTime` at mailPieces[0].events[0]"
    );
    let e = wismo::parse(
        Carrier::RoyalMail,
        br#"{"mailPieces":{"mailPieceId":"X","events":[],"estimatedDelivery":{"date":"2017-02-20","startOfEstimatedWindow":"8am"}}}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "royal_mail: bad timestamp `8am` at mailPieces[0].estimatedDelivery.startOfEstimatedWindow"
    );
    // A date alone spans the day, without an invented offset.
    let t = &wismo::parse(
        Carrier::RoyalMail,
        br#"{"mailPieces":{"mailPieceId":"X","events":[],"estimatedDelivery":{"date":"2017-02-20"}}}"#,
    )
    .unwrap()[0];
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2017-02-20T00:00:00");
    assert_eq!(eta.latest.to_string(), "2017-02-20T23:59:59");
    assert!(wismo::parse(Carrier::RoyalMail, b"{}").is_err());
}
