//! NZ Post ParcelTrack API 3.0 (`GET /parceltrack/3.0/parcels/{tracking
//! reference}`), JSON: `{"success", "message_id", "results":
//! {"tracking_reference", "message_id", "message_datetime", "service",
//! "carrier", "tracking_events": [{"tracking_reference",
//! "event_edifact_code", "source", "seqref", "status_description",
//! "event_description", "event_datetime", "signed_by": {"name",
//! "signature"}}]}, "errors"}` as typed by public ParcelTrack clients (see
//! `tests/fixtures/README.md`); NZ Post's own reference is behind its
//! developer portal.
//!
//! One body is one [`Tracking`], numbered by `results.tracking_reference`
//! (else the first event's). Each `tracking_events[]` entry is an event,
//! looked up by `event_edifact_code` as sent (a string or a number; the key
//! of `mappings/nz_post.tsv`). The text is `event_description`, else
//! `status_description`. No place is sent.
//!
//! Times: `event_datetime` is ISO 8601 local New Zealand time, published
//! without an offset (`2015-06-24T10:05:13`): kept as wall time with offset
//! `None`; an offset, when sent, is kept. ParcelTrack sends no ETA.
//!
//! `"success": false` (or no `results`) with `errors` (one object or an
//! array of `{code, message, details}`; codes such as 400002 "Invalid
//! parameter(s)") is [`Error::CarrierError`].

use super::{
    bad_time, carrier_error, iso_time, json, one_or_many, opt_one_or_many, text, ApiError, Str,
};
use crate::{Carrier, Error, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::NzPost;

#[derive(Deserialize)]
struct Body<'a> {
    success: Option<bool>,
    #[serde(borrow)]
    results: Option<Results<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    errors: Vec<ApiError<'a>>,
}

#[derive(Deserialize)]
struct Results<'a> {
    #[serde(borrow)]
    tracking_reference: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    tracking_events: Option<Vec<TrackingEvent<'a>>>,
}

#[derive(Deserialize)]
struct TrackingEvent<'a> {
    #[serde(borrow)]
    tracking_reference: Option<Str<'a>>,
    #[serde(borrow)]
    event_edifact_code: Option<Str<'a>>,
    #[serde(borrow)]
    status_description: Option<Str<'a>>,
    #[serde(borrow)]
    event_description: Option<Str<'a>>,
    #[serde(borrow)]
    event_datetime: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let b: Body = json(C, body)?;
    let results = match b.results {
        Some(r) if b.success != Some(false) => r,
        _ => {
            if let Some(e) = b.errors.first() {
                return Err(e.to_error(C));
            }
            if b.success == Some(false) {
                return Err(carrier_error(C, None, None));
            }
            return Err(Error::MissingField {
                carrier: C,
                field: "results",
                path: "$".into(),
            });
        }
    };
    let raw = results.tracking_events.as_deref().unwrap_or_default();
    let number = text(&results.tracking_reference)
        .or_else(|| raw.iter().find_map(|e| text(&e.tracking_reference)))
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "tracking_reference",
            path: "$.results".into(),
        })?;
    let mut events = Vec::with_capacity(raw.len());
    for (i, e) in raw.iter().enumerate() {
        let path = || format!("$.results.tracking_events[{i}]");
        let ts = text(&e.event_datetime).ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "event_datetime",
            path: path(),
        })?;
        let time =
            iso_time(ts).ok_or_else(|| bad_time(C, || format!("{}.event_datetime", path()), ts))?;
        let code = text(&e.event_edifact_code).unwrap_or("");
        let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
        let description = text(&e.event_description)
            .or(text(&e.status_description))
            .unwrap_or("");
        events.push(Event::meant(Some(time), code, None, description, mapping));
    }
    Ok(vec![Tracking::new(C, number, events, None)])
}
