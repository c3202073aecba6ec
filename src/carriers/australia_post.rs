//! Australia Post Shipping and Tracking API, track items
//! (`GET /shipping/v1/track?tracking_ids=…`), JSON.
//!
//! `tracking_results[]` holds one result per requested id. A result's
//! `trackable_items[]` are articles (`article_id`, `events`, `status`) or
//! consignments (`consignment_id` with `items[]` of articles); each article is
//! one tracking. A result without items but with a `consignment[]` list is read
//! from that list. Results that carry only `errors` are skipped; when no result
//! has tracking data the first error is [`Error::CarrierError`], as is a
//! top-level `errors` answer.
//!
//! Events have text only: the table's keys are the exact `description` texts;
//! a text ending in ` in <PLACE IN CAPITALS>` ("In transit to next facility in
//! OAKLEIGH SOUTH VIC") is looked up without that suffix. The event `code` is
//! empty. An article without events but with a `status` gets one untimed event
//! looked up as `status/<status>`.
//!
//! Times: `date` is ISO 8601 with the local offset (`2014-05-30T14:43:09+10:00`),
//! kept as sent. The response has no ETA.

use super::{bad_time, iso_time, json, location, one_or_many, text, Str};
use crate::{Carrier, Error, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::AustraliaPost;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    tracking_results: Vec<TrackingResult<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    errors: Vec<ApiError<'a>>,
}

#[derive(Deserialize)]
struct ApiError<'a> {
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    message: Option<Str<'a>>,
    #[serde(borrow)]
    error_code: Option<Str<'a>>,
    #[serde(borrow)]
    error_name: Option<Str<'a>>,
    #[serde(borrow)]
    error: Option<Str<'a>>,
    #[serde(borrow)]
    error_description: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct TrackingResult<'a> {
    #[serde(borrow)]
    tracking_id: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    errors: Vec<ApiError<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    trackable_items: Vec<Item<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    consignment: Vec<Item<'a>>,
}

#[derive(Deserialize)]
struct Item<'a> {
    #[serde(borrow)]
    article_id: Option<Str<'a>>,
    #[serde(borrow)]
    consignment_id: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    events: Vec<ApiEvent<'a>>,
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    items: Vec<Item<'a>>,
}

#[derive(Deserialize)]
struct ApiEvent<'a> {
    #[serde(borrow)]
    location: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    date: Option<Str<'a>>,
}

fn carrier_error(e: &ApiError<'_>) -> Error {
    let code = text(&e.code).or(text(&e.error_code)).or(text(&e.error));
    let message = text(&e.message)
        .or(text(&e.name))
        .or(text(&e.error_description))
        .or(text(&e.error_name))
        .unwrap_or("unspecified error");
    Error::CarrierError {
        kind: crate::CarrierErrorKind::Other,
        carrier: C,
        code: code.map(str::to_string),
        message: match code {
            Some(c) => format!("{c}: {message}"),
            None => message.to_string(),
        },
    }
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    if body.tracking_results.is_empty() {
        return Err(match body.errors.first() {
            Some(e) => carrier_error(e),
            None => Error::MissingField {
                carrier: C,
                field: "tracking_results",
                path: "$".into(),
            },
        });
    }
    let mut out = Vec::new();
    let mut first_error = None;
    for (ri, r) in body.tracking_results.iter().enumerate() {
        let (items, field) = if r.trackable_items.is_empty() {
            (&r.consignment, "consignment")
        } else {
            (&r.trackable_items, "trackable_items")
        };
        if items.is_empty() {
            if first_error.is_none() {
                first_error = r.errors.first();
            }
            continue;
        }
        for (ii, item) in items.iter().enumerate() {
            // Paths are only formatted for an error.
            let item_path = || format!("tracking_results[{ri}].{field}[{ii}]");
            if item.items.is_empty() {
                out.push(article(item, text(&r.tracking_id), item_path)?);
            } else {
                let parent = text(&item.consignment_id).or(text(&r.tracking_id));
                for (ai, a) in item.items.iter().enumerate() {
                    out.push(article(a, parent, || {
                        format!("{}.items[{ai}]", item_path())
                    })?);
                }
            }
        }
    }
    if out.is_empty() {
        if let Some(e) = first_error {
            return Err(carrier_error(e));
        }
    }
    Ok(out)
}

fn article(
    item: &Item<'_>,
    fallback_id: Option<&str>,
    path: impl Fn() -> String,
) -> Result<Tracking, Error> {
    let number = text(&item.article_id)
        .or(text(&item.consignment_id))
        .or(fallback_id)
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "article_id",
            path: path(),
        })?;
    let mut events = Vec::with_capacity(item.events.len().max(1));
    for (ei, e) in item.events.iter().enumerate() {
        let at = || format!("{}.events[{ei}]", path());
        let date = text(&e.date).ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "date",
            path: at(),
        })?;
        let time = iso_time(date).ok_or_else(|| bad_time(C, || format!("{}.date", at()), date))?;
        let description = text(&e.description).unwrap_or("");
        let mapping = lookup_text(description);
        events.push(
            Event::meant(Some(time), "", None, description, mapping).at(location(
                text(&e.location),
                None,
                None,
            )),
        );
    }
    if events.is_empty() {
        if let Some(status) = text(&item.status) {
            let mapping = C.find_parts(&["status/", status]);
            events.push(Event::meant(None, "", None, status, mapping));
        }
    }
    Ok(Tracking::new(C, number, events, None))
}

/// Looks up an event text; a trailing ` in <PLACE IN CAPITALS>` is dropped
/// when the full text is not in the table.
fn lookup_text(description: &str) -> Option<crate::overrides::Hit> {
    if description.is_empty() {
        return None;
    }
    C.find(description).or_else(|| {
        let (head, place) = description.rsplit_once(" in ")?;
        let is_place = !place.is_empty()
            && place.chars().any(|c| c.is_ascii_uppercase())
            && !place.chars().any(|c| c.is_lowercase());
        is_place.then(|| C.find(head)).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_suffix_is_dropped_only_for_capitals() {
        let m = lookup_text("In transit to next facility in OAKLEIGH SOUTH VIC").unwrap();
        assert_eq!(m.code(), "In transit to next facility");
        assert!(lookup_text("In transit to next facility in Sydney").is_none());
        assert_eq!(lookup_text("Delivered").unwrap().code(), "Delivered");
    }
}
