//! GLS Track And Trace API v1 ("ecitrackandtrace", OpenAPI 1.0.7:
//! `GET /tracking/simple/trackids/{unitnos}` and `/tracking/simple/references/{references}`),
//! JSON: `{"parcels": [ParcelDTO, …]}`.
//!
//! Each parcel has a current `status` (one of 12 values, `PLANNEDPICKUP` …
//! `FINAL`, with `statusDateTime`) and an `events` list whose `code` has the
//! form `GROUP.DETAIL` (`INTIAL.PREADVICE`, `DELIVD.PARCELSHOP`; the `INTIAL`
//! spelling is GLS's own). Event codes are looked up exactly as sent; the parcel
//! status is looked up as `status/<VALUE>` (the `# key:` of `mappings/gls.tsv`).
//!
//! The parcel status is GLS's own summary and is often later than every event
//! (the spec's examples show a `statusDateTime` seconds after the last event),
//! so it comes out as one more event at `statusDateTime` with the raw status as
//! its code and an empty description — unless an event already says it: the
//! latest mapped event up to that instant, or the latest mapped event of all
//! (a status time a little before its event must not repeat it), has the same
//! status. `FINAL` ("history closed", outcome not stated) carries no status of
//! its own, so that event stays unmapped and never hides the outcome the
//! events tell.
//!
//! An event code missing from the table is looked up by its group as
//! `GROUP.*` (`NOTDEL.*`, `CHANGD.*`, …): those rows are `coarse`, so a sure
//! reading of the event's text may refine them.
//!
//! Times are ISO 8601 with an offset written without colon
//! (`2024-10-07T10:46:14+0200`); the wall time and offset are kept. Events come
//! newest first; they are reversed so events with equal times keep the
//! carrier's order.
//!
//! A parcel that was not found carries `errorCode` (`E_404_01`, …) and
//! `errorMessage` instead of data: it is left out when other parcels have data,
//! and the answer is [`Error::CarrierError`] when none has. RFC 7807 problem
//! bodies (`title`, `status`, `detail`) and API-gateway faults
//! (`fault.faultstring`, `fault.detail.errorcode`) are carrier errors too.

use super::{iso_time, json, location, one_or_many, opt_one_or_many, text, Str};
use crate::{Carrier, Error, Event, Status, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Gls;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    parcels: Option<Vec<Parcel<'a>>>,
    #[serde(borrow)]
    title: Option<Str<'a>>,
    #[serde(borrow)]
    detail: Option<Str<'a>>,
    status: Option<serde_json::Number>,
    #[serde(borrow)]
    fault: Option<Fault<'a>>,
}

#[derive(Deserialize)]
struct Fault<'a> {
    #[serde(borrow)]
    faultstring: Option<Str<'a>>,
    #[serde(borrow)]
    detail: Option<FaultDetail<'a>>,
}

#[derive(Deserialize)]
struct FaultDetail<'a> {
    #[serde(borrow)]
    errorcode: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Parcel<'a> {
    #[serde(borrow)]
    requested: Option<Str<'a>>,
    #[serde(borrow)]
    unitno: Option<Str<'a>>,
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow, rename = "statusDateTime")]
    status_date_time: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    events: Vec<ParcelEvent<'a>>,
    #[serde(borrow, rename = "errorCode")]
    error_code: Option<Str<'a>>,
    #[serde(borrow, rename = "errorMessage")]
    error_message: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct ParcelEvent<'a> {
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    city: Option<Str<'a>>,
    #[serde(borrow, rename = "postalCode")]
    postal_code: Option<Str<'a>>,
    #[serde(borrow)]
    country: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow, rename = "eventDateTime")]
    event_date_time: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    let Some(parcels) = body.parcels else {
        return Err(top_level_error(&body));
    };
    let mut out = Vec::with_capacity(parcels.len());
    let mut first_error = None;
    for (pi, p) in parcels.iter().enumerate() {
        let path = || format!("parcels[{pi}]");
        let number = text(&p.unitno).or(text(&p.requested));
        let has_data = text(&p.status).is_some() || !p.events.is_empty();
        if !has_data || number.is_none() {
            if let Some(code) = text(&p.error_code) {
                first_error.get_or_insert_with(|| Error::CarrierError {
                    kind: crate::CarrierErrorKind::Other,
                    carrier: C,
                    code: Some(code.to_string()),
                    message: match text(&p.error_message) {
                        Some(m) => format!("{code}: {m}"),
                        None => code.to_string(),
                    },
                });
                continue;
            }
        }
        let number = number.ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "unitno",
            path: path(),
        })?;
        let mut events = Vec::with_capacity(p.events.len() + 1);
        // Newest first in the body: reverse so equal times keep GLS's order.
        for (ei, e) in p.events.iter().enumerate().rev() {
            events.push(event(e, || format!("{}.events[{ei}]", path()))?);
        }
        if let Some(status) = status_event(p, &events, path)? {
            events.push(status);
        }
        out.push(Tracking::new(C, number, events, None));
    }
    match (out.is_empty(), first_error) {
        (true, Some(e)) => Err(e),
        _ => Ok(out),
    }
}

fn top_level_error(body: &Body<'_>) -> Error {
    if let Some(f) = &body.fault {
        let code = f.detail.as_ref().and_then(|d| text(&d.errorcode));
        return super::carrier_error(C, code, text(&f.faultstring));
    }
    match (text(&body.title), text(&body.detail)) {
        (None, None) => Error::MissingField {
            carrier: C,
            field: "parcels",
            path: "$".into(),
        },
        (title, detail) => Error::CarrierError {
            kind: crate::CarrierErrorKind::Other,
            carrier: C,
            code: body.status.as_ref().map(|s| s.to_string()),
            message: [title, detail]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(": "),
        },
    }
}

fn event(e: &ParcelEvent<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = text(&e.event_date_time).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "eventDateTime",
        path: path(),
    })?;
    let time = iso_time(ts)
        .ok_or_else(|| super::bad_time(C, || format!("{}.eventDateTime", path()), ts))?;
    let code = text(&e.code).unwrap_or("");
    let mapping = (!code.is_empty()).then(|| lookup_event(code)).flatten();
    let loc = location(text(&e.city), text(&e.postal_code), text(&e.country));
    Ok(Event::meant(
        Some(time),
        code,
        None,
        text(&e.description).unwrap_or(""),
        mapping,
    )
    .at(loc))
}

/// An event code exactly as sent, else its group's row `GROUP.*` (a coarse
/// row: `NOTDEL.*` for a not-delivered event whose detail is not listed).
fn lookup_event(code: &str) -> Option<crate::overrides::Hit> {
    C.find(code).or_else(|| {
        let (group, _) = code.split_once('.')?;
        C.find_parts(&[group, ".*"])
    })
}

/// The parcel's current `status` as an event at `statusDateTime`, unless an
/// event already says it: the latest mapped event up to that instant, or the
/// latest mapped event of all (GLS's status time may be a little earlier than
/// the event it summarises), has the same status.
fn status_event(
    p: &Parcel<'_>,
    events: &[Event],
    path: impl Fn() -> String,
) -> Result<Option<Event>, Error> {
    let (Some(status), Some(ts)) = (text(&p.status), text(&p.status_date_time)) else {
        return Ok(None);
    };
    let time = iso_time(ts)
        .ok_or_else(|| super::bad_time(C, || format!("{}.statusDateTime", path()), ts))?;
    // FINAL maps to `unknown`: keep it unmapped so it never hides the outcome.
    let mapping = C
        .find_parts(&["status/", status])
        .filter(|m| m.status() != Status::Unknown);
    let key = time.sort_key();
    let mapped = || events.iter().filter(|e| e.mapped);
    let latest_until = mapped()
        .filter(|e| e.time.is_some_and(|t| t.sort_key() <= key))
        .max_by_key(|e| e.time.map(|t| t.sort_key()));
    let latest = mapped().max_by_key(|e| e.time.map(|t| t.sort_key()));
    let says =
        |e: Option<&Event>| matches!((e, &mapping), (Some(e), Some(m)) if e.status == m.status());
    if says(latest_until) || says(latest) {
        return Ok(None);
    }
    Ok(Some(Event::meant(Some(time), status, None, "", mapping)))
}
