//! Canada Post tracking-detail / tracking-summary fixtures: facts a reader of the
//! samples can check by eye.

use wismo::{Carrier, Category, Status, Substatus, Tracking};

fn parse(fixture: &str) -> Vec<Tracking> {
    let path = format!(
        "{}/tests/fixtures/canada_post/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    );
    wismo::parse(Carrier::CanadaPost, &std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn delivered_with_signature_and_est_offset() {
    let ts = parse("delivered_signature.xml");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "7023210039414604");
    assert_eq!(t.events.len(), 6);
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.substatus, Substatus::SignedFor);
    // EST is a fixed -05:00; the wall time is kept.
    let last = t.events.last().unwrap();
    assert_eq!(last.code, "20");
    assert_eq!(last.time.unwrap().to_string(), "2011-02-03T11:59:59-05:00");
    let ofd = t.events.iter().find(|e| e.code == "0174").unwrap();
    assert_eq!(ofd.status, Status::OutForDelivery);
    let delay = t.events.iter().find(|e| e.code == "0173").unwrap();
    assert_eq!(delay.substatus, Substatus::Delayed);
    // expected-delivery-date is the carrier's estimate (a whole day).
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2011-04-05T00:00:00");
    assert_eq!(eta.latest.to_string(), "2011-04-05T23:59:59");
}

#[test]
fn changed_expected_date_wins_and_zero_padding_is_kept() {
    let t = &parse("undelivered_address_error.xml")[0];
    assert_eq!(t.tracking_number, "1371134583769923");
    assert_eq!(t.events.len(), 7);
    assert_eq!(t.status, Status::OutForDelivery);
    assert_eq!(t.events[0].code, "3000");
    assert_eq!(t.events[0].status, Status::InfoReceived);
    assert_eq!(t.events[2].code, "0500");
    assert!(t.delivered_at.is_none());
    let eta = t.estimated_delivery.unwrap();
    assert_eq!(eta.earliest.to_string(), "2011-02-11T00:00:00");
}

#[test]
fn notice_card_then_post_office_then_delivered() {
    let t = &parse("dnc_pickup_notice.xml")[0];
    assert_eq!(t.tracking_number, "1680678172650919");
    assert_eq!(t.events.len(), 7);
    let card = t.events.iter().find(|e| e.code == "1479").unwrap();
    assert_eq!(card.status, Status::AttemptFailed);
    assert_eq!(card.substatus, Substatus::NoticeLeft);
    let po = t.events.iter().find(|e| e.code == "1701").unwrap();
    assert_eq!(po.status, Status::AvailableForPickup);
    let last_notice = t.events.iter().find(|e| e.code == "0156").unwrap();
    assert_eq!(last_notice.status, Status::AvailableForPickup);
    assert_eq!(
        last_notice.location.name.as_deref(),
        Some("VANKLEEK HILL PO")
    );
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2011-01-27T14:02:29-05:00"
    );
}

#[test]
fn zone_names_that_are_not_abbreviations_leave_no_offset() {
    let t = &parse("international_zone_name.xml")[0];
    assert_eq!(t.events.len(), 3);
    assert!(t.events.iter().all(|e| e.time.unwrap().offset.is_none()));
    let israel = t.events.iter().find(|e| e.code == "4600").unwrap();
    assert_eq!(israel.time.unwrap().to_string(), "2021-05-02T15:49:00");
    assert_eq!(israel.status, Status::InTransit);
    assert_eq!(
        t.events[0].substatus,
        Substatus::ArrivedInDestinationCountry
    );
    assert!(
        t.estimated_delivery.is_none(),
        "empty expected-delivery-date"
    );
}

#[test]
fn summary_and_multi_pin_forms() {
    let t = &parse("summary_induction.xml")[0];
    assert_eq!(t.tracking_number, "7023210039414604");
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.events[0].code, "INDUCTION");
    assert_eq!(
        t.events[0].mapping_key.as_deref(),
        Some("summary/INDUCTION")
    );
    assert_eq!(t.events[0].time.unwrap().to_string(), "2011-04-04T13:34:57");
    assert_eq!(t.status, Status::InfoReceived);
    assert!(t.estimated_delivery.is_some());

    let ts = parse("wrapper_two_pins.xml");
    let numbers: Vec<_> = ts.iter().map(|t| t.tracking_number.as_str()).collect();
    assert_eq!(numbers, ["7023210039414604", "1680678172650919"]);
    assert!(ts.iter().all(|t| t.status == Status::Delivered));
}

#[test]
fn error_answer() {
    let path = format!(
        "{}/tests/fixtures/canada_post/no_pin_history.xml",
        env!("CARGO_MANIFEST_DIR")
    );
    let e = wismo::parse(Carrier::CanadaPost, &std::fs::read(path).unwrap()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "canada_post: the carrier answered with an error: 004: No Pin History"
    );
    assert_eq!(e.classify(), Category::Carrier);
    let e = wismo::parse(Carrier::CanadaPost, b"<tracking-detail><pin>1</pin><significant-events><occurrence><event-date>2011-02-30</event-date><event-time>08:00:00</event-time></occurrence></significant-events></tracking-detail>").unwrap_err();
    assert_eq!(e.classify(), Category::Data);
    assert!(
        e.to_string().contains("significant-events.occurrence[0]"),
        "{e}"
    );
}

/// Scan-event ids beyond the published samples, in the shape of a
/// tracking-detail answer: each id gives the meaning of Canada Post's text.
#[test]
fn scan_event_ids_from_the_code_table() {
    let occurrence = |id: &str, text: &str| {
        format!(
            "<occurrence><event-identifier>{id}</event-identifier><event-date>2024-05-02</event-date>\
             <event-time>10:00:00</event-time><event-time-zone>EDT</event-time-zone>\
             <event-description>{text}</event-description></occurrence>"
        )
    };
    let cases = [
        (
            "1421",
            "Delivered to recipient's front door",
            Substatus::DeliveredToSafePlace,
        ),
        (
            "1441",
            "Delivered to community mailbox or parcel locker",
            Substatus::DeliveredToMailbox,
        ),
        (
            "1435",
            "Notice card left indicating where and when to pick up item",
            Substatus::NoticeLeft,
        ),
        (
            "1419",
            "Item was unclaimed by recipient. Item being returned to sender.",
            Substatus::NotCollected,
        ),
        (
            "0159",
            "Delivery may be delayed due to extreme weather conditions",
            Substatus::Delayed,
        ),
        ("175", "Item in transit", Substatus::InTransit),
    ];
    for (id, text, want) in cases {
        let body = format!(
            "<tracking-detail xmlns=\"http://www.canadapost.ca/ws/track-v2\"><pin>1371134583769923</pin>\
             <significant-events>{}</significant-events></tracking-detail>",
            occurrence(id, text)
        );
        let ts = wismo::parse(Carrier::CanadaPost, body.as_bytes()).unwrap();
        let e = &ts[0].events[0];
        assert_eq!(e.code, id, "the raw id is kept");
        assert!(e.mapped, "{id} is in the table");
        if !e.classified {
            assert_eq!(e.substatus, want, "{id}");
        }
    }
}
