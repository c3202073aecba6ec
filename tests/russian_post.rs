//! Hand-written facts for the Russian Post `getOperationHistory` fixtures
//! (`tests/fixtures/russian_post/`): SOAP 1.2 envelopes.

mod common;

use wismo::{Carrier, Category, Status, Substatus, Tracking};

fn body(fixture: &str) -> Vec<u8> {
    common::fixture("russian_post", fixture)
}

fn parse(fixture: &str) -> Vec<Tracking> {
    wismo::parse(Carrier::RussianPost, &body(fixture)).unwrap()
}

fn statuses(t: &Tracking) -> Vec<Status> {
    t.events.iter().map(|e| e.status).collect()
}

#[test]
fn delivered_domestic_ems() {
    let ts = parse("delivered_ems.xml");
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.tracking_number, "EA123456789RU");
    assert_eq!(t.events.len(), 4);
    assert_eq!(
        statuses(t),
        [
            Status::InTransit,
            Status::InTransit,
            Status::InTransit,
            Status::Delivered
        ]
    );
    // The spec's published record: OperType 1 "Прием", OperAttr 1 "Единичный".
    let first = &t.events[0];
    assert_eq!(first.code, "1");
    assert_eq!(first.reason_code.as_deref(), Some("1"));
    assert_eq!(first.mapping_key.as_deref(), Some("1|1"));
    assert_eq!(first.description, "Прием: Единичный");
    assert_eq!(first.substatus, Substatus::DroppedOff);
    assert_eq!(first.location.postal_code.as_deref(), Some("111555"));
    assert_eq!(first.location.name.as_deref(), Some("Москва 555"));
    assert_eq!(first.location.country.as_deref(), Some("RU"));
    // Milliseconds dropped, the office's offset kept.
    let time = first.time.unwrap();
    assert_eq!(time.to_string(), "2015-07-09T18:08:00+03:00");
    assert_eq!(time.offset.unwrap().local_minus_utc(), 3 * 3600);
    let delivered = &t.events[3];
    assert_eq!(delivered.mapping_key.as_deref(), Some("2|1"));
    assert_eq!(
        delivered.time.unwrap().to_string(),
        "2015-07-14T16:02:00+07:00"
    );
    assert_eq!(t.status, Status::Delivered);
    assert_eq!(t.substatus, Substatus::Delivered);
    assert_eq!(
        t.delivered_at.unwrap().to_string(),
        "2015-07-14T16:02:00+07:00"
    );
    assert!(t.estimated_delivery.is_none());
}

#[test]
fn customs_failed_attempt_and_return() {
    let t = &parse("customs_failed_attempt_return.xml")[0];
    assert_eq!(t.tracking_number, "RA644000001RU");
    assert_eq!(t.events.len(), 7);
    // Operations 10 and 9 come without OperAttr: looked up as `TYPE|*`.
    let export = &t.events[1];
    assert_eq!(export.code, "10");
    assert!(export.reason_code.is_none());
    assert_eq!(export.mapping_key.as_deref(), Some("10|*"));
    assert_eq!(export.location.country.as_deref(), Some("CN"));
    assert!(export.location.postal_code.is_none());
    assert_eq!(
        export.time.unwrap().to_string(),
        "2016-03-02T12:00:00+08:00"
    );
    assert_eq!(
        t.events[2].substatus,
        Substatus::ArrivedInDestinationCountry
    );
    assert_eq!(t.events[3].substatus, Substatus::CustomsCleared);
    let attempt = &t.events[5];
    assert_eq!(attempt.status, Status::AttemptFailed);
    assert_eq!(attempt.substatus, Substatus::RecipientAbsent);
    assert_eq!(
        attempt.description,
        "Неудачная попытка вручения: Временное отсутствие адресата"
    );
    assert_eq!(t.status, Status::ReturnToSender);
    assert_eq!(t.substatus, Substatus::NotCollected);
    assert!(t.delivered_at.is_none());
}

#[test]
fn no_operations_yet() {
    assert!(parse("no_operations.xml").is_empty());
}

#[test]
fn unlisted_attribute_falls_back_to_the_operation() {
    let body = r#"<Envelope><Body><getOperationHistoryResponse><OperationHistoryData><historyRecord><ItemParameters><Barcode>X1</Barcode></ItemParameters><OperationParameters><OperType><Id>2</Id><Name>Вручение</Name></OperType><OperAttr><Id>999</Id></OperAttr><OperDate>2015-01-08T14:50:00</OperDate></OperationParameters></historyRecord></OperationHistoryData></getOperationHistoryResponse></Body></Envelope>"#;
    let t = &wismo::parse(Carrier::RussianPost, body.as_bytes()).unwrap()[0];
    let e = &t.events[0];
    assert_eq!(e.mapping_key.as_deref(), Some("2|*"));
    assert_eq!(e.reason_code.as_deref(), Some("999"));
    assert_eq!(t.status, Status::Delivered);
    // No offset sent: none invented.
    assert!(e.time.unwrap().offset.is_none());
}

#[test]
fn fault_answers() {
    let e = wismo::parse(Carrier::RussianPost, &body("fault_invalid_request.xml")).unwrap_err();
    assert_eq!(e.classify(), Category::Carrier);
    assert_eq!(
        e.to_string(),
        "russian_post: the carrier answered with an error: OperationHistoryFault: The format of the request data is invalid"
    );
    let auth = br#"<S:Envelope xmlns:S="http://www.w3.org/2003/05/soap-envelope"><S:Body><S:Fault><S:Code><S:Value>S:Receiver</S:Value></S:Code><S:Reason><S:Text>Error</S:Text></S:Reason><S:Detail><ns3:AuthorizationFaultReason xmlns:ns3="http://russianpost.org/operationhistory/data">Bad login</ns3:AuthorizationFaultReason></S:Detail></S:Fault></S:Body></S:Envelope>"#;
    let e = wismo::parse(Carrier::RussianPost, auth).unwrap_err();
    assert_eq!(
        e.to_string(),
        "russian_post: the carrier answered with an error: AuthorizationFault: Bad login"
    );
    let plain = br#"<S:Envelope><S:Body><S:Fault><S:Code><S:Value>S:Sender</S:Value></S:Code><S:Reason><S:Text>Bad envelope</S:Text></S:Reason></S:Fault></S:Body></S:Envelope>"#;
    let e = wismo::parse(Carrier::RussianPost, plain).unwrap_err();
    assert_eq!(
        e.to_string(),
        "russian_post: the carrier answered with an error: S:Sender: Bad envelope"
    );
}

#[test]
fn missing_and_bad_fields() {
    let xml = |item: &str, date: &str| {
        format!("<Envelope><Body><getOperationHistoryResponse><OperationHistoryData><historyRecord>{item}<OperationParameters><OperType><Id>1</Id></OperType>{date}</OperationParameters></historyRecord></OperationHistoryData></getOperationHistoryResponse></Body></Envelope>")
    };
    let item = "<ItemParameters><Barcode>X1</Barcode></ItemParameters>";
    let e = wismo::parse(Carrier::RussianPost, xml(item, "").as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "russian_post: missing field `OperDate` at OperationHistoryData.historyRecord[0].OperationParameters"
    );
    let e = wismo::parse(
        Carrier::RussianPost,
        xml(item, "<OperDate>08.01.2015</OperDate>").as_bytes(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "russian_post: bad timestamp `08.01.2015` at OperationHistoryData.historyRecord[0].OperationParameters.OperDate"
    );
    let e = wismo::parse(
        Carrier::RussianPost,
        xml("", "<OperDate>2015-01-08T14:50:00.000+03:00</OperDate>").as_bytes(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "russian_post: missing field `Barcode` at OperationHistoryData.historyRecord[0].ItemParameters"
    );
    let e = wismo::parse(Carrier::RussianPost, b"<Envelope><Body/></Envelope>").unwrap_err();
    assert_eq!(
        e.to_string(),
        "russian_post: missing field `getOperationHistoryResponse` at <Envelope>"
    );
}
