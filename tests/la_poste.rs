//! Hand-written facts for the La Poste Suivi v2 fixtures, read as `la_poste`
//! (`tests/fixtures/la_poste/`) and as `colissimo` (`tests/fixtures/colissimo/`).

use wismo::{Carrier, Category, Status, Substatus, Tracking};

fn body(fixture: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(path).unwrap()
}

fn parse(carrier: Carrier, fixture: &str) -> Vec<Tracking> {
    wismo::parse(carrier, &body(fixture)).unwrap()
}

#[test]
fn delivered_international_for_both_ids() {
    for (carrier, fixture) in [
        (Carrier::LaPoste, "la_poste/delivered_international.json"),
        (Carrier::Colissimo, "colissimo/delivered_international.json"),
    ] {
        let ts = parse(carrier, fixture);
        assert_eq!(ts.len(), 1);
        let t = &ts[0];
        assert_eq!(t.carrier, carrier);
        assert_eq!(t.tracking_number, "EW112720413FR");
        assert_eq!(t.status, Status::Delivered);
        // Nine scans in event[]; the five timeline[] steps are not events.
        assert_eq!(t.events.len(), 9);
        assert!(t.events.iter().all(|e| e.mapped));
        assert_eq!(t.events[0].code, "DR1");
        assert_eq!(t.events[0].status, Status::InfoReceived);
        assert_eq!(t.events[1].status, Status::InTransit);
        assert_eq!(t.events[5].code, "ET3");
        assert_eq!(
            t.events[5].substatus,
            Substatus::ArrivedInDestinationCountry
        );
        assert_eq!(t.events[7].status, Status::OutForDelivery);
        assert_eq!(
            t.events[2].time.unwrap().to_string(),
            "2023-02-17T23:13:12+01:00"
        );
        assert_eq!(
            t.delivered_at.unwrap().to_string(),
            "2023-03-09T09:38:00+01:00"
        );
        // estimDate repeats the delivery time of a final shipment: no ETA.
        assert!(t.estimated_delivery.is_none());
    }
}

#[test]
fn failed_attempt_then_waiting_at_the_counter() {
    let t = &parse(
        Carrier::LaPoste,
        "la_poste/awaiting_collection_at_counter.json",
    )[0];
    assert_eq!(t.tracking_number, "1K36275770836");
    assert_eq!(t.status, Status::AvailableForPickup);
    assert_eq!(t.substatus, Substatus::AtCarrierFacility);
    let codes: Vec<_> = t.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["PC1", "ET1", "MD2", "ND1", "AG1"]);
    assert_eq!(t.events[3].status, Status::AttemptFailed);
    assert_eq!(t.events[3].description, "Non distribuable");
    assert!(t.delivered_at.is_none());
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn returned_to_sender_is_never_delivered() {
    let ts = parse(Carrier::Colissimo, "colissimo/returned_to_sender.json");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "6A23345678901");
    assert_eq!(t.status, Status::ReturnToSender);
    assert_eq!(t.substatus, Substatus::ReturnedToShipper);
    assert_eq!(t.events.len(), 8);
    assert_eq!(t.events[4].code, "ND1");
    assert_eq!(t.events[4].status, Status::AttemptFailed);
    assert_eq!(t.events[5].status, Status::AvailableForPickup);
    assert_eq!(t.events[6].status, Status::ReturnToSender);
    assert_eq!(t.events[7].code, "DI2");
    assert!(t.delivered_at.is_none());
    assert_eq!(
        t.events[7].time.unwrap().to_string(),
        "2024-05-21T11:20:00+02:00"
    );
}

#[test]
fn estimated_date_of_an_open_shipment() {
    let body = br#"{"returnCode":200,"shipment":{"idShip":"6A1","isFinal":false,
        "estimDate":"2024-03-07T12:00:00+01:00",
        "event":[{"code":"PC1","label":"Pris en charge","date":"2024-03-05T10:00:00+01:00"},
                 {"code":"LIVCFM","label":"Votre colis est livre","date":"2024-03-05T11:00:00+01:00"}]}}"#;
    let t = &wismo::parse(Carrier::LaPoste, body).unwrap()[0];
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2024-03-07T12:00:00+01:00");
    assert_eq!(eta.latest, eta.earliest);
    // LIVCFM (legacy Colissimo) is only in colissimo's table.
    assert!(!t.events[1].mapped);
    let t = &wismo::parse(Carrier::Colissimo, body).unwrap()[0];
    assert!(t.events[1].mapped);
    assert_eq!(t.events[1].status, Status::Delivered);
}

#[test]
fn errors() {
    for (carrier, fixture) in [
        (Carrier::LaPoste, "la_poste/invalid_number.json"),
        (Carrier::Colissimo, "colissimo/invalid_number.json"),
    ] {
        let e = wismo::parse(carrier, &body(fixture)).unwrap_err();
        assert_eq!(e.carrier(), Some(carrier));
        assert_eq!(e.classify(), Category::Carrier);
        assert_eq!(
            e.to_string(),
            format!("{carrier}: the carrier answered with an error: 400: Le numéro que vous avez saisi n’est pas valide. Nous vous invitons à vérifier votre saisie, en particulier le nombre de caractères.")
        );
    }
    let e = wismo::parse(
        Carrier::LaPoste,
        br#"{"code":"TOO_MANY_REQUESTS","message":"max quota reached (100 calls per 1s)"}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "la_poste: the carrier answered with an error: TOO_MANY_REQUESTS: max quota reached (100 calls per 1s)"
    );
}

#[test]
fn bad_input_is_a_typed_error() {
    let e = wismo::parse(
        Carrier::LaPoste,
        br#"{"returnCode":200,"shipment":{"idShip":"X","event":[{"code":"DI1","date":"09/03/2023"}]}}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "la_poste: bad timestamp `09/03/2023` at [0].shipment.event[0].date"
    );
    let e = wismo::parse(
        Carrier::Colissimo,
        br#"[{"returnCode":200,"shipment":{"event":[]}}]"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "colissimo: missing field `idShip` at [0].shipment"
    );
    assert!(wismo::parse(Carrier::LaPoste, b"{}").is_err());
    assert!(wismo::parse(Carrier::LaPoste, b"[").is_err());
}
