//! Packeta (Zásilkovna) API, XML REST form (`https://www.zasilkovna.cz/api/rest`,
//! the same operations as its SOAP API), methods `packetTracking` (the status
//! history) and `packetStatus` (the current status only).
//!
//! The answer is `<response><status>ok</status><result>…</result></response>`.
//! For `packetTracking` the result holds one `<record>` per status change; for
//! `packetStatus` the result is itself one record. A record
//! (`PacketStatusRecord`) has `dateTime`, `statusCode` (number), `codeText`
//! (`ready for pickup`), `statusText` (the text for the customer), `branchId`,
//! `destinationBranchId`, `externalTrackingCode`, `isReturning` and
//! `storedUntil`. Each record is an event; its code is `codeText`, exactly as
//! sent, which is the key of `mappings/packeta.tsv` (the numeric `statusCode`
//! is used as the code only when `codeText` is missing, and then matches no
//! row). The text is `statusText` (else `codeText`); the branch where it
//! happened (`branchId`) is the location's name (`0`, no branch yet, is
//! left out).
//!
//! The body does not name the packet: the tracking number is the empty string
//! (the caller knows which packet id it asked for), as for Asendia's bare
//! array. A result without records gives no tracking.
//!
//! Times: `dateTime` is Packeta's local time (Europe/Prague) without an offset
//! (`2019-08-22T14:12:34`): offset `None`. `storedUntil` is the last day the
//! parcel waits at the pickup point, not a delivery estimate: no ETA.
//!
//! Errors: `<status>fault</status>` with `<fault>` (the fault name,
//! `PacketIdFault`) and `<string>` (its message) is [`Error::CarrierError`], as
//! is a SOAP `Fault` from the SOAP endpoint.

use super::xml::{self, Record, Xml};
use super::{bad_time, carrier_error, iso_time};
use crate::event::Location;
use crate::{Carrier, Error, Event, Tracking};

const C: Carrier = Carrier::Packeta;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    xml::read(C, body, |x| {
        let mut events = None;
        xml::soap_descendants(x, C, |x, el| {
            if el.name == "response" && events.is_none() {
                events = Some(response(x)?);
            }
            Ok(())
        })?;
        let events = events.ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "response",
            path: format!("<{}>", x.root()),
        })?;
        if events.is_empty() {
            return Ok(Vec::new());
        }
        Ok(vec![Tracking::new(C, "", events, None)])
    })
}

const RECORD: &[&str; 5] = &[
    "dateTime",
    "codeText",
    "statusCode",
    "statusText",
    "branchId",
];

/// The events of the `response` element just opened.
fn response(x: &mut Xml) -> Result<Vec<Event>, Error> {
    let mut result = None;
    let mut records = xml::Events::new();
    let r = x.record(&["status", "fault", "string"], |x, el| {
        if el.name == "result" && result.is_none() {
            result = Some(x.record(RECORD, |x, el| {
                if el.name == "record" {
                    let i = records.index();
                    let at = || format!("response.result.record[{i}]");
                    records.push(event(&x.texts(RECORD)?, at));
                }
                Ok(())
            })?);
        }
        Ok(())
    })?;
    let fault = || carrier_error(C, r.get("fault"), r.get("string"));
    match r.get("status") {
        Some("ok") | None => {}
        Some(_) => return Err(fault()),
    }
    let Some(result) = result else {
        if r.has("fault") {
            return Err(fault());
        }
        return Err(Error::MissingField {
            carrier: C,
            field: "result",
            path: "response".into(),
        });
    };
    // packetStatus: the result is the record; packetTracking: its records.
    if result.has("dateTime") || result.has("codeText") {
        return Ok(vec![event(&result, || "response.result".to_string())?]);
    }
    records.finish()
}

fn event(r: &Record<5>, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = r.get("dateTime").ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "dateTime",
        path: path(),
    })?;
    let time = iso_time(ts).ok_or_else(|| bad_time(C, || format!("{}.dateTime", path()), ts))?;
    let code_text = r.get("codeText");
    let code = code_text.or_else(|| r.get("statusCode")).unwrap_or("");
    let mapping = code_text.and_then(|c| C.find(c));
    let text = r.get("statusText").or(code_text).unwrap_or("");
    let location = Location {
        name: r.get("branchId").filter(|b| *b != "0").map(str::to_string),
        ..Location::default()
    };
    Ok(Event::meant(Some(time), code, None, text, mapping).at(location))
}
