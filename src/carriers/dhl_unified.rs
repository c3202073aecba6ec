//! DHL Shipment Tracking – Unified API (`GET /track/shipments`), JSON.
//!
//! One response can hold shipments of several DHL divisions; each shipment names
//! its `service` (`express`, `parcel-de`, `ecommerce`, …) and DHL's codes are
//! per service, so an event is looked up as `<service>/<status>` first (the
//! `status` field holds the division's raw code or a sentence), then
//! `<service>/<statusDetailed>`, then by its unified category
//! `status/<statusCode>` (`pre-transit`, `transit`, `delivered`, `failure`,
//! `unknown`). Timestamps come with or without offset.
//! Errors are RFC 7807 problem objects (`status`, `title`, `detail`).

use super::{iso_time_or_date, json, one_or_many, opt_one_or_many, text, Str};
use crate::{Carrier, Error, EtaWindow, Event, Location, Tracking};
use serde::Deserialize;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    shipments: Option<Vec<Shipment<'a>>>,
    #[serde(borrow)]
    title: Option<Str<'a>>,
    #[serde(borrow)]
    detail: Option<Str<'a>>,
    status: Option<serde_json::Number>,
}

/// The shipment id is a string in most responses and a number in DHL's sample.
#[derive(Deserialize)]
#[serde(untagged)]
enum Id<'a> {
    #[serde(borrow)]
    Text(Str<'a>),
    Number(serde_json::Number),
}

#[derive(Deserialize)]
struct Shipment<'a> {
    #[serde(borrow)]
    id: Option<Id<'a>>,
    #[serde(borrow)]
    service: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    events: Vec<ShipmentEvent<'a>>,
    #[serde(borrow, rename = "estimatedTimeOfDelivery")]
    estimated_time_of_delivery: Option<Str<'a>>,
    #[serde(borrow, rename = "estimatedDeliveryTimeFrame")]
    estimated_delivery_time_frame: Option<TimeFrame<'a>>,
}

#[derive(Deserialize)]
struct TimeFrame<'a> {
    #[serde(borrow, rename = "estimatedFrom")]
    estimated_from: Option<Str<'a>>,
    #[serde(borrow, rename = "estimatedThrough")]
    estimated_through: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct ShipmentEvent<'a> {
    #[serde(borrow)]
    timestamp: Option<Str<'a>>,
    #[serde(borrow)]
    location: Option<EventLocation<'a>>,
    #[serde(borrow, rename = "statusCode")]
    status_code: Option<Str<'a>>,
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow, rename = "statusDetailed")]
    status_detailed: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct EventLocation<'a> {
    #[serde(borrow)]
    address: Option<Address<'a>>,
}

#[derive(Deserialize)]
struct Address<'a> {
    #[serde(borrow, rename = "countryCode")]
    country_code: Option<Str<'a>>,
    #[serde(borrow, rename = "postalCode")]
    postal_code: Option<Str<'a>>,
    #[serde(borrow, rename = "addressLocality")]
    address_locality: Option<Str<'a>>,
}

/// Parses a Unified API body for `c`: `dhl_unified`, or `dhl_ecommerce`
/// (DHL eCommerce answers through the same API, with its own table).
pub(crate) fn parse_for(c: Carrier, body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(c, body)?;
    let Some(shipments) = body.shipments else {
        return Err(match (text(&body.title), text(&body.detail)) {
            (None, None) => Error::MissingField {
                carrier: c,
                field: "shipments",
                path: "$".into(),
            },
            (title, detail) => Error::CarrierError {
                kind: crate::CarrierErrorKind::Other,
                carrier: c,
                code: body.status.map(|s| s.to_string()),
                message: [title, detail]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(": "),
            },
        });
    };
    let mut out = Vec::with_capacity(shipments.len());
    for (si, s) in shipments.iter().enumerate() {
        let path = || format!("shipments[{si}]");
        let number = match &s.id {
            Some(Id::Text(t)) if !t.trim().is_empty() => t.trim().to_string(),
            Some(Id::Number(n)) => n.to_string(),
            _ => {
                return Err(Error::MissingField {
                    carrier: c,
                    field: "id",
                    path: path(),
                })
            }
        };
        let service = text(&s.service).unwrap_or("");
        let mut events = Vec::with_capacity(s.events.len());
        for (ei, e) in s.events.iter().enumerate() {
            events.push(event(c, service, e, || format!("{}.events[{ei}]", path()))?);
        }
        out.push(Tracking::new(c, number, events, eta(s)));
    }
    Ok(out)
}

fn event(
    c: Carrier,
    service: &str,
    e: &ShipmentEvent<'_>,
    path: impl Fn() -> String,
) -> Result<Event, Error> {
    let ts = text(&e.timestamp).ok_or_else(|| Error::MissingField {
        carrier: c,
        field: "timestamp",
        path: path(),
    })?;
    let time = iso_time_or_date(ts)
        .ok_or_else(|| super::bad_time(c, || format!("{}.timestamp", path()), ts))?;
    let status = text(&e.status);
    let detailed = text(&e.status_detailed);
    let category = text(&e.status_code);
    let in_service = |code: Option<&str>| {
        code.filter(|_| !service.is_empty())
            .and_then(|code| c.find_parts(&[service, "/", code]))
    };
    let mapping = in_service(status)
        .or_else(|| in_service(detailed))
        .or_else(|| category.and_then(|code| c.find_parts(&["status/", code])));
    let code = detailed.or(status).or(category).unwrap_or("");
    let description = text(&e.description).or(status).unwrap_or("");
    let loc = e
        .location
        .as_ref()
        .and_then(|l| l.address.as_ref())
        .map(|a| Location {
            name: text(&a.address_locality).map(str::to_string),
            ..super::location(None, text(&a.postal_code), text(&a.country_code))
        })
        .unwrap_or_default();
    Ok(Event::meant(Some(time), code, None, description, mapping).at(loc))
}

fn eta(s: &Shipment<'_>) -> Option<EtaWindow> {
    let frame = s.estimated_delivery_time_frame.as_ref();
    let from = frame
        .and_then(|f| text(&f.estimated_from))
        .and_then(iso_time_or_date);
    let through = frame
        .and_then(|f| text(&f.estimated_through))
        .and_then(iso_time_or_date);
    let single = || text(&s.estimated_time_of_delivery).and_then(iso_time_or_date);
    super::carrier_eta(from, through).or_else(|| super::carrier_eta(single(), None))
}
