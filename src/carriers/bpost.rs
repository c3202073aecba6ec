//! bpost trackedmail tracking info v1 (`itemTracking`, namespace
//! `http://schema.post.be/tracking/v1/`), XML.
//!
//! One `itemTracking` per item (`itemCode` is the tracking number); each
//! `stateInfo` is an event, looked up by its `stateCode` exactly as sent (`T00`,
//! `L00`, `U01`). `stateDescription` is the text and `location` the place.
//! `dateReceipt` (the day bpost took the item in) is not an event.
//!
//! Times: `stateInfo/time` is an `xs:dateTime` with its offset
//! (`2012-11-23T07:11:18.923+01:00`), kept as sent.
//!
//! ETA: `deliveryTimeWindow` (`plannedDeliveryDateWindowStart` / `…End`);
//! `deliveryTime` is the actual delivery and is never an estimate.
//!
//! `systemException` and `businessException` answers are
//! [`Error::CarrierError`].

use super::xml::{self, Node};
use super::{bad_time, iso_time, iso_time_or_date};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, Location, Tracking};

const C: Carrier = Carrier::Bpost;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let root = xml::parse(C, body)?;
    let mut items = Vec::new();
    root.find_all("itemTracking", &mut items);
    if items.is_empty() {
        let exception = root
            .find("businessException")
            .or_else(|| root.find("systemException"));
        return Err(match exception {
            Some(e) => carrier_error(e),
            None => Error::MissingField {
                carrier: C,
                field: "itemTracking",
                path: format!("<{}>", root.name),
            },
        });
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = || format!("itemTracking[{i}]");
        let number = item
            .text_of("itemCode")
            .ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "itemCode",
                path: path(),
            })?;
        let mut events = Vec::new();
        for (j, s) in item.children("stateInfo").enumerate() {
            let at = || format!("{}.stateInfo[{j}]", path());
            let raw = s.text_of("time").ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "time",
                path: at(),
            })?;
            let time =
                iso_time(raw).ok_or_else(|| bad_time(C, || format!("{}.time", at()), raw))?;
            let code = s.text_of("stateCode").unwrap_or("");
            let mut event = Event::lookup(
                C,
                Some(time),
                code,
                None,
                s.text_of("stateDescription").unwrap_or(""),
            );
            event.location = Location {
                name: s.text_of("location").map(str::to_string),
                ..Location::default()
            };
            events.push(event);
        }
        let eta = eta(item, &path)?;
        out.push(Tracking::new(C, number, events, eta));
    }
    Ok(out)
}

fn carrier_error(e: &Node) -> Error {
    let code = e.text_of("code");
    let message = e
        .text_of("message")
        .map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unspecified error".to_string());
    Error::CarrierError {
        kind: crate::CarrierErrorKind::Other,
        carrier: C,
        code: code.map(str::to_string),
        message: match code {
            Some(c) => format!("{c}: {message}"),
            None => message,
        },
    }
}

fn eta(item: &Node, path: &dyn Fn() -> String) -> Result<Option<EtaWindow>, Error> {
    let Some(w) = item.child("deliveryTimeWindow") else {
        return Ok(None);
    };
    let read = |field: &str| -> Result<Option<crate::EventTime>, Error> {
        match w.text_of(field) {
            None => Ok(None),
            Some(s) => iso_time_or_date(s)
                .map(Some)
                .ok_or_else(|| bad_time(C, || format!("{}.deliveryTimeWindow.{field}", path()), s)),
        }
    };
    let start = read("plannedDeliveryDateWindowStart")?;
    let end = read("plannedDeliveryDateWindowEnd")?;
    let (earliest, latest) = match (start, end) {
        (Some(s), Some(e)) => (s, e),
        (Some(t), None) | (None, Some(t)) => (t, t),
        (None, None) => return Ok(None),
    };
    Ok(Some(EtaWindow {
        earliest,
        latest,
        source: EtaSource::Carrier,
    }))
}
