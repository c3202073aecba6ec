//! Sendle tracking API (`GET /api/tracking/{ref}`, later `GET
//! /api/parcels/{ref}/tracking`), JSON, and Sendle's tracking webhook payload.
//!
//! The tracking answer is `{"state", "status", "scheduling", "tracking_events":
//! [...]}`. It does not repeat the Sendle reference that was asked for, so its
//! tracking number is empty (the caller knows it). A webhook payload is one
//! event object carrying `sendle_reference`; it becomes a tracking with that
//! one event.
//!
//! Sendle sends text, not codes: `event_type` (`Pickup`, `In Transit`, `Card
//! Left`, …) is looked up exactly as sent (the `# key:` of
//! `mappings/sendle.tsv`: status text, case and spaces kept). A free-text
//! `reason` is appended to the description.
//!
//! Times: `display_time` is the scan's local time with its offset
//! (`2023-04-04T16:55:00-04:00`) or, when Sendle has no local zone, the UTC
//! time with `Z`; it is used as given. Without it, `scan_time` (UTC, `Z`) is
//! used. Events come oldest first. The ETA is
//! `scheduling.estimated_delivery_date_minimum` … `_maximum` (dates, a
//! whole-day window); `delivered_on` is an actual date and never an ETA.
//!
//! Error answers are `{"error": "not_found", "error_description": "…"}`
//! ([`Error::CarrierError`]).

use super::{day_window, iso_time, json, opt_one_or_many, text, Str};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, Location, Tracking};
use chrono::NaiveDate;
use serde::Deserialize;

const C: Carrier = Carrier::Sendle;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    tracking_events: Option<Vec<TrackingEvent<'a>>>,
    #[serde(borrow)]
    scheduling: Option<Scheduling<'a>>,
    #[serde(borrow)]
    error: Option<Str<'a>>,
    #[serde(borrow)]
    error_description: Option<Str<'a>>,
    /// Webhook payload: the event's own fields at the top level (listed here
    /// rather than flattened, which would buffer the whole body).
    #[serde(borrow)]
    sendle_reference: Option<Str<'a>>,
    #[serde(borrow)]
    event_type: Option<Str<'a>>,
    #[serde(borrow)]
    scan_time: Option<Str<'a>>,
    #[serde(borrow)]
    display_time: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    reason: Option<Str<'a>>,
    #[serde(borrow)]
    location: Option<Str<'a>>,
    #[serde(borrow)]
    location_data: Option<LocationData<'a>>,
}

#[derive(Deserialize)]
struct Scheduling<'a> {
    #[serde(borrow)]
    estimated_delivery_date_minimum: Option<Str<'a>>,
    #[serde(borrow)]
    estimated_delivery_date_maximum: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct TrackingEvent<'a> {
    #[serde(borrow)]
    event_type: Option<Str<'a>>,
    #[serde(borrow)]
    scan_time: Option<Str<'a>>,
    #[serde(borrow)]
    display_time: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    reason: Option<Str<'a>>,
    #[serde(borrow)]
    location: Option<Str<'a>>,
    #[serde(borrow)]
    location_data: Option<LocationData<'a>>,
}

#[derive(Deserialize)]
struct LocationData<'a> {
    #[serde(borrow)]
    suburb: Option<Str<'a>>,
    #[serde(borrow)]
    postcode: Option<Str<'a>>,
    #[serde(borrow)]
    country: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let mut body: Body = json(C, body)?;
    let webhook_event = TrackingEvent {
        event_type: body.event_type.take(),
        scan_time: body.scan_time.take(),
        display_time: body.display_time.take(),
        description: body.description.take(),
        reason: body.reason.take(),
        location: body.location.take(),
        location_data: body.location_data.take(),
    };
    if let Some(events) = &body.tracking_events {
        let mut out = Vec::with_capacity(events.len());
        for (ei, e) in events.iter().enumerate() {
            out.push(event(e, || format!("tracking_events[{ei}]"))?);
        }
        let eta = body.scheduling.as_ref().map(eta).transpose()?.flatten();
        return Ok(vec![Tracking::new(C, "", out, eta)]);
    }
    if let Some(reference) = text(&body.sendle_reference) {
        let e = event(&webhook_event, || "$".to_string())?;
        return Ok(vec![Tracking::new(C, reference, vec![e], None)]);
    }
    Err(match (text(&body.error), text(&body.error_description)) {
        (None, None) => Error::MissingField {
            carrier: C,
            field: "tracking_events",
            path: "$".into(),
        },
        (code, description) => Error::CarrierError {
            kind: crate::CarrierErrorKind::Other,
            carrier: C,
            code: code.map(str::to_string),
            message: match (code, description) {
                (Some(c), Some(d)) => format!("{c}: {d}"),
                (c, d) => d.or(c).unwrap_or_default().to_string(),
            },
        },
    })
}

fn event(e: &TrackingEvent<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let (field, ts) = match (text(&e.display_time), text(&e.scan_time)) {
        (Some(t), _) => ("display_time", t),
        (None, Some(t)) => ("scan_time", t),
        (None, None) => {
            return Err(Error::MissingField {
                carrier: C,
                field: "scan_time",
                path: path(),
            })
        }
    };
    let time =
        iso_time(ts).ok_or_else(|| super::bad_time(C, || format!("{}.{field}", path()), ts))?;
    let code = text(&e.event_type).unwrap_or("");
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    let description = match (text(&e.description), text(&e.reason)) {
        (Some(d), Some(r)) => format!("{d}: {r}"),
        (d, r) => d.or(r).unwrap_or("").to_string(),
    };
    let data = e.location_data.as_ref();
    let loc = Location {
        name: text(&e.location).map(str::to_string),
        ..super::location(
            data.and_then(|d| text(&d.suburb)),
            data.and_then(|d| text(&d.postcode)),
            data.and_then(|d| text(&d.country)),
        )
    };
    Ok(Event::meant(Some(time), code, None, description, mapping).at(loc))
}

fn eta(s: &Scheduling<'_>) -> Result<Option<EtaWindow>, Error> {
    let date = |v: &Option<Str<'_>>, field: &str| -> Result<Option<NaiveDate>, Error> {
        let Some(t) = text(v) else { return Ok(None) };
        super::local_date(t, "%Y-%m-%d")
            .map(Some)
            .ok_or_else(|| super::bad_time(C, || format!("scheduling.{field}"), t))
    };
    let min = date(
        &s.estimated_delivery_date_minimum,
        "estimated_delivery_date_minimum",
    )?;
    let max = date(
        &s.estimated_delivery_date_maximum,
        "estimated_delivery_date_maximum",
    )?;
    let (first, last) = match (min, max) {
        (Some(a), Some(b)) => (a, b),
        (Some(d), None) | (None, Some(d)) => (d, d),
        (None, None) => return Ok(None),
    };
    Ok(Some(EtaWindow {
        earliest: day_window(first).0,
        latest: day_window(last).1,
        source: EtaSource::Carrier,
    }))
}
