//! Russian Post (Pochta Rossii) tracking API, single access (`rtm34`,
//! SOAP 1.2, `https://tracking.russianpost.ru/rtm34`), method
//! `getOperationHistory` (OperationHistory v2, namespaces
//! `http://russianpost.org/operationhistory` and `…/operationhistory/data`):
//! the whole SOAP envelope as returned.
//!
//! `getOperationHistoryResponse/OperationHistoryData` holds one `historyRecord`
//! per operation; the body is about one item, so it gives one tracking whose
//! number is the first record's `ItemParameters/Barcode`. A response with no
//! records (the service's "null list": no operation registered yet) gives no
//! tracking.
//!
//! Each record is an event. Its code is `OperationParameters/OperType/Id` and
//! its reason code `OperationParameters/OperAttr/Id`; the lookup key of
//! `mappings/russian_post.tsv` is `OperType.Id|OperAttr.Id` (`2|1`), then
//! `OperType.Id|*` when the attribute is absent or not listed. The text is
//! `OperType/Name`, then `: OperAttr/Name` when present (in the language asked
//! for, `RUS` or `ENG`). The place is `AddressParameters/OperationAddress`:
//! `Index` (postcode, absent abroad) and `Description` (office name) as the
//! location's name, with `CountryOper/Code2A` as the country.
//!
//! Times: `OperDate` is an `xs:dateTime` with the offset of the office's local
//! time (`2015-07-09T18:08:00.000+03:00`); the wall time and that offset are
//! kept. A time without offset would get offset `None`. The API gives no ETA.
//!
//! Errors: a SOAP `Fault` is [`Error::CarrierError`]; its `Detail` names the
//! kind (`OperationHistoryFaultReason`, `AuthorizationFaultReason`,
//! `LanguageFaultReason`), used as the code with the detail text as message,
//! else the SOAP `Code/Value` and `Reason/Text`.

use super::xml::{self, Node};
use super::{bad_time, carrier_error, iso_time};
use crate::event::Location;
use crate::{Carrier, Error, Event, Tracking};

const C: Carrier = Carrier::RussianPost;

/// The `Detail` elements the service uses for its three fault kinds.
const FAULT_REASONS: [&str; 3] = [
    "OperationHistoryFaultReason",
    "AuthorizationFaultReason",
    "LanguageFaultReason",
];

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let root = xml::parse(C, body)?;
    if let Some(fault) = root.find("Fault") {
        return Err(fault_error(fault, &root));
    }
    let response = root
        .find("getOperationHistoryResponse")
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "getOperationHistoryResponse",
            path: format!("<{}>", root.name),
        })?;
    let mut records = Vec::new();
    match response.child("OperationHistoryData") {
        Some(data) => records.extend(data.children("historyRecord")),
        // Tolerate records placed directly under the response element.
        None => records.extend(response.children("historyRecord")),
    }
    if records.is_empty() {
        return Ok(Vec::new());
    }
    let number = records
        .iter()
        .find_map(|r| r.child("ItemParameters").and_then(|i| i.text_of("Barcode")))
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "Barcode",
            path: "OperationHistoryData.historyRecord[0].ItemParameters".into(),
        })?;
    let mut events = Vec::with_capacity(records.len());
    for (i, r) in records.iter().enumerate() {
        events.push(event(r, || {
            format!("OperationHistoryData.historyRecord[{i}].OperationParameters")
        })?);
    }
    Ok(vec![Tracking::new(C, number, events, None)])
}

/// The SOAP fault as a carrier error: the service's detail reason when given.
fn fault_error(fault: &Node, root: &Node) -> Error {
    let detail = fault.child("Detail").or_else(|| fault.child("detail"));
    if let Some(detail) = detail {
        for kind in FAULT_REASONS {
            if let Some(reason) = detail.find(kind) {
                let message = match reason.text.as_ref() {
                    "" => fault
                        .child("Reason")
                        .and_then(|r| r.text_of("Text"))
                        .or_else(|| fault.text_of("faultstring")),
                    t => Some(t),
                };
                let code = kind.strip_suffix("Reason").unwrap_or(kind);
                return carrier_error(C, Some(code), message);
            }
        }
    }
    root.soap_fault(C)
        .unwrap_or_else(|| carrier_error(C, None, Some("SOAP fault")))
}

fn event(r: &Node, path: impl Fn() -> String) -> Result<Event, Error> {
    let op = r.child("OperationParameters");
    let ts = op
        .and_then(|o| o.text_of("OperDate"))
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "OperDate",
            path: path(),
        })?;
    let time = iso_time(ts).ok_or_else(|| bad_time(C, || format!("{}.OperDate", path()), ts))?;
    let oper_type = op.and_then(|o| o.child("OperType"));
    let oper_attr = op.and_then(|o| o.child("OperAttr"));
    let code = oper_type.and_then(|t| t.text_of("Id")).unwrap_or("");
    let attr = oper_attr.and_then(|a| a.text_of("Id"));
    let mapping = (!code.is_empty())
        .then(|| C.find_pair(code, attr))
        .flatten();
    let type_name = oper_type.and_then(|t| t.text_of("Name"));
    let attr_name = oper_attr.and_then(|a| a.text_of("Name"));
    let text = match (type_name, attr_name) {
        (Some(t), Some(a)) => format!("{t}: {a}"),
        (Some(t), None) => t.to_string(),
        (None, Some(a)) => a.to_string(),
        (None, None) => String::new(),
    };
    let address = r.child("AddressParameters");
    let place = address.and_then(|a| a.child("OperationAddress"));
    let own = |s: Option<&str>| s.map(str::to_string);
    let location = Location {
        city: None,
        postal_code: own(place.and_then(|p| p.text_of("Index"))),
        country: own(address
            .and_then(|a| a.child("CountryOper"))
            .and_then(|c| c.text_of("Code2A"))),
        name: own(place.and_then(|p| p.text_of("Description"))),
    };
    Ok(Event::meant(Some(time), code, attr.map(str::to_string), text, mapping).at(location))
}
