//! Asendia tracking, JSON, in the shapes Asendia's APIs return:
//!
//! - Asendia Sync (`GET /api/customers/{customerId}/tracking/{trackingNumber}`):
//!   a single-number request returns a bare array of events; the object form
//!   `{"trackingNumber": …, "trackingEvents": [...]}` is read too. Events are
//!   looked up by `code` exactly as sent (`PU`, `IT`, `DL`); times are ISO 8601
//!   UTC (`2024-04-12T14:30:00Z`), kept with offset `+00:00`. A bare array does
//!   not repeat the tracking number: it is taken from an event's
//!   `trackingNumber` when present, else it is empty (the caller knows it).
//! - Asendia US tracking milestones (`{"data": [{"trackingNumberVendor": …,
//!   "trackingMilestoneEvents": [...]}], "responseStatus": {...}}`): events are
//!   looked up as `us/<eventCode>` (`us/s10`); `eventOn` is ISO 8601 with offset.
//!
//! Neither API gives an ETA in these bodies. Errors: an RFC 7807 problem
//! (`title`, `status`, `detail`) or an Asendia US `responseStatusCode` other
//! than 200 without data is [`Error::CarrierError`].

use super::{bad_time, iso_time, json, location, one_or_many, opt_one_or_many, text, Str};
use crate::{Carrier, Error, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Asendia;

#[derive(Deserialize)]
struct SyncEvent<'a> {
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    time: Option<Str<'a>>,
    #[serde(borrow, rename = "locationName")]
    location_name: Option<Str<'a>>,
    #[serde(borrow, rename = "locationCountry")]
    location_country: Option<Str<'a>>,
    #[serde(borrow, rename = "carrierEventDescription")]
    carrier_event_description: Option<Str<'a>>,
    #[serde(borrow, rename = "trackingNumber")]
    tracking_number: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Object<'a> {
    // Asendia Sync object form
    #[serde(borrow, rename = "trackingNumber")]
    tracking_number: Option<Str<'a>>,
    #[serde(
        borrow,
        rename = "trackingEvents",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    tracking_events: Option<Vec<SyncEvent<'a>>>,
    // Asendia US
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    data: Option<Vec<UsShipment<'a>>>,
    #[serde(borrow, rename = "responseStatus")]
    response_status: Option<UsStatus<'a>>,
    #[serde(rename = "responseStatusCode")]
    response_status_code: Option<serde_json::Number>,
    #[serde(borrow, rename = "responseStatusMessage")]
    response_status_message: Option<Str<'a>>,
    // RFC 7807 problem
    #[serde(borrow)]
    title: Option<Str<'a>>,
    status: Option<serde_json::Number>,
    #[serde(borrow)]
    detail: Option<Str<'a>>,
    #[serde(borrow)]
    message: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct UsStatus<'a> {
    #[serde(rename = "responseStatusCode")]
    response_status_code: Option<serde_json::Number>,
    #[serde(borrow, rename = "responseStatusMessage")]
    response_status_message: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct UsShipment<'a> {
    #[serde(borrow, rename = "trackingNumberVendor")]
    tracking_number_vendor: Option<Str<'a>>,
    #[serde(borrow, rename = "customerReferenceNumber")]
    customer_reference_number: Option<Str<'a>>,
    #[serde(
        borrow,
        default,
        rename = "trackingMilestoneEvents",
        deserialize_with = "one_or_many"
    )]
    tracking_milestone_events: Vec<UsEvent<'a>>,
}

#[derive(Deserialize)]
struct UsEvent<'a> {
    #[serde(borrow, rename = "eventCode")]
    event_code: Option<Str<'a>>,
    #[serde(borrow, rename = "eventDescription")]
    event_description: Option<Str<'a>>,
    #[serde(borrow, rename = "eventLocation")]
    event_location: Option<Str<'a>>,
    #[serde(borrow, rename = "eventOn")]
    event_on: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let trimmed = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let first = trimmed.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'[') {
        let events: Vec<SyncEvent> = json(C, body)?;
        let number = events
            .iter()
            .find_map(|e| text(&e.tracking_number))
            .unwrap_or("");
        return Ok(vec![sync_tracking(number, &events, "$")?]);
    }
    let o: Object = json(C, body)?;
    if let Some(events) = &o.tracking_events {
        let number = text(&o.tracking_number)
            .or_else(|| events.iter().find_map(|e| text(&e.tracking_number)))
            .unwrap_or("");
        return Ok(vec![sync_tracking(number, events, "trackingEvents")?]);
    }
    if let Some(data) = o.data.as_ref().filter(|d| !d.is_empty()) {
        let mut out = Vec::with_capacity(data.len());
        for (i, s) in data.iter().enumerate() {
            out.push(us_tracking(s, i)?);
        }
        return Ok(out);
    }
    Err(error(&o))
}

fn error(o: &Object<'_>) -> Error {
    let us = o.response_status.as_ref();
    let us_code = o
        .response_status_code
        .as_ref()
        .or(us.and_then(|s| s.response_status_code.as_ref()));
    let us_message =
        text(&o.response_status_message).or(us.and_then(|s| text(&s.response_status_message)));
    let code = o.status.as_ref().or(us_code).map(|n| n.to_string());
    let message = text(&o.detail)
        .or(text(&o.title))
        .or(text(&o.message))
        .or(us_message);
    match (code, message) {
        (None, None) if o.data.is_some() => Error::CarrierError {
            kind: crate::CarrierErrorKind::Other,
            carrier: C,
            code: None,
            message: "no tracking data".to_string(),
        },
        (None, None) => Error::MissingField {
            carrier: C,
            field: "trackingEvents",
            path: "$".into(),
        },
        (code, message) => {
            let message = message.unwrap_or("unspecified error");
            Error::CarrierError {
                kind: crate::CarrierErrorKind::Other,
                carrier: C,
                message: match &code {
                    Some(c) => format!("{c}: {message}"),
                    None => message.to_string(),
                },
                code,
            }
        }
    }
}

fn sync_tracking(number: &str, events: &[SyncEvent<'_>], path: &str) -> Result<Tracking, Error> {
    let mut out = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        let at = || format!("{path}[{i}]");
        let raw = text(&e.time).ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "time",
            path: at(),
        })?;
        let time = iso_time(raw).ok_or_else(|| bad_time(C, || format!("{}.time", at()), raw))?;
        let code = text(&e.code).unwrap_or("");
        let loc = location(text(&e.location_name), None, text(&e.location_country));
        out.push(
            Event::lookup(
                C,
                Some(time),
                code,
                None,
                text(&e.carrier_event_description).unwrap_or(""),
            )
            .at(loc),
        );
    }
    Ok(Tracking::new(C, number, out, None))
}

fn us_tracking(s: &UsShipment<'_>, i: usize) -> Result<Tracking, Error> {
    let path = || format!("data[{i}]");
    let number = text(&s.tracking_number_vendor)
        .or(text(&s.customer_reference_number))
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "trackingNumberVendor",
            path: path(),
        })?;
    let mut events = Vec::with_capacity(s.tracking_milestone_events.len());
    for (j, e) in s.tracking_milestone_events.iter().enumerate() {
        let at = || format!("{}.trackingMilestoneEvents[{j}]", path());
        let raw = text(&e.event_on).ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "eventOn",
            path: at(),
        })?;
        let time = iso_time(raw).ok_or_else(|| bad_time(C, || format!("{}.eventOn", at()), raw))?;
        let code = text(&e.event_code).unwrap_or("");
        let mapping = (!code.is_empty())
            .then(|| C.find_parts(&["us/", code]))
            .flatten();
        events.push(
            Event::meant(
                Some(time),
                code,
                None,
                text(&e.event_description).unwrap_or(""),
                mapping,
            )
            .at(location(text(&e.event_location), None, None)),
        );
    }
    Ok(Tracking::new(C, number, events, None))
}
