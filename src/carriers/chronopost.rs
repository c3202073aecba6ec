//! Chronopost TrackingServiceWS (`trackSkybillV2`, also `trackSkybill`), the
//! whole SOAP envelope (namespace `http://cxf.tracking.soap.chronopost.fr/`).
//!
//! `return/listEventInfoComp/events` are the events, looked up by `code`
//! exactly as sent (`DC`, `TS`, `D`); `eventLabel` is the text, `officeLabel`
//! and `zipCode` the place. The tracking number is
//! `listEventInfoComp/skybillNumber` (or any `skybillNumber`); it is optional in
//! the schema, and empty when absent (the caller knows it from its request).
//!
//! Times: `eventDate` is an `xs:dateTime` with its offset
//! (`2022-06-20T16:54:13+02:00`), kept as sent. No ETA.
//!
//! A non-zero `errorCode` (with `errorMessage`) or a SOAP `Fault` is
//! [`Error::CarrierError`].

use super::xml::{self, Node};
use super::{bad_time, iso_time, location};
use crate::{Carrier, Error, Event, Tracking};

const C: Carrier = Carrier::Chronopost;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let root = xml::parse(C, body)?;
    if let Some(e) = root.soap_fault(C) {
        return Err(e);
    }
    let mut returns = Vec::new();
    root.find_all("return", &mut returns);
    if returns.is_empty() {
        return Err(Error::MissingField {
            carrier: C,
            field: "return",
            path: format!("<{}>", root.name),
        });
    }
    let mut out = Vec::with_capacity(returns.len());
    for (i, r) in returns.iter().enumerate() {
        let code = r.text_of("errorCode").unwrap_or("0");
        if code != "0" {
            let message = r.text_of("errorMessage").unwrap_or("unspecified error");
            return Err(Error::CarrierError {
                kind: crate::CarrierErrorKind::Other,
                carrier: C,
                code: Some(code.to_string()),
                message: format!("{code}: {message}"),
            });
        }
        out.push(tracking(r, i)?);
    }
    Ok(out)
}

fn tracking(r: &Node, i: usize) -> Result<Tracking, Error> {
    let list = r.child("listEventInfoComp");
    let number = list
        .and_then(|l| l.text_of("skybillNumber"))
        .or_else(|| r.find("skybillNumber").map(|n| n.text.as_ref()))
        .unwrap_or("");
    let mut events = Vec::new();
    for (j, e) in list.iter().flat_map(|l| l.children("events")).enumerate() {
        let at = || format!("return[{i}].listEventInfoComp.events[{j}]");
        let raw = e.text_of("eventDate").ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "eventDate",
            path: at(),
        })?;
        let time =
            iso_time(raw).ok_or_else(|| bad_time(C, || format!("{}.eventDate", at()), raw))?;
        let code = e.text_of("code").unwrap_or("");
        let mut loc = location(None, e.text_of("zipCode"), None);
        loc.name = e.text_of("officeLabel").map(str::to_string);
        events.push(
            Event::lookup(
                C,
                Some(time),
                code,
                None,
                e.text_of("eventLabel").unwrap_or(""),
            )
            .at(loc),
        );
    }
    Ok(Tracking::new(C, number, events, None))
}
