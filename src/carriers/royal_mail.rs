//! Royal Mail Tracking API v2 (`GET /mailpieces/v2/{mailPieceId}/events` and
//! `GET /mailpieces/v2/summary?mailPieceId=…`), JSON.
//!
//! The events operation answers `{"mailPieces": {…}}` with one mail piece, its
//! `summary`, `estimatedDelivery` (often absent) and `events` list; the summary
//! operation answers `{"mailPieces": [{…}, …]}` with only the `summary` (the
//! latest event) per piece, or a per-piece `error` (`E1142`, barcode not
//! recognised). Both shapes are read. Event codes are five capital letters
//! (`EVKSP`, `EVNMI`, `RORXS`), looked up exactly as sent from
//! `events[].eventCode`, or from `summary.lastEventCode` when a piece has no
//! event list (the `# key:` of `mappings/royal_mail.tsv`). When the event list
//! is present the summary repeats its newest event and is not added again.
//!
//! Times are ISO 8601 with offset (`2016-10-20T10:04:00+01:00`, UK local time);
//! the wall time and offset are kept. Events come newest first; they are
//! reversed so events with equal times keep Royal Mail's order. The ETA is
//! `estimatedDelivery`: a `date` with optional `startOfEstimatedWindow` /
//! `endOfEstimatedWindow` times that carry their own offset (`08:00:00+01:00`);
//! a date alone spans the whole day.
//!
//! Error answers are `{"httpCode", "httpMessage", "moreInformation", "errors":
//! [{"errorCode", "errorDescription", …}]}` ([`Error::CarrierError`]). Summary
//! pieces with an `error` are left out when other pieces have data; when none
//! has, the first piece error is the answer.

use super::{iso_time, json, one_or_many, text, Str};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, Location, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::RoyalMail;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(
        borrow,
        default,
        rename = "mailPieces",
        deserialize_with = "one_or_many"
    )]
    mail_pieces: Vec<MailPiece<'a>>,
    #[serde(borrow, rename = "httpCode")]
    http_code: Option<Code<'a>>,
    #[serde(borrow, rename = "httpMessage")]
    http_message: Option<Str<'a>>,
    #[serde(borrow, rename = "moreInformation")]
    more_information: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    errors: Vec<ApiError<'a>>,
}

/// `httpCode` is a string in Royal Mail's examples and a number in some clients'.
#[derive(Deserialize)]
#[serde(untagged)]
enum Code<'a> {
    #[serde(borrow)]
    Text(Str<'a>),
    Number(serde_json::Number),
}

impl Code<'_> {
    fn to_text(&self) -> Option<String> {
        match self {
            Code::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
            Code::Text(_) => None,
            Code::Number(n) => Some(n.to_string()),
        }
    }
}

#[derive(Deserialize)]
struct ApiError<'a> {
    #[serde(borrow, rename = "errorCode")]
    error_code: Option<Str<'a>>,
    #[serde(borrow, rename = "errorDescription")]
    error_description: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct MailPiece<'a> {
    #[serde(borrow, rename = "mailPieceId")]
    mail_piece_id: Option<Str<'a>>,
    #[serde(borrow)]
    summary: Option<Summary<'a>>,
    #[serde(borrow, rename = "estimatedDelivery")]
    estimated_delivery: Option<EstimatedDelivery<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    events: Vec<MailEvent<'a>>,
    #[serde(borrow)]
    error: Option<ApiError<'a>>,
}

#[derive(Deserialize)]
struct Summary<'a> {
    #[serde(borrow, rename = "oneDBarcode")]
    one_d_barcode: Option<Str<'a>>,
    #[serde(borrow, rename = "uniqueItemId")]
    unique_item_id: Option<Str<'a>>,
    #[serde(borrow, rename = "lastEventCode")]
    last_event_code: Option<Str<'a>>,
    #[serde(borrow, rename = "lastEventName")]
    last_event_name: Option<Str<'a>>,
    #[serde(borrow, rename = "lastEventDateTime")]
    last_event_date_time: Option<Str<'a>>,
    #[serde(borrow, rename = "lastEventLocationName")]
    last_event_location_name: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct MailEvent<'a> {
    #[serde(borrow, rename = "eventCode")]
    event_code: Option<Str<'a>>,
    #[serde(borrow, rename = "eventName")]
    event_name: Option<Str<'a>>,
    #[serde(borrow, rename = "eventDateTime")]
    event_date_time: Option<Str<'a>>,
    #[serde(borrow, rename = "locationName")]
    location_name: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct EstimatedDelivery<'a> {
    #[serde(borrow)]
    date: Option<Str<'a>>,
    #[serde(borrow, rename = "startOfEstimatedWindow")]
    start_of_estimated_window: Option<Str<'a>>,
    #[serde(borrow, rename = "endOfEstimatedWindow")]
    end_of_estimated_window: Option<Str<'a>>,
}

fn api_error(e: Option<&ApiError<'_>>, fallback_code: Option<String>, fallback: &str) -> Error {
    let code = e.and_then(|e| text(&e.error_code));
    let description = e.and_then(|e| text(&e.error_description));
    Error::CarrierError {
        kind: crate::CarrierErrorKind::Other,
        carrier: C,
        code: code.map(str::to_string).or(fallback_code),
        message: match (code, description) {
            (Some(c), Some(d)) => format!("{c}: {d}"),
            (c, d) => d.or(c).unwrap_or(fallback).to_string(),
        },
    }
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    if body.mail_pieces.is_empty() {
        let fallback = text(&body.more_information)
            .or(text(&body.http_message))
            .unwrap_or("unspecified error");
        let http = body.http_code.as_ref().and_then(Code::to_text);
        if body.errors.is_empty() && http.is_none() {
            return Err(Error::MissingField {
                carrier: C,
                field: "mailPieces",
                path: "$".into(),
            });
        }
        return Err(api_error(body.errors.first(), http, fallback));
    }
    let mut out = Vec::with_capacity(body.mail_pieces.len());
    let mut first_error = None;
    for (mi, m) in body.mail_pieces.iter().enumerate() {
        let path = || format!("mailPieces[{mi}]");
        let summary = m.summary.as_ref();
        let number = text(&m.mail_piece_id)
            .or_else(|| summary.and_then(|s| text(&s.one_d_barcode)))
            .or_else(|| summary.and_then(|s| text(&s.unique_item_id)));
        let has_data =
            !m.events.is_empty() || summary.is_some_and(|s| text(&s.last_event_code).is_some());
        if let (false, Some(e)) = (has_data, &m.error) {
            first_error.get_or_insert_with(|| api_error(Some(e), None, "unspecified error"));
            continue;
        }
        let number = number.ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "mailPieceId",
            path: path(),
        })?;
        let mut events = Vec::with_capacity(m.events.len().max(1));
        // Newest first in the body: reverse so equal times keep the carrier's order.
        for (ei, e) in m.events.iter().enumerate().rev() {
            let path = || format!("{}.events[{ei}]", path());
            events.push(event(
                text(&e.event_code),
                text(&e.event_name),
                text(&e.event_date_time),
                text(&e.location_name),
                ("eventDateTime", &path),
            )?);
        }
        if let (true, Some(s)) = (events.is_empty(), summary) {
            if text(&s.last_event_code).is_some() {
                let path = || format!("{}.summary", path());
                events.push(event(
                    text(&s.last_event_code),
                    text(&s.last_event_name),
                    text(&s.last_event_date_time),
                    text(&s.last_event_location_name),
                    ("lastEventDateTime", &path),
                )?);
            }
        }
        let eta = match &m.estimated_delivery {
            Some(d) => eta(d, || format!("{}.estimatedDelivery", path()))?,
            None => None,
        };
        out.push(Tracking::new(C, number, events, eta));
    }
    match (out.is_empty(), first_error) {
        (true, Some(e)) => Err(e),
        _ => Ok(out),
    }
}

fn event(
    code: Option<&str>,
    name: Option<&str>,
    at: Option<&str>,
    place: Option<&str>,
    (field, path): (&'static str, &dyn Fn() -> String),
) -> Result<Event, Error> {
    let ts = at.ok_or_else(|| Error::MissingField {
        carrier: C,
        field,
        path: path(),
    })?;
    let time =
        iso_time(ts).ok_or_else(|| super::bad_time(C, || format!("{}.{field}", path()), ts))?;
    let code = code.unwrap_or("");
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    let loc = Location {
        name: place.map(str::to_string),
        ..Location::default()
    };
    Ok(Event::meant(Some(time), code, None, name.unwrap_or(""), mapping).at(loc))
}

/// `estimatedDelivery`: a date, and optionally window start and end times with
/// their own offset (`08:00:00+01:00`).
fn eta(d: &EstimatedDelivery<'_>, path: impl Fn() -> String) -> Result<Option<EtaWindow>, Error> {
    let Some(date_text) = text(&d.date) else {
        return Ok(None);
    };
    let date = super::local_date(date_text, "%Y-%m-%d")
        .ok_or_else(|| super::bad_time(C, || format!("{}.date", path()), date_text))?;
    let at = |t: &Option<Str<'_>>, field: &str| -> Result<Option<_>, Error> {
        let Some(t) = text(t) else { return Ok(None) };
        iso_time(&format!("{date}T{t}"))
            .map(Some)
            .ok_or_else(|| super::bad_time(C, || format!("{}.{field}", path()), t))
    };
    let start = at(&d.start_of_estimated_window, "startOfEstimatedWindow")?;
    let end = at(&d.end_of_estimated_window, "endOfEstimatedWindow")?;
    let (earliest, latest) = match (start, end) {
        (Some(s), Some(e)) => (s, e),
        (Some(s), None) => (s, super::day_window(date).1),
        (None, Some(e)) => (super::day_window(date).0, e),
        (None, None) => super::day_window(date),
    };
    Ok(Some(EtaWindow {
        earliest,
        latest,
        source: EtaSource::Carrier,
    }))
}
