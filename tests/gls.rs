//! Hand-written facts for the GLS Track And Trace v1 fixtures
//! (`tests/fixtures/gls/`).

use wismo::{Carrier, Category, Status, Substatus, Tracking};

fn parse(fixture: &str) -> Vec<Tracking> {
    let path = format!(
        "{}/tests/fixtures/gls/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    );
    wismo::parse(Carrier::Gls, &std::fs::read(&path).unwrap()).unwrap()
}

fn parse_err(fixture: &str) -> wismo::Error {
    let path = format!(
        "{}/tests/fixtures/gls/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    );
    wismo::parse(Carrier::Gls, &std::fs::read(&path).unwrap()).unwrap_err()
}

#[test]
fn in_transit_keeps_offsets_without_colon() {
    let ts = parse("in_transit.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "36301917596");
    assert_eq!(t.status, Status::InTransit);
    assert_eq!(t.substatus, Substatus::PickedUp);
    // Two events; the parcel status INTRANSIT repeats the latest one's status.
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.events[0].code, "INTIAL.PREADVICE", "oldest first");
    assert_eq!(t.events[0].status, Status::InfoReceived);
    assert_eq!(t.events[1].status, Status::InTransit);
    let time = t.events[1].time.unwrap();
    assert_eq!(time.to_string(), "2024-10-07T10:46:14+02:00");
    assert_eq!(time.offset.unwrap().local_minus_utc(), 7200);
    assert_eq!(t.events[1].location.city.as_deref(), Some("Berlin"));
    assert_eq!(t.events[1].location.postal_code.as_deref(), Some("10437"));
    assert!(t.estimated_delivery.is_none());
    assert!(t.delivered_at.is_none());
}

#[test]
fn delivered_to_parcel_shop_waits_for_recipient() {
    let t = &parse("parcel_shop_with_links.json")[0];
    assert_eq!(t.tracking_number, "42249028960");
    assert_eq!(t.status, Status::AvailableForPickup);
    assert_eq!(t.substatus, Substatus::AtPickupPoint);
    assert_eq!(t.events.len(), 4);
    let statuses: Vec<_> = t.events.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            Status::InfoReceived,
            Status::InfoReceived,
            Status::InTransit,
            Status::AvailableForPickup
        ]
    );
    assert_eq!(t.events[1].code, "INTIAL.E48_DATA");
    assert_eq!(
        t.events[3].time.unwrap().to_string(),
        "2025-02-10T15:13:46+01:00"
    );
    assert!(
        t.delivered_at.is_none(),
        "a parcel-shop drop is not a delivery"
    );
}

#[test]
fn collected_at_parcel_shop_is_delivered() {
    let t = &parse("collected_at_parcel_shop.json")[0];
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.substatus, Substatus::CollectedByRecipient);
    assert_eq!(t.events.len(), 7);
    assert!(t.events.iter().all(|e| e.mapped));
    let codes: Vec<_> = t.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "INTIAL.PREADVICE",
            "INTIAL.NORMAL",
            "OUTBOD.NORMAL",
            "INBOUD.NORMAL",
            "OUTDEL.NORMAL",
            "DELIVD.PARCELSHOP",
            "DELIVD.DEL_BY_PSAPP"
        ]
    );
    assert_eq!(t.events[4].status, Status::OutForDelivery);
    assert_eq!(t.events[5].status, Status::AvailableForPickup);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2025-02-12T17:41:05+01:00"
    );
}

#[test]
fn changed_address_is_a_redirect() {
    let t = &parse("changed_address_in_delivery.json")[0];
    assert_eq!(t.status, Status::OutForDelivery);
    assert_eq!(t.events.len(), 5);
    let changed = &t.events[3];
    assert_eq!(changed.code, "CHANGD.MONEWADDR");
    assert_eq!(changed.status, Status::InTransit);
    assert_eq!(changed.substatus, Substatus::Redirected);
    assert_eq!(changed.mapping_key.as_deref(), Some("CHANGD.MONEWADDR"));
    assert_eq!(
        changed.description,
        "Change completed for - Delivery at new address"
    );
}

fn one(body: &str) -> Tracking {
    let mut ts = wismo::parse(Carrier::Gls, body.as_bytes()).unwrap();
    assert_eq!(ts.len(), 1);
    ts.remove(0)
}

#[test]
fn unlisted_code_falls_back_to_its_group() {
    // NOTDEL.ABSENT is not in the table: its group row NOTDEL.* (coarse) reads it.
    let t = one(
        r#"{"parcels":[{"unitno":"1","status":"INWAREHOUSE","statusDateTime":"2026-08-02T09:00:00+0200","events":[
        {"code":"NOTDEL.ABSENT","description":"The parcel could not be delivered as the consignee was absent.","eventDateTime":"2026-08-02T09:00:00+0200"},
        {"code":"PICKOK.NORMAL","description":"","eventDateTime":"2026-08-01T09:00:00+0200"}]}]}"#,
    );
    let e = t.events.iter().find(|e| e.code == "NOTDEL.ABSENT").unwrap();
    assert_eq!(e.mapping_key.as_deref(), Some("NOTDEL.*"));
    assert!(e.mapped);
    if !e.classified {
        assert_eq!(e.status, Status::AttemptFailed);
    }
    assert!(Carrier::Gls.lookup("NOTDEL.*").unwrap().is_coarse());
    // A code whose group has no row stays unknown.
    let e = t.events.iter().find(|e| e.code == "PICKOK.NORMAL").unwrap();
    assert!(!e.mapped);
    assert_eq!(e.status, Status::Unknown);
    // INWAREHOUSE says something the events do not: it is kept.
    assert_eq!(t.events.len(), 3);
    assert_eq!(t.events[2].code, "INWAREHOUSE");
}

#[test]
fn delivered_status_is_not_a_second_delivered_event() {
    // Live answer: status DELIVERED at the very time of DELIVD.NORMAL.
    let t = &parse("delivered_live_ie.json")[0];
    assert_eq!(t.status, Status::Delivered);
    let codes: Vec<_> = t.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "INTIAL.PREADVICE",
            "INTIAL.NORMAL",
            "INBOUD.NORMAL",
            "OUTDEL.NORMAL",
            "DELIVD.NORMAL"
        ]
    );
    let delivered = t.events.iter().filter(|e| e.status == Status::Delivered);
    assert_eq!(delivered.count(), 1);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2026-07-29T10:02:00+02:00"
    );
}

#[test]
fn status_time_before_its_event_is_not_repeated() {
    let t = one(
        r#"{"parcels":[{"unitno":"1","status":"DELIVERED","statusDateTime":"2026-07-29T10:01:58+0200","events":[
        {"code":"DELIVD.NORMAL","description":"The parcel has been delivered.","eventDateTime":"2026-07-29T10:02:00+0200"},
        {"code":"OUTDEL.NORMAL","description":"The parcel is expected to be delivered during the day.","eventDateTime":"2026-07-29T06:52:37+0200"}]}]}"#,
    );
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.status, Status::Delivered);
    // A status that differs from the latest event is news and is kept.
    let t = one(
        r#"{"parcels":[{"unitno":"1","status":"NOTDELIVERED","statusDateTime":"2026-07-29T15:00:00+0200","events":[
        {"code":"OUTDEL.NORMAL","description":"The parcel is expected to be delivered during the day.","eventDateTime":"2026-07-29T06:52:37+0200"}]}]}"#,
    );
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.events[1].code, "NOTDELIVERED");
    assert_eq!(t.status, Status::AttemptFailed);
}

#[test]
fn several_parcels_for_one_reference() {
    let ts = parse("reference_two_parcels.json");
    let numbers: Vec<_> = ts.iter().map(|t| t.tracking_number.as_str()).collect();
    assert_eq!(numbers, ["93835330599", "93835330600"]);
    assert!(ts.iter().all(|t| t.status == Status::InTransit));
    assert!(ts.iter().all(|t| t.events.len() == 2));
}

#[test]
fn parcel_status_alone_becomes_an_event() {
    let ts = parse("test_parcels_status_only.json");
    assert_eq!(ts.len(), 2);
    let e = &ts[0].events[0];
    assert_eq!(ts[0].tracking_number, "QAS_0000010");
    assert_eq!(ts[0].status, Status::AttemptFailed);
    assert_eq!(e.code, "NOTDELIVERED");
    assert_eq!(e.mapping_key.as_deref(), Some("status/NOTDELIVERED"));
    assert_eq!(e.time.unwrap().to_string(), "2025-09-09T14:20:31+02:00");
    // FINAL does not say how the parcel ended: kept, but unmapped.
    assert_eq!(ts[1].events.len(), 1);
    assert_eq!(ts[1].events[0].code, "FINAL");
    assert!(!ts[1].events[0].mapped);
    assert_eq!(ts[1].status, Status::Unknown);
}

#[test]
fn parcel_status_later_than_events_adds_only_news() {
    // PREADVICE (info_received) follows an info_received event: nothing new.
    let ts = parse("partial_not_found.json");
    assert_eq!(ts.len(), 1, "the not-found parcel is left out");
    let t = &ts[0];
    assert_eq!(t.tracking_number, "36301917596");
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.status, Status::InfoReceived);
    assert_eq!(t.substatus, Substatus::AwaitingHandover);
}

#[test]
fn errors() {
    let e = parse_err("not_found.json");
    assert_eq!(
        e.to_string(),
        "gls: the carrier answered with an error: E_404_01: Resource Not Found"
    );
    assert_eq!(e.classify(), Category::Carrier);
    let e = parse_err("bad_request.json");
    assert_eq!(
        e.to_string(),
        "gls: the carrier answered with an error: Bad Request: Provided references of size '11' is more than allowed limit of 10"
    );
    let e = parse_err("token_expired.json");
    assert_eq!(
        e.to_string(),
        "gls: the carrier answered with an error: steps.jwt.TokenExpired: The Token has expired: policy(Verify-JWT)"
    );
}

#[test]
fn bad_input_is_a_typed_error() {
    let e = wismo::parse(
        Carrier::Gls,
        b"{\"parcels\":[{\"unitno\":\"1\",\"events\":[{\"code\":\"INTIAL.NORMAL\"}]}]}",
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "gls: missing field `eventDateTime` at parcels[0].events[0]"
    );
    let e = wismo::parse(
        Carrier::Gls,
        b"{\"parcels\":[{\"unitno\":\"1\",\"events\":[{\"eventDateTime\":\"2024-10-07T10:46:14+02\"}]}]}",
    );
    assert!(e.is_ok(), "a short +02 offset is still an offset");
    let e = wismo::parse(
        Carrier::Gls,
        b"{\"parcels\":[{\"unitno\":\"1\",\"events\":[{\"eventDateTime\":\"07.10.2024 10:46\"}]}]}",
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "gls: bad timestamp `07.10.2024 10:46` at parcels[0].events[0].eventDateTime"
    );
    let e = wismo::parse(Carrier::Gls, b"{\"parcels\":[{\"events\":[]}]}").unwrap_err();
    assert_eq!(e.to_string(), "gls: missing field `unitno` at parcels[0]");
    assert!(wismo::parse(Carrier::Gls, b"{}").is_err());
}
