//! USPS Tracking API v3 ("Package Tracking and Notification", `GET
//! /tracking/v3/tracking/{trackingNumber}`), JSON: one tracking object, or a bare
//! array of them (several numbers).
//!
//! Events carry `eventCode` (Publication 199 event code, e.g. `01`, `OF`) and
//! sometimes `reasonCode`; they are looked up as a pair. `eventTimestamp` is the
//! local time; `GMTOffset` (`-05:00`, or unpadded `-7:00`) gives its offset.

use super::{iso_time, iso_time_or_date, json, location, one_or_many, text, ApiError, Str};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, EventTime, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Usps;

#[derive(Deserialize)]
struct Details<'a> {
    #[serde(borrow, rename = "trackingNumber")]
    tracking_number: Option<Str<'a>>,
    #[serde(
        borrow,
        default,
        rename = "trackingEvents",
        deserialize_with = "one_or_many"
    )]
    tracking_events: Vec<TrackingEvent<'a>>,
    #[serde(borrow, rename = "expectedDeliveryTimeStamp")]
    expected_delivery_time_stamp: Option<Str<'a>>,
    #[serde(borrow, rename = "expectedDeliveryDate")]
    expected_delivery_date: Option<Str<'a>>,
    #[serde(borrow)]
    error: Option<ApiError<'a>>,
}

#[derive(Deserialize)]
struct TrackingEvent<'a> {
    #[serde(borrow, rename = "eventType")]
    event_type: Option<Str<'a>>,
    #[serde(borrow, rename = "eventTimestamp")]
    event_timestamp: Option<Str<'a>>,
    #[serde(borrow, rename = "GMTOffset")]
    gmt_offset: Option<Str<'a>>,
    #[serde(borrow, rename = "eventCode")]
    event_code: Option<Str<'a>>,
    #[serde(borrow, rename = "reasonCode")]
    reason_code: Option<Str<'a>>,
    #[serde(borrow, rename = "eventCity")]
    event_city: Option<Str<'a>>,
    #[serde(borrow, rename = "eventZIP")]
    event_zip: Option<Str<'a>>,
    #[serde(borrow, rename = "eventCountry")]
    event_country: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    // A bare array (several numbers) or one object.
    let first = body
        .iter()
        .find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF);
    let details: Vec<Details> = match first {
        Some(b'[') => json(C, body)?,
        _ => vec![json::<Details>(C, body)?],
    };
    let mut out = Vec::with_capacity(details.len());
    for (di, d) in details.iter().enumerate() {
        let path = || format!("[{di}]");
        let Some(number) = text(&d.tracking_number) else {
            if let Some(e) = &d.error {
                return Err(Error::CarrierError {
                    kind: crate::CarrierErrorKind::Other,
                    carrier: C,
                    code: text(&e.code).map(str::to_string),
                    message: text(&e.message).unwrap_or("unspecified error").to_string(),
                });
            }
            return Err(Error::MissingField {
                carrier: C,
                field: "trackingNumber",
                path: path(),
            });
        };
        let mut events = Vec::with_capacity(d.tracking_events.len());
        for (ei, e) in d.tracking_events.iter().enumerate() {
            events.push(event(e, || format!("[{di}].trackingEvents[{ei}]"))?);
        }
        let eta = text(&d.expected_delivery_time_stamp)
            .and_then(iso_time)
            .map(|t| (t, t))
            .or_else(|| {
                let date = super::local_date(text(&d.expected_delivery_date)?, "%Y-%m-%d")?;
                Some(super::day_window(date))
            })
            .map(|(earliest, latest)| EtaWindow {
                earliest,
                latest,
                source: EtaSource::Carrier,
            });
        out.push(Tracking::new(C, number, events, eta));
    }
    Ok(out)
}

fn event(e: &TrackingEvent<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = text(&e.event_timestamp).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "eventTimestamp",
        path: path(),
    })?;
    let mut time: EventTime = iso_time_or_date(ts)
        .ok_or_else(|| super::bad_time(C, || format!("{}.eventTimestamp", path()), ts))?;
    if time.offset.is_none() {
        if let Some(o) = text(&e.gmt_offset) {
            time.offset = Some(
                super::offset(o)
                    .ok_or_else(|| super::bad_time(C, || format!("{}.GMTOffset", path()), o))?,
            );
        }
    }
    let code = text(&e.event_code).unwrap_or("");
    let reason = text(&e.reason_code);
    let mapping = (!code.is_empty())
        .then(|| C.find_pair(code, reason))
        .flatten();
    let loc = location(
        text(&e.event_city),
        text(&e.event_zip),
        text(&e.event_country),
    );
    Ok(Event::meant(
        Some(time),
        code,
        reason.map(str::to_string),
        text(&e.event_type).unwrap_or(""),
        mapping,
    )
    .at(loc))
}
