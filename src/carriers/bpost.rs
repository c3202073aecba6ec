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

use super::xml::{self, Record, Xml};
use super::{bad_time, iso_time, iso_time_or_date};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, Location, Tracking};

const C: Carrier = Carrier::Bpost;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    xml::read(C, body, |x| {
        let mut out = Vec::new();
        let (mut business, mut system) = (None, None);
        x.descendants(|x, el| match el.name {
            "itemTracking" => {
                out.push(item(x, out.len())?);
                Ok(())
            }
            "businessException" if business.is_none() => {
                business = Some(carrier_error(&x.texts(EXCEPTION)?));
                Ok(())
            }
            "systemException" if system.is_none() => {
                system = Some(carrier_error(&x.texts(EXCEPTION)?));
                Ok(())
            }
            _ => Ok(()),
        })?;
        if out.is_empty() {
            return Err(business.or(system).unwrap_or_else(|| Error::MissingField {
                carrier: C,
                field: "itemTracking",
                path: format!("<{}>", x.root()),
            }));
        }
        Ok(out)
    })
}

fn item(x: &mut Xml, i: usize) -> Result<Tracking, Error> {
    let path = || format!("itemTracking[{i}]");
    let mut events = xml::Events::new();
    let mut window = None;
    let item = x.record(&["itemCode"], |x, el| {
        match el.name {
            "stateInfo" => {
                let at = || format!("{}.stateInfo[{}]", path(), events.index());
                events.push(event(&x.texts(STATE)?, at));
            }
            "deliveryTimeWindow" if window.is_none() => window = Some(x.texts(WINDOW)?),
            _ => {}
        }
        Ok(())
    })?;
    let number = item.get("itemCode").ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "itemCode",
        path: path(),
    })?;
    let events = events.finish()?;
    let eta = match window {
        Some(w) => eta(&w, &path)?,
        None => None,
    };
    Ok(Tracking::new(C, number, events, eta))
}

const STATE: &[&str; 4] = &["time", "stateCode", "stateDescription", "location"];

fn event(s: &Record<4>, at: impl Fn() -> String) -> Result<Event, Error> {
    let raw = s.get("time").ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "time",
        path: at(),
    })?;
    let time = iso_time(raw).ok_or_else(|| bad_time(C, || format!("{}.time", at()), raw))?;
    let code = s.get("stateCode").unwrap_or("");
    let mut event = Event::lookup(
        C,
        Some(time),
        code,
        None,
        s.get("stateDescription").unwrap_or(""),
    );
    event.location = Location {
        name: s.get("location").map(str::to_string),
        ..Location::default()
    };
    Ok(event)
}

const EXCEPTION: &[&str; 2] = &["code", "message"];

fn carrier_error(e: &Record<2>) -> Error {
    let code = e.get("code");
    let message = e
        .get("message")
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

const WINDOW: &[&str; 2] = &[
    "plannedDeliveryDateWindowStart",
    "plannedDeliveryDateWindowEnd",
];

fn eta(w: &Record<2>, path: &dyn Fn() -> String) -> Result<Option<EtaWindow>, Error> {
    let read = |field: &str| -> Result<Option<crate::EventTime>, Error> {
        match w.get(field) {
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
