//! Aramex Shipments Tracking API 1.0 (`TrackShipments`,
//! `https://ws.aramex.net/ShippingAPI.V2/Tracking/Service_1_0.svc`), the whole
//! SOAP envelope (namespace `http://ws.aramex.net/ShippingAPI/v1/`).
//!
//! `ShipmentTrackingResponse/TrackingResults` is a WCF dictionary: one
//! `KeyValueOfstringArrayOfTrackingResultmFAkxlpY` per waybill asked for, its
//! `Key` the waybill and its `Value` the `TrackingResult` updates. Each pair is
//! one tracking (number: `Key`, else the first update's `WaybillNumber`); each
//! `TrackingResult` is an event. The code is `UpdateCode` (`SH005`), the key
//! of `mappings/aramex.tsv`; `ProblemCode`, when sent, is the event's
//! `reason_code` and the pair `UpdateCode|ProblemCode` is tried first. The text
//! is `UpdateDescription`, with `Comments` in parentheses when present.
//! `UpdateLocation` (`Al Muqabalain, Jordan`) is split at its last comma into
//! city and country (the country as written).
//!
//! Times: `UpdateDateTime` is an `xs:dateTime`; Aramex sends the local time of
//! the update without a zone (`2015-07-13T13:08:00`): offset `None`. An offset,
//! when present, is kept. The response has no ETA.
//!
//! A SOAP `Fault`, or `HasErrors` with `Notifications/Notification` and no
//! tracking, is [`Error::CarrierError`] (`ERR01: ClientInfo - Invalid username
//! or password`). Waybills listed only in `NonExistingWaybills` give a carrier
//! error naming them when nothing else was found.
//!
//! The same service answers JSON at its `/json/TrackShipments` endpoint (WCF
//! JSON, recognized by a body starting with `{`): the same field names, with
//! `TrackingResults` an array of `{"Key", "Value": [TrackingResult]}`,
//! `Notifications` an array and `NonExistingWaybills` an array of strings.
//! There `UpdateDateTime` is a WCF date, `/Date(1706788140000+0300)/`:
//! milliseconds since the epoch (UTC) and the offset the service wrote the
//! time in, so the local time is `2024-02-01T14:49:00+03:00`; the offset is
//! the service's, kept as sent. Without an offset the time is UTC; an ISO
//! string is read as in the XML.

use super::xml::{self, Record, Xml};
use super::{
    bad_time, carrier_error, iso_time, json, location, opt_one_or_many, text, wcf_date, Str,
};
use crate::{Carrier, Error, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Aramex;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let start = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    if start.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        return parse_json(body);
    }
    xml::read(C, body, |x| {
        let mut response = None;
        xml::soap_descendants(x, C, |x, el| {
            if el.name == "ShipmentTrackingResponse" && response.is_none() {
                response = Some(shipment_tracking_response(x)?);
            }
            Ok(())
        })?;
        response.ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "ShipmentTrackingResponse",
            path: format!("<{}>", x.root()),
        })?
    })
}

/// The `ShipmentTrackingResponse` just opened: its trackings, or why it has
/// none: its first notification, the waybills Aramex does not know, or a
/// missing `TrackingResults`.
fn shipment_tracking_response(x: &mut Xml) -> Result<Result<Vec<Tracking>, Error>, Error> {
    let mut out = Vec::new();
    let (mut results, mut notification, mut waybills) = (false, None, None);
    x.children(|x, el| match el.name {
        "TrackingResults" if !results => {
            results = true;
            x.children(|x, _| {
                if let Some(t) = pair(x, out.len())? {
                    out.push(t);
                }
                Ok(())
            })
        }
        "Notifications" if notification.is_none() => {
            let mut first = None;
            x.children(|x, el| {
                if el.name == "Notification" && first.is_none() {
                    first = Some(x.texts(&["Code", "Message"])?);
                }
                Ok(())
            })?;
            notification = Some(first);
            Ok(())
        }
        "NonExistingWaybills" if waybills.is_none() => {
            let mut unknown = Vec::new();
            x.children(|x, el| {
                if el.name == "string" {
                    let s = x.text()?;
                    if !s.is_empty() {
                        unknown.push(s);
                    }
                }
                Ok(())
            })?;
            waybills = Some(unknown);
            Ok(())
        }
        _ => Ok(()),
    })?;
    if !out.is_empty() {
        return Ok(Ok(out));
    }
    if let Some(n) = notification.flatten() {
        return Ok(Err(carrier_error(C, n.get("Code"), n.get("Message"))));
    }
    let unknown = waybills.unwrap_or_default();
    if !unknown.is_empty() {
        return Ok(Err(carrier_error(
            C,
            None,
            Some(&format!("waybill not found: {}", unknown.join(", "))),
        )
        // Aramex lists numbers it has no record of in `NonExistingWaybills`.
        .of_kind(crate::CarrierErrorKind::NotFound)));
    }
    Ok(Err(Error::MissingField {
        carrier: C,
        field: "TrackingResults",
        path: "ShipmentTrackingResponse".into(),
    }))
}

const RESULT: &[&str; 7] = &[
    "UpdateCode",
    "UpdateDescription",
    "UpdateDateTime",
    "UpdateLocation",
    "Comments",
    "ProblemCode",
    "WaybillNumber",
];

/// One `KeyValueOf…` pair of `TrackingResults` (`i` counts the pairs kept);
/// `None` when it has neither `Key` nor `Value`.
fn pair(x: &mut Xml, i: usize) -> Result<Option<Tracking>, Error> {
    let path = || format!("TrackingResults[{i}]");
    let mut value = false;
    let mut waybill = None;
    let mut events = xml::Events::new();
    let p = x.record(&["Key"], |x, el| {
        if el.name == "Value" && !value {
            value = true;
            x.children(|x, el| {
                if el.name == "TrackingResult" {
                    let mut r = x.texts(RESULT)?;
                    if waybill.is_none() {
                        waybill = r.take("WaybillNumber");
                    }
                    let j = events.index();
                    events.push(event(&r, || {
                        format!("{}.Value.TrackingResult[{j}]", path())
                    }));
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    if !value && !p.has("Key") {
        return Ok(None);
    }
    let number = p
        .get("Key")
        .or(waybill.as_deref())
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "Key",
            path: path(),
        })?;
    let events = events.finish()?;
    Ok(Some(Tracking::new(C, number, events, None)))
}

fn event(r: &Record<7>, path: impl Fn() -> String) -> Result<Event, Error> {
    update(
        Update {
            code: r.get("UpdateCode"),
            description: r.get("UpdateDescription"),
            time: r.get("UpdateDateTime"),
            location: r.get("UpdateLocation"),
            comments: r.get("Comments"),
            problem: r.get("ProblemCode"),
        },
        path,
    )
}

/// One `TrackingResult`'s fields, trimmed, empty ones `None`.
struct Update<'s> {
    code: Option<&'s str>,
    description: Option<&'s str>,
    time: Option<&'s str>,
    location: Option<&'s str>,
    comments: Option<&'s str>,
    problem: Option<&'s str>,
}

fn update(u: Update<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = u.time.ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "UpdateDateTime",
        path: path(),
    })?;
    let time = iso_time(ts)
        .or_else(|| wcf_date(ts))
        .ok_or_else(|| bad_time(C, || format!("{}.UpdateDateTime", path()), ts))?;
    let code = u.code.unwrap_or("");
    let problem = u.problem;
    let mapping = (!code.is_empty())
        .then(|| C.find_pair(code, problem))
        .flatten();
    let description = u.description.unwrap_or("");
    let text = match u.comments {
        Some(c) if description.is_empty() => c.to_string(),
        Some(c) => format!("{description} ({c})"),
        None => description.to_string(),
    };
    let place = u.location.unwrap_or("");
    let (city, country) = match place.rsplit_once(',') {
        Some((city, country)) => (city, Some(country)),
        None => (place, None),
    };
    Ok(
        Event::meant(Some(time), code, problem.map(str::to_string), text, mapping).at(location(
            Some(city),
            None,
            country,
        )),
    )
}

#[derive(Deserialize)]
struct JsonBody<'a> {
    #[serde(
        borrow,
        rename = "Notifications",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    notifications: Option<Vec<JsonNotification<'a>>>,
    #[serde(
        borrow,
        rename = "TrackingResults",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    tracking_results: Option<Vec<JsonPair<'a>>>,
    #[serde(
        borrow,
        rename = "NonExistingWaybills",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    non_existing_waybills: Option<Vec<Option<Str<'a>>>>,
}

#[derive(Deserialize)]
struct JsonNotification<'a> {
    #[serde(borrow, rename = "Code")]
    code: Option<Str<'a>>,
    #[serde(borrow, rename = "Message")]
    message: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct JsonPair<'a> {
    #[serde(borrow, rename = "Key")]
    key: Option<Str<'a>>,
    #[serde(
        borrow,
        rename = "Value",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    value: Option<Vec<JsonResult<'a>>>,
}

#[derive(Deserialize)]
struct JsonResult<'a> {
    #[serde(borrow, rename = "WaybillNumber")]
    waybill_number: Option<Str<'a>>,
    #[serde(borrow, rename = "UpdateCode")]
    update_code: Option<Str<'a>>,
    #[serde(borrow, rename = "UpdateDescription")]
    update_description: Option<Str<'a>>,
    #[serde(borrow, rename = "UpdateDateTime")]
    update_date_time: Option<Str<'a>>,
    #[serde(borrow, rename = "UpdateLocation")]
    update_location: Option<Str<'a>>,
    #[serde(borrow, rename = "Comments")]
    comments: Option<Str<'a>>,
    #[serde(borrow, rename = "ProblemCode")]
    problem_code: Option<Str<'a>>,
}

/// The WCF JSON form of the same response (see the module documentation).
fn parse_json(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let b: JsonBody = json(C, body)?;
    let pairs = b.tracking_results.as_deref().unwrap_or_default();
    let mut out = Vec::with_capacity(pairs.len());
    for (i, pair) in pairs.iter().enumerate() {
        let path = || format!("TrackingResults[{i}]");
        let results = pair.value.as_deref().unwrap_or_default();
        let number = text(&pair.key)
            .or_else(|| results.iter().find_map(|r| text(&r.waybill_number)))
            .ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "Key",
                path: path(),
            })?;
        let mut events = Vec::with_capacity(results.len());
        for (j, r) in results.iter().enumerate() {
            let u = Update {
                code: text(&r.update_code),
                description: text(&r.update_description),
                time: text(&r.update_date_time),
                location: text(&r.update_location),
                comments: text(&r.comments),
                problem: text(&r.problem_code),
            };
            events.push(update(u, || format!("{}.Value[{j}]", path()))?);
        }
        out.push(Tracking::new(C, number, events, None));
    }
    if !out.is_empty() {
        return Ok(out);
    }
    if let Some(n) = b.notifications.as_deref().unwrap_or_default().first() {
        return Err(carrier_error(C, text(&n.code), text(&n.message)));
    }
    let unknown: Vec<&str> = b
        .non_existing_waybills
        .iter()
        .flatten()
        .filter_map(text)
        .collect();
    if !unknown.is_empty() {
        return Err(carrier_error(
            C,
            None,
            Some(&format!("waybill not found: {}", unknown.join(", "))),
        )
        .of_kind(crate::CarrierErrorKind::NotFound));
    }
    Err(Error::MissingField {
        carrier: C,
        field: "TrackingResults",
        path: "$".into(),
    })
}
