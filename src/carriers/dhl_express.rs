//! MyDHL API (DHL Express) 3.1.1 shipment tracking (`GET
//! /shipments/{shipmentTrackingNumber}/tracking`, `GET /tracking`), JSON
//! (`supermodelIoLogisticsExpressTrackingResponse`).
//!
//! Each shipment gives one tracking from its `events`; each piece that has its
//! own `trackingNumber` and `events` gives one more tracking after it. An event
//! is looked up by its `typeCode` as sent (`PU`, `WC`, `OK`, `DUMMY_PU`), the
//! key of `mappings/dhl_express.tsv`. Times are the local `date` (`2023-08-09`)
//! and `time` (`13:56:21`) of the event's place, with `GMTOffset` (`+09:00`,
//! sent when the request sets `requestGMTOffsetPerEvent`); without it the time
//! stays local with no offset. DHL lists events oldest first in some responses
//! and newest first in others, so they are ordered by time, never by position.
//! The ETA is `estimatedDeliveryTimeFrame` (`estimatedFrom`/`estimatedThrough`)
//! when present, else `estimatedDeliveryDate` (a date, or a date-time such as
//! `2023-08-11T23:59:00`), else `estimatedTimeOfDelivery` (seen in karrio's
//! samples). Errors are RFC 7807 problem objects (`status` as a string or a
//! number, `title`, `detail`, `message`).

use super::{
    day_window, iso_time, iso_time_or_date, json, one_or_many, opt_one_or_many, text, Str,
};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, EventTime, Location, Tracking};
use chrono::NaiveDateTime;
use serde::Deserialize;

const C: Carrier = Carrier::DhlExpress;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    shipments: Option<Vec<Shipment<'a>>>,
    #[serde(borrow)]
    title: Option<Str<'a>>,
    #[serde(borrow)]
    detail: Option<Str<'a>>,
    #[serde(borrow)]
    message: Option<Str<'a>>,
    #[serde(borrow)]
    status: Option<Code<'a>>,
}

/// The problem `status` is a string in DHL's spec (`"404"`) and a number in
/// other samples.
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
            Code::Text(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Code::Number(n) => Some(n.to_string()),
        }
    }
}

#[derive(Deserialize)]
struct Shipment<'a> {
    #[serde(borrow, rename = "shipmentTrackingNumber")]
    shipment_tracking_number: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    events: Vec<ShipmentEvent<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    pieces: Vec<Piece<'a>>,
    #[serde(borrow, rename = "estimatedDeliveryDate")]
    estimated_delivery_date: Option<Str<'a>>,
    #[serde(borrow, rename = "estimatedDeliveryTimeFrame")]
    estimated_delivery_time_frame: Option<TimeFrame<'a>>,
    #[serde(borrow, rename = "estimatedTimeOfDelivery")]
    estimated_time_of_delivery: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct TimeFrame<'a> {
    #[serde(borrow, rename = "estimatedFrom")]
    estimated_from: Option<Str<'a>>,
    #[serde(borrow, rename = "estimatedThrough")]
    estimated_through: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Piece<'a> {
    #[serde(borrow, rename = "trackingNumber")]
    tracking_number: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    events: Vec<ShipmentEvent<'a>>,
}

#[derive(Deserialize)]
struct ShipmentEvent<'a> {
    #[serde(borrow)]
    date: Option<Str<'a>>,
    #[serde(borrow)]
    time: Option<Str<'a>>,
    #[serde(borrow, rename = "GMTOffset")]
    gmt_offset: Option<Str<'a>>,
    #[serde(borrow, rename = "typeCode")]
    type_code: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(
        borrow,
        default,
        rename = "serviceArea",
        deserialize_with = "one_or_many"
    )]
    service_area: Vec<ServiceArea<'a>>,
}

#[derive(Deserialize)]
struct ServiceArea<'a> {
    #[serde(borrow)]
    description: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    let Some(shipments) = body.shipments else {
        let detail = text(&body.detail);
        let title = text(&body.title);
        if detail.is_none() && title.is_none() && text(&body.message).is_none() {
            return Err(Error::MissingField {
                carrier: C,
                field: "shipments",
                path: "$".into(),
            });
        }
        let message = match (title, detail) {
            (None, None) => text(&body.message).unwrap_or_default().to_string(),
            (t, d) => [t, d].into_iter().flatten().collect::<Vec<_>>().join(": "),
        };
        return Err(Error::CarrierError {
            kind: crate::CarrierErrorKind::Other,
            carrier: C,
            code: body.status.as_ref().and_then(Code::to_text),
            message,
        });
    };
    let mut out = Vec::with_capacity(shipments.len());
    for (si, s) in shipments.iter().enumerate() {
        let path = || format!("shipments[{si}]");
        let number = text(&s.shipment_tracking_number).ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "shipmentTrackingNumber",
            path: path(),
        })?;
        let eta = eta(s, path)?;
        let mut events = Vec::with_capacity(s.events.len());
        for (ei, e) in s.events.iter().enumerate() {
            events.push(event(e, || format!("{}.events[{ei}]", path()))?);
        }
        out.push(Tracking::new(C, number, events, eta));
        for (pi, p) in s.pieces.iter().enumerate() {
            let Some(piece_number) = text(&p.tracking_number) else {
                continue;
            };
            if p.events.is_empty() {
                continue;
            }
            let mut events = Vec::with_capacity(p.events.len());
            for (ei, e) in p.events.iter().enumerate() {
                events.push(event(e, || {
                    format!("{}.pieces[{pi}].events[{ei}]", path())
                })?);
            }
            out.push(Tracking::new(C, piece_number, events, eta));
        }
    }
    Ok(out)
}

fn event(e: &ShipmentEvent<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let date = text(&e.date).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "date",
        path: path(),
    })?;
    let time = text(&e.time).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "time",
        path: path(),
    })?;
    let d = super::local_date(date, "%Y-%m-%d")
        .ok_or_else(|| super::bad_time(C, || format!("{}.date", path()), date))?;
    let t = super::clock(time)
        .ok_or_else(|| super::bad_time(C, || format!("{}.time", path()), time))?;
    let offset = match text(&e.gmt_offset) {
        Some(o) => Some(
            super::offset(o)
                .ok_or_else(|| super::bad_time(C, || format!("{}.GMTOffset", path()), o))?,
        ),
        None => None,
    };
    let code = text(&e.type_code).unwrap_or("");
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    let loc = e
        .service_area
        .first()
        .and_then(|a| text(&a.description))
        .map(service_area)
        .unwrap_or_default();
    Ok(Event::meant(
        Some(EventTime::new(NaiveDateTime::new(d, t), offset)),
        code,
        None,
        text(&e.description).unwrap_or(""),
        mapping,
    )
    .at(loc))
}

/// A service area description: `SYDNEY-AU` is a city and a country code;
/// anything else is kept as the city.
fn service_area(s: &str) -> Location {
    let (city, country) = match s.rsplit_once('-') {
        Some((c, cc))
            if cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_uppercase()) && !c.is_empty() =>
        {
            (c.trim(), Some(cc))
        }
        _ => (s, None),
    };
    super::location(Some(city), None, country)
}

fn eta(s: &Shipment<'_>, path: impl Fn() -> String) -> Result<Option<EtaWindow>, Error> {
    let window = |(earliest, latest): (EventTime, EventTime)| EtaWindow {
        earliest,
        latest,
        source: EtaSource::Carrier,
    };
    if let Some(f) = &s.estimated_delivery_time_frame {
        let from = text(&f.estimated_from);
        let through = text(&f.estimated_through);
        let read = |v: &str, field: &str| {
            iso_time_or_date(v).ok_or_else(|| {
                super::bad_time(
                    C,
                    || format!("{}.estimatedDeliveryTimeFrame.{field}", path()),
                    v,
                )
            })
        };
        let from = from.map(|v| read(v, "estimatedFrom")).transpose()?;
        let through = through.map(|v| read(v, "estimatedThrough")).transpose()?;
        match (from, through) {
            (Some(a), Some(b)) => return Ok(Some(window((a, b)))),
            (Some(t), None) | (None, Some(t)) => return Ok(Some(window((t, t)))),
            (None, None) => {}
        }
    }
    for (field, value) in [
        ("estimatedDeliveryDate", &s.estimated_delivery_date),
        ("estimatedTimeOfDelivery", &s.estimated_time_of_delivery),
    ] {
        let Some(v) = text(value) else { continue };
        if let Some(d) = super::local_date(v, "%Y-%m-%d") {
            return Ok(Some(window(day_window(d))));
        }
        let t =
            iso_time(v).ok_or_else(|| super::bad_time(C, || format!("{}.{field}", path()), v))?;
        return Ok(Some(window((t, t))));
    }
    Ok(None)
}
