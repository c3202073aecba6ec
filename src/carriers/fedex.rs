//! FedEx Track API ("Basic Integrated Visibility", `POST /track/v1/trackingnumbers`), JSON.
//!
//! Scan events carry `eventType` (two letters) and, for exceptions, an
//! `exceptionCode`; they are looked up as a pair (`EVENT|EXCEPTION`, then
//! `EVENT|*`, then `EVENT`), falling back to `derivedStatusCode`. Times are ISO
//! 8601 with offset. The ETA is `estimatedDeliveryTimeWindow`, else the
//! `ESTIMATED_DELIVERY` entry of `dateAndTimes` (never `ACTUAL_DELIVERY`).

use super::{iso_time, iso_time_or_date, json, one_or_many, text, ApiError, Place, Str};
use crate::{Carrier, Error, EtaWindow, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Fedex;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow)]
    output: Option<Output<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    errors: Vec<ApiError<'a>>,
}

#[derive(Deserialize)]
struct Output<'a> {
    #[serde(
        borrow,
        default,
        rename = "completeTrackResults",
        deserialize_with = "one_or_many"
    )]
    complete_track_results: Vec<CompleteTrackResult<'a>>,
}

#[derive(Deserialize)]
struct CompleteTrackResult<'a> {
    #[serde(borrow, rename = "trackingNumber")]
    tracking_number: Option<Str<'a>>,
    #[serde(
        borrow,
        default,
        rename = "trackResults",
        deserialize_with = "one_or_many"
    )]
    track_results: Vec<TrackResult<'a>>,
}

#[derive(Deserialize)]
struct TrackResult<'a> {
    #[serde(borrow, rename = "trackingNumberInfo")]
    tracking_number_info: Option<TrackingNumberInfo<'a>>,
    #[serde(
        borrow,
        default,
        rename = "scanEvents",
        deserialize_with = "one_or_many"
    )]
    scan_events: Vec<ScanEvent<'a>>,
    #[serde(
        borrow,
        default,
        rename = "dateAndTimes",
        deserialize_with = "one_or_many"
    )]
    date_and_times: Vec<DateAndTime<'a>>,
    #[serde(borrow, rename = "estimatedDeliveryTimeWindow")]
    estimated_delivery_time_window: Option<TimeWindow<'a>>,
    #[serde(borrow)]
    error: Option<ApiError<'a>>,
}

#[derive(Deserialize)]
struct TrackingNumberInfo<'a> {
    #[serde(borrow, rename = "trackingNumber")]
    tracking_number: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct ScanEvent<'a> {
    #[serde(borrow)]
    date: Option<Str<'a>>,
    #[serde(borrow, rename = "eventType")]
    event_type: Option<Str<'a>>,
    #[serde(borrow, rename = "eventDescription")]
    event_description: Option<Str<'a>>,
    #[serde(borrow, rename = "exceptionCode")]
    exception_code: Option<Str<'a>>,
    #[serde(borrow, rename = "exceptionDescription")]
    exception_description: Option<Str<'a>>,
    #[serde(borrow, rename = "derivedStatusCode")]
    derived_status_code: Option<Str<'a>>,
    #[serde(borrow, rename = "scanLocation")]
    scan_location: Option<Place<'a>>,
}

#[derive(Deserialize)]
struct DateAndTime<'a> {
    #[serde(borrow, rename = "type")]
    kind: Option<Str<'a>>,
    #[serde(borrow, rename = "dateTime")]
    date_time: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct TimeWindow<'a> {
    #[serde(borrow)]
    window: Option<Window<'a>>,
}

#[derive(Deserialize)]
struct Window<'a> {
    #[serde(borrow)]
    begins: Option<Str<'a>>,
    #[serde(borrow)]
    ends: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    let Some(output) = body.output else {
        return Err(match body.errors.first() {
            Some(e) => e.to_error(C),
            None => Error::MissingField {
                carrier: C,
                field: "output",
                path: "$".into(),
            },
        });
    };
    let mut out = Vec::new();
    for (ci, complete) in output.complete_track_results.iter().enumerate() {
        for (ri, result) in complete.track_results.iter().enumerate() {
            let path = || format!("output.completeTrackResults[{ci}].trackResults[{ri}]");
            if result.scan_events.is_empty() {
                if let Some(e) = result.error.as_ref().filter(|e| text(&e.code).is_some()) {
                    return Err(e.to_error(C));
                }
            }
            let number = result
                .tracking_number_info
                .as_ref()
                .and_then(|i| text(&i.tracking_number))
                .or(text(&complete.tracking_number))
                .ok_or_else(|| Error::MissingField {
                    carrier: C,
                    field: "trackingNumber",
                    path: path(),
                })?;
            let mut events = Vec::with_capacity(result.scan_events.len());
            for (ei, e) in result.scan_events.iter().enumerate() {
                events.push(scan_event(e, || format!("{}.scanEvents[{ei}]", path()))?);
            }
            out.push(Tracking::new(C, number, events, eta(result)));
        }
    }
    Ok(out)
}

fn scan_event(e: &ScanEvent<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let date = text(&e.date).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "date",
        path: path(),
    })?;
    let time =
        iso_time(date).ok_or_else(|| super::bad_time(C, || format!("{}.date", path()), date))?;
    let code = text(&e.event_type).unwrap_or("");
    let exception = text(&e.exception_code);
    let mapping = C
        .find_pair(code, exception)
        .or_else(|| text(&e.derived_status_code).and_then(|d| C.find(d)));
    let description = match (text(&e.event_description), text(&e.exception_description)) {
        (Some(d), Some(x)) => format!("{d}: {x}"),
        (d, x) => d.or(x).unwrap_or("").to_string(),
    };
    let loc = e
        .scan_location
        .as_ref()
        .map(Place::location)
        .unwrap_or_default();
    Ok(Event::meant(
        Some(time),
        code,
        exception.map(str::to_string),
        description,
        mapping,
    )
    .at(loc))
}

fn eta(r: &TrackResult<'_>) -> Option<EtaWindow> {
    let window = r
        .estimated_delivery_time_window
        .as_ref()
        .and_then(|w| w.window.as_ref());
    let (begins, ends) = match window {
        Some(w) => (
            text(&w.begins).and_then(iso_time_or_date),
            text(&w.ends).and_then(iso_time_or_date),
        ),
        None => (None, None),
    };
    super::carrier_eta(begins, ends).or_else(|| {
        let t = r
            .date_and_times
            .iter()
            .find(|d| text(&d.kind) == Some("ESTIMATED_DELIVERY"))
            .and_then(|d| text(&d.date_time))
            .and_then(iso_time_or_date);
        super::carrier_eta(t, None)
    })
}
