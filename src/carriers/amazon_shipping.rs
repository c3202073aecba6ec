//! Amazon Shipping API v2 `getTracking` (`GET /shipping/v2/tracking?trackingId=…&carrierId=…`),
//! JSON: `GetTrackingResponse` `{"payload": GetTrackingResult}`, or the
//! `GetTrackingResult` itself as in the spec's example.
//!
//! `eventHistory[]` holds the events; `eventCode` (`PickupDone`, `Delivered`,
//! …) is looked up exactly as sent. Each event names its leg in `shipmentType`
//! (`FORWARD` or `RETURNS`). The `summary` has the package `status` (looked up
//! as `status/<Status>`) and `trackingDetailCodes.forward[]` / `.returns[]`
//! (looked up as `detail/<Code>`), the keys of `mappings/amazon_shipping.tsv`.
//!
//! Detail codes belong to no event in the body; they describe how a leg ended.
//! They are attached to the latest event of their leg as its `reason_code`
//! (comma-joined when several), and the first detail whose row has the same
//! status as the event refines it (`Delivered` + `DeliveredToPorch` →
//! delivered to a safe place). The summary `status` has no time of its own: it
//! becomes an event only when `eventHistory` is empty (then looked up as
//! `status/<Status>|<Detail>`, then `status/<Status>`), with no time.
//!
//! `eventTime` is ISO 8601 (the spec's examples are UTC, `…Z`); the time and
//! its offset are kept as sent. The ETA is `promisedDeliveryDate`, the
//! carrier's promise (never the delivery itself). Error answers are `{"errors":
//! [{"code", "message", "details"}]}` ([`Error::CarrierError`]).

use super::{
    iso_time, iso_time_or_date, json, one_or_many, opt_one_or_many, text, ApiError, Place, Str,
};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::AmazonShipping;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow)]
    payload: Option<TrackingResult<'a>>,
    // The result's fields at the top level (the bare form), listed rather than
    // flattened, which would buffer the whole body.
    #[serde(borrow, rename = "trackingId")]
    tracking_id: Option<Str<'a>>,
    #[serde(
        borrow,
        rename = "eventHistory",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    event_history: Option<Vec<TrackingEvent<'a>>>,
    #[serde(borrow, rename = "promisedDeliveryDate")]
    promised_delivery_date: Option<Str<'a>>,
    #[serde(borrow)]
    summary: Option<Summary<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    errors: Vec<ApiError<'a>>,
}

#[derive(Deserialize)]
struct TrackingResult<'a> {
    #[serde(borrow, rename = "trackingId")]
    tracking_id: Option<Str<'a>>,
    #[serde(
        borrow,
        rename = "eventHistory",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    event_history: Option<Vec<TrackingEvent<'a>>>,
    #[serde(borrow, rename = "promisedDeliveryDate")]
    promised_delivery_date: Option<Str<'a>>,
    #[serde(borrow)]
    summary: Option<Summary<'a>>,
}

#[derive(Deserialize)]
struct TrackingEvent<'a> {
    #[serde(borrow, rename = "eventCode")]
    event_code: Option<Str<'a>>,
    #[serde(borrow)]
    location: Option<Place<'a>>,
    #[serde(borrow, rename = "eventTime")]
    event_time: Option<Str<'a>>,
    #[serde(borrow, rename = "shipmentType")]
    shipment_type: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Summary<'a> {
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow, rename = "trackingDetailCodes")]
    tracking_detail_codes: Option<DetailCodes<'a>>,
}

#[derive(Deserialize)]
struct DetailCodes<'a> {
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    forward: Option<Vec<Str<'a>>>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    returns: Option<Vec<Str<'a>>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let mut body: Body = json(C, body)?;
    let (result, root) = match body.payload.take() {
        Some(p) => (p, "payload"),
        None => (
            TrackingResult {
                tracking_id: body.tracking_id.take(),
                event_history: body.event_history.take(),
                promised_delivery_date: body.promised_delivery_date.take(),
                summary: body.summary.take(),
            },
            "$",
        ),
    };
    let r = &result;
    let Some(number) = text(&r.tracking_id) else {
        if let Some(e) = body.errors.first() {
            return Err(e.to_error(C));
        }
        return Err(Error::MissingField {
            carrier: C,
            field: "trackingId",
            path: root.into(),
        });
    };
    let history = r.event_history.as_deref().unwrap_or_default();
    let mut events = Vec::with_capacity(history.len().max(1));
    for (ei, e) in history.iter().enumerate() {
        events.push(event(e, || format!("{root}.eventHistory[{ei}]"))?);
    }
    let details = r
        .summary
        .as_ref()
        .and_then(|s| s.tracking_detail_codes.as_ref());
    if let Some(d) = details {
        attach_details(&mut events, history, "FORWARD", d.forward.as_deref());
        attach_details(&mut events, history, "RETURNS", d.returns.as_deref());
    }
    if events.is_empty() {
        if let Some(s) = r.summary.as_ref().filter(|s| text(&s.status).is_some()) {
            events.push(summary_event(s));
        }
    }
    let eta = match text(&r.promised_delivery_date) {
        Some(p) => {
            let t = iso_time_or_date(p)
                .ok_or_else(|| super::bad_time(C, || format!("{root}.promisedDeliveryDate"), p))?;
            Some(EtaWindow {
                earliest: t,
                latest: t,
                source: EtaSource::Carrier,
            })
        }
        None => None,
    };
    Ok(vec![Tracking::new(C, number, events, eta)])
}

fn event(e: &TrackingEvent<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = text(&e.event_time).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "eventTime",
        path: path(),
    })?;
    let time =
        iso_time(ts).ok_or_else(|| super::bad_time(C, || format!("{}.eventTime", path()), ts))?;
    let code = text(&e.event_code).unwrap_or("");
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    let loc = e.location.as_ref().map(Place::location).unwrap_or_default();
    Ok(Event::meant(Some(time), code, None, "", mapping).at(loc))
}

/// Attaches a leg's detail codes to the latest event of that leg (`events` is
/// in body order, parallel to `history`).
fn attach_details(
    events: &mut [Event],
    history: &[TrackingEvent<'_>],
    leg: &str,
    details: Option<&[Str<'_>]>,
) {
    let codes: Vec<&str> = details
        .unwrap_or_default()
        .iter()
        .map(|d| d.trim())
        .filter(|d| !d.is_empty())
        .collect();
    if codes.is_empty() {
        return;
    }
    let latest = events
        .iter_mut()
        .zip(history)
        .filter(|(_, h)| text(&h.shipment_type).is_some_and(|t| t.eq_ignore_ascii_case(leg)))
        .max_by_key(|(e, _)| e.time.map(|t| t.sort_key()));
    let Some((event, _)) = latest else { return };
    event.reason_code = Some(codes.join(","));
    let refined = codes
        .iter()
        .filter_map(|d| C.find_parts(&["detail/", d]))
        .find(|m| event.mapped && m.status() == event.status);
    if let Some(m) = refined {
        event.apply_hit(&m);
    }
}

/// The summary status as a timeless event (used when there is no history).
fn summary_event(s: &Summary<'_>) -> Event {
    let status = text(&s.status).unwrap_or("");
    let details: Vec<&str> = s
        .tracking_detail_codes
        .as_ref()
        .map(|d| {
            d.forward
                .iter()
                .chain(d.returns.iter())
                .flatten()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let mapping = details
        .iter()
        .find_map(|d| C.find_parts(&["status/", status, "|", d]))
        .or_else(|| C.find_parts(&["status/", status]));
    let reason = (!details.is_empty()).then(|| details.join(","));
    Event::meant(None, status, reason, "", mapping)
}
