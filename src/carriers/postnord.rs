//! PostNord Track & Trace API (`/rest/shipment/v5|v7/trackandtrace/…`,
//! `findByIdentifier`, `findByReference`), JSON: `ResponseDto`
//! `{"TrackingInformationResponse": {"shipments": [ShipmentDto]}}` as in
//! PostNord's v7 OpenAPI document (1.0.0).
//!
//! Each `shipments[].items[]` (`ItemDto`) is one tracking, numbered by its
//! `itemId`; its `events[]` (`TrackingEventDto`) are the events. An event is
//! looked up by its `eventCode` as sent, then by its `status` as
//! `status/<VALUE>` (the spec's `ItemStatus` values: `EN_ROUTE`,
//! `AVAILABLE_FOR_DELIVERY`, `DELIVERED`, …), the keys of
//! `mappings/postnord.tsv`; PostNord publishes no `eventCode` list, so in
//! practice the status decides. An item without events gives one timeless
//! event from its `status`; a shipment without items gives one tracking
//! (`shipmentId`) with a timeless event from the shipment `status`. The text
//! is `eventDescription`; the place is the event's `location` (`city`,
//! `postcode`, `countryCode` else `country`, `displayName` else `name`).
//!
//! Times: `eventTime` is ISO 8601 (`date-time` in the spec); the time and its
//! offset are kept as sent, a time without offset keeps none. The ETA is the
//! booked delivery window (`bookedDeliveryDateFrom`/`To`) when given, else the
//! item's `estimatedTimeOfArrival`, else the shipment's; `deliveryDate` and
//! `realTimeOfArrival` are actual times, never estimates.
//!
//! `shipments: []` is PostNord's answer for an unknown identifier: no
//! tracking. A `compositeFault` (`faults[]` with `faultCode` and
//! `explanationText`), inside `TrackingInformationResponse` or at the top, is
//! [`Error::CarrierError`].

use super::{
    carrier_error, carrier_eta, iso_time, iso_time_or_date, json, location, opt_one_or_many, text,
    Str,
};
use crate::{Carrier, Error, EtaWindow, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Postnord;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow, rename = "TrackingInformationResponse")]
    response: Option<TrackingInformationResponse<'a>>,
    #[serde(borrow, rename = "compositeFault")]
    composite_fault: Option<CompositeFault<'a>>,
}

#[derive(Deserialize)]
struct TrackingInformationResponse<'a> {
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    shipments: Option<Vec<Shipment<'a>>>,
    #[serde(borrow, rename = "compositeFault")]
    composite_fault: Option<CompositeFault<'a>>,
}

#[derive(Deserialize)]
struct CompositeFault<'a> {
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    faults: Option<Vec<Fault<'a>>>,
}

#[derive(Deserialize)]
struct Fault<'a> {
    #[serde(borrow, rename = "faultCode")]
    fault_code: Option<Str<'a>>,
    #[serde(borrow, rename = "explanationText")]
    explanation_text: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Shipment<'a> {
    #[serde(borrow, rename = "shipmentId")]
    shipment_id: Option<Str<'a>>,
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow, rename = "estimatedTimeOfArrival")]
    estimated_time_of_arrival: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    items: Option<Vec<Item<'a>>>,
}

#[derive(Deserialize)]
struct Item<'a> {
    #[serde(borrow, rename = "itemId")]
    item_id: Option<Str<'a>>,
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow, rename = "estimatedTimeOfArrival")]
    estimated_time_of_arrival: Option<Str<'a>>,
    #[serde(borrow, rename = "bookedDeliveryDateFrom")]
    booked_delivery_date_from: Option<Str<'a>>,
    #[serde(borrow, rename = "bookedDeliveryDateTo")]
    booked_delivery_date_to: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    events: Option<Vec<TrackingEvent<'a>>>,
}

#[derive(Deserialize)]
struct TrackingEvent<'a> {
    #[serde(borrow, rename = "eventTime")]
    event_time: Option<Str<'a>>,
    #[serde(borrow, rename = "eventCode")]
    event_code: Option<Str<'a>>,
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow, rename = "eventDescription")]
    event_description: Option<Str<'a>>,
    #[serde(borrow)]
    location: Option<EventLocation<'a>>,
}

#[derive(Deserialize)]
struct EventLocation<'a> {
    #[serde(borrow, rename = "displayName")]
    display_name: Option<Str<'a>>,
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    city: Option<Str<'a>>,
    #[serde(borrow)]
    postcode: Option<Str<'a>>,
    #[serde(borrow, rename = "countryCode")]
    country_code: Option<Str<'a>>,
    #[serde(borrow)]
    country: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let b: Body = json(C, body)?;
    let fault = b
        .response
        .as_ref()
        .and_then(|r| r.composite_fault.as_ref())
        .or(b.composite_fault.as_ref())
        .and_then(|f| f.faults.as_deref())
        .and_then(<[Fault]>::first);
    let shipments = b
        .response
        .as_ref()
        .and_then(|r| r.shipments.as_deref())
        .unwrap_or_default();
    if shipments.is_empty() {
        if let Some(f) = fault {
            return Err(carrier_error(
                C,
                text(&f.fault_code),
                text(&f.explanation_text),
            ));
        }
        if b.response.is_none() {
            return Err(Error::MissingField {
                carrier: C,
                field: "TrackingInformationResponse",
                path: "$".into(),
            });
        }
    }
    let mut out = Vec::new();
    for (si, s) in shipments.iter().enumerate() {
        let spath = || format!("TrackingInformationResponse.shipments[{si}]");
        let items = s.items.as_deref().unwrap_or_default();
        let shipment_eta = time_of(&s.estimated_time_of_arrival, || {
            format!("{}.estimatedTimeOfArrival", spath())
        })?;
        if items.is_empty() {
            let number = text(&s.shipment_id).ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "shipmentId",
                path: spath(),
            })?;
            let events = text(&s.status).map(status_event).into_iter().collect();
            out.push(Tracking::new(C, number, events, point(shipment_eta)));
            continue;
        }
        for (ii, item) in items.iter().enumerate() {
            let ipath = || format!("{}.items[{ii}]", spath());
            let number = text(&item.item_id).ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "itemId",
                path: ipath(),
            })?;
            let history = item.events.as_deref().unwrap_or_default();
            let mut events = Vec::with_capacity(history.len().max(1));
            for (ei, e) in history.iter().enumerate() {
                events.push(event(e, || format!("{}.events[{ei}]", ipath()))?);
            }
            if events.is_empty() {
                events.extend(text(&item.status).map(status_event));
            }
            let booked = carrier_eta(
                time_of(&item.booked_delivery_date_from, || {
                    format!("{}.bookedDeliveryDateFrom", ipath())
                })?,
                time_of(&item.booked_delivery_date_to, || {
                    format!("{}.bookedDeliveryDateTo", ipath())
                })?,
            );
            let estimated = time_of(&item.estimated_time_of_arrival, || {
                format!("{}.estimatedTimeOfArrival", ipath())
            })?;
            let eta = booked.or(point(estimated.or(shipment_eta)));
            out.push(Tracking::new(C, number, events, eta));
        }
    }
    Ok(out)
}

/// An optional timestamp field; a bad value is an error naming `path`.
fn time_of(
    field: &Option<Str<'_>>,
    path: impl FnOnce() -> String,
) -> Result<Option<crate::EventTime>, Error> {
    match text(field) {
        Some(t) => iso_time_or_date(t)
            .map(Some)
            .ok_or_else(|| super::bad_time(C, path, t)),
        None => Ok(None),
    }
}

fn point(t: Option<crate::EventTime>) -> Option<EtaWindow> {
    carrier_eta(t, None)
}

fn event(e: &TrackingEvent<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = text(&e.event_time).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "eventTime",
        path: path(),
    })?;
    let time =
        iso_time(ts).ok_or_else(|| super::bad_time(C, || format!("{}.eventTime", path()), ts))?;
    let code = text(&e.event_code);
    let status = text(&e.status);
    let mapping = code
        .and_then(|c| C.find(c))
        .or_else(|| status.and_then(|s| C.find_parts(&["status/", s])));
    // The raw code is the eventCode; without one, the status is the code.
    let raw = code.or(status).unwrap_or("");
    let loc = e
        .location
        .as_ref()
        .map(|l| {
            let mut loc = location(
                text(&l.city),
                text(&l.postcode),
                text(&l.country_code).or(text(&l.country)),
            );
            loc.name = text(&l.display_name).or(text(&l.name)).map(str::to_string);
            loc
        })
        .unwrap_or_default();
    let description = text(&e.event_description).unwrap_or("");
    Ok(Event::meant(Some(time), raw, None, description, mapping).at(loc))
}

/// An item's or shipment's status as a timeless event (no event list).
fn status_event(status: &str) -> Event {
    Event::meant(None, status, None, "", C.find_parts(&["status/", status]))
}
