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

use super::xml::{self, Record, Xml};
use super::{bad_time, iso_time, location};
use crate::{Carrier, Error, Event, Tracking};

const C: Carrier = Carrier::Chronopost;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    xml::read(C, body, |x| {
        let mut out = Vec::new();
        xml::soap_descendants(x, C, |x, el| match el.name {
            "return" => {
                let i = out.len();
                out.push(tracking(x, i)?);
                Ok(())
            }
            _ => Ok(()),
        })?;
        if out.is_empty() {
            return Err(Error::MissingField {
                carrier: C,
                field: "return",
                path: format!("<{}>", x.root()),
            });
        }
        Ok(out)
    })
}

/// One `return`: its error, or its events.
fn tracking(x: &mut Xml, i: usize) -> Result<Tracking, Error> {
    let mut number = None;
    let mut any_number = None;
    let mut list_seen = false;
    let mut events = xml::Events::new();
    let r = x.record(&["errorCode", "errorMessage"], |x, el| match el.name {
        "listEventInfoComp" if !list_seen => {
            list_seen = true;
            let list = x.record(&["skybillNumber"], |x, el| {
                if el.name == "events" {
                    let j = events.index();
                    let at = || format!("return[{i}].listEventInfoComp.events[{j}]");
                    events.push(event(&x.texts(EVENT)?, at));
                }
                Ok(())
            })?;
            number = list.get("skybillNumber").map(str::to_string);
            Ok(())
        }
        _ => x.descendants(|x, el| {
            if el.name == "skybillNumber" && any_number.is_none() {
                any_number = Some(x.text()?);
            }
            Ok(())
        }),
    })?;
    let code = r.get("errorCode").unwrap_or("0");
    if code != "0" {
        let message = r.get("errorMessage").unwrap_or("unspecified error");
        return Err(Error::CarrierError {
            kind: crate::CarrierErrorKind::Other,
            carrier: C,
            code: Some(code.to_string()),
            message: format!("{code}: {message}"),
        });
    }
    let events = events.finish()?;
    let number = number.as_deref().or(any_number.as_deref()).unwrap_or("");
    Ok(Tracking::new(C, number, events, None))
}

const EVENT: &[&str; 5] = &["eventDate", "code", "zipCode", "officeLabel", "eventLabel"];

fn event(e: &Record<5>, at: impl Fn() -> String) -> Result<Event, Error> {
    let raw = e.get("eventDate").ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "eventDate",
        path: at(),
    })?;
    let time = iso_time(raw).ok_or_else(|| bad_time(C, || format!("{}.eventDate", at()), raw))?;
    let code = e.get("code").unwrap_or("");
    let mut loc = location(None, e.get("zipCode"), None);
    loc.name = e.get("officeLabel").map(str::to_string);
    Ok(Event::lookup(C, Some(time), code, None, e.get("eventLabel").unwrap_or("")).at(loc))
}
