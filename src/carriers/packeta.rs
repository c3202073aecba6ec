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

use super::xml::{self, Node};
use super::{bad_time, carrier_error, iso_time};
use crate::event::Location;
use crate::{Carrier, Error, Event, Tracking};

const C: Carrier = Carrier::Packeta;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let root = xml::parse(C, body)?;
    if let Some(e) = root.soap_fault(C) {
        return Err(e);
    }
    let response = root.find("response").ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "response",
        path: format!("<{}>", root.name),
    })?;
    match response.text_of("status") {
        Some("ok") | None => {}
        Some(_) => {
            return Err(carrier_error(
                C,
                response.text_of("fault"),
                response.text_of("string"),
            ))
        }
    }
    let Some(result) = response.child("result") else {
        if response.child("fault").is_some() {
            return Err(carrier_error(
                C,
                response.text_of("fault"),
                response.text_of("string"),
            ));
        }
        return Err(Error::MissingField {
            carrier: C,
            field: "result",
            path: "response".into(),
        });
    };
    // packetStatus: the result is the record; packetTracking: its records.
    let single = result.child("dateTime").is_some() || result.child("codeText").is_some();
    let mut events = Vec::new();
    if single {
        events.push(event(result, || "response.result".to_string())?);
    } else {
        for (i, r) in result.children("record").enumerate() {
            events.push(event(r, || format!("response.result.record[{i}]"))?);
        }
    }
    if events.is_empty() {
        return Ok(Vec::new());
    }
    Ok(vec![Tracking::new(C, "", events, None)])
}

fn event(r: &Node, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = r.text_of("dateTime").ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "dateTime",
        path: path(),
    })?;
    let time = iso_time(ts).ok_or_else(|| bad_time(C, || format!("{}.dateTime", path()), ts))?;
    let code_text = r.text_of("codeText");
    let code = code_text.or_else(|| r.text_of("statusCode")).unwrap_or("");
    let mapping = code_text.and_then(|c| C.find(c));
    let text = r.text_of("statusText").or(code_text).unwrap_or("");
    let location = Location {
        name: r
            .text_of("branchId")
            .filter(|b| *b != "0")
            .map(str::to_string),
        ..Location::default()
    };
    Ok(Event::meant(Some(time), code, None, text, mapping).at(location))
}
