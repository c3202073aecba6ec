//! SmartKargo (DeliverDirect) IHUB API 1.0.0 (OpenAPI 3.0.1), `GET
//! /tracking?prefix=&airWaybill=` (or `packageReference=` / `barCode=`), JSON.
//!
//! The answer is a bare array of event rows (`items`), each repeating the
//! shipment's `prefix`, `airWaybill`, references and `estimatedDeliveryDate`
//! next to its `eventType`, `eventDate`, `eventLocation` (an airport or
//! station code) and `description`; the partner variant adds a `location`
//! object (`city`, `zip`, `countryId`, `timezone`). All rows become one
//! tracking whose number is `prefix` + `airWaybill` (`AXB00006510`, the form
//! karrio tracks by), else `packageReference`, else `headerReference`. An
//! empty array (nothing found) is no tracking.
//!
//! Codes: `eventType` is the 3-letter event code (`BKD`, `DDL`), looked up
//! as sent (the `# key:` of `mappings/smartkargo.tsv`).
//!
//! Times: `eventDate` is a local wall time without a zone
//! (`2021-01-25T13:03:17`, sometimes with 7 fractional digits); it is kept
//! with no offset (the partner `location.timezone` is an IANA name and is not
//! turned into an offset). The ETA is `estimatedDeliveryDate` of the latest
//! row; SmartKargo writes it as an end-of-day time (`…T23:59:00`), read as a
//! whole-day window on its date.
//!
//! Errors: a 400 answer is a JSON string, a 401 `{"statusCode", "message"}`,
//! and karrio also handles `{"error": {"code", "message"}}`; all are
//! [`Error::CarrierError`].

use super::{bad_time, day_window, iso_time, iso_time_or_date, json, text, Str};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, Location, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Smartkargo;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Item<'a> {
    #[serde(borrow)]
    prefix: Option<Str<'a>>,
    #[serde(borrow)]
    air_waybill: Option<Str<'a>>,
    #[serde(borrow)]
    header_reference: Option<Str<'a>>,
    #[serde(borrow)]
    package_reference: Option<Str<'a>>,
    #[serde(borrow)]
    event_type: Option<Str<'a>>,
    #[serde(borrow)]
    event_date: Option<Str<'a>>,
    #[serde(borrow)]
    event_location: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    estimated_delivery_date: Option<Str<'a>>,
    #[serde(borrow)]
    location: Option<ItemLocation<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ItemLocation<'a> {
    #[serde(borrow)]
    event_location: Option<Str<'a>>,
    #[serde(borrow)]
    city: Option<Str<'a>>,
    #[serde(borrow)]
    zip: Option<Str<'a>>,
    #[serde(borrow)]
    country_id: Option<Str<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ErrorBody<'a> {
    #[serde(borrow)]
    error: Option<ErrorObject<'a>>,
    #[serde(borrow)]
    status_code: Option<Str<'a>>,
    #[serde(borrow)]
    message: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct ErrorObject<'a> {
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    message: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let first = body
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(body)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    match first {
        Some(b'{') => return Err(error(json(C, body)?)),
        Some(b'"') => {
            let message: Str = json(C, body)?;
            return Err(Error::CarrierError {
                kind: crate::CarrierErrorKind::Other,
                carrier: C,
                code: None,
                message: message.trim().to_string(),
            });
        }
        _ => {}
    }
    let items: Vec<Item> = json(C, body)?;
    let Some(head) = items.first() else {
        return Ok(Vec::new());
    };
    let number = match (text(&head.prefix), text(&head.air_waybill)) {
        (Some(p), Some(a)) => format!("{p}{a}"),
        (None, Some(a)) => a.to_string(),
        _ => text(&head.package_reference)
            .or(text(&head.header_reference))
            .ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "airWaybill",
                path: "[0]".into(),
            })?
            .to_string(),
    };
    let mut out = Vec::with_capacity(items.len());
    let mut latest: Option<(crate::event::EventTime, &Item)> = None;
    for (i, e) in items.iter().enumerate() {
        let path = || format!("[{i}]");
        let Some(ts) = text(&e.event_date) else {
            return Err(Error::MissingField {
                carrier: C,
                field: "eventDate",
                path: path(),
            });
        };
        let time =
            iso_time(ts).ok_or_else(|| bad_time(C, || format!("{}.eventDate", path()), ts))?;
        if latest.is_none_or(|(t, _)| time.sort_key() >= t.sort_key()) {
            latest = Some((time, e));
        }
        let code = text(&e.event_type).unwrap_or("");
        let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
        let place = e.location.as_ref();
        let loc = Location {
            name: text(&e.event_location)
                .or(place.and_then(|p| text(&p.event_location)))
                .map(str::to_string),
            ..super::location(
                place.and_then(|p| text(&p.city)),
                place.and_then(|p| text(&p.zip)),
                place.and_then(|p| text(&p.country_id)),
            )
        };
        out.push(
            Event::meant(
                Some(time),
                code,
                None,
                text(&e.description).unwrap_or(""),
                mapping,
            )
            .at(loc),
        );
    }
    let eta = match latest.and_then(|(_, e)| text(&e.estimated_delivery_date)) {
        None => None,
        Some(t) => {
            let date = iso_time_or_date(t)
                .ok_or_else(|| bad_time(C, || "estimatedDeliveryDate".to_string(), t))?
                .local
                .date();
            let (earliest, latest) = day_window(date);
            Some(EtaWindow {
                earliest,
                latest,
                source: EtaSource::Carrier,
            })
        }
    };
    Ok(vec![Tracking::new(C, number, out, eta)])
}

fn error(b: ErrorBody<'_>) -> Error {
    if let Some(e) = &b.error {
        return Error::CarrierError {
            kind: crate::CarrierErrorKind::Other,
            carrier: C,
            code: text(&e.code).map(str::to_string),
            message: text(&e.message).unwrap_or("").to_string(),
        };
    }
    match (text(&b.status_code), text(&b.message)) {
        (None, None) => Error::MissingField {
            carrier: C,
            field: "eventType",
            path: "$".into(),
        },
        (code, message) => Error::CarrierError {
            kind: crate::CarrierErrorKind::Other,
            carrier: C,
            code: code.map(str::to_string),
            message: message.unwrap_or("").to_string(),
        },
    }
}
