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

use super::xml::{self, Xml};
use super::{bad_time, carrier_error, iso_time};
use crate::event::Location;
use crate::{Carrier, Error, Event, Tracking};
use std::borrow::Cow;

const C: Carrier = Carrier::RussianPost;

/// The `Detail` elements the service uses for its three fault kinds.
const FAULT_REASONS: [&str; 3] = [
    "OperationHistoryFaultReason",
    "AuthorizationFaultReason",
    "LanguageFaultReason",
];

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    xml::read(C, body, |x| {
        let mut records = None;
        x.descendants(|x, el| match el.name {
            "Fault" => Err(fault_error(x)?),
            "getOperationHistoryResponse" if records.is_none() => {
                records = Some(response(x)?);
                Ok(())
            }
            _ => Ok(()),
        })?;
        let (number, events) = records.ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "getOperationHistoryResponse",
            path: format!("<{}>", x.root()),
        })?;
        if events.is_empty() {
            return Ok(Vec::new());
        }
        let number = number.ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "Barcode",
            path: "OperationHistoryData.historyRecord[0].ItemParameters".into(),
        })?;
        Ok(vec![Tracking::new(C, number, events.finish()?, None)])
    })
}

/// The SOAP fault just opened as a carrier error: the service's detail
/// reason when given.
fn fault_error(x: &mut Xml) -> Result<Error, Error> {
    let mut reasons: [Option<Cow<str>>; 3] = Default::default();
    let mut detail = false;
    let f = x.fault(|x, el| {
        if matches!(el.name, "Detail" | "detail") && !detail {
            detail = true;
            x.descendants(|x, el| {
                if let Some(k) = FAULT_REASONS.iter().position(|k| *k == el.name) {
                    if reasons[k].is_none() {
                        reasons[k] = Some(x.text()?);
                    }
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    for (kind, reason) in FAULT_REASONS.iter().zip(&reasons) {
        if let Some(reason) = reason {
            let message = match reason.as_ref() {
                "" => f.message.as_deref(),
                t => Some(t),
            };
            let code = kind.strip_suffix("Reason").unwrap_or(kind);
            return Ok(carrier_error(C, Some(code), message));
        }
    }
    Ok(f.error(C))
}

/// What `getOperationHistoryResponse` holds: the first barcode and the events.
type History<'a> = (Option<Cow<'a, str>>, xml::Events);

fn response<'a>(x: &mut Xml<'a>) -> Result<History<'a>, Error> {
    let mut number = None;
    let (mut data, mut direct) = ((false, xml::Events::new()), xml::Events::new());
    x.children(|x, el| match el.name {
        "OperationHistoryData" if !data.0 => {
            data.0 = true;
            x.children(|x, el| {
                if el.name == "historyRecord" {
                    record(x, &mut number, &mut data.1)?;
                }
                Ok(())
            })
        }
        // Tolerate records placed directly under the response element.
        "historyRecord" => record(x, &mut number, &mut direct),
        _ => Ok(()),
    })?;
    Ok((number, if data.0 { data.1 } else { direct }))
}

/// The `historyRecord` just opened.
fn record<'a>(
    x: &mut Xml<'a>,
    number: &mut Option<Cow<'a, str>>,
    events: &mut xml::Events,
) -> Result<(), Error> {
    let i = events.index();
    let path = || format!("OperationHistoryData.historyRecord[{i}].OperationParameters");
    let mut r = Operation::<'a>::default();
    let (mut op, mut item, mut address) = (false, false, false);
    x.children(|x, el| match el.name {
        "ItemParameters" if !item => {
            item = true;
            if number.is_none() {
                *number = x.text_of("Barcode")?;
            }
            Ok(())
        }
        "OperationParameters" if !op => {
            op = true;
            let (mut kind, mut attr) = (None, None);
            let mut o = x.record(&["OperDate"], |x, el| match el.name {
                "OperType" if kind.is_none() => {
                    kind = Some(x.texts(&["Id", "Name"])?);
                    Ok(())
                }
                "OperAttr" if attr.is_none() => {
                    attr = Some(x.texts(&["Id", "Name"])?);
                    Ok(())
                }
                _ => Ok(()),
            })?;
            r.date = o.take("OperDate");
            if let Some(mut k) = kind {
                (r.code, r.type_name) = (k.take("Id"), k.take("Name"));
            }
            if let Some(mut a) = attr {
                (r.attr, r.attr_name) = (a.take("Id"), a.take("Name"));
            }
            Ok(())
        }
        "AddressParameters" if !address => {
            address = true;
            let (mut place, mut country) = (false, false);
            x.children(|x, el| match el.name {
                "OperationAddress" if !place => {
                    place = true;
                    let p = x.texts(&["Index", "Description"])?;
                    r.location.postal_code = p.get("Index").map(str::to_string);
                    r.location.name = p.get("Description").map(str::to_string);
                    Ok(())
                }
                "CountryOper" if !country => {
                    country = true;
                    r.location.country = x.text_of("Code2A")?.map(Cow::into_owned);
                    Ok(())
                }
                _ => Ok(()),
            })
        }
        _ => Ok(()),
    })?;
    events.push(event(r, path));
    Ok(())
}

/// One record's fields.
#[derive(Default)]
struct Operation<'a> {
    date: Option<Cow<'a, str>>,
    code: Option<Cow<'a, str>>,
    type_name: Option<Cow<'a, str>>,
    attr: Option<Cow<'a, str>>,
    attr_name: Option<Cow<'a, str>>,
    location: Location,
}

fn event(r: Operation, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = r.date.as_deref().ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "OperDate",
        path: path(),
    })?;
    let time = iso_time(ts).ok_or_else(|| bad_time(C, || format!("{}.OperDate", path()), ts))?;
    let code = r.code.as_deref().unwrap_or("");
    let attr = r.attr.as_deref();
    let mapping = (!code.is_empty())
        .then(|| C.find_pair(code, attr))
        .flatten();
    let text = match (r.type_name, r.attr_name) {
        (Some(t), Some(a)) => format!("{t}: {a}"),
        (Some(t), None) => t.into_owned(),
        (None, Some(a)) => a.into_owned(),
        (None, None) => String::new(),
    };
    Ok(Event::meant(Some(time), code, attr.map(str::to_string), text, mapping).at(r.location))
}
