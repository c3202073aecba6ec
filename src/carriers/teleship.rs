//! Teleship API 1.0.0 (OpenAPI 3.0.0), `GET /api/tracking/{trackingNumber}`,
//! JSON `TrackingDto`.
//!
//! The answer is `{"status", "trackingNumber", "estimatedDelivery", …,
//! "events": [{"timestamp", "code", "description", "location"}]}`. Error
//! answers (400, 403, 404, 500) are `ResponseMessagesDto`: `{"messages":
//! [{"code": 404, "level", "message", "details": [...]}]}`
//! ([`Error::CarrierError`], message = the first message and its details).
//!
//! Codes: `events[].code` is a lower snake case status word (`picked_up`,
//! `in_transit`), looked up exactly as sent (the `# key:` of
//! `mappings/teleship.tsv`, the `TrackingDto.status` enum); words outside the
//! enum (karrio's test shows `collected`, `in_hub`, `customs_cleared`) stay
//! unmapped with their text. The shipment-level `status` is not an event.
//! `location` is free text (`Heathrow Airport, GB`) and becomes the location
//! name.
//!
//! Times: `timestamp` is ISO 8601 in UTC (`2025-11-03T10:00:00.000Z`) and is
//! kept as sent. The ETA is `estimatedDelivery`: a date-time is a point
//! window, a bare date (karrio's test sends `2025-01-20`) a whole-day window.

use super::{
    bad_time, carrier_eta, day_window, iso_time, iso_time_or_date, json, opt_one_or_many, text, Str,
};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, Location, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Teleship;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    #[serde(borrow)]
    tracking_number: Option<Str<'a>>,
    #[serde(borrow)]
    estimated_delivery: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    events: Option<Vec<TrackingEvent<'a>>>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    messages: Option<Vec<Message<'a>>>,
}

#[derive(Deserialize)]
struct TrackingEvent<'a> {
    #[serde(borrow)]
    timestamp: Option<Str<'a>>,
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    location: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Message<'a> {
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    message: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    details: Option<Vec<Str<'a>>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    let Some(number) = text(&body.tracking_number) else {
        if let Some(m) = body.messages.as_deref().and_then(<[Message]>::first) {
            let mut message = text(&m.message).unwrap_or("").to_string();
            for d in m.details.iter().flatten() {
                let d = d.trim();
                if !d.is_empty() {
                    if !message.is_empty() {
                        message.push_str("; ");
                    }
                    message.push_str(d);
                }
            }
            return Err(Error::CarrierError {
                kind: crate::CarrierErrorKind::Other,
                carrier: C,
                code: text(&m.code).map(str::to_string),
                message,
            });
        }
        return Err(Error::MissingField {
            carrier: C,
            field: "trackingNumber",
            path: "$".into(),
        });
    };
    let events = body.events.as_deref().unwrap_or_default();
    let mut out = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        out.push(event(e, || format!("events[{i}]"))?);
    }
    let eta = match text(&body.estimated_delivery) {
        None => None,
        Some(t) => Some(eta(t)?),
    };
    Ok(vec![Tracking::new(C, number, out, eta)])
}

fn event(e: &TrackingEvent<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let Some(ts) = text(&e.timestamp) else {
        return Err(Error::MissingField {
            carrier: C,
            field: "timestamp",
            path: path(),
        });
    };
    let time = iso_time(ts).ok_or_else(|| bad_time(C, || format!("{}.timestamp", path()), ts))?;
    let code = text(&e.code).unwrap_or("");
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    let loc = Location {
        name: text(&e.location).map(str::to_string),
        ..Location::default()
    };
    Ok(Event::meant(
        Some(time),
        code,
        None,
        text(&e.description).unwrap_or(""),
        mapping,
    )
    .at(loc))
}

fn eta(t: &str) -> Result<EtaWindow, Error> {
    if let Some(d) = super::local_date(t, "%Y-%m-%d") {
        let (earliest, latest) = day_window(d);
        return Ok(EtaWindow {
            earliest,
            latest,
            source: EtaSource::Carrier,
        });
    }
    iso_time_or_date(t)
        .and_then(|t| carrier_eta(Some(t), None))
        .ok_or_else(|| bad_time(C, || "estimatedDelivery".to_string(), t))
}
