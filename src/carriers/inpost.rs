//! InPost ShipX tracking (`GET /v1/tracking/{tracking_number}`, Tracking
//! resource 1.x), JSON.
//!
//! `tracking_details[]` is the status history, newest first (as documented);
//! each entry has `status` (a snake_case ShipX status name such as
//! `ready_to_pickup`), `origin_status` (InPost's internal status symbol, e.g.
//! `PPN`, kept as the event's `reason_code`), `agency` and `datetime`. Events
//! are looked up by `status` exactly as sent (the `# key:` of
//! `mappings/inpost.tsv`); the list is reversed so equal times keep InPost's
//! order. When the history is empty, the top-level `status` becomes the only
//! event, at `updated_at`.
//!
//! Times are ISO 8601 with offset and milliseconds
//! (`2015-09-17T11:28:00.000+02:00`); the wall time and offset are kept.
//! ShipX tracking gives no delivery estimate. Error answers are `{"status":
//! 404, "error": "resource_not_found", "message": "…"}` (or the RFC 7807 shape
//! `title`/`detail`) and become [`Error::CarrierError`].
//!
//! The ShipX webhook body is read too (InPost's "Webhooks" page):
//! `{"event_ts": "2020-03-20 15:08:42 +0100", "event":
//! "shipment_status_changed", "organization_id", "payload": {"shipment_id",
//! "status", "tracking_number"}}` is one event with the new `status` as its
//! code; any other `event` (`shipment_confirmed`, `offers_prepared`) is one
//! event whose code is the event name. `event_ts` keeps its wall time and
//! offset. `tracking_number` may be `null` (a shipment not yet numbered):
//! the tracking number is then empty and the caller, who knows the
//! `shipment_id`, fills it.

use super::{iso_time, json, opt_one_or_many, text, Str};
use crate::{Carrier, Error, Event, Location, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Inpost;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow)]
    tracking_number: Option<Str<'a>>,
    /// The current status on a tracking body; the HTTP status on an error body.
    #[serde(borrow)]
    status: Option<StatusField<'a>>,
    #[serde(borrow)]
    updated_at: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    tracking_details: Option<Vec<Detail<'a>>>,
    #[serde(borrow)]
    error: Option<Str<'a>>,
    #[serde(borrow)]
    message: Option<Str<'a>>,
    #[serde(borrow)]
    title: Option<Str<'a>>,
    #[serde(borrow)]
    detail: Option<Str<'a>>,
    /// A webhook's event name.
    #[serde(borrow)]
    event: Option<Str<'a>>,
    #[serde(borrow)]
    event_ts: Option<Str<'a>>,
    #[serde(borrow)]
    payload: Option<Payload<'a>>,
}

/// The `payload` of a ShipX webhook.
#[derive(Deserialize)]
struct Payload<'a> {
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow)]
    tracking_number: Option<Str<'a>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StatusField<'a> {
    #[serde(borrow)]
    Name(Str<'a>),
    Http(serde_json::Number),
}

#[derive(Deserialize)]
struct Detail<'a> {
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow)]
    origin_status: Option<Str<'a>>,
    #[serde(borrow)]
    agency: Option<Str<'a>>,
    #[serde(borrow)]
    datetime: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    if let Some(name) = text(&body.event) {
        return webhook(&body, name);
    }
    let Some(number) = text(&body.tracking_number) else {
        return Err(carrier_error(&body));
    };
    let details = body.tracking_details.as_deref().unwrap_or_default();
    let mut events = Vec::with_capacity(details.len().max(1));
    // Newest first in the body: reverse so equal times keep InPost's order.
    for (di, d) in details.iter().enumerate().rev() {
        events.push(event(
            text(&d.status),
            text(&d.origin_status),
            text(&d.agency),
            text(&d.datetime),
            ("datetime", &|| format!("tracking_details[{di}]")),
        )?);
    }
    if events.is_empty() {
        if let Some(StatusField::Name(s)) = &body.status {
            if !s.trim().is_empty() {
                events.push(event(
                    Some(s.trim()),
                    None,
                    None,
                    text(&body.updated_at),
                    ("updated_at", &|| "$".to_string()),
                )?);
            }
        }
    }
    Ok(vec![Tracking::new(C, number, events, None)])
}

/// One ShipX webhook body: one tracking with one event.
fn webhook(body: &Body<'_>, name: &str) -> Result<Vec<Tracking>, Error> {
    let payload = body.payload.as_ref();
    let code = match payload.and_then(|p| text(&p.status)) {
        Some(status) if name == "shipment_status_changed" => status,
        _ => name,
    };
    let number = payload.and_then(|p| text(&p.tracking_number)).unwrap_or("");
    let e = event(
        Some(code),
        None,
        None,
        text(&body.event_ts),
        ("event_ts", &|| "$".to_string()),
    )?;
    Ok(vec![Tracking::new(C, number, vec![e], None)])
}

fn carrier_error(body: &Body<'_>) -> Error {
    let http = match &body.status {
        Some(StatusField::Http(n)) => Some(n.to_string()),
        _ => None,
    };
    let code = text(&body.error).or(text(&body.title));
    let message = text(&body.message).or(text(&body.detail));
    if code.is_none() && message.is_none() {
        return Error::MissingField {
            carrier: C,
            field: "tracking_number",
            path: "$".into(),
        };
    }
    Error::CarrierError {
        kind: crate::CarrierErrorKind::Other,
        carrier: C,
        code: code.map(str::to_string).or(http),
        message: match (code, message) {
            (Some(c), Some(m)) => format!("{c}: {m}"),
            (c, m) => m.or(c).unwrap_or_default().to_string(),
        },
    }
}

fn event(
    status: Option<&str>,
    origin_status: Option<&str>,
    agency: Option<&str>,
    at: Option<&str>,
    (field, path): (&'static str, &dyn Fn() -> String),
) -> Result<Event, Error> {
    let ts = at.ok_or_else(|| Error::MissingField {
        carrier: C,
        field,
        path: path(),
    })?;
    let time = iso_time(ts).ok_or_else(|| {
        let p = path();
        let p = if p == "$" {
            field.to_string()
        } else {
            format!("{p}.{field}")
        };
        super::bad_time(C, || p, ts)
    })?;
    let code = status.unwrap_or("");
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    let loc = Location {
        name: agency.map(str::to_string),
        ..Location::default()
    };
    Ok(Event::meant(
        Some(time),
        code,
        origin_status.map(str::to_string),
        "",
        mapping,
    )
    .at(loc))
}
