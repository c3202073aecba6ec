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

use super::xml::{self, Record, Xml};
use super::{
    bad_time, carrier_error, carrier_eta, compact_date_time, day_window, local_date, location,
};
use crate::{Carrier, Error, Event, EventTime, Tracking};

const C: Carrier = Carrier::Canpar;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    xml::read(C, body, |x| {
        let mut ret = None;
        xml::soap_descendants(x, C, |x, el| {
            if el.name == "return" && ret.is_none() {
                ret = Some(answer(x)?);
            }
            Ok(())
        })?;
        ret.ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "return",
            path: format!("<{}>", x.root()),
        })?
    })
}

/// The `return` element just opened: its results, or its error when no
/// result carries anything.
fn answer(x: &mut Xml) -> Result<Result<Vec<Tracking>, Error>, Error> {
    let mut out = Vec::new();
    let mut i = 0;
    let ret = x.record(&["error"], |x, el| {
        if el.name == "result" {
            if let Some(t) = result(x, i)? {
                out.push(t);
            }
            i += 1;
        }
        Ok(())
    })?;
    if out.is_empty() {
        if let Some(message) = ret.get("error") {
            return Ok(Err(carrier_error(C, None, Some(message))));
        }
    }
    Ok(Ok(out))
}

/// The `result` element just opened; `None` for a nil result
/// (`<result xsi:nil="true"/>`), which carries nothing.
fn result(x: &mut Xml, i: usize) -> Result<Option<Tracking>, Error> {
    let path = |rest: &str| format!("return.result[{i}]{rest}");
    let mut events = xml::Events::new();
    let mut ei = 0;
    let r = x.record(&["barcode", "estimated_delivery_date"], |x, el| {
        if el.name == "events" {
            let mut address = None;
            let e = x.record(EVENT, |x, el| {
                if el.name == "address" && address.is_none() {
                    address = Some(x.texts(PLACE)?);
                }
                Ok(())
            })?;
            if !e.is_empty() {
                events.push(event(&e, address.as_ref(), || {
                    path(&format!(".events[{ei}]"))
                }));
            }
            ei += 1;
        }
        Ok(())
    })?;
    if r.is_empty() {
        return Ok(None);
    }
    let number = r.get("barcode").ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "barcode",
        path: path(""),
    })?;
    let events = events.finish()?;
    let eta = match r.get("estimated_delivery_date") {
        Some(d) => {
            let date = local_date(d, "%Y%m%d")
                .filter(|_| d.len() == 8)
                .ok_or_else(|| bad_time(C, || path(".estimated_delivery_date"), d))?;
            let (from, to) = day_window(date);
            carrier_eta(Some(from), Some(to))
        }
        None => None,
    };
    Ok(Some(Tracking::new(C, number, events, eta)))
}

const EVENT: &[&str; 9] = &[
    "local_date_time",
    "code",
    "code_description_en",
    "code_description_fr",
    "comment",
    "city",
    "postal_code",
    "country",
    "address_line_1",
];

const PLACE: &[&str; 4] = &["city", "postal_code", "country", "address_line_1"];

fn event(
    e: &Record<9>,
    address: Option<&Record<4>>,
    path: impl Fn() -> String,
) -> Result<Event, Error> {
    let ts = e
        .get("local_date_time")
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "local_date_time",
            path: path(),
        })?;
    let (date, time) = ts.split_once(' ').unwrap_or((ts, ""));
    let wall = compact_date_time(date, time)
        .ok_or_else(|| bad_time(C, || format!("{}.local_date_time", path()), ts))?;
    let code = e.get("code").map(str::trim).unwrap_or("");
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    let description = e
        .get("code_description_en")
        .or_else(|| e.get("code_description_fr"))
        .or_else(|| e.get("comment"))
        .unwrap_or("");
    // The place is the event's `address`, else the lite form's own fields.
    let place = |field: &str| match address {
        Some(a) => a.get(field),
        None => e.get(field),
    };
    let mut at = location(place("city"), place("postal_code"), place("country"));
    at.name = place("address_line_1").map(str::to_string);
    Ok(Event::meant(
        Some(EventTime::new(wall, None)),
        code,
        None,
        description,
        mapping,
    )
    .at(at))
}
