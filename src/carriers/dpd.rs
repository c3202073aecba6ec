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

use super::xml::{self, Xml};
use super::{bad_time, location, us_date_time};
use crate::{Carrier, Error, Event, EventTime, Tracking};
use std::borrow::Cow;

const C: Carrier = Carrier::Dpd;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    xml::read(C, body, |x| {
        let mut results = Vec::new();
        let mut number = None;
        let mut faults = None;
        x.descendants(|x, el| match el.name {
            "Fault" => Err(fault(x)?),
            "faults" if faults.is_none() => {
                faults = Some(schema_fault(x)?);
                Ok(())
            }
            "trackingresult" => {
                results.push(tracking_result(x, results.len())?);
                Ok(())
            }
            "parcelLabelNumber" if number.is_none() => {
                number = Some(x.text()?);
                Ok(())
            }
            _ => Ok(()),
        })?;
        if let Some(e) = faults {
            return Err(e);
        }
        if results.is_empty() {
            return Err(Error::MissingField {
                carrier: C,
                field: "trackingresult",
                path: format!("<{}>", x.root()),
            });
        }
        let number = number.as_deref().unwrap_or("");
        Ok(results
            .into_iter()
            .map(|events| Tracking::new(C, number, events, None))
            .collect())
    })
}

/// A SOAP `Fault`, with DPD's `errorCode` and `errorMessage` from anywhere
/// inside it when both are there.
fn fault(x: &mut Xml) -> Result<Error, Error> {
    let mut code = None;
    let mut message = None;
    let f = x.fault(|x, el| {
        let mut take = |x: &mut Xml<'_>, name: &str| -> Result<(), Error> {
            match name {
                "errorCode" if code.is_none() => code = Some(x.text()?.into_owned()),
                "errorMessage" if message.is_none() => message = Some(x.text()?.into_owned()),
                _ => {}
            }
            Ok(())
        };
        match el.name {
            "errorCode" | "errorMessage" => take(x, el.name),
            _ => x.descendants(|x, el| take(x, el.name)),
        }
    })?;
    Ok(
        match (
            code.filter(|c| !c.is_empty()),
            message.filter(|m| !m.is_empty()),
        ) {
            (Some(code), Some(message)) => Error::CarrierError {
                kind: crate::CarrierErrorKind::Other,
                carrier: C,
                message: format!("{code}: {message}"),
                code: Some(code),
            },
            _ => f.error(C),
        },
    )
}

/// The schema's own fault element: `faults` with `faultCode` and `message`.
fn schema_fault(x: &mut Xml) -> Result<Error, Error> {
    let f = x.texts(&["faultCode", "message"])?;
    let code = f.get("faultCode");
    let message = f.get("message").unwrap_or("unspecified error");
    Ok(xml::coded_error(C, code, message))
}

/// The reached `statusInfo` milestones of one `trackingresult`.
fn tracking_result(x: &mut Xml, i: usize) -> Result<Vec<Event>, Error> {
    let mut events = Vec::with_capacity(8);
    let mut j = 0;
    x.children(|x, el| {
        if el.name == "statusInfo" {
            let at = || format!("trackingresult[{i}].statusInfo[{j}]");
            if let Some(e) = status_event(x, at)? {
                events.push(e);
            }
            j += 1;
        }
        Ok(())
    })?;
    Ok(events)
}

/// The first `content` of a `ContentLine` child (`<x><content>…</content>…</x>`),
/// into `slot` unless an earlier child of that name filled it.
fn line<'a>(x: &mut Xml<'a>, slot: &mut Option<Option<Cow<'a, str>>>) -> Result<(), Error> {
    if slot.is_none() {
        *slot = Some(x.text_of("content")?);
    }
    Ok(())
}

/// A `statusInfo` milestone, `None` when it has not been reached.
fn status_event(x: &mut Xml, at: impl Fn() -> String) -> Result<Option<Event>, Error> {
    let (mut date, mut label, mut place) = (None, None, None);
    // description/content is a list of content lines.
    let mut description: Option<String> = None;
    let s = x.record(&["statusHasBeenReached", "status"], |x, el| match el.name {
        "date" => line(x, &mut date),
        "label" => line(x, &mut label),
        "location" => line(x, &mut place),
        "description" if description.is_none() => {
            let mut lines = String::new();
            x.children(|x, el| {
                if el.name == "content" {
                    if let Some(c) = x.text_of("content")? {
                        if !lines.is_empty() {
                            lines.push(' ');
                        }
                        lines.push_str(&c);
                    }
                }
                Ok(())
            })?;
            description = Some(lines);
            Ok(())
        }
        _ => Ok(()),
    })?;
    let reached = s
        .get("statusHasBeenReached")
        .is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "1");
    if !reached {
        return Ok(None);
    }
    let date = date.flatten().ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "date",
        path: at(),
    })?;
    let local =
        us_date_time(&date).ok_or_else(|| bad_time(C, || format!("{}.date", at()), &date))?;
    let code = s.get("status").unwrap_or("");
    let description = match description.filter(|d| !d.is_empty()) {
        Some(d) => d,
        None => label.flatten().as_deref().unwrap_or("").to_string(),
    };
    let loc = place.flatten().as_deref().map(place_of).unwrap_or_default();
    Ok(Some(
        Event::lookup(
            C,
            Some(EventTime::new(local, None)),
            code,
            None,
            description,
        )
        .at(loc),
    ))
}

/// DPD writes places as `Mechelen (BE)`: city and country code.
fn place_of(s: &str) -> crate::Location {
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
        let l = place_of("Mechelen (BE)");
        assert_eq!(l.city.as_deref(), Some("Mechelen"));
        assert_eq!(l.country.as_deref(), Some("BE"));
        assert_eq!(place_of("Depot 0530").city.as_deref(), Some("Depot 0530"));
    }
}
