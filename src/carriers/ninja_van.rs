//! Ninja Van order-status webhook (the JSON body Ninja Van POSTs to a
//! shipper's webhook URL, signed with `X-Ninjavan-Hmac-Sha256`): one flat
//! object per status change, `{"shipper_id", "status", "shipper_ref_no",
//! "tracking_ref_no", "shipper_order_ref_no", "timestamp", "id",
//! "previous_status", "tracking_id", "comments"}`, as published in shipper
//! integrations and test stubs (see `tests/fixtures/README.md`). Ninja Van
//! offers no public tracking-history endpoint; tracking comes by webhook.
//!
//! One body is one [`Tracking`] (numbered by `tracking_id`) with one event.
//! Receivers often store the bodies and hand them back as a JSON array; an
//! array of webhook bodies is read too, one tracking per `tracking_id` (in
//! order of first appearance) with all its events.
//!
//! The code is the `status` text as sent (e.g. `Delivered, Left at
//! Doorstep`), the key of `mappings/ninja_van.tsv`; `previous_status` is not
//! an event of its own (its time is not sent). The description is
//! `comments` when given, else the status text. No place is sent.
//!
//! Times: `timestamp` is ISO 8601 with the shipper country's offset written
//! without a colon (`2017-09-21T10:57:14+0800`); the wall time and offset are
//! kept as sent, a time without offset keeps none. The webhook carries no
//! ETA. A body without `tracking_id` or `timestamp` is
//! [`Error::MissingField`]; the webhook has no error answer.

use super::{bad_time, iso_time, item_root, json, one_or_many, text, Groups, Str};
use crate::{Carrier, Error, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::NinjaVan;

#[derive(Deserialize)]
#[serde(transparent)]
struct Bodies<'a>(#[serde(borrow, deserialize_with = "one_or_many")] Vec<Webhook<'a>>);

#[derive(Deserialize)]
struct Webhook<'a> {
    #[serde(borrow)]
    tracking_id: Option<Str<'a>>,
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow)]
    timestamp: Option<Str<'a>>,
    #[serde(borrow)]
    comments: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let Bodies(hooks) = json(C, body)?;
    let path = |i: usize, field: &str| format!("{}.{field}", item_root(hooks.len(), i));
    let mut groups = Groups::new();
    for (i, h) in hooks.iter().enumerate() {
        let number = text(&h.tracking_id).ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "tracking_id",
            path: path(i, "tracking_id"),
        })?;
        let ts = text(&h.timestamp).ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "timestamp",
            path: path(i, "timestamp"),
        })?;
        let time = iso_time(ts).ok_or_else(|| bad_time(C, || path(i, "timestamp"), ts))?;
        let status = text(&h.status).unwrap_or("");
        let mapping = (!status.is_empty()).then(|| C.find(status)).flatten();
        let description = text(&h.comments).unwrap_or(status);
        let event = Event::meant(Some(time), status, None, description, mapping);
        groups.add(number, [event]);
    }
    Ok(groups.into_trackings(C))
}
