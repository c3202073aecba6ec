//! PostNL Shippingstatus API v2 (`/shipment/v2/status/barcode/{barcode}`,
//! `/status/reference`), JSON: `CurrentStatus` (latest status only) or, with
//! `detail=true`, `CompleteStatus` with the `Event` list and `OldStatus` list.
//! `Shipment` is one object, or an array for multi-parcel shipments.
//!
//! Events are looked up by their event code (`A01`, `J01`, …); when a body has no
//! event list, the statuses are the events, looked up as `status/<StatusCode>`.
//! Timestamps are Dutch local time without offset, written `08-11-2022
//! 10:13:20`; the `Expectation` window is written `11/07/2022 10:00:00`
//! (month first).

use super::{impl_repeating, iso_time_or_date, json, one_or_many, text, Str};
use crate::{Carrier, Error, EtaWindow, Event, EventTime, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Postnl;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow, rename = "CurrentStatus")]
    current_status: Option<StatusBlock<'a>>,
    #[serde(borrow, rename = "CompleteStatus")]
    complete_status: Option<StatusBlock<'a>>,
    #[serde(borrow, default, rename = "Errors", deserialize_with = "one_or_many")]
    errors: Vec<ApiError<'a>>,
    #[serde(borrow, default, rename = "Warnings", deserialize_with = "one_or_many")]
    warnings: Vec<ApiError<'a>>,
}

#[derive(Deserialize)]
struct ApiError<'a> {
    #[serde(borrow, rename = "Code")]
    code: Option<Str<'a>>,
    #[serde(borrow, rename = "Description")]
    description: Option<Str<'a>>,
    #[serde(borrow, rename = "Message")]
    message: Option<Str<'a>>,
}

/// `Shipment`, and a shipment's `Event` and `OldStatus`, may be one object
/// and may repeat their key once per element (XML written as JSON).
#[derive(Deserialize)]
#[serde(remote = "Self")]
struct StatusBlock<'a> {
    #[serde(borrow, default, rename = "Shipment", deserialize_with = "one_or_many")]
    shipment: Vec<Shipment<'a>>,
}

impl_repeating!(StatusBlock, ["Shipment"]);

#[derive(Deserialize)]
#[serde(remote = "Self")]
struct Shipment<'a> {
    #[serde(borrow, rename = "Barcode")]
    barcode: Option<Str<'a>>,
    #[serde(borrow, rename = "MainBarcode")]
    main_barcode: Option<Str<'a>>,
    #[serde(borrow, rename = "Status")]
    status: Option<Status<'a>>,
    #[serde(
        borrow,
        default,
        rename = "OldStatus",
        deserialize_with = "one_or_many"
    )]
    old_status: Vec<Status<'a>>,
    #[serde(borrow, default, rename = "Event", deserialize_with = "one_or_many")]
    event: Vec<ShipmentEvent<'a>>,
    #[serde(borrow, rename = "Expectation")]
    expectation: Option<Expectation<'a>>,
}

impl_repeating!(Shipment, ["OldStatus", "Event"]);

#[derive(Deserialize)]
struct Status<'a> {
    #[serde(borrow, rename = "TimeStamp", alias = "Timestamp")]
    time_stamp: Option<Str<'a>>,
    #[serde(borrow, rename = "StatusCode")]
    status_code: Option<Str<'a>>,
    #[serde(borrow, rename = "StatusDescription")]
    status_description: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct ShipmentEvent<'a> {
    #[serde(borrow, rename = "Code")]
    code: Option<Str<'a>>,
    #[serde(borrow, rename = "Description")]
    description: Option<Str<'a>>,
    #[serde(borrow, rename = "LocationCode")]
    location_code: Option<Str<'a>>,
    #[serde(borrow, rename = "TimeStamp", alias = "Timestamp")]
    time_stamp: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Expectation<'a> {
    #[serde(borrow, rename = "ETAFrom")]
    eta_from: Option<Str<'a>>,
    #[serde(borrow, rename = "ETATo")]
    eta_to: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    let (block, root) = match (body.complete_status, body.current_status) {
        (Some(b), _) => (b, "CompleteStatus"),
        (None, Some(b)) => (b, "CurrentStatus"),
        (None, None) => {
            let e = body.errors.first().or(body.warnings.first());
            return Err(match e {
                Some(e) => Error::CarrierError {
                    kind: crate::CarrierErrorKind::Other,
                    carrier: C,
                    code: text(&e.code).map(str::to_string),
                    message: text(&e.description)
                        .or(text(&e.message))
                        .unwrap_or("unspecified error")
                        .to_string(),
                },
                None => Error::MissingField {
                    carrier: C,
                    field: "CurrentStatus",
                    path: "$".into(),
                },
            });
        }
    };
    let mut out = Vec::with_capacity(block.shipment.len());
    for (si, s) in block.shipment.iter().enumerate() {
        let path = || format!("{root}.Shipment[{si}]");
        let number =
            text(&s.barcode)
                .or(text(&s.main_barcode))
                .ok_or_else(|| Error::MissingField {
                    carrier: C,
                    field: "Barcode",
                    path: path(),
                })?;
        let mut events = Vec::new();
        if s.event.is_empty() {
            let statuses = s.old_status.iter().chain(s.status.as_ref());
            for (i, st) in statuses.enumerate() {
                let at = || format!("{}.Status[{i}]", path());
                let code = text(&st.status_code).unwrap_or("");
                let time = time(text(&st.time_stamp), || format!("{}.TimeStamp", at()))?;
                let mapping = (!code.is_empty())
                    .then(|| C.find_parts(&["status/", code]))
                    .flatten();
                let description = text(&st.status_description).unwrap_or("");
                events.push(Event::meant(time, code, None, description, mapping));
            }
        } else {
            for (i, e) in s.event.iter().enumerate() {
                let at = || format!("{}.Event[{i}]", path());
                let code = text(&e.code).unwrap_or("");
                let time = time(text(&e.time_stamp), || format!("{}.TimeStamp", at()))?;
                let mut ev = Event::lookup(C, time, code, None, text(&e.description).unwrap_or(""));
                ev.location.name = text(&e.location_code).map(str::to_string);
                events.push(ev);
            }
        }
        out.push(Tracking::new(
            C,
            number,
            events,
            eta(s.expectation.as_ref()),
        ));
    }
    Ok(out)
}

/// Reads PostNL's `dd-MM-yyyy HH:mm:ss` (or ISO) local time; absent is `None`.
fn time(s: Option<&str>, path: impl FnOnce() -> String) -> Result<Option<EventTime>, Error> {
    let Some(s) = s else { return Ok(None) };
    super::local(s, "%d-%m-%Y %H:%M:%S")
        .map(|t| EventTime::new(t, None))
        .or_else(|| iso_time_or_date(s))
        .map(Some)
        .ok_or_else(|| super::bad_time(C, path, s))
}

fn eta(e: Option<&Expectation<'_>>) -> Option<EtaWindow> {
    let read = |s: Option<&str>| {
        let s = s?;
        super::local(s, "%m/%d/%Y %H:%M:%S")
            .map(|t| EventTime::new(t, None))
            .or_else(|| iso_time_or_date(s))
    };
    let e = e?;
    super::carrier_eta(read(text(&e.eta_from)), read(text(&e.eta_to)))
}
