//! Canpar Express web services, `CanparAddonsService` tracking (SOAP 1.2,
//! namespace `http://ws.canparaddons.canpar.com`, DTOs in
//! `http://dto.canshipws.canpar.com/xsd`): the whole envelope of a
//! `trackByBarcodeResponse` (also `trackByBarcodeV2Response` and the lite
//! forms, which share the event fields): `return` holds `error` and zero or
//! more `result` (TrackingResult) elements `{barcode, consignee_address,
//! delivered, estimated_delivery_date, events*, service_description_en, …}`,
//! each event `{address, code, code_description_en, code_description_fr,
//! comment, local_date_time, time_shift}`.
//!
//! Each `result` is one [`Tracking`] numbered by its `barcode`; each `events`
//! element is an event, looked up by `code` (trimmed: Canpar sends `WC ` with a
//! trailing space), the key of `mappings/canpar.tsv`. The text is
//! `code_description_en`, else `code_description_fr`, else `comment`. The
//! place is the event's `address` (`city`, `postal_code`, `country`, with
//! `address_line_1` as its name), or the lite form's `city`/`postal_code`/
//! `country` fields. The `delivered` flag is not read (the published sample
//! has `false` next to a DEL event).
//!
//! Times: `local_date_time` is `YYYYMMDD HHMMSS`, the local time of the
//! event's place, kept as wall time with offset `None`. `time_shift` (an
//! `xs:int`, `3` in the sample for Ontario events) is not documented in the
//! schema or the sample; it is not turned into an offset. The ETA is
//! `estimated_delivery_date` (`YYYYMMDD`) as a whole-day window, when sent.
//!
//! Errors: a SOAP `Fault` is [`Error::CarrierError`]; so is a non-empty
//! `error` element when the answer holds no result.

use super::xml::{self, Node};
use super::{
    bad_time, carrier_error, carrier_eta, compact_date_time, day_window, local_date, location,
};
use crate::{Carrier, Error, Event, EventTime, Tracking};

const C: Carrier = Carrier::Canpar;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let root = xml::parse(C, body)?;
    if let Some(fault) = root.soap_fault(C) {
        return Err(fault);
    }
    let ret = root.find("return").ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "return",
        path: format!("<{}>", root.name),
    })?;
    let results: Vec<&Node> = ret.children("result").collect();
    if results.iter().all(|r| r.children.is_empty()) {
        if let Some(message) = ret.text_of("error") {
            return Err(carrier_error(C, None, Some(message)));
        }
    }
    let mut out = Vec::with_capacity(results.len());
    for (i, r) in results.iter().enumerate() {
        // A nil result (`<result xsi:nil="true"/>`) carries nothing.
        if r.children.is_empty() {
            continue;
        }
        let path = |rest: &str| format!("return.result[{i}]{rest}");
        let number = r.text_of("barcode").ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "barcode",
            path: path(""),
        })?;
        let mut events = Vec::new();
        for (ei, e) in r.children("events").enumerate() {
            if e.children.is_empty() {
                continue;
            }
            events.push(event(e, || path(&format!(".events[{ei}]")))?);
        }
        let eta = match r.text_of("estimated_delivery_date") {
            Some(d) => {
                let date = local_date(d, "%Y%m%d")
                    .filter(|_| d.len() == 8)
                    .ok_or_else(|| bad_time(C, || path(".estimated_delivery_date"), d))?;
                let (from, to) = day_window(date);
                carrier_eta(Some(from), Some(to))
            }
            None => None,
        };
        out.push(Tracking::new(C, number, events, eta));
    }
    Ok(out)
}

fn event(e: &Node, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = e
        .text_of("local_date_time")
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "local_date_time",
            path: path(),
        })?;
    let (date, time) = ts.split_once(' ').unwrap_or((ts, ""));
    let wall = compact_date_time(date, time)
        .ok_or_else(|| bad_time(C, || format!("{}.local_date_time", path()), ts))?;
    let code = e.text_of("code").map(str::trim).unwrap_or("");
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    let description = e
        .text_of("code_description_en")
        .or_else(|| e.text_of("code_description_fr"))
        .or_else(|| e.text_of("comment"))
        .unwrap_or("");
    let place = e.child("address").unwrap_or(e);
    let mut at = location(
        place.text_of("city"),
        place.text_of("postal_code"),
        place.text_of("country"),
    );
    at.name = place.text_of("address_line_1").map(str::to_string);
    Ok(Event::meant(
        Some(EventTime::new(wall, None)),
        code,
        None,
        description,
        mapping,
    )
    .at(at))
}
