//! Ukrposhta (Ukrainian Post) status-tracking API JSON
//! (`/status-tracking/0.0.1/statuses?barcode=…`, all statuses of one item;
//! `statuses/last?barcode=…` and `POST statuses/last` with a list of up to
//! 100 barcodes, the latest status of each): an array of status records
//! `{"barcode", "step", "date", "index", "name", "event", "eventName",
//! "country", "eventReason", "eventReason_id", "mailType", "indexOrder"}`.
//! The GET `statuses/last` form is documented as an array of one record;
//! clients also read it as one bare object, which is accepted too.
//!
//! Records are grouped by `barcode` into one [`Tracking`] each, in order of
//! first appearance. Events are looked up by `event` (a five-digit code sent
//! as a number, e.g. `41000`; some clients show it as a string), the key of
//! `mappings/ukrposhta.tsv`. `eventReason_id` is kept as the event's
//! `reason_code`. The text is `eventName`, followed by `eventReason` when one
//! is given (`Delivery, personally`). The place is the office: `name` (e.g.
//! `DKD KYIV`) as the location name, `index` as its postal code, `country` as
//! sent (a country name, not a code).
//!
//! Times: `date` is ISO 8601 without an offset (`2017-07-27T16:33:00`),
//! Ukrainian local time: kept as wall time with offset `None` (an offset in
//! the text would be kept). The API gives no ETA.
//!
//! Errors: the documentation pages found refer errors to HTTP response
//! status codes and publish no error body (a public client reads 404 as
//! "barcode not found"). An object without
//! `barcode` that carries `code`/`message` (or a gateway `fault` object with
//! them) is read as [`Error::CarrierError`]; any other record without
//! `barcode` or `date` is [`Error::MissingField`]. An empty array is no
//! tracking.

use super::{
    bad_time, carrier_error, iso_time, item_root, json, location, one_or_many, text, Groups, Str,
};
use crate::{Carrier, Error, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Ukrposhta;

#[derive(Deserialize)]
#[serde(transparent)]
struct Body<'a>(#[serde(borrow, deserialize_with = "one_or_many")] Vec<Record<'a>>);

#[derive(Deserialize)]
struct Record<'a> {
    #[serde(borrow)]
    barcode: Option<Str<'a>>,
    #[serde(borrow)]
    date: Option<Str<'a>>,
    #[serde(borrow)]
    index: Option<Str<'a>>,
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    event: Option<Str<'a>>,
    #[serde(borrow, rename = "eventName")]
    event_name: Option<Str<'a>>,
    #[serde(borrow)]
    country: Option<Str<'a>>,
    #[serde(borrow, rename = "eventReason")]
    event_reason: Option<Str<'a>>,
    #[serde(borrow, rename = "eventReason_id")]
    event_reason_id: Option<Str<'a>>,
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    message: Option<Str<'a>>,
    #[serde(borrow)]
    fault: Option<Fault<'a>>,
}

#[derive(Deserialize)]
struct Fault<'a> {
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    message: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let Body(records) = json(C, body)?;
    let path = |i: usize, field: &str| format!("{}.{field}", item_root(records.len(), i));
    let mut groups = Groups::new();
    for (i, r) in records.iter().enumerate() {
        let Some(number) = text(&r.barcode) else {
            if let Some(e) = error_of(r) {
                return Err(e);
            }
            return Err(Error::MissingField {
                carrier: C,
                field: "barcode",
                path: path(i, "barcode"),
            });
        };
        let ts = text(&r.date).ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "date",
            path: path(i, "date"),
        })?;
        let time = iso_time(ts).ok_or_else(|| bad_time(C, || path(i, "date"), ts))?;
        let code = text(&r.event).unwrap_or("");
        let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
        let description = match (text(&r.event_name), text(&r.event_reason)) {
            (Some(n), Some(reason)) => format!("{n}, {reason}"),
            (Some(n), None) => n.to_string(),
            (None, Some(reason)) => reason.to_string(),
            (None, None) => String::new(),
        };
        let reason_code = text(&r.event_reason_id).map(str::to_string);
        let mut place = location(None, text(&r.index), text(&r.country));
        place.name = text(&r.name).map(str::to_string);
        let event = Event::meant(Some(time), code, reason_code, description, mapping).at(place);
        groups.add(number, [event]);
    }
    Ok(groups.into_trackings(C))
}

/// The error a record without `barcode` carries, if any.
fn error_of(r: &Record<'_>) -> Option<Error> {
    if let Some(f) = &r.fault {
        let message = text(&f.message).or(text(&f.description));
        let code = text(&f.code);
        if code.is_some() || message.is_some() {
            return Some(carrier_error(C, code, message));
        }
    }
    let (code, message) = (text(&r.code), text(&r.message));
    (code.is_some() || message.is_some()).then(|| carrier_error(C, code, message))
}
