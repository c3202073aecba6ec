//! CDEK API v2 order information and ORDER_STATUS webhook JSON.
//!
//! Order information (`GET /v2/orders/{uuid}`, or `GET /v2/orders?cdek_number=`
//! / `?im_number=`): `{"entity": {"uuid", "cdek_number", "number",
//! "statuses": [{"code", "name", "date_time", "reason_code", "city",
//! "city_code", "deleted"}], "delivery_detail", …}, "requests":
//! [{"request_uuid", "type", "date_time", "state", "errors": [{"code",
//! "message"}], "warnings"}], "related_entities"}`. The entity is one
//! [`Tracking`] numbered by `cdek_number` (else `uuid`, before CDEK assigns a
//! number); each `statuses[]` entry is one event. CDEK lists statuses newest
//! first; the events are put in time order.
//!
//! ORDER_STATUS webhook (the body CDEK POSTs to a subscribed URL):
//! `{"type": "ORDER_STATUS", "date_time", "uuid", "attributes": {"is_return",
//! "cdek_number", "number", "code", "status_code", "status_reason_code",
//! "status_date_time", "city_name", "city_code", "deleted", …}}`: one tracking
//! (numbered by `cdek_number`, else the order `uuid`) with one event, timed by
//! `status_date_time` (else the webhook's `date_time`). Older bodies carry only
//! the numeric `status_code` (deprecated), which is then the code (and stays
//! unknown: the table has the v2 names) and `city` instead of `city_name`.
//!
//! A JSON array of such bodies (order answers or stored webhooks) is read
//! too: one tracking per number, in order of first appearance.
//!
//! Codes are the status `code` as sent (upper snake case, e.g. `DELIVERED`),
//! the key of `mappings/cdek.tsv`; `reason_code` / `status_reason_code` (the
//! additional status, e.g. why a delivery failed) is kept as the event's
//! reason code. The description is the status `name` (the webhook sends
//! none). The place is the status `city` / `city_name` (a city name; CDEK's
//! numeric `city_code` is not a postal code and is not read). Statuses marked
//! `deleted: true` are still events of the body and come out as sent.
//!
//! Times: ISO 8601 with the offset of the place
//! (`2020-03-20T12:00:00+0700`, also `+03:00`): wall time and offset kept as
//! sent. No ETA is read (the order answer has no documented delivery
//! estimate).
//!
//! Errors: an order answer without an entity (or whose entity has no
//! statuses) and with `requests[].errors` (e.g. `v2_entity_not_found`,
//! "Entity is not found by uuid …", state `INVALID`) is
//! [`Error::CarrierError`] with the first error's code and message.

use super::{
    bad_time, carrier_error, iso_time, item_root, json, location, one_or_many, opt_one_or_many,
    text, ApiError, Groups, Str,
};
use crate::{Carrier, Error, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Cdek;

#[derive(Deserialize)]
#[serde(transparent)]
struct Bodies<'a>(#[serde(borrow, deserialize_with = "one_or_many")] Vec<Body<'a>>);

#[derive(Deserialize)]
struct Body<'a> {
    // Order information.
    #[serde(borrow)]
    entity: Option<Entity<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    requests: Option<Vec<Request<'a>>>,
    // ORDER_STATUS webhook.
    #[serde(borrow, rename = "type")]
    kind: Option<Str<'a>>,
    #[serde(borrow)]
    date_time: Option<Str<'a>>,
    #[serde(borrow)]
    uuid: Option<Str<'a>>,
    #[serde(borrow)]
    attributes: Option<Attributes<'a>>,
}

#[derive(Deserialize)]
struct Entity<'a> {
    #[serde(borrow)]
    uuid: Option<Str<'a>>,
    #[serde(borrow)]
    cdek_number: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    statuses: Option<Vec<Status<'a>>>,
}

#[derive(Deserialize)]
struct Status<'a> {
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    date_time: Option<Str<'a>>,
    #[serde(borrow)]
    reason_code: Option<Str<'a>>,
    #[serde(borrow)]
    city: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Request<'a> {
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    errors: Option<Vec<ApiError<'a>>>,
}

#[derive(Deserialize)]
struct Attributes<'a> {
    #[serde(borrow)]
    cdek_number: Option<Str<'a>>,
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    status_code: Option<Str<'a>>,
    #[serde(borrow)]
    status_reason_code: Option<Str<'a>>,
    #[serde(borrow)]
    status_date_time: Option<Str<'a>>,
    #[serde(borrow)]
    city_name: Option<Str<'a>>,
    #[serde(borrow)]
    city: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let Bodies(bodies) = json(C, body)?;
    let root = |i: usize| item_root(bodies.len(), i);
    let mut groups = Groups::new();
    let mut first_error = None;
    for (i, b) in bodies.iter().enumerate() {
        let (number, events) = if let Some(a) = &b.attributes {
            webhook(b, a, || root(i))?
        } else {
            match order(b, || root(i))? {
                Ok(found) => found,
                Err(e) => {
                    first_error.get_or_insert(e);
                    continue;
                }
            }
        };
        groups.add(number, events);
    }
    if groups.is_empty() {
        if let Some(e) = first_error {
            return Err(e);
        }
    }
    Ok(groups.into_trackings(C))
}

/// One ORDER_STATUS webhook body.
fn webhook<'b>(
    b: &'b Body<'_>,
    a: &'b Attributes<'_>,
    root: impl Fn() -> String,
) -> Result<(&'b str, Vec<Event>), Error> {
    if let Some(kind) = text(&b.kind).filter(|k| *k != "ORDER_STATUS") {
        return Err(Error::Invalid {
            carrier: C,
            path: format!("{}.type", root()),
            message: format!("webhook type `{kind}` carries no order status"),
        });
    }
    let number = text(&a.cdek_number)
        .or(text(&b.uuid))
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "cdek_number",
            path: format!("{}.attributes.cdek_number", root()),
        })?;
    let (ts, field) = match text(&a.status_date_time) {
        Some(t) => (t, "attributes.status_date_time"),
        None => (
            text(&b.date_time).ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "status_date_time",
                path: format!("{}.attributes.status_date_time", root()),
            })?,
            "date_time",
        ),
    };
    let time = iso_time(ts).ok_or_else(|| bad_time(C, || format!("{}.{field}", root()), ts))?;
    let code = text(&a.code).or(text(&a.status_code)).unwrap_or("");
    let event = event(
        Some(time),
        code,
        text(&a.status_reason_code),
        "",
        text(&a.city_name).or(text(&a.city)),
    );
    Ok((number, vec![event]))
}

/// One order-information answer: the tracking, or (inner `Err`) the
/// carrier's error when it holds no order.
fn order<'b>(
    b: &'b Body<'_>,
    root: impl Fn() -> String,
) -> Result<Result<(&'b str, Vec<Event>), Error>, Error> {
    let statuses = b
        .entity
        .as_ref()
        .and_then(|e| e.statuses.as_deref())
        .unwrap_or_default();
    if statuses.is_empty() {
        let err = b
            .requests
            .iter()
            .flatten()
            .flat_map(|r| r.errors.iter().flatten())
            .next();
        if let Some(err) = err {
            return Ok(Err(err.to_error(C)));
        }
    }
    let Some(entity) = &b.entity else {
        return Ok(Err(carrier_error(C, None, None)));
    };
    let number = text(&entity.cdek_number)
        .or(text(&entity.uuid))
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "cdek_number",
            path: format!("{}.entity.cdek_number", root()),
        })?;
    let mut events = Vec::with_capacity(statuses.len());
    for (si, s) in statuses.iter().enumerate() {
        let path = || format!("{}.entity.statuses[{si}].date_time", root());
        let ts = text(&s.date_time).ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "date_time",
            path: path(),
        })?;
        let time = iso_time(ts).ok_or_else(|| bad_time(C, path, ts))?;
        events.push(event(
            Some(time),
            text(&s.code).unwrap_or(""),
            text(&s.reason_code),
            text(&s.name).unwrap_or(""),
            text(&s.city),
        ));
    }
    Ok(Ok((number, events)))
}

fn event(
    time: Option<crate::EventTime>,
    code: &str,
    reason: Option<&str>,
    description: &str,
    city: Option<&str>,
) -> Event {
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    let e = Event::meant(time, code, reason.map(str::to_string), description, mapping);
    match city {
        Some(c) => e.at(location(Some(c), None, None)),
        None => e,
    }
}
