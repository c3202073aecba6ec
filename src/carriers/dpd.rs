//! DPD ParcelLifeCycleService 2.0 (`getTrackingData`), the whole SOAP envelope
//! (namespace `http://dpd.com/common/service/types/ParcelLifeCycleService/2.0`).
//!
//! `trackingresult/statusInfo` is a milestone ladder, not an event stream:
//! every entry has a `status` name, a `label`, a `description`, a `location`, a
//! `date` and the flags `statusHasBeenReached` and `isCurrentStatus`. Only
//! reached entries become events; entries not reached yet are future
//! milestones and are skipped. Events are looked up by `status` exactly as sent
//! (`Courier`, `ParcelShop`, `DELIVERED`, …). `shipmentInfo/status` (`SHIPMENT`)
//! describes the service, not an event.
//!
//! The response does not repeat the parcel number that was asked for: the
//! tracking number is taken from a `parcelLabelNumber` element when the body has
//! one, else it is empty (the caller knows it from its request).
//!
//! Times: `date/content` is local time with no zone, in the language of the
//! request; the English form is `8/17/2021 7:11:26 PM` (12-hour clock, month
//! first), read with [`super::us_date_time`]. Offset `None`. DPD gives no
//! machine-readable ETA here (`predictInformation` is free text), so the ETA is
//! `None`.
//!
//! A SOAP `Fault` is [`Error::CarrierError`], with the DPD `errorCode` and
//! `errorMessage` from its detail when present.

use super::xml::{self, Node};
use super::{bad_time, location, us_date_time};
use crate::{Carrier, Error, Event, EventTime, Tracking};

const C: Carrier = Carrier::Dpd;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let root = xml::parse(C, body)?;
    if let Some(e) = fault(&root) {
        return Err(e);
    }
    let mut results = Vec::new();
    root.find_all("trackingresult", &mut results);
    if results.is_empty() {
        return Err(Error::MissingField {
            carrier: C,
            field: "trackingresult",
            path: format!("<{}>", root.name),
        });
    }
    let number = root
        .find("parcelLabelNumber")
        .map(|n| n.text.as_ref())
        .unwrap_or("");
    let mut out = Vec::with_capacity(results.len());
    for (i, r) in results.iter().enumerate() {
        let mut events = Vec::new();
        for (j, s) in r.children("statusInfo").enumerate() {
            if !flag(s, "statusHasBeenReached") {
                continue;
            }
            let at = || format!("trackingresult[{i}].statusInfo[{j}]");
            events.push(status_event(s, at)?);
        }
        out.push(Tracking::new(C, number, events, None));
    }
    Ok(out)
}

fn fault(root: &Node) -> Option<Error> {
    if let Some(f) = root.find("Fault") {
        let code = f.find("errorCode").map(|n| n.text.as_ref());
        let message = f.find("errorMessage").map(|n| n.text.as_ref());
        if let (Some(code), Some(message)) = (
            code.filter(|c| !c.is_empty()),
            message.filter(|m| !m.is_empty()),
        ) {
            return Some(Error::CarrierError {
                kind: crate::CarrierErrorKind::Other,
                carrier: C,
                code: Some(code.to_string()),
                message: format!("{code}: {message}"),
            });
        }
        return root.soap_fault(C);
    }
    // The schema's own fault element: `faults` with `faultCode` and `message`.
    let f = root.find("faults")?;
    let code = f.text_of("faultCode");
    let message = f.text_of("message").unwrap_or("unspecified error");
    Some(Error::CarrierError {
        kind: crate::CarrierErrorKind::Other,
        carrier: C,
        code: code.map(str::to_string),
        message: match code {
            Some(c) => format!("{c}: {message}"),
            None => message.to_string(),
        },
    })
}

fn flag(n: &Node, name: &str) -> bool {
    n.text_of(name)
        .is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

/// The text of a `ContentLine` child (`<x><content>…</content>…</x>`).
fn line<'n>(n: &'n Node, name: &str) -> Option<&'n str> {
    n.child(name)?.text_of("content")
}

fn status_event(s: &Node, at: impl Fn() -> String) -> Result<Event, Error> {
    let date = line(s, "date").ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "date",
        path: at(),
    })?;
    let local = us_date_time(date).ok_or_else(|| bad_time(C, || format!("{}.date", at()), date))?;
    let code = s.text_of("status").unwrap_or("");
    // description/content is a list of content lines.
    let description: Vec<&str> = s
        .child("description")
        .map(|d| {
            d.children("content")
                .filter_map(|c| c.text_of("content"))
                .collect()
        })
        .unwrap_or_default();
    let description = if description.is_empty() {
        line(s, "label").unwrap_or("").to_string()
    } else {
        description.join(" ")
    };
    let loc = line(s, "location").map(place).unwrap_or_default();
    Ok(Event::lookup(
        C,
        Some(EventTime::new(local, None)),
        code,
        None,
        description,
    )
    .at(loc))
}

/// DPD writes places as `Mechelen (BE)`: city and country code.
fn place(s: &str) -> crate::Location {
    let s = s.trim();
    if let Some((city, rest)) = s.rsplit_once(" (") {
        if let Some(cc) = rest.strip_suffix(')') {
            if cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_uppercase()) {
                return location(Some(city), None, Some(cc));
            }
        }
    }
    location(Some(s), None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places() {
        let l = place("Mechelen (BE)");
        assert_eq!(l.city.as_deref(), Some("Mechelen"));
        assert_eq!(l.country.as_deref(), Some("BE"));
        assert_eq!(place("Depot 0530").city.as_deref(), Some("Depot 0530"));
    }
}
