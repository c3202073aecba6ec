//! TNT ExpressConnect tracking fixtures.

use wismo::{Carrier, Category, Status, Substatus};

fn path(fixture: &str) -> String {
    format!(
        "{}/tests/fixtures/tnt/{fixture}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn delivered_after_recovered_delays_and_not_found_left_out() {
    let ts = wismo::parse(
        Carrier::Tnt,
        &std::fs::read(path("delivered_with_delays.xml")).unwrap(),
    )
    .unwrap();
    // Two consignments with data; the CNF (not found) one is left out.
    assert_eq!(ts.len(), 2);
    assert!(ts.iter().all(|t| t.tracking_number == "123456782"));
    let t = &ts[1];
    assert_eq!(t.events.len(), 15);
    assert_eq!(ts[0].events.len(), 1);
    let delay = t.events.iter().find(|e| e.code == "MLA").unwrap();
    assert_eq!(delay.substatus, Substatus::Delayed);
    assert_eq!(delay.location.name.as_deref(), Some("DZ5"));
    let ofd = t.events.iter().find(|e| e.code == "OD").unwrap();
    assert_eq!(ofd.time.unwrap().to_string(), "2021-02-04T07:47:00");
    assert!(ofd.time.unwrap().offset.is_none());
    assert_eq!(t.status, Status::Delivered);
    // DeliveryDate/DeliveryTime is the actual delivery, not an estimate.
    assert!(t.estimated_delivery.is_none());
    assert_eq!(ts[0].status, Status::Delivered);
}

#[test]
fn error_answer() {
    let e = wismo::parse(
        Carrier::Tnt,
        &std::fs::read(path("unauthorized.xml")).unwrap(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "tnt: the carrier answered with an error: 9000: Unauthorized Access"
    );
    assert_eq!(e.classify(), Category::Carrier);
    let e = wismo::parse(
        Carrier::Tnt,
        b"<TrackResponse><Consignment access=\"public\"><ConsignmentNumber>22222222</ConsignmentNumber><SummaryCode>CNF</SummaryCode></Consignment></TrackResponse>",
    )
    .unwrap_err();
    assert_eq!(e.classify(), Category::Carrier);
}
